"""Scores of a clustering against gold stories: NMI, B-cubed precision / recall / F1, ARI."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


@dataclass(frozen=True)
class Scores:
    nmi: float
    precision: float
    recall: float
    f1: float
    ari: float
    clusters: int


def split_of(story: object) -> str:
    """The development or confirmation half a gold story belongs to, fixed by a hash of its id."""
    return "dev" if hashlib.sha256(str(story).encode("utf-8")).digest()[0] % 2 == 0 else "confirm"


def bcubed(gold: Sequence[object], found: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin): per item, the share of its found cluster
    that is of its gold story, and the share of its gold story in its found cluster, averaged."""
    pairs = Counter(zip(gold, found, strict=True))
    gold_sizes, found_sizes = Counter(gold), Counter(found)
    precision = sum(n * n / found_sizes[f] for (_, f), n in pairs.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in pairs.items()) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def score(gold: Sequence[object], found: Sequence[object]) -> Scores:
    precision, recall, f1 = bcubed(gold, found)
    return Scores(
        nmi=normalized_mutual_info_score(gold, found),
        precision=precision,
        recall=recall,
        f1=f1,
        ari=adjusted_rand_score(gold, found),
        clusters=len(set(found)),
    )
