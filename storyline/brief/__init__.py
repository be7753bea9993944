"""Briefs: what an editor would write about an event from its sources, every sentence cited.

The summary, highlights and "only in" facts are extractive on purpose (`storyline.brief.summary`):
each sentence is one a source printed, so it can be checked against the articles it cites. This module
puts them together with the headline, timeline, quotes, entities and perspectives.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from storyline.analyse import is_statement
from storyline.analyse.perspectives import find_perspectives
from storyline.brief.quotes import key_quotes
from storyline.brief.summary import SentencePool, build_pools, cite_summary, highlights, only_in, summarise
from storyline.brief.timeline import build_timeline
from storyline.embed import Embedder
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.records import Article, Brief, Entity, Event, Perspective, Quote, Source

ENTITY_LIMIT = 25
# Letters past which a name in capitals is shouted rather than an acronym (NATO, UNESCO).
SHOUTED = 6
PLACES = frozenset({"GPE", "LOC", "FAC"})
PERSPECTIVE_LIMIT = 12
# Entity types that can hold a position towards another.
ACTORS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class EventMaterial:
    """Everything the brief of one event is made from (its original articles, not copies)."""

    event: Event
    articles: tuple[Article, ...]
    entities: dict[str, tuple[Entity, ...]]
    quotes: dict[str, tuple[Quote, ...]]


def build_brief(material: EventMaterial, embedder: Embedder, options: Options = DEFAULT_OPTIONS) -> Brief:
    return build_briefs([material], embedder, options)[0]


def build_briefs(
    materials: list[EventMaterial], embedder: Embedder, options: Options = DEFAULT_OPTIONS
) -> list[Brief]:
    """The briefs of several events, whose sentences are embedded together, in full batches."""
    pools = build_pools([(material.articles, material.quotes) for material in materials], embedder)
    return [
        _brief_from_pool(material, pool, options) for material, pool in zip(materials, pools, strict=True)
    ]


def _brief_from_pool(material: EventMaterial, pool: SentencePool, options: Options) -> Brief:
    articles = material.articles
    chosen = summarise(pool, articles, options.summary_sentences)
    return Brief(
        event_id=material.event.id,
        headline=_headline(articles, pool),
        start=material.event.start,
        end=material.event.end,
        highlights=highlights(pool, chosen, options.highlights),
        summary=cite_summary(pool, chosen, articles),
        timeline=build_timeline(articles),
        quotes=key_quotes(material.quotes, articles),
        entities=_merged_entities(material.entities),
        sources=tuple(_source(article) for article in articles),
        only_in=only_in(pool, len(articles)),
        storyline_id=material.event.storyline_id,
        perspectives=_perspectives(material),
    )


def _headline(articles: tuple[Article, ...], pool: SentencePool) -> str:
    """The title of the article whose sentences are most central to the event."""
    titled = [article for article in articles if article.title]
    if not titled:
        return pool.items[int(np.argmax(pool.scores))].text if pool.items else "Untitled event"
    weight: Counter[str] = Counter()
    for item, score in zip(pool.items, pool.scores, strict=True):
        weight[item.sentence.article_id] += float(score)
    best = max(titled, key=lambda article: weight[article.id] / max(1, _sentence_count(pool, article.id)))
    return best.title or ""


def _sentence_count(pool: SentencePool, article_id: str) -> int:
    return sum(1 for item in pool.items if item.sentence.article_id == article_id)


def _perspectives(material: EventMaterial) -> tuple[Perspective, ...]:
    """Who stands where towards whom, between the event's named actors, best supported first."""
    quotes = [quote for article in material.articles for quote in material.quotes.get(article.id, ())]
    actors = {
        entity.name for found in material.entities.values() for entity in found if entity.label in ACTORS
    }
    actors |= {quote.speaker for quote in quotes if quote.speaker and is_statement(quote)}
    found = [
        view
        for view in find_perspectives(
            quotes, actors, {article.id: article.text for article in material.articles}
        )
        if view.actor in actors and view.target != view.actor
    ]
    return tuple(sorted(found, key=lambda view: -len(view.quotes))[:PERSPECTIVE_LIMIT])


def _merged_entities(entities: dict[str, tuple[Entity, ...]]) -> tuple[Entity, ...]:
    """The event's entities across its articles: one per name however it is cased, under the label
    most articles give it. A name only ever printed in capitals where no acronym would be is a
    shouted label or dateline ("CLAIM:", "INDIANAPOLIS —"), not a name the tagger can type."""
    forms: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for found in entities.values():
        for entity in found:
            forms[entity.name.casefold()][(entity.name, entity.label)] += entity.count
    merged = [_one_entity(spellings) for spellings in forms.values()]
    kept = [entity for entity in merged if not is_shouted(entity)]
    ranked = sorted(kept, key=lambda entity: (-entity.count, entity.name))
    return tuple(ranked[:ENTITY_LIMIT])


def is_shouted(entity: Entity) -> bool:
    """A name in capitals that no acronym would be: a person's, a place's longer than "USA", or any
    longer than the longest usual acronyms."""
    if not entity.name.isupper():
        return False
    return (
        entity.label == "PERSON"
        or (entity.label in PLACES and len(entity.name) > 3)
        or len(entity.name) > SHOUTED
    )


def _one_entity(spellings: Counter[tuple[str, str]]) -> Entity:
    """One entity from its spellings and labels: the usual spelling, not shouted, and label."""
    names: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    for (name, label), count in spellings.items():
        names[name] += count
        labels[label] += count
    name = max(names, key=lambda spelling: (not spelling.isupper(), names[spelling], spelling))
    return Entity(name, labels.most_common(1)[0][0], sum(spellings.values()))


def _source(article: Article) -> Source:
    return Source(article.id, article.outlet, article.title, article.published, article.source)
