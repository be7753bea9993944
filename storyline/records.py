"""Frozen records passed between the pipeline's stages.

Every stage takes and returns these; none of them knows about the store or the CLI.
Datetimes are always timezone-aware (UTC when the source gives no zone).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Literal

DocumentKind = Literal["text", "html"]
QuoteKind = Literal["direct", "partial", "reported"]


def content_hash(text: str) -> str:
    """A short stable id for a piece of content (whitespace-insensitive)."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class RawDocument:
    """One page as ingested: decoded text or HTML plus what its container said of it."""

    source: str
    payload: str
    kind: DocumentKind
    url: str | None = None
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: datetime | None = None

    @cached_property
    def id(self) -> str:
        # Cached: hashing a page costs about a millisecond per 100 KB, and ingest asks for it several
        # times (is it stored? store it, link its source). A frozen dataclass allows this, since
        # cached_property writes the instance's __dict__ directly.
        return content_hash(self.kind + "\n" + self.payload)


@dataclass(frozen=True)
class YearlessDate:
    """A date the text gives without a year ("On July 9", "Tuesday (July 11)")."""

    month: int
    day: int
    weekday: int | None = None  # Monday == 0, as in datetime.weekday()

    def resolve(self, near: date) -> date:
        """The date with this month and day closest to `near` (matching the weekday if given)."""
        candidates = []
        for year in range(near.year - 7, near.year + 8):
            try:
                candidate = date(year, self.month, self.day)
            except ValueError:  # 29 February in a common year
                continue
            if self.weekday is None or candidate.weekday() == self.weekday:
                candidates.append(candidate)
        if not candidates:
            return date(near.year, self.month, min(self.day, 28))
        return min(candidates, key=lambda candidate: abs((candidate - near).days))


@dataclass(frozen=True)
class Article:
    """A clean article: the body text and the metadata read out of the page."""

    id: str
    raw_id: str
    source: str
    text: str  # paragraphs separated by a blank line
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    published_inferred: bool = False
    yearless_date: YearlessDate | None = None
    language: str | None = None
    dropped: tuple[str, ...] = ()  # boilerplate lines, kept aside for audit

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


@dataclass(frozen=True)
class Entity:
    name: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, ...
    count: int = 1


@dataclass(frozen=True)
class Quote:
    """Who said what, with character spans into the article's text."""

    article_id: str
    speaker: str | None  # resolved name ("Ana Ruiz" for "She")
    text: str
    cue: str
    kind: QuoteKind
    speaker_mention: str | None = None  # the words in the text ("He", "the spokesperson")
    speaker_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    content_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Analysis:
    article_id: str
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Event:
    id: str
    article_ids: tuple[str, ...]
    start: datetime | None
    end: datetime | None
    storyline_id: str | None = None


@dataclass(frozen=True)
class Storyline:
    id: str
    event_ids: tuple[str, ...]
    headline: str = ""


@dataclass(frozen=True)
class Cited:
    """A sentence of a brief and the articles it comes from.

    `passages[i]` is the position of the sentence in article `cites[i]` that carries the statement
    (as numbered by `storyline.brief.sentences.article_sentences`), or None for the article as a whole.
    """

    text: str
    cites: tuple[str, ...]
    date: datetime | None = None
    passages: tuple[int | None, ...] = ()

    def merged_with(self, other: Cited) -> Cited:
        """This item, citing the other's sources too."""
        known = dict(zip(self.cites, self.passages or (None,) * len(self.cites), strict=True))
        for cite, passage in zip(other.cites, other.passages or (None,) * len(other.cites), strict=True):
            known.setdefault(cite, passage)
        return Cited(self.text, tuple(known), self.date, tuple(known.values()))


@dataclass(frozen=True)
class Source:
    article_id: str
    outlet: str | None
    title: str | None
    published: datetime | None
    source: str


@dataclass(frozen=True)
class Brief:
    event_id: str
    headline: str
    start: datetime | None
    end: datetime | None
    highlights: tuple[Cited, ...] = ()
    summary: tuple[Cited, ...] = ()
    timeline: tuple[Cited, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()
    only_in: tuple[Cited, ...] = ()
    storyline_id: str | None = None
    perspectives: tuple[Perspective, ...] = ()


@dataclass(frozen=True)
class Perspective:
    """One actor's position towards another in an event ("China opposes NATO"), with its evidence."""

    actor: str
    action: str  # base verb: "oppose", "accuse", "support", "say"
    target: str
    stance: int  # -1 against, 0 neutral, +1 for
    quotes: tuple[tuple[str, tuple[int, int]], ...] = ()  # (article id, content span) of each support
