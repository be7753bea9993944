"""The quotes of a brief: who said what across an event's articles, one name per speaker."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from storyline.analyse import is_statement
from storyline.records import Article, Quote

WORD = re.compile(r"\w+")


def key_quotes(quotes: dict[str, tuple[Quote, ...]], articles: tuple[Article, ...]) -> tuple[Quote, ...]:
    """Every attributed quote, grouped by speaker: the most quoted speakers first, in reading order."""
    said = [
        quote
        for article in articles
        for quote in drop_nested(quotes.get(article.id, ()))
        if quote.speaker and is_statement(quote)
    ]
    canonical = canonical_speakers(Counter(quote.speaker for quote in said if quote.speaker))
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for quote in said:
        name = canonical[quote.speaker or ""]
        by_speaker[name].append(replace(quote, speaker=name))
    return tuple(
        quote for group in sorted(by_speaker.values(), key=lambda group: -len(group)) for quote in group
    )


def drop_nested(quotes: tuple[Quote, ...]) -> list[Quote]:
    """One article's quotes less those one reader would see twice: of a speaker's two quotes, one inside
    the other, the outer one when the inner has a cue of its own ("issued a communiqué saying that …"
    is what "saying" introduced) and the inner one when they share the cue (the reported clause holds
    its quoted words)."""
    return [
        quote for quote in quotes if not any(shadows(other, quote) for other in quotes if other is not quote)
    ]


def shadows(other: Quote, quote: Quote) -> bool:
    """Whether `other`, by the same speaker, makes `quote` redundant."""
    if other.speaker != quote.speaker or not (other.content_span and quote.content_span):
        return False
    if other.cue_span == quote.cue_span:
        return contains(other.content_span, quote.content_span)
    return contains(quote.content_span, other.content_span)


def contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer != inner and outer[0] <= inner[0] and inner[1] <= outer[1]


def canonical_speakers(counts: Counter[str]) -> dict[str, str]:
    """One name per speaker across the event's articles: a name that ends a longer one ("Okafor" in
    "Grace Okafor") is that speaker; among several such, the most quoted. A name that only begins a
    longer one is another speaker ("NATO" is not "NATO Secretary General")."""
    words = {name: WORD.findall(name.lower()) for name in counts}
    canonical = {}
    for name, own in words.items():
        fuller = [
            other for other, theirs in words.items() if len(theirs) > len(own) and theirs[-len(own) :] == own
        ]
        canonical[name] = max(fuller, key=lambda other: (counts[other], len(other))) if fuller else name
    return canonical
