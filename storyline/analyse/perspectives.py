"""Perspectives: per event, who takes which position towards whom, from the quotes that say so.

A quote gives a record when a stance verb says what its speaker does to another actor of the event:
either the cue itself ("the union condemned the board") or a stance verb inside what was said (Ana Ruiz said
"the union firmly opposes the board's plan"). Inside what was said only the first stance verb is read, in
its own clause: not a noun ("a challenge"), not negated, its actor the subject named before it (or the
speaker saying "we"), its target named within a few words after it, and "by" turning a passive round.
Records with the same actor, action and target are merged and keep every supporting quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from storyline.analyse.lexicon import AGAINST, FOR, word_set
from storyline.analyse.names import fold
from storyline.analyse.words import verb_forms
from storyline.records import Perspective, Quote

_WORD = re.compile(r"[\w’'-]+")
# One spelling per action, so British and American reports of one position merge.
SPELLING = {"criticise": "criticize", "favour": "favor"}
# A verb's object is named within a few words of it ("opposes any efforts by the league to …").
TARGET_WORDS = 8
# A sentence end, a quotation mark or a "but" closes the clause a stance verb governs.
_CLAUSE_END = re.compile(r"[.;:!?\"“”«»]|\bbut\b")
_PARTICIPLE_CLAUSE = re.compile(r",\s+\w+ing\b")
FIRST_PERSON = word_set("i we")
_BY = re.compile(r"\s*by\b")
# Words after which a stance word is a noun: a determiner, or "pose" ("poses a challenge").
NOUN_MARKERS = word_set(
    "a an the this these those its their his her our your my any no every each such pose poses posed posing"
)
# Characters before a stance word searched for its negation: two words and their spaces.
NEGATION_REACH = 40
NEGATIONS = word_set(
    """not no never refuse refuses refused refusing decline declines declined declining
    fail fails failed failing refrain refrains refrained refraining avoid avoids avoided avoiding"""
)


def find_perspectives(
    quotes: Iterable[Quote], actors: Iterable[str], texts: Mapping[str, str] | None = None
) -> tuple[Perspective, ...]:
    """Actor–action–target records of an event; `actors` are the names that may be targets (the
    event's entities and speakers), matched in the quote by their words; `texts`, the articles' texts
    by id, show whether a cue is negated ("did not condemn")."""
    # Longest first, and in code-point order among equals: where two spellings match at one place
    # ("His", "his"), the one found must not depend on the order a set of names iterates in.
    names = sorted({name for name in actors if name.strip()}, key=lambda name: (-len(name), name))
    merged: dict[tuple[str, str, str], list[tuple[str, tuple[int, int]]]] = {}
    for quote in quotes:
        if cue_is_negated(quote, texts or {}):
            continue
        found = read_stance(quote, names)
        if found and quote.content_span:
            merged.setdefault(found, []).append((quote.article_id, quote.content_span))
    return tuple(
        Perspective(actor, action, target, stance_of(action), tuple(refs))
        for (actor, action, target), refs in merged.items()
    )


def read_stance(quote: Quote, names: list[str]) -> tuple[str, str, str] | None:
    """(actor, action, target) for one quote: its cue if that is a stance verb, else the first stance
    verb in what was said, with the actors named in that verb's clause."""
    if not quote.speaker:
        return None
    cue = base_of(quote.cue)
    if cue in AGAINST or cue in FOR:
        target = find_actor(object_window(quote.text), names, quote.speaker)
        return (quote.speaker, cue, target) if target else None
    for word in _WORD.finditer(quote.text):
        action = base_of(word[0])
        if (action in AGAINST or action in FOR) and not reads_as_noun_or_negated(quote.text[: word.start()]):
            return read_clause(quote.text, word.start(), word.end(), action, names, quote.speaker)
    return None


def read_clause(
    text: str, start: int, end: int, action: str, names: list[str], speaker: str
) -> tuple[str, str, str] | None:
    """The actor and target of the stance verb at text[start:end]; only the first such verb of a quote is
    read, since a later one mostly belongs to a clause whose subject the words cannot tell."""
    before, after = clause_before(text[:start]), object_window(text[end:])
    agent = _BY.match(after)
    if agent:
        # "the plan was rejected by the union": the agent takes the stance towards what came before.
        actor = find_actor(after[agent.end() :], names, "")
        target = find_actor(before, names, actor, last=True) if actor else None
    else:
        # "Ruritania's policies challenge …" said by someone else: the stance is the subject's; the
        # speaker's own only when "we" or "I" take it ("the lava threatened the town" is no one's).
        actor = find_actor(before, names, "", last=True) or (speaker if speaks_for_self(before) else None)
        target = find_actor(after, names, actor)
    return (actor, action, target) if actor and target else None


def cue_is_negated(quote: Quote, texts: Mapping[str, str]) -> bool:
    text = texts.get(quote.article_id)
    if not text or not quote.cue_span:
        return False
    start = quote.cue_span[0]
    return is_negated(clause_before(text[max(0, start - NEGATION_REACH) : start]))


def reads_as_noun_or_negated(before: str) -> bool:
    """Whether a stance word is a noun ("a challenge", "poses challenges", "questions about …" opening
    what was said) or a verb under negation. Only the last words before it count: a long quote is not
    read again from its start for each stance word in it."""
    before = before[-NEGATION_REACH:]
    words = _WORD.findall(before.lower())[-1:]
    return not words or words[-1] in NOUN_MARKERS or is_negated(before)


def is_negated(before: str) -> bool:
    """Whether the two words before a verb negate it ("did not condemn", "refused to condemn")."""
    words = _WORD.findall(before.lower())[-2:]
    return any(word in NEGATIONS or word.endswith(("n't", "n’t")) for word in words)


def speaks_for_self(before: str) -> bool:
    return any(word in FIRST_PERSON for word in _WORD.findall(before.lower()))


def clause_before(text: str) -> str:
    """The part of the clause before a verb: after the last sentence end or quotation mark."""
    ends = list(_CLAUSE_END.finditer(text))
    return text[ends[-1].end() :] if ends else text


def object_window(text: str) -> str:
    """Where a stance verb's object is named: the next few words, within its clause and before a
    participle clause that takes an object of its own ("…, threatening the port")."""
    end = _CLAUSE_END.search(text)
    text = text[: end.start()] if end else text
    participle = _PARTICIPLE_CLAUSE.search(text)
    text = text[: participle.start()] if participle else text
    words = list(_WORD.finditer(text))[:TARGET_WORDS]
    return text[: words[-1].end()] if words else ""


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
