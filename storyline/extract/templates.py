"""An outlet's template, learned from its earlier pages: what recurs word for word is not the story.

A paragraph printed on two different articles of one outlet (an author's bio, an app promotion,
a "More from ..." teaser, a newsletter prompt) is the site's furniture. Copies of one article
(syndication, a page fetched twice) share most of their paragraphs; they are not evidence of a
template, so a paragraph counts only when it recurs on a page that is not a copy of this one.

Pages come as a stream: each is compared with the pages of its outlet seen before it (the pipeline
keeps them in the store, which is an OutletMemory), so the first page of an outlet keeps
its furniture and every later one loses what it shares with the earlier ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import replace
from typing import Protocol
from urllib.parse import urlsplit

from storyline.extract import boilerplate as bp
from storyline.records import Article, content_hash

# Share of a page's paragraphs found on another page above which the two are copies of one article.
COPY_SHARE = 0.5
# A paragraph is remembered for this many pages of an outlet at most: furniture is on all of them,
# and a few are evidence enough.
PAGES_PER_PARAGRAPH = 8


class OutletMemory(Protocol):
    """The paragraphs of an outlet's earlier pages, by key (`storyline.store.Store` is one)."""

    def outlet_paragraph_pages(self, outlet: str, keys: Collection[str]) -> dict[str, set[str]]:
        """For each key, the earlier pages of the outlet that printed that paragraph."""

    def save_outlet_paragraphs(self, outlet: str, page: str, keys: Collection[str]) -> None:
        """Keep the page's paragraph keys for the pages to come."""


class OutletsInMemory:
    """An OutletMemory in a dictionary, for one run over a set of pages."""

    def __init__(self) -> None:
        self._pages: dict[tuple[str, str], set[str]] = defaultdict(set)

    def outlet_paragraph_pages(self, outlet: str, keys: Collection[str]) -> dict[str, set[str]]:
        return {key: set(self._pages[outlet, key]) for key in keys if (outlet, key) in self._pages}

    def save_outlet_paragraphs(self, outlet: str, page: str, keys: Collection[str]) -> None:
        for key in keys:
            self._pages[outlet, key].add(page)


def drop_outlet_template(article: Article, memory: OutletMemory) -> Article:
    """The article less the paragraphs it shares with earlier, different pages of its outlet; its
    paragraphs are remembered for the pages to come."""
    outlet = outlet_key(article)
    if not outlet:
        return article
    key_of = paragraph_keys(article)
    keys = set(key_of.values())
    earlier = memory.outlet_paragraph_pages(outlet, keys)
    fresh = {key for key in keys if len(earlier.get(key, ())) < PAGES_PER_PARAGRAPH}
    memory.save_outlet_paragraphs(outlet, article.id, fresh)
    template = template_keys(article.id, keys, earlier)
    return without_paragraphs(article, {paragraph for paragraph, key in key_of.items() if key in template})


def template_keys(page: str, keys: set[str], earlier: dict[str, set[str]]) -> set[str]:
    """The page's keys also printed on an earlier page of the outlet that is not a copy of this one."""
    shared: dict[str, int] = defaultdict(int)  # earlier page -> how many of this page's paragraphs it has
    for pages in earlier.values():
        for other in pages:
            shared[other] += 1
    originals = {
        other for other, count in shared.items() if other != page and count <= COPY_SHARE * len(keys)
    }
    return {key for key, pages in earlier.items() if pages & originals}


def outlet_key(article: Article) -> str | None:
    host = urlsplit(article.url).hostname if article.url else None
    return host.removeprefix("www.") if host else article.outlet


def paragraph_keys(article: Article) -> dict[str, str]:
    """Each paragraph's key: its hash, blind to case, quote style and spacing."""
    return {paragraph: content_hash(bp.normalise(paragraph).lower()) for paragraph in article.paragraphs}


def without_paragraphs(article: Article, template: set[str]) -> Article:
    """The article with its template paragraphs moved to `dropped`; unchanged if nothing would be left."""
    if not template:
        return article
    paragraphs = article.paragraphs
    kept = [paragraph for paragraph in paragraphs if paragraph not in template]
    if not kept or len(kept) == len(paragraphs):
        return article
    removed = tuple(paragraph for paragraph in paragraphs if paragraph in template)
    return replace(article, text="\n\n".join(kept), dropped=article.dropped + removed)
