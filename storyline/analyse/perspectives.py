"""Perspectives: per event, who takes which position towards whom, from the quotes that say so.

A quote gives a record when a stance verb says what its speaker does to another actor of the event:
either the cue itself ("the union condemned the board") or a stance verb inside what was said (Ana Ruiz said
"the union firmly opposes the board's plan"). Records with the same actor, action and target are merged and
keep every supporting quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.analyse.lexicon import AGAINST, FOR
from storyline.analyse.names import fold
from storyline.analyse.words import verb_forms
from storyline.records import Perspective, Quote

_WORD = re.compile(r"[\w’'-]+")
# One spelling per action, so British and American reports of one position merge.
SPELLING = {"criticise": "criticize", "favour": "favor"}


def find_perspectives(quotes: Iterable[Quote], actors: Iterable[str]) -> tuple[Perspective, ...]:
    """Actor–action–target records of an event; `actors` are the names that may be targets (the
    event's entities and speakers), matched in the quote by their words."""
    names = sorted({name for name in actors if name.strip()}, key=len, reverse=True)
    merged: dict[tuple[str, str, str], list[tuple[str, tuple[int, int]]]] = {}
    for quote in quotes:
        found = read_stance(quote, names)
        if found and quote.content_span:
            merged.setdefault(found, []).append((quote.article_id, quote.content_span))
    return tuple(
        Perspective(actor, action, target, stance_of(action), tuple(refs))
        for (actor, action, target), refs in merged.items()
    )


def read_stance(quote: Quote, names: list[str]) -> tuple[str, str, str] | None:
    """(actor, action, target) for one quote: the first stance verb, then the first other actor after it."""
    if not quote.speaker:
        return None
    cue = base_of(quote.cue)
    if cue in AGAINST or cue in FOR:
        target = find_actor(quote.text, names, quote.speaker)
        return (quote.speaker, cue, target) if target else None
    for word in _WORD.finditer(quote.text):
        action = base_of(word[0])
        if action in AGAINST or action in FOR:
            # "China's ambitions challenge …" said by NATO: the stance is China's, the subject named before it
            actor = find_actor(quote.text[: word.start()], names, "", last=True) or quote.speaker
            target = find_actor(quote.text[word.end() :], names, actor)
            return (actor, action, target) if target else None
    return None


def find_actor(text: str, names: list[str], speaker: str, last: bool = False) -> str | None:
    """The actor named first (or last) in `text`, other than the speaker; the longest name at one place."""
    key = fold(text)
    found = [
        (match.start(), name)
        for name in names
        if not speaker or not is_part_of(name, speaker)
        for match in re.finditer(rf"\b{re.escape(fold(name))}\b", key)
    ]
    if not found:
        return None
    if last:
        return max(found, key=lambda item: (item[0], len(item[1])))[1]
    return min(found, key=lambda item: (item[0], -len(item[1])))[1]


def is_part_of(name: str, speaker: str) -> bool:
    """ "Ministry" in "Chinese Ministry of Foreign Affairs", or the name itself: the speaker, no target."""
    return bool(re.search(rf"\b{re.escape(fold(name))}\b", fold(speaker)))


def base_of(word: str) -> str | None:
    base = verb_forms().get(word.lower())
    return SPELLING.get(base, base) if base else None


def stance_of(action: str) -> int:
    return -1 if action in AGAINST else 1 if action in FOR else 0
