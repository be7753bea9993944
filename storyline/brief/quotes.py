"""The quotes of a brief: who said what across an event's articles, a few of the strongest per speaker.

A brief shows fewer quotes rather than wrong ones: only speech ("said", "told", "according to"), never a
belief or an appearance ("seemed", "expected"); only full clauses, never a fragment or a title; only a
speaker that is a name or a role of a named body, never a common noun ("lawsuit", "some") or a pronoun
left unresolved; and the same words reported by several sources once.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from storyline.analyse.lexicon import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLES,
    QUOTE_CUES,
    STATEMENT_CUES,
    word_set,
)
from storyline.analyse.names import fold
from storyline.analyse.words import verb_forms
from storyline.records import Article, Quote

WORD = re.compile(r"\w+")
NAME_WORD = re.compile(r"[^\W\d_][\w’'.&-]*")
# A word right after one of these (or at a line's start) begins a sentence, where any word is capitalised.
SENTENCE_OPENERS = ".!?:;\"“‘'(—–-•|"
# An initial or a short title before a name ("R.", "Mr."), whose full stop ends no sentence.
INITIAL = re.compile(r"\b[A-Z][a-z]?\.$")
# How far back from a word to look for what opens its sentence.
LOOK_BACK = 16

QUOTE_LIMIT = 15
PER_SPEAKER = 3
MIN_WORDS = 5
MAX_SPEAKER_WORDS = 8
# A quotation most of whose words are capitalised is a title or a name ("The Art of the Deal").
TITLE_SHARE = 0.6
# Two quotes sharing this share of their words are one telling of the same words.
SAME_WORDS = 0.7

# Verbs of speech beyond the quotation cues: what a speaker does in words.
SPEECH_CUES = QUOTE_CUES | word_set("according testify assure inform remind joke quip boast brag")
# Speech verbs whose object is a thing or a person, not a clause: "called it an enemy", "urged them to
# stop" is an act described; only a quotation they introduce ("“Stop,” she urged") is what was said.
OBJECT_CUES = word_set(
    "call describe urge accuse criticize criticise condemn praise question demand charge ask"
)
# Words no clause starts with: a reported "what" or "whether" is a question, a preposition or an object
# pronoun begins a phrase cut out of a sentence ("about needing …", "them to stop …").
FRAGMENT_STARTS = word_set(
    """
    whether which what who whom whose how if why when where about for against into onto on of to from
    with at by them him us me is are was were be been being and but or nor as than would will could can
    should may might must has have had do does did"""
)
# Heads of a speaker that speak for a named body ("Pakistan's election commission", "the Chinese mission").
BODY_NOUNS = word_set(
    """
    ministry mission embassy consulate government commission committee council agency office department
    party court union association board bureau authority administration campaign company firm group
    organization organisation alliance army military police service team university institute
    foundation parliament senate congress cabinet spokesperson spokesman spokeswoman"""
)
PREPOSITIONS = word_set("of to in for from at on with")
# Words before a cue that make it no statement: seeming, intended or refused speech, or a negation.
FRAMING = re.compile(
    r"(?:\b(?:appear|seem|expect|want|plan|refus|declin|hesitat)\w*\s+to|\bnot|\bnever|n['’]t)\s+$"
)
PRONOUNS = (
    PERSON_PRONOUNS | GROUP_PRONOUNS | word_set("i you some many others one another this that these those")
)


@dataclass(frozen=True)
class Candidate:
    """A quote that may go in the brief, with how strong it is and its words (compared for repeats)."""

    quote: Quote
    strength: float
    words: tuple[str, ...]

    @classmethod
    def of(cls, quote: Quote) -> Candidate:
        return cls(quote, strength(quote), tuple(WORD.findall(quote.text.lower())))


def key_quotes(quotes: dict[str, tuple[Quote, ...]], articles: tuple[Article, ...]) -> tuple[Quote, ...]:
    """The event's strongest quotes, grouped by speaker: the speakers most sources quote first, each with
    at most PER_SPEAKER quotes, QUOTE_LIMIT in all."""
    said = [
        quote
        for article in articles
        for quote in drop_nested(quotes.get(article.id, ()))
        if is_quotable(quote, article)
    ]
    canonical = canonical_speakers(Counter(quote.speaker for quote in said if quote.speaker))
    named = [replace(quote, speaker=canonical[quote.speaker or ""]) for quote in said]
    return choose(drop_repeated([Candidate.of(quote) for quote in named]))


def is_quotable(quote: Quote, article: Article) -> bool:
    """Whether a quote is something a named speaker said, whole enough to print."""
    speaker = quote.speaker or ""
    if not is_named(speaker, article.text) or is_byline(speaker, article):
        return False
    if speaks_inside(quote) or in_quotation_marks(quote.speaker_span, article.text):
        return False
    return is_said(quote) and not is_framed(quote, article.text)


def is_byline(speaker: str, article: Article) -> bool:
    """Whether the speaker is the journalist who wrote the article, who reports what others say (a
    Q&A's answers carried to the byline are the interviewee's); a byline that is a role speaks ("the
    embassy's spokesperson" answering questions)."""
    author = article.author or ""
    in_byline = set(WORD.findall(fold(speaker))) <= set(WORD.findall(fold(author)))
    return bool(author) and in_byline and not is_speaking_noun(head_of(author.split()))


def speaks_inside(quote: Quote) -> bool:
    """Whether the speaker was found inside the quoted words themselves ("“… We will …,” the chief
    said" is not said by "we")."""
    if quote.speaker_span is None or quote.content_span is None:
        return False
    return quote.content_span[0] <= quote.speaker_span[0] < quote.content_span[1]


def is_framed(quote: Quote, text: str) -> bool:
    """Whether the cue is only seemed, wanted or denied speech ("appeared to suggest", "declined to
    say", "did not mention"): not something the speaker said."""
    if quote.cue_span is None:
        return False
    return FRAMING.search(text[max(0, quote.cue_span[0] - 40) : quote.cue_span[0]].lower()) is not None


def is_said(quote: Quote) -> bool:
    """Speech in a full clause: a speech cue, at least MIN_WORDS words, no title; a partial or reported
    quote only as a clause, "that …" or after "say", "tell", "according to" ("did not mention the
    issue", "warned against any act" are acts, not words)."""
    base = cue_base(quote.cue)
    words = quote.text.split()
    if base not in SPEECH_CUES or len(words) < MIN_WORDS or looks_like_title(words):
        return False
    if quote.kind == "direct":
        return True
    that_clause = words[0].lower() == "that" and base not in OBJECT_CUES
    return (that_clause or base in STATEMENT_CUES) and starts_clause(quote.text)


def cue_base(cue: str) -> str:
    """The base form of a cue's verb ("has said" -> "say", "According" -> "according")."""
    last = cue.lower().split()[-1] if cue.strip() else ""
    return verb_forms().get(last, last)


def looks_like_title(words: list[str]) -> bool:
    letters = [word for word in words if word[:1].isalpha()]
    return bool(letters) and sum(word[0].isupper() for word in letters) / len(letters) >= TITLE_SHARE


def starts_clause(text: str) -> bool:
    """Whether reported words begin as a clause would: a letter or digit first, not a preposition,
    question word, verb or object pronoun."""
    first = WORD.match(text)
    return first is not None and first.start() == 0 and first.group().lower() not in FRAGMENT_STARTS


def is_named(speaker: str, text: str) -> bool:
    """Whether a speaker is a name, or a role or body with a name in it ("spokesperson for Woebot"):
    it holds a word the article writes capitalised inside a sentence, and its head is capitalised or a
    role or body; no pronoun, no quotation mark, not a whole phrase."""
    words = speaker.split()
    if not words or len(words) > MAX_SPEAKER_WORDS or any(mark in speaker for mark in '"“”‘«»'):
        return False
    if speaker.lower() in PRONOUNS:
        return False
    names = mid_sentence_capitals(text)

    def is_name(word: str) -> bool:
        # A word the article never writes is taken at its capital (the speaker came from elsewhere).
        return word[:1].isupper() and (word in names or word not in text)

    head = head_of(words)
    return any(is_name(word) for word in words) and (is_name(head) or is_speaking_noun(head))


def head_of(words: list[str]) -> str:
    """The head of a speaker phrase: its last word before a preposition, possessive dropped."""
    before = next((i for i, word in enumerate(words) if word in PREPOSITIONS and i > 0), len(words))
    return re.sub(r"[’']s?$", "", words[before - 1])


def is_speaking_noun(head: str) -> bool:
    """Whether a head is a role or a body that speaks for a name ("spokesperson", "ministry")."""
    lower = head.lower()
    singular = lower[:-1] if lower.endswith("s") else lower
    return bool({lower, singular} & (PERSON_ROLES | BODY_NOUNS))


@lru_cache(maxsize=256)  # every quote of an article asks about the same text
def mid_sentence_capitals(text: str) -> frozenset[str]:
    """The capitalised words of a text that stand inside a sentence, where capitals mark names."""
    found = set()
    for match in NAME_WORD.finditer(text):
        before = text[max(0, match.start() - LOOK_BACK) : match.start()].rstrip(" \t")
        if match.group()[0].isupper() and before and not opens_sentence(before):
            found.add(match.group().rstrip(".’'"))
    return frozenset(found)


def opens_sentence(before: str) -> bool:
    """Whether the next word begins a sentence, given the text before it: after a line break or a
    sentence's end, but not after an initial or a title ("Ronald R. Fieldstone", "Mr. Pell")."""
    if before[-1] == "." and INITIAL.search(before):
        return False
    return before[-1] in SENTENCE_OPENERS + "\n"


def in_quotation_marks(span: tuple[int, int] | None, text: str) -> bool:
    """Whether a speaker's words stand inside quotation marks their paragraph opened (the "We" of a
    quotation is not who said it)."""
    if span is None:
        return False
    paragraph = text[text.rfind("\n", 0, span[0]) + 1 : span[0]]
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


def strength(quote: Quote) -> float:
    """How much a quote is worth printing: direct words over paraphrase, a speaker named at the quote
    over one carried from earlier, a full statement over a short one."""
    kind = {"direct": 2.0, "partial": 1.0}.get(quote.kind, 0.0)
    mention = quote.speaker_mention or ""
    named_here = 0.5 if mention and mention.lower() not in PRONOUNS else 0.0
    return kind + named_here + min(len(quote.text.split()), 40) / 40


def drop_repeated(candidates: list[Candidate]) -> list[Candidate]:
    """The same words reported by several sources (or twice in one) once: the strongest telling."""
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: -c.strength):
        if not any(same_words(candidate.words, other.words) for other in kept):
            kept.append(candidate)
    return kept


