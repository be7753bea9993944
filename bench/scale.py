"""The clustering stage alone on synthetic streams of 10k, 100k and 1M articles: speed and memory.

    .venv/bin/python bench/scale.py [--sizes 10000,100000,1000000]

Each size runs in a fresh process. The stream is made up as it goes (so it takes no memory): 10,000
articles a day; every 50th or so starts a new event that lives about two days; an article is its
event's direction plus noise (cosine about 0.7 to the event's centre) and a dozen hashed words, most
from its event's vocabulary. Embedding is excluded: the vectors are given. Printed per size: items
per second of `StreamClusterer.add_many` alone (by the clock, and per second of this process's CPU
time, which a busy machine does not distort), the open events at the end, the peak resident memory of
the process and how much of it the stream added, and how well the events found match the true ones.
"""

from __future__ import annotations

import argparse
import heapq
import json
import resource
import subprocess
import sys
import time
from array import array
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.clustering_metrics import score  # noqa: E402 -- the repository must be on the path first
from storyline.cluster.items import EMBED_BATCH as BATCH  # noqa: E402
from storyline.cluster.items import batches  # noqa: E402
from storyline.cluster.stream import ClusterItem, StreamClusterer  # noqa: E402

DIMENSION = 384
PER_DAY = 10_000
NEW_EVENT_CHANCE = 0.02
EVENT_DAYS = 2.0
NOISE = 1.0  # the noise vector's length against a unit direction: cosine to the centre about 0.7
VOCABULARY = 200_000
EVENT_WORDS, OWN_WORDS, OTHER_WORDS = 12, 8, 4
CHUNK = 10_000
START = datetime(2026, 1, 1, tzinfo=UTC)
# The table: title, key, width, format.
COLUMNS = [
    ("items", "size", 9, ",d"),
    ("items/s", "items_per_s", 9, ",.0f"),
    ("per CPU s", "items_per_cpu_s", 9, ",.0f"),
    ("open events", "open_events", 11, ",d"),
    ("read s", "read_s", 7, ".2f"),
    ("peak MB", "peak_mb", 8, ".0f"),
    ("added MB", "added_mb", 8, ".0f"),
    ("NMI", "nmi", 6, ".3f"),
    ("B3 F1", "f1", 6, ".3f"),
]


def synthetic_stream(size: int, seed: int = 0) -> Iterator[tuple[ClusterItem, int]]:
    """Articles with their true event, made up chunk by chunk."""
    rng = np.random.default_rng(seed)
    live = LiveEvents()
    for first in range(0, size, CHUNK):
        count = min(CHUNK, size - first)
        noise = rng.standard_normal((count, DIMENSION)).astype(np.float32) * (NOISE / np.sqrt(DIMENSION))
        for offset in range(count):
            position = first + offset
            event = live.pick(rng, position)
            vector = live.directions[event] + noise[offset]
            vector /= np.linalg.norm(vector)
            own = rng.choice(live.words[event], OWN_WORDS, replace=False)
            other = rng.zipf(1.3, OTHER_WORDS) % VOCABULARY
            moment = START + timedelta(days=position / PER_DAY)
            yield (
                ClusterItem(str(position), vector, moment, terms=Counter([*own.tolist(), *other.tolist()])),
                event,
            )


class LiveEvents:
    """The made-up events still running: each a direction, a vocabulary and an end."""

    def __init__(self) -> None:
        self.directions: dict[int, np.ndarray] = {}
        self.words: dict[int, np.ndarray] = {}
        self.ends: list[tuple[int, int]] = []  # a heap of (end, event)

    def pick(self, rng: np.random.Generator, position: int) -> int:
        """A live event at random, or a new one; events past their end are dropped."""
        while self.ends and self.ends[0][0] < position:
            _, event = heapq.heappop(self.ends)
            del self.directions[event], self.words[event]
        if self.directions and rng.random() >= NEW_EVENT_CHANCE:
            return self.ends[rng.integers(len(self.ends))][1]
        direction = rng.standard_normal(DIMENSION).astype(np.float32)
        self.directions[position] = direction / np.linalg.norm(direction)
        self.words[position] = rng.integers(0, VOCABULARY, EVENT_WORDS)
        heapq.heappush(self.ends, (position + int(rng.exponential(EVENT_DAYS) * PER_DAY), position))
        return position


def resident_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


def measure(size: int) -> dict[str, float]:
    """Stream `size` articles through the clusterer; time `add` alone."""
    clusterer = StreamClusterer(dimension=DIMENSION, keep_history=False)
    before = resident_mb()
    spent, cpu, found, truth = 0.0, 0.0, array("i"), array("i")
    labels: dict[str, int] = {}  # event ids as small numbers: the bench's own lists stay small
    for batch in batches(synthetic_stream(size), BATCH):
        items = [item for item, _ in batch]
        started, started_cpu = time.perf_counter(), time.process_time()
        assignments = clusterer.add_many(items)
        spent += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        found.extend(labels.setdefault(a.event_id, len(labels)) for a in assignments)
        truth.extend(event for _, event in batch)
    started = time.perf_counter()
    open_events = len(clusterer.events())
    reading = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scores = score(truth, found)
    return {
        "size": size,
        "items_per_s": size / spent,
        "items_per_cpu_s": size / cpu,
        "open_events": open_events,
        "read_s": reading,
        "peak_mb": peak,
        "added_mb": resident_mb() - before,
        "nmi": scores.nmi,
        "f1": scores.f1,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process: one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    print(" ".join(f"{title:>{width}}" for title, _, width, _ in COLUMNS))
    for size in map(int, args.sizes.split(",")):
        command = [sys.executable, __file__, "--one", str(size)]
        row = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        print(" ".join(f"{row[key]:>{width}{style}}" for _, key, width, style in COLUMNS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
