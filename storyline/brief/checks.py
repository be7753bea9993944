"""Defects an editor would strike from a brief, counted: small pure functions over one brief.

Each check takes a brief (a `storyline.records.Brief`, or its `stories.json` dict from
`storyline.brief.export`) and returns the offending texts, so a count is their number and a reader can
see what to fix. The rules are general on purpose: they describe kinds of furniture and faults that
any outlet's pages show, never a particular page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from storyline.records import Brief

BriefLike = Brief | Mapping[str, Any]

# A quote this short, or ending on a word that needs more after it, is a fragment, not a statement.
MIN_QUOTE_WORDS = 4
# A highlight sharing this much of its words with a summary sentence repeats it.
REPEAT_OVERLAP = 0.8
# A timeline item this long after the event's latest article is a listing of the future.
FUTURE_GRACE = timedelta(days=1)
# About this many quotes make a readable brief (issue 16: "the strongest per speaker, ~15 per brief").
QUOTE_LIMIT = 15
WORD = re.compile(r"\w+")

BOILERPLATE = re.compile(
    "|".join(
        (
            # Datelines: "DENVER (AP) —", "WASHINGTON —", "LONDON, March 3 (Reuters) -".
            r"^[\"“]?[A-Z][A-Z.'’\- ]{2,}(?:,\s*[A-Z][\w.'’ ]{1,30})?\s*(?:\([\w .&/-]{1,20}\)\s*)?[—–]",
            r"^[^()]{0,60}\((?:AP|Reuters|AFP|UPI|CNN|dpa|PTI|IANS|Xinhua)\)\s*[—–-]",
            # Embeds and markup.
            r"pic\.twitter\.com/|twitter\.com/\w+/status/|</?(?:tweet|blockquote|iframe|script|div|p|a)\b",
            r"\(@\w{1,15}\)\s+(?:January|February|March|April|May|June|July|August|September|October"
            r"|November|December)\s+\d{1,2},\s+\d{4}",
            # Feed and page furniture.
            r"\bThe post\b.{1,200}\bappeared first on\b",
            r"^(?:Related|Watch|Read|See|More|Also read|Read more|Recommended|Video|Related video"
            r"|Photos?)\s*:",
            r"^(?:Editor[’']?s [Nn]ote|Note to readers|Correction|Clarification|Update)\s*:",
            r"\b(?:This (?:story|article|post) (?:has been|was) (?:updated|corrected|originally published))",
            r"\b(?:[Ff]ollow (?:along|our|us|live)|[Ww]elcome to our|[Rr]efresh (?:this page|for))\b.{0,60}"
            r"\b(?:live|updates|coverage|blog|Twitter|Facebook)\b",
            r"\b(?:[Ss]hare (?:this|on|via)|[Cc]lick here|[Ll]ike us on|[Ff]ollow us on|[Ee]mail this)\b",
            r"^(?:Sign up|Subscribe|Advertisement)\b",
            r"(?:©|\b[Cc]opyright \d{4}|\bAll rights reserved\b|\bGetty Images\b|\bAP Photo\b"
            r"|\bImage (?:copyright|caption)\b|\bPhoto(?:graph)?: )",
            r"&(?:lt|gt|amp|quot|nbsp);",
        )
    )
)

# "We" leans back only outside a quotation: inside one, it is the speaker's side ("“We will rebuild,”
# the mayor said").
DANGLING_OPENER = re.compile(
    r"^(?:We\b|[\"“‘'(\[]*(?:He|She|It|They|This|These|That|Those|His|Her|Its|Their|Him|Them|But|However"
    r"|And|Or|So|Yet|Still|Also|Meanwhile|Moreover|Furthermore|Nevertheless|Nonetheless|Besides|Instead"
    r"|Additionally|Then|Thus|Therefore|Hence|Otherwise|Likewise|Similarly|In addition|As a result"
    r"|On the other hand)\b)"
)

# A cue of attribution: a speech or thought verb, or "according to".
ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|saying|told|tells|according to|stated|states|added|adds|argued|argues|claimed"
    r"|claims|wrote|writes|tweeted|posted|announced|announces|insisted|insists|warned|warns|noted|notes"
    r"|explained|explains|asked|asks|replied|replies|responded|responds|declared|declares|acknowledged"
    r"|admitted|admits|believes|believed|thinks|thought|contended|contends|maintained|maintains|alleged"
    r"|alleges|accused|accuses|called|calls|described|describes|suggested|suggests|urged|urges|vowed"
    r"|vows|promised|promises|denied|denies|confirmed|confirms|reported|reports|testified|recalled"
    r"|recalls|stressed|stresses|emphasi[sz]ed|predicted|predicts|criticized|criticised|praised"
    r"|condemned|condemns|understands|learned|learnt|reportedly|citing|quoting|quoted"
    r"|spokes(?:man|woman|person))\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"[\"“]([^\"“”]*)[\"”]")
# Quoted words this many or more are a quotation, unless they are a title ("Max Roach 100").
QUOTATION_WORDS = 3
# Words of judgement a reporter leaves to a source, and the first person a reporter does not use.
EVALUATIVE = re.compile(
    r"\b(?:outrageous|disgraceful|shameful|absurd|ridiculous|disgusting|pathetic|despicable|horrible"
    r"|terrible|awful|wonderful|fantastic|amazing|incredible|tremendous|brilliant|stupid|insane|evil"
    r"|heroic|unacceptable|unforgivable|scandalous|appalling|deplorable|liar|hypocrisy"
    r"|hypocritical|disastrous|catastrophic|nonsense|untrue|I|me|my|we|our|us)\b"
)
PRONOUNS = frozenset(
    "i me you he him she her it we us they them some many others someone somebody one who which that"
    " this these those".split()
)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their"})
# A reported clause may open on "that"; these words cannot open a statement.
CLAUSE_CANNOT_START = frozenset(
    "who whom whose which and or but nor of to for with by from in on at than".split()
)
# A statement may end on a preposition ("will be responded to"), never on an article or a conjunction.
CLAUSE_CANNOT_END = frozenset("the a an and or but".split())
PUBLICATION_STUB = re.compile(r"^(?:.{1,80} publishes|Published): ")


@dataclass(frozen=True)
class Item:
    """One brief's sentence as the checks see it: its text, what it cites and when it is dated."""

    text: str
    cites: tuple[str, ...] = ()
    date: datetime | None = None


