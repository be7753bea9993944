"""Match predicted attributions to gold ones and score content spans and speakers.

Spans are compared as sets of word tokens (runs of `\\w`), so quotation marks, a trailing comma or a
space at the edge do not decide a match. Matching is one-to-one: pairs are taken greedily by overlap,
the largest first, among those that pass the rule.
- overlap rule: shared tokens >= 30 % of the longer of the two spans (the Gender Gap Tracker's test);
- exact rule: the same tokens.
Speaker accuracy is over the gold attributions that have a Source and were matched (overlap rule):
the speaker is right when the predicted speaker span overlaps the gold Source span, or when the resolved
name shares a capitalised word with the Source's words (a pronoun source is checked through its span,
since PolNeAR marks no coreference).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench.attribution_polnear import Fragments, GoldAttribution

_WORD = re.compile(r"\w+")
OVERLAP = 0.3


@dataclass(frozen=True)
class Predicted:
    content: Fragments
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None


@dataclass
class Tally:
    """Counts over a corpus for one system."""

    predicted: int = 0
    gold: int = 0
    overlap_hits: int = 0
    exact_hits: int = 0
    speaker_checked: int = 0
    speaker_right: int = 0
    articles: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def add(self, text: str, predicted: Sequence[Predicted], gold: Sequence[GoldAttribution]) -> None:
        self.articles += 1
        self.predicted += len(predicted)
        self.gold += len(gold)
        pairs = match(text, predicted, gold, passes_overlap)
        self.overlap_hits += len(pairs)
        self.exact_hits += len(match(text, predicted, gold, passes_exact))
        for p, g in pairs:
            if gold[g].source:
                self.speaker_checked += 1
                self.speaker_right += is_speaker_right(text, predicted[p], gold[g])


def tokens_of(text: str, fragments: Fragments) -> frozenset[int]:
    """Start offsets of the word tokens inside the fragments."""
    return frozenset(start + m.start() for start, end in fragments for m in _WORD.finditer(text[start:end]))


def passes_overlap(predicted: frozenset[int], gold: frozenset[int]) -> bool:
    shared = len(predicted & gold)
    return shared > 0 and shared >= OVERLAP * max(len(predicted), len(gold))


def passes_exact(predicted: frozenset[int], gold: frozenset[int]) -> bool:
    return bool(predicted) and predicted == gold


def match(
    text: str,
    predicted: Sequence[Predicted],
    gold: Sequence[GoldAttribution],
    rule: Callable[[frozenset[int], frozenset[int]], bool],
) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, greediest overlap first."""
    predicted_tokens = [tokens_of(text, item.content) for item in predicted]
    gold_tokens = [tokens_of(text, item.content) for item in gold]
    candidates = sorted(
        (
            (-len(p_tokens & g_tokens), p, g)
            for p, p_tokens in enumerate(predicted_tokens)
            for g, g_tokens in enumerate(gold_tokens)
            if p_tokens & g_tokens and rule(p_tokens, g_tokens)
        ),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, p, g in candidates:
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return pairs


def is_speaker_right(text: str, predicted: Predicted, gold: GoldAttribution) -> bool:
    span = predicted.speaker_span
    if span and any(start < span[1] and span[0] < end for start, end in gold.source):
        return True
    source_words = {word.lower() for start, end in gold.source for word in _WORD.findall(text[start:end])}
    name_words = {word.lower() for word in _WORD.findall(predicted.speaker or "") if word[:1].isupper()}
    return bool(name_words & source_words)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def format_scores(name: str, tally: Tally) -> list[str]:
    """Report lines: P/R/F1 per content rule, speaker accuracy and speed."""
    lines = [f"{name}: {tally.articles} articles, {tally.gold} gold, {tally.predicted} predicted"]
    for rule, hits in (("content, 30 % overlap", tally.overlap_hits), ("content, exact", tally.exact_hits)):
        precision = hits / tally.predicted if tally.predicted else 0.0
        recall = hits / tally.gold if tally.gold else 0.0
        lines.append(f"  {rule:<22} P {precision:.3f}  R {recall:.3f}  F1 {f1(precision, recall):.3f}")
    accuracy = tally.speaker_right / tally.speaker_checked if tally.speaker_checked else 0.0
    lines.append(
        f"  speaker accuracy       {accuracy:.3f} ({tally.speaker_right}/{tally.speaker_checked} matched)"
    )
    if tally.seconds:
        lines.append(f"  speed                  {tally.articles / tally.seconds:.1f} articles/s")
    lines.extend(f"  note: {note}" for note in tally.notes)
    return lines
