"""An outlet's template, learned from its other pages: what recurs word for word is not the story.

A paragraph printed on two different articles of one outlet (an author's bio, an app promotion,
a "More from ..." teaser, a newsletter prompt) is the site's furniture. Copies of one article
(syndication, a page fetched twice) share most of their paragraphs; they are not evidence of a
template, so a paragraph counts only when it recurs on a page that is not a copy of this one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from storyline.extract import boilerplate as bp
from storyline.records import Article

# Share of a page's paragraphs found on another page above which the two are copies of one article.
COPY_SHARE = 0.5


def drop_outlet_templates(articles: Sequence[Article]) -> list[Article]:
    """The articles less the paragraphs that recur on other, different articles of the same outlet."""
    result = list(articles)
    for indices in group_by_outlet(articles).values():
        keys = {i: paragraph_keys(articles[i]) for i in indices}
        pages_with: dict[str, set[int]] = defaultdict(set)
        for i in indices:
            for key in keys[i]:
                pages_with[key].add(i)
        for i in indices:
            template = {key for key in keys[i] if _recurs_elsewhere(i, key, keys, pages_with)}
            result[i] = without_paragraphs(articles[i], template)
    return result


def group_by_outlet(articles: Sequence[Article]) -> dict[str, list[int]]:
    """Indices of the articles per outlet (the host of their address, else their outlet's name)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        outlet = outlet_key(article)
        if outlet:
            groups[outlet].append(index)
    return {outlet: indices for outlet, indices in groups.items() if len(indices) > 1}


def outlet_key(article: Article) -> str | None:
    host = urlsplit(article.url).hostname if article.url else None
    return host.removeprefix("www.") if host else article.outlet


def paragraph_keys(article: Article) -> set[str]:
    return {_key(paragraph) for paragraph in article.paragraphs}


def _key(paragraph: str) -> str:
    return bp.normalise(paragraph).lower()


def _recurs_elsewhere(
    page: int, key: str, keys: dict[int, set[str]], pages_with: dict[str, set[int]]
) -> bool:
    """The paragraph is also on another page of the outlet that is not a copy of this one."""
    own = keys[page]
    return any(len(own & keys[other]) <= COPY_SHARE * len(own) for other in pages_with[key] if other != page)


def without_paragraphs(article: Article, template: set[str]) -> Article:
    """The article with its template paragraphs moved to `dropped`; unchanged if nothing would be left."""
    kept = [p for p in article.paragraphs if _key(p) not in template]
    if not kept or len(kept) == len(article.paragraphs):
        return article
    removed = tuple(p for p in article.paragraphs if _key(p) in template)
    return replace(article, text="\n\n".join(kept), dropped=article.dropped + removed)