@dataclass(frozen=True)
class BriefView:
    """The parts of a brief the checks read, the same whichever form the brief came in."""

    summary: tuple[Item, ...]
    highlights: tuple[Item, ...]
    timeline: tuple[Item, ...]
    quotes: tuple[tuple[str | None, str], ...]  # (speaker, text)
    latest_article: datetime | None


def view_of(brief: BriefLike) -> BriefView:
    if isinstance(brief, Brief):
        return _view_of_record(brief)
    return _view_of_dict(brief)


def _view_of_record(brief: Brief) -> BriefView:
    published = [source.published for source in brief.sources if source.published]
    return BriefView(
        summary=tuple(Item(c.text, c.cites, c.date) for c in brief.summary),
        highlights=tuple(_item(highlight) for highlight in brief.highlights),
        timeline=tuple(Item(c.text, c.cites, c.date) for c in brief.timeline),
        quotes=tuple((quote.speaker, quote.text) for quote in brief.quotes),
        latest_article=max(published, default=None) or brief.end,
    )


def _view_of_dict(brief: Mapping[str, Any]) -> BriefView:
    published = [_moment(source.get("published")) for source in brief.get("sources", ())]
    return BriefView(
        summary=tuple(_item(sentence) for sentence in brief.get("summary", ())),
        highlights=tuple(_item(highlight) for highlight in brief.get("highlights", ())),
        timeline=tuple(_item(entry) for entry in brief.get("timeline", ())),
        quotes=tuple((quote.get("speaker"), quote.get("text", "")) for quote in brief.get("quotes", ())),
        latest_article=max(filter(None, published), default=None) or _moment(brief.get("end")),
    )


def _item(value: Any) -> Item:
    """A sentence given as plain text, as a `Cited` record or as a dict with text, cites and date."""
    if isinstance(value, str):
        return Item(value)
    if isinstance(value, Mapping):
        return Item(value.get("text", ""), tuple(value.get("cites", ())), _moment(value.get("date")))
    return Item(value.text, tuple(getattr(value, "cites", ())), getattr(value, "date", None))


