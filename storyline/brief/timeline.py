"""The timeline of an event: when each source published, and the dated statements they make."""

from __future__ import annotations

import re
from datetime import datetime

from storyline.brief.sentences import article_sentences
from storyline.extract.dates import find_yearless_date
from storyline.records import Article, Cited

# Sentences naming the same day that share this much of their vocabulary are one timeline item.
SAME_ITEM_OVERLAP = 0.5
WORD = re.compile(r"\w+")


def build_timeline(articles: tuple[Article, ...]) -> tuple[Cited, ...]:
    items = [item for article in articles for item in _article_items(article)]
    merged: list[Cited] = []
    for item in sorted(items, key=lambda cited: (cited.date, cited.text)):
        twin = next((i for i, seen in enumerate(merged) if _same_item(seen, item)), None)
        if twin is None:
            merged.append(item)
        else:
            merged[twin] = merged[twin].merged_with(item)
    return tuple(merged)


def _article_items(article: Article) -> list[Cited]:
    """The article's publication, and each sentence that names a day, dated near the publication."""
    if article.published is None:
        return []
    label = f"{article.outlet} publishes" if article.outlet else "Published"
    items = [Cited(f"{label}: {article.title or 'untitled'}", (article.id,), article.published, (None,))]
    for sentence in article_sentences(article.id, article.paragraphs):
        mentioned = find_yearless_date(sentence.text)
        if mentioned is None:
            continue
        day = mentioned.resolve(article.published.date())
        moment = datetime(day.year, day.month, day.day, tzinfo=article.published.tzinfo)
        items.append(Cited(sentence.text, (article.id,), moment, (sentence.position,)))
    return items


def _same_item(first: Cited, second: Cited) -> bool:
    if first.date is None or second.date is None or first.date.date() != second.date.date():
        return False
    words_first = set(WORD.findall(first.text.lower()))
    words_second = set(WORD.findall(second.text.lower()))
    union = words_first | words_second
    return bool(union) and len(words_first & words_second) / len(union) >= SAME_ITEM_OVERLAP
