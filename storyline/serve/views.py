"""What each page and API answer shows, read from the store: one function per view, shared by both."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import numpy as np

from storyline.brief.export import article_to_dict
from storyline.brief.sentences import numbered_sentences
from storyline.errors import NotFoundError
from storyline.store import Store

PAGE_SIZE = 50
SIMILAR_LIMIT = 10


def story_list(store: Store, offset: int = 0, limit: int = PAGE_SIZE) -> dict[str, Any]:
    """Stories newest first, with each one's storyline headline."""
    listed = store.listings("event")
    storylines = {item["id"]: item["headline"] for item in store.listings("storyline")}
    page = [{**item, "storyline_headline": storylines.get(item["storyline"])} for item in listed]
    return {"total": len(listed), "offset": offset, "stories": page[offset : offset + limit]}


def story(store: Store, story_id: str) -> dict[str, Any]:
    brief = store.brief(story_id)
    if "summary" not in brief:
        raise NotFoundError(f"{story_id!r} is a storyline, not a story: see /storylines/{story_id}")
    return brief


def speakers(quotes: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Quotes grouped by speaker, in the brief's order (the most quoted speaker first)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for quote in quotes:
        groups.setdefault(quote["speaker"], []).append(quote)
    return list(groups.items())


def storyline(store: Store, storyline_id: str) -> dict[str, Any]:
    brief = store.brief(storyline_id)
    if "summary" in brief:
        raise NotFoundError(f"{storyline_id!r} is a story, not a storyline: see /stories/{storyline_id}")
    events = [store.brief(event_id) for event_id in brief["events"]]
    return {**brief, "stories": sorted(events, key=lambda event: event["start"] or "")}


def article(store: Store, article_id: str) -> dict[str, Any]:
    """The clean article, its metadata, its event, and the boilerplate dropped from it."""
    found = store.article(article_id)
    duplicate_of = store.duplicates().get(article_id)
    return {
        **article_to_dict(found, duplicate_of, store.event_of(article_id)),
        "dropped": list(found.dropped),
        "sentences": numbered_sentences(found.paragraphs),
        "safe_url": safe_url(found.url),
    }


def search(store: Store, query: str) -> dict[str, Any]:
    hits = store.search(query)
    headers = store.headers([article_id for article_id, _ in hits])
    return {"query": query, "results": [_hit(headers[article_id], snippet) for article_id, snippet in hits]}


def similar(store: Store, article_id: str) -> dict[str, Any]:
    """More like this: the articles whose embeddings are closest to this one's."""
    vectors = store.embeddings()
    if article_id not in vectors:
        store.article(article_id)  # a clear "no article" error when it does not exist
        return {"like": article_id, "results": []}
    ids = [other for other in vectors if other != article_id]
    if not ids:
        return {"like": article_id, "results": []}
    scores = np.stack([vectors[other] for other in ids]) @ vectors[article_id]
    best = np.argsort(-scores)[:SIMILAR_LIMIT]
    headers = store.headers([ids[i] for i in best])
    return {"like": article_id, "results": [_hit(headers[ids[i]], None, float(scores[i])) for i in best]}


def _hit(header: dict[str, Any], snippet: str | None, score: float | None = None) -> dict[str, Any]:
    return {
        "article": header["id"],
        "title": header["title"],
        "outlet": header["outlet"],
        "published": header["published"],
        "event": header["event"],
        "snippet": snippet,
        "score": score,
    }


def entity(store: Store, name: str) -> dict[str, Any]:
    """The stories that name an entity, and what it said."""
    article_ids = store.articles_naming(name)
    quotes = store.quotes_by(name)
    if not article_ids and not quotes:
        raise NotFoundError(f"no person, organisation or place named {name!r} in the store")
    event_ids = {store.event_of(article_id) for article_id in article_ids + [q.article_id for q in quotes]}
    listed = {item["id"]: item for item in store.listings("event")}
    stories = sorted(
        (listed[e] for e in event_ids if e in listed), key=lambda item: item["end"] or "", reverse=True
    )
    said = [{"text": q.text, "cue": q.cue, "article": q.article_id, "kind": q.kind} for q in quotes]
    return {"name": name, "stories": stories, "quotes": said}


def safe_url(url: str | None) -> str | None:
    """A link only to the web: `javascript:`, `data:` and other schemes render as plain text."""
    if not url:
        return None
    return url if urlsplit(url).scheme.lower() in {"http", "https"} else None