def _moment(value: str | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


# -- the checks ---------------------------------------------------------------------------------------


def boilerplate_sentences(brief: BriefLike) -> list[str]:
    """Summary sentences and highlights that are page furniture: datelines, embeds, markup, feed
    footers, editor's notes, live-blog intros, share prompts, credits."""
    view = view_of(brief)
    return [item.text for item in (*view.summary, *view.highlights) if BOILERPLATE.search(item.text)]


def dangling_openers(brief: BriefLike) -> list[str]:
    """Summary sentences opening on a pronoun or a connective, which lean on a sentence not shown."""
    return [item.text for item in view_of(brief).summary if DANGLING_OPENER.match(item.text)]


def is_opinion(text: str) -> bool:
    """A quotation, a word of judgement or the first person: a source's voice, not the narrator's."""
    return any(is_quotation(quoted) for quoted in QUOTED.findall(text)) or bool(EVALUATIVE.search(text))


def is_quotation(quoted: str) -> bool:
    words = WORD.findall(quoted)
    is_title = all(word[0].isupper() or word[0].isdigit() for word in words)
    return len(words) >= QUOTATION_WORDS and not is_title


def unattributed_opinions(brief: BriefLike) -> list[str]:
    """Summary sentences and highlights in a source's voice that do not say whose voice it is."""
    view = view_of(brief)
    return [
        item.text
        for item in (*view.summary, *view.highlights)
        if is_opinion(item.text) and not is_attributed(item.text)
    ]


def is_attributed(text: str) -> bool:
    """Whether the sentence, outside its quotations, names a cue of attribution."""
    return ATTRIBUTION.search(QUOTED.sub(" ", text)) is not None


def overlap(first: str, second: str) -> float:
    """Shared words over the shorter text's words."""
    words_first, words_second = _words(first), _words(second)
    shorter = min(len(words_first), len(words_second))
    return len(words_first & words_second) / shorter if shorter else 0.0


def highlights_repeating_summary(brief: BriefLike) -> list[str]:
    """Highlights that are (nearly) a summary sentence again."""
    view = view_of(brief)
    return [
        highlight.text
        for highlight in view.highlights
        if any(overlap(highlight.text, sentence.text) >= REPEAT_OVERLAP for sentence in view.summary)
    ]


def uncited_highlights(brief: BriefLike) -> list[str]:
    return [highlight.text for highlight in view_of(brief).highlights if not highlight.cites]


def is_fragment(text: str) -> bool:
    """Too short to be a statement, or cut where a clause cannot start or end ("who", "of the")."""
    words = WORD.findall(text)
    if len(words) < MIN_QUOTE_WORDS:
        return True
    return words[0] in CLAUSE_CANNOT_START or words[-1].lower() in CLAUSE_CANNOT_END


def quote_fragments(brief: BriefLike) -> list[str]:
    return [f"{speaker}: {text}" for speaker, text in view_of(brief).quotes if is_fragment(text)]


def is_common_noun(speaker: str) -> bool:
    """A speaker with no name in it: lowercase words ("some", "the lawsuit") or a bare pronoun."""
    words = WORD.findall(speaker)
    content = [word for word in words if word.lower() not in DETERMINERS]
    if not content or all(word.lower() in PRONOUNS for word in content):
        return True
    return not any(word[0].isupper() for word in content)


def common_noun_speakers(brief: BriefLike) -> list[str]:
    return [f"{speaker}: {text}" for speaker, text in view_of(brief).quotes if is_common_noun(speaker or "")]


def excess_quotes(brief: BriefLike) -> list[str]:
    """The quotes past the first QUOTE_LIMIT of a brief."""
    return [f"{speaker}: {text}" for speaker, text in view_of(brief).quotes[QUOTE_LIMIT:]]


def publication_stubs(brief: BriefLike) -> list[str]:
    """'X publishes: title' items for an article that another timeline item dates already."""
    timeline = view_of(brief).timeline
    stubs = [item for item in timeline if PUBLICATION_STUB.match(item.text)]
    dated_otherwise = {cite for item in timeline if item not in stubs for cite in item.cites}
    return [item.text for item in stubs if dated_otherwise.intersection(item.cites)]


def future_items(brief: BriefLike) -> list[str]:
    """Timeline items dated after the event's latest article: listings and schedules, not developments."""
    view = view_of(brief)
    if view.latest_article is None:
        return []
    horizon = _aware(view.latest_article) + FUTURE_GRACE
    return [
        f"{item.date:%Y-%m-%d}: {item.text}"
        for item in view.timeline
        if item.date is not None and _aware(item.date) > horizon
    ]


def _aware(moment: datetime) -> datetime:
    """A datetime with a zone (UTC when it has none, as the pipeline reads dates), so any two compare."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


DEFECTS: dict[str, Callable[[BriefLike], list[str]]] = {
    "boilerplate": boilerplate_sentences,
    "dangling opener": dangling_openers,
    "unattributed opinion": unattributed_opinions,
    "highlight = summary": highlights_repeating_summary,
    "uncited highlight": uncited_highlights,
    "quote fragment": quote_fragments,
    "common-noun speaker": common_noun_speakers,
    "quotes over 15": excess_quotes,
    "publication stub": publication_stubs,
    "future timeline item": future_items,
}


def find_defects(brief: BriefLike) -> dict[str, list[str]]:
    """Every check's offending texts for one brief."""
    return {name: check(brief) for name, check in DEFECTS.items()}
