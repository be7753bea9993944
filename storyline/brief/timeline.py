"""The timeline of an event: the dated developments its sources report, in date order.

A sentence is an item when it names a day (a full date, or a yearless one read in the year nearest
its article's publication) no later than that publication: a day an article gives after its own is
a plan or a listing, not a development it can report. Page furniture ("Updated …", copyright
lines, "The post … appeared first on …"), date ranges ("16 March–7 April") and an older day used
as the name of what happened on it ("the Jan. 6 insurrection") are not items either. Items of one
day that say the same are merged across sources, and the best supported are kept. An article's
publication is an item only when nothing else dates the event.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime

from storyline.brief.sentences import article_sentences, is_furniture, strip_dateline
from storyline.extract import boilerplate as bp
from storyline.extract.dates import MONTHS, find_dates, find_yearless_date
from storyline.records import Article, Cited

MAX_ITEMS = 12
# Sentences naming the same day that share this much of their vocabulary are one timeline item.
SAME_ITEM_OVERLAP = 0.5
# A day named like a thing ("the Jan. 6 insurrection") this much older than its article is the name of
# an older event, not a development of this one; a recent one ("the July 9 briefing") is dated news.
NAMED_DAY_MIN_AGE_DAYS = 31
WORD = re.compile(r"\w+")
_NO_DATE = datetime.min.replace(tzinfo=UTC)

# Month names capitalised, as the yearless dates are read: "a 6-4 set" is no range of days.
_MONTH = (
    "(?:"
    + "|".join(sorted((re.escape(name.capitalize()) for name in MONTHS), key=len, reverse=True))
    + r")\.?"
)
_DAY = r"[0-3]?[0-9](?:st|nd|rd|th)?"
# "16 March–7 April", "23–27 March", "March 16-20", "30 March-2 April": a listing's span, not one day.
_RANGE = re.compile(
    rf"\b{_DAY}(?:\s+{_MONTH})?\s*[-–—]\s*{_DAY}\s+{_MONTH}(?!\w)|\b{_MONTH}\s+{_DAY}\s*[-–—]\s*(?:{_MONTH}\s+)?{_DAY}\b"
)
# "the Jan. 6 insurrection", "the 7 October attacks": a determiner, the day, then a word.
_NAMED_DAY = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH})\s+(?=[^\W\d_])")
# A page's notice of its own dates ("Published on …", "Updated: …", "Posted at …") and a feed's footer.
_PUBLICATION_NOTICE = re.compile(
    r"^(?:(?:first|last|originally)\s+)?(?:published|updated|posted|modified)\b[^0-9]{0,30}[0-9]",
    re.IGNORECASE,
)
_CONTENT_KINDS = {bp.Kind.PROSE, bp.Kind.TEXT, bp.Kind.BULLET}


def build_timeline(articles: tuple[Article, ...]) -> tuple[Cited, ...]:
    """The event's dated developments, best supported first up to MAX_ITEMS, in date order; the
    publications themselves when no sentence dates the event."""
    published = {article.id: article.published for article in articles if article.published is not None}
    if not published:
        return ()
    latest = max(moment.date() for moment in published.values())
    dated = [article for article in articles if article.id in published]
    found = [item for article in dated for item in _article_items(article, published[article.id], latest)]
    repeats = _repeats(found)
    items = _merged(found) or [_publication(article, published[article.id]) for article in dated]
    best = sorted(items, key=lambda item: _rank(item, latest, repeats))[:MAX_ITEMS]
    return tuple(sorted(best, key=_day_order))


def _article_items(article: Article, published: datetime, latest: date) -> list[Cited]:
    """Each sentence of the article that names a day no later than the article's own: the event's
    latest publication stands in for a publication date inferred from the event."""
    limit = latest if article.published_inferred else published.date()
    items = []
    for sentence in article_sentences(article.id, article.paragraphs):
        day = sentence_day(sentence.text, published.date())
        if day is not None and day <= limit:
            moment = datetime(day.year, day.month, day.day, tzinfo=published.tzinfo)
            items.append(Cited(strip_dateline(sentence.text), (article.id,), moment, (sentence.position,)))
    return items


def _repeats(items: list[Cited]) -> dict[tuple[str, int | None], int]:
    """For each (article, sentence), how many earlier sentences of its article name the same day: an
    article's first word on a day (its lead of that day's news) outranks its follow-ups."""
    seen: Counter[tuple[str, datetime | None]] = Counter()
    repeats = {}
    for item in items:
        repeats[item.cites[0], item.passages[0]] = seen[item.cites[0], item.date]
        seen[item.cites[0], item.date] += 1
    return repeats


def sentence_day(text: str, published: date) -> date | None:
    """The day a sentence of an article published on `published` reports, if it dates a development."""
    if is_page_text(text) or _RANGE.search(text):
        return None
    full = find_dates(text)
    if full:
        return full[0].value.date()
    yearless = find_yearless_date(text)
    if yearless is None:
        return None
    day = yearless.resolve(published)
    named_older = _NAMED_DAY.search(text) and (published - day).days > NAMED_DAY_MIN_AGE_DAYS
    return None if named_older else day


def is_page_text(text: str) -> bool:
    """A sentence of the page rather than of the story: furniture, a dateline, a byline, a copyright
    line, a notice of when the page was published or updated."""
    if is_furniture(text) or bp.classify(text) not in _CONTENT_KINDS:
        return True
    return bool(_PUBLICATION_NOTICE.match(bp.normalise(text)))


def _publication(article: Article, published: datetime) -> Cited:
    label = f"{article.outlet} publishes" if article.outlet else "Published"
    return Cited(f"{label}: {article.title or 'untitled'}", (article.id,), published, (None,))


def _merged(items: list[Cited]) -> list[Cited]:
    """Items of one day that say the same, as one item citing all their sources."""
    merged: list[Cited] = []
    for item in sorted(items, key=_day_order):
        twin = next((i for i, seen in enumerate(merged) if _same_item(seen, item)), None)
        if twin is None:
            merged.append(item)
        else:
            merged[twin] = merged[twin].merged_with(item)
    return merged


def _day_order(item: Cited) -> tuple[datetime, str]:
    return item.date or _NO_DATE, item.text


def _rank(item: Cited, latest: date, repeats: dict[tuple[str, int | None], int]) -> tuple[int, int, int, int]:
    """Most sources first, then an article's first sentence on a day before its follow-ups, then the
    days nearest the event's latest report, then the earliest sentences (a lead states the
    development, background comes further down)."""
    days_before = (latest - item.date.date()).days if item.date else 0
    sentences = list(zip(item.cites, item.passages, strict=True))
    repeat = min(repeats.get(sentence, 0) for sentence in sentences)
    first_passage = min((passage for passage in item.passages if passage is not None), default=0)
    return -len(item.cites), repeat, abs(days_before), first_passage


def _same_item(first: Cited, second: Cited) -> bool:
    if first.date is None or second.date is None or first.date.date() != second.date.date():
        return False
    words_first = set(WORD.findall(first.text.lower()))
    words_second = set(WORD.findall(second.text.lower()))
    union = words_first | words_second
    return bool(union) and len(words_first & words_second) / len(union) >= SAME_ITEM_OVERLAP
