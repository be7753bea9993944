"""Whose voice a sentence is in, so a brief never prints a source's view as the narrator's.

A sentence of an article is one of three things:
- it carries its own source ("China opposes the plan, the ministry said"): printed as it is;
- it lies inside what someone is quoted as saying, with the cue in another sentence ("The security
  NATO speaks of is a sacrifice …" in a spokesperson's answer): printed with its speaker in front;
- the narrator's. A narrator's sentence that reads as a view (first person, a judgement, an
  exhortation, a question) has no source the brief can name, so it is not printed at all.
A pronoun that names the speaker of the sentence's own quotation ("he said") is replaced by the name
the analysis resolved it to, so the sentence reads on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.records import Quote

# Share of a sentence's characters a quotation must cover for the sentence to be that quotation.
COVERED = 0.5
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
ACCORDING = re.compile(r"\baccording to\b|\b(?:said|says|told|added|stated)\b", re.IGNORECASE)
# Signs of a view rather than a report: first person (or the reader addressed) outside quotation
# marks, obligation, judgement words a reporter leaves to sources, and rhetorical questions.
# ("us", "me" lowercase only: "US" is a country.)
FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us|I|[Mm]y|me|[Yy]ou|[Yy]ours?)\b")
JUDGEMENT = re.compile(
    r"\b(?:should|must|ought to|needs? to|have to|shameful|absurd|ridiculous|outrageous|disgrace\w*"
    r"|hypocri\w+|baseless|groundless|smear\w*|slander\w*|mentality|truth|lies|lying|nonsense"
    r"|irresponsible|reckless|unacceptable|deplorable|despicable|disgusting|pathetic|stupid|idiotic"
    r"|evil|brilliant|wonderful|terrible|horrible|awful|disastrous|catastrophic|sadly|unfortunately"
    r"|fortunately|clearly|obviously|of course|undoubtedly|surely|no doubt|needless to say|maybe"
    r"|in fact|the fact is|will only|nothing but|so-called|complete opposite|ulterior)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
WHOLLY_QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]")


@dataclass(frozen=True)
class Located:
    """A sentence and where it stands in its article's text."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Voiced:
    """A sentence as a brief may print it: whether it is a quotation given its speaker, whether it
    names the speaker of what it quotes."""

    text: str
    quoted: bool = False
    sourced: bool = False  # it names who says what it quotes


def voiced(sentence: Located, quotes: tuple[Quote, ...]) -> Voiced | None:
    """The sentence as a brief may print it, its source named; None for a view with no source."""
    # An attribution with no speaker ("… is expected to", a cue the analysis found nobody for) names
    # no source: the sentence is then judged as the narrator's.
    own = [
        quote for quote in quotes if quote.speaker and quote.cue_span and _inside(quote.cue_span, sentence)
    ]
    if own:
        named = any(quote.speaker and quote.speaker.lower() not in SPEAKER_PRONOUNS for quote in own)
        return Voiced(_name_pronouns(sentence, own), sourced=named)
    holder = _covering_quote(sentence, quotes)
    if holder is not None:
        return Voiced(f"{holder.speaker} said: “{_inner_quotes(sentence.text)}”", quoted=True)
    if WHOLLY_QUOTED.fullmatch(sentence.text):  # someone's words, and nobody named as saying them
        return None
    if ACCORDING.search(sentence.text) or not is_view(sentence.text):
        return Voiced(sentence.text)
    return None


def is_view(text: str) -> bool:
    """Whether a narrator's sentence reads as an opinion rather than a report."""
    reported = QUOTED.sub(" ", text)
    return (
        text.rstrip().endswith("?")
        or FIRST_PERSON.search(reported) is not None
        or JUDGEMENT.search(reported) is not None
    )


def _inside(span: tuple[int, int], sentence: Located) -> bool:
    return sentence.start <= span[0] and span[1] <= sentence.end


def _covering_quote(sentence: Located, quotes: tuple[Quote, ...]) -> Quote | None:
    """A named speaker's direct quotation that holds most of the sentence."""
    for quote in quotes:
        named = quote.speaker and quote.speaker.lower() not in SPEAKER_PRONOUNS
        # Only a quotation in marks runs on past its cue's sentence; a reported clause ends in it.
        if not (named and quote.content_span and quote.kind == "direct"):
            continue
        shared = min(quote.content_span[1], sentence.end) - max(quote.content_span[0], sentence.start)
        if shared >= COVERED * len(sentence.text):
            return quote
    return None


def _name_pronouns(sentence: Located, quotes: list[Quote]) -> str:
    """The sentence with each pronoun speaker of its own quotations replaced by the resolved name."""
    text = sentence.text
    replacements = sorted(
        (quote.speaker_span, quote.speaker)
        for quote in quotes
        if quote.speaker_span
        and quote.speaker
        and _inside(quote.speaker_span, sentence)
        and (quote.speaker_mention or "").lower() in SPEAKER_PRONOUNS
        and quote.speaker.lower() not in SPEAKER_PRONOUNS
    )
    for (start, end), name in reversed(dict(replacements).items()):
        text = text[: start - sentence.start] + name + text[end - sentence.start :]
    return text


def _inner_quotes(text: str) -> str:
    """A sentence as the inside of a quotation: its own outer marks dropped (it was the quotation
    already), double marks within it made single."""
    if WHOLLY_QUOTED.fullmatch(text):
        text = text[1:-1]
    return text.replace("“", "‘").replace("”", "’").replace('"', "'")
