"""The brief as data: the `stories.json` shape other tools read."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storyline.records import Article, Brief, Cited, Storyline


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _cited(cited: Cited) -> dict[str, Any]:
    """A cited sentence; `passages` says which sentence of each cited article carries it."""
    passages = [
        {"article": article_id, "sentence": position}
        for article_id, position in zip(cited.cites, cited.passages, strict=True)
        if position is not None
    ]
    return {"text": cited.text, "cites": list(cited.cites), "passages": passages}


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """One event of `stories.json`, plus its sources."""
    return {
        "id": brief.event_id,
        "storyline": brief.storyline_id,
        "headline": brief.headline,
        "start": iso(brief.start),
        "end": iso(brief.end),
        "articles": [source.article_id for source in brief.sources],
        "highlights": [_cited(cited) for cited in brief.highlights],
        "summary": [_cited(cited) for cited in brief.summary],
        "timeline": [{"date": iso(cited.date), **_cited(cited)} for cited in brief.timeline],
        "quotes": [
            {"speaker": quote.speaker, "text": quote.text, "article": quote.article_id, "cue": quote.cue}
            for quote in brief.quotes
        ],
        "entities": [{"name": e.name, "type": e.label, "count": e.count} for e in brief.entities],
        "only_in": [
            {"article": cited.cites[0], "text": cited.text, "sentence": cited.passages[0]}
            for cited in brief.only_in
        ],
        "perspectives": [
            {
                "actor": view.actor,
                "action": view.action,
                "target": view.target,
                "stance": view.stance,
                "cites": list(dict.fromkeys(article_id for article_id, _ in view.quotes)),
                "quotes": [{"article": article_id, "span": list(span)} for article_id, span in view.quotes],
            }
            for view in brief.perspectives
        ],
        "sources": [
            {
                "article": s.article_id,
                "outlet": s.outlet,
                "title": s.title,
                "published": iso(s.published),
                "source": s.source,
            }
            for s in brief.sources
        ],
    }


def storyline_to_dict(storyline: Storyline, events: list[dict[str, Any]]) -> dict[str, Any]:
    """A storyline with its events in the clusterer's order (cluster.stream.storyline_order): by start,
    undated events last, by id among events that start together; it starts when its first dated event does."""
    ordered = sorted(events, key=lambda event: (event["start"] is None, event["start"] or "", event["id"]))
    return {
        "id": storyline.id,
        "headline": storyline.headline,
        "start": ordered[0]["start"] if ordered else None,
        "end": max((event["end"] or "" for event in ordered), default=None) or None,
        "events": [event["id"] for event in ordered],
    }


def article_to_dict(article: Article, duplicate_of: str | None, event_id: str | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "published": iso(article.published),
        "published_inferred": article.published_inferred,
        "updated": iso(article.updated),
        "language": article.language,
        "text": article.text,
        "duplicate_of": duplicate_of,
        "event": event_id,
    }