def same_words(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two quotes are one: the shorter's words run inside the longer, or most words are shared."""
    short, long = sorted((first, second), key=len)
    if f" {' '.join(short)} " in f" {' '.join(long)} ":
        return True
    shared = len(set(first) & set(second)) / max(1, len(set(first) | set(second)))
    return shared >= SAME_WORDS


def choose(candidates: list[Candidate]) -> tuple[Quote, ...]:
    """Up to QUOTE_LIMIT quotes, speakers quoted by the most sources (then most often) first, each
    speaker's strongest first: every speaker's best quote before any speaker's second."""
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in sorted(candidates, key=lambda c: -c.strength):
        groups[candidate.quote.speaker or ""].append(candidate)
    ranked = sorted(groups.values(), key=speaker_weight, reverse=True)
    picked = {id(candidate) for candidate in take_in_rounds(ranked)}
    return tuple(c.quote for group in ranked for c in group if id(c) in picked)


def speaker_weight(group: list[Candidate]) -> tuple[int, int, float]:
    return len({c.quote.article_id for c in group}), len(group), group[0].strength


def take_in_rounds(groups: list[list[Candidate]]) -> Iterable[Candidate]:
    """Each group's first, then each one's second, …, up to PER_SPEAKER rounds and QUOTE_LIMIT in all."""
    rounds = (group[level] for level in range(PER_SPEAKER) for group in groups if level < len(group))
    return list(rounds)[:QUOTE_LIMIT]


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
