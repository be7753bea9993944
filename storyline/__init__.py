"""Storyline: a pile of raw news articles in, cited story briefs out."""

import os

__version__ = "0.1.0"

# Torch's threads (OpenMP) spin while they wait for work, and on a busy machine, or beside spaCy's
# workers, they spin on cores others need: briefs took 3.6 times the CPU-seconds of one thread. Waiting
# passively, two threads cost what one does and finish in half the time. OpenMP reads this once, when
# torch loads (spaCy's thinc loads it too), so it is set here, before any stage is imported.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
