"""Words as hashed term counts, and their online tf-idf weights over the stream so far.

Short news texts that share few words can still be one story (the embedding sees that), and texts
that share a topic's words can be two stories (rare shared words — names, places, numbers of a
particular event — see that). Words are hashed into a fixed number of buckets so that the document
frequencies take fixed memory however long the stream runs.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import repeat
from operator import mul

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

BUCKETS = 1 << 20
WORD = re.compile(r"[^\W\d_]{2,}")

TermVector = dict[int, float]


def count_terms(text: str) -> Counter[int]:
    """Hashed counts of the text's words (lowercased, stop words left out)."""
    words = (word for word in WORD.findall(text.lower()) if word not in ENGLISH_STOP_WORDS)
    # crc32, not hash(): the same word must land in the same bucket in every process.
    return Counter(zlib.crc32(word.encode("utf-8")) % BUCKETS for word in words)


class TermWeights:
    """Document frequencies of hashed terms over the stream so far, and tf-idf vectors from them."""

    def __init__(self) -> None:
        self.documents = 0
        self.frequency = np.zeros(BUCKETS, dtype=np.int32)

    def count(self, terms: Iterable[int]) -> None:
        self.documents += 1
        self.frequency[list(terms)] += 1

    def vector(self, terms: Mapping[int, int]) -> TermVector:
        """The L2-normalised tf-idf vector of a text's term counts."""
        if not terms:
            return {}
        keys = list(terms)
        idf = np.log((self.documents + 1) / (self.frequency[keys] + 0.5))
        weights = np.fromiter(terms.values(), dtype=np.float64, count=len(keys)) * idf
        norm = float(np.linalg.norm(weights))
        if not norm:
            return {}
        return dict(zip(keys, (weights / norm).tolist(), strict=True))


def dot(ours: TermVector, theirs: Mapping[int, float]) -> float:
    # map() rather than a generator: this runs for every candidate of every article.
    return sum(map(mul, ours.values(), map(theirs.get, ours.keys(), repeat(0.0))))
