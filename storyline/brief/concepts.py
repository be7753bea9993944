"""The facts an event's sources share, as word pairs, so a summary can cover them rather than repeat one.

A "concept" is a pair of neighbouring words, cut to their first letters so that "protesters marched"
and "protester marches" are one (a crude stemmer that needs no model and works in many languages). A
pair of two stop words says nothing. A concept is worth the number of sources that use it (in an
event of one source, the times it uses it); one used once is noise. Choosing sentences that cover the
most worth per word, each concept counted once, is the classic coverage model of extractive
summarisation: it finds the sentences that say what most sources say, in the fewest words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

STEM_LETTERS = 5
MIN_WORTH = 2
WORD = re.compile(r"\w+")

Concepts = frozenset[tuple[str, str]]


def concepts_of(text: str) -> Concepts:
    """The sentence's neighbouring word pairs, stemmed, less those of two stop words."""
    words = WORD.findall(text.lower())
    pairs = pairwise(words)
    return frozenset(
        (first[:STEM_LETTERS], second[:STEM_LETTERS])
        for first, second in pairs
        if not (first in ENGLISH_STOP_WORDS and second in ENGLISH_STOP_WORDS)
    )


def concept_worth(concepts: Sequence[Concepts], owners: Sequence[str]) -> dict[tuple[str, str], int]:
    """What each concept is worth in the event: the sources using it, or its uses in a lone source."""
    sources: dict[tuple[str, str], set[str]] = {}
    uses: Counter[tuple[str, str]] = Counter()
    for found, owner in zip(concepts, owners, strict=True):
        for concept in found:
            sources.setdefault(concept, set()).add(owner)
            uses[concept] += 1
    several = len(set(owners)) > 1
    worth = {concept: len(sources[concept]) if several else uses[concept] for concept in sources}
    return {concept: value for concept, value in worth.items() if value >= MIN_WORTH}
