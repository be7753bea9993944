"""Briefs: what an editor would write about an event from its sources, every sentence cited.

The summary is extractive on purpose: each sentence is one a source printed, so it can be checked
against the articles it cites. Sentences are chosen by centrality in the event (embedding against the
event's mean) with a bonus for what several sources report, and redundancy is removed by maximal
marginal relevance; each chosen sentence cites every article that carries the same statement.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from storyline.analyse import is_statement
from storyline.analyse.perspectives import find_perspectives
from storyline.brief.quotes import key_quotes
from storyline.brief.sentences import Sentence, article_sentences
from storyline.brief.timeline import build_timeline
from storyline.embed import Embedder
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.records import Article, Brief, Cited, Entity, Event, Perspective, Quote, Source

# Two sentences at or above this cosine say the same thing (one cites the other's article too).
SAME_STATEMENT = 0.75
# Below this, no other source says anything like a sentence: it is "only in" its article.
ONLY_IN_CEILING = 0.5
SUMMARY_WORDS = (8, 60)
DANGLING_PENALTY = 0.15
HIGHLIGHT_MAX_WORDS = 35
ENTITY_LIMIT = 25
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


@dataclass(frozen=True)
class _SentencePool:
    sentences: list[Sentence]
    vectors: np.ndarray
    scores: np.ndarray

    def support(self, index: int) -> tuple[tuple[str, ...], tuple[int | None, ...]]:
        """The articles carrying the statement of sentence `index` (its own first), and where."""
        own = self.sentences[index]
        best: dict[str, tuple[float, int]] = {own.article_id: (2.0, own.position)}
        similar = self.vectors @ self.vectors[index]
        for i in np.flatnonzero(similar >= SAME_STATEMENT):
            sentence = self.sentences[i]
            if float(similar[i]) > best.get(sentence.article_id, (0.0, 0))[0]:
                best[sentence.article_id] = (float(similar[i]), sentence.position)
        return tuple(best), tuple(position for _, position in best.values())

    def cited(self, index: int, date: datetime | None = None) -> Cited:
        cites, passages = self.support(index)
        return Cited(self.sentences[index].text, cites, date, passages)


def build_brief(material: EventMaterial, embedder: Embedder, options: Options = DEFAULT_OPTIONS) -> Brief:
    articles = material.articles
    pool = _pool(articles, embedder)
    return Brief(
        event_id=material.event.id,
        headline=_headline(articles, pool),
        start=material.event.start,
        end=material.event.end,
        highlights=_highlights(pool, options.highlights),
        summary=_summary(pool, articles, options.summary_sentences),
        timeline=build_timeline(articles),
        quotes=key_quotes(material.quotes, articles),
        entities=_merged_entities(material.entities),
        sources=tuple(_source(article) for article in articles),
        only_in=_only_in(pool, len(articles)),
        storyline_id=material.event.storyline_id,
        perspectives=_perspectives(material),
    )


def _pool(articles: tuple[Article, ...], embedder: Embedder) -> _SentencePool:
    sentences = [
        sentence
        for article in articles
        for sentence in article_sentences(article.id, article.paragraphs)
        if SUMMARY_WORDS[0] <= sentence.words <= SUMMARY_WORDS[1]
    ]
    if not sentences:
        return _SentencePool([], np.zeros((0, 1), np.float32), np.zeros(0))
    vectors = embedder.embed([sentence.text for sentence in sentences])
    return _SentencePool(sentences, vectors, _centrality(sentences, vectors))


def _centrality(sentences: list[Sentence], vectors: np.ndarray) -> np.ndarray:
    """Closeness to the event's mean, plus a lead bonus and a bonus per other source saying the same,
    less a penalty for sentences that lean on the one before them."""
    mean = vectors.mean(axis=0)
    mean /= np.linalg.norm(mean) or 1.0
    closeness = vectors @ mean
    lead = np.array([0.1 / (1 + sentence.position) for sentence in sentences])
    owners = np.array([sentence.article_id for sentence in sentences])
    same = (vectors @ vectors.T) >= SAME_STATEMENT
    sources_agreeing = np.array([len(set(owners[row])) - 1 for row in same])
    dangling = np.array([sentence.needs_context for sentence in sentences], dtype=float)
    return closeness + lead + 0.05 * sources_agreeing - DANGLING_PENALTY * dangling


def _select(pool: _SentencePool, limit: int, candidates: list[int]) -> list[int]:
    """Maximal marginal relevance: best first, never a near-repeat of one already chosen."""
    chosen: list[int] = []
    for index in sorted(candidates, key=lambda i: -pool.scores[i]):
        if len(chosen) == limit:
            break
        if all(float(pool.vectors[index] @ pool.vectors[other]) < SAME_STATEMENT - 0.1 for other in chosen):
            chosen.append(index)
    return chosen


def _summary(pool: _SentencePool, articles: tuple[Article, ...], limit: int) -> tuple[Cited, ...]:
    chosen = _select(pool, limit, list(range(len(pool.sentences))))
    published = {article.id: article.published for article in articles}
    order = {article.id: rank for rank, article in enumerate(articles)}

    def reading_order(index: int) -> tuple[int, int]:
        sentence = pool.sentences[index]
        return order[sentence.article_id], sentence.position

    return tuple(
        pool.cited(i, published[pool.sentences[i].article_id]) for i in sorted(chosen, key=reading_order)
    )


def _highlights(pool: _SentencePool, limit: int) -> tuple[str, ...]:
    short = [i for i, sentence in enumerate(pool.sentences) if sentence.words <= HIGHLIGHT_MAX_WORDS]
    return tuple(pool.sentences[i].text for i in _select(pool, limit, short))


def _headline(articles: tuple[Article, ...], pool: _SentencePool) -> str:
    """The title of the article whose sentences are most central to the event."""
    titled = [article for article in articles if article.title]
    if not titled:
        return pool.sentences[int(np.argmax(pool.scores))].text if pool.sentences else "Untitled event"
    weight: Counter[str] = Counter()
    for sentence, score in zip(pool.sentences, pool.scores, strict=True):
        weight[sentence.article_id] += float(score)
    best = max(titled, key=lambda article: weight[article.id] / max(1, _sentence_count(pool, article.id)))
    return best.title or ""


def _sentence_count(pool: _SentencePool, article_id: str) -> int:
    return sum(1 for sentence in pool.sentences if sentence.article_id == article_id)


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
    counts: Counter[tuple[str, str]] = Counter()
    for found in entities.values():
        for entity in found:
            counts[(entity.name, entity.label)] += entity.count
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Entity(name, label, count) for (name, label), count in ranked[:ENTITY_LIMIT])


def _only_in(pool: _SentencePool, article_count: int) -> tuple[Cited, ...]:
    """Per article, its most central statement that no other source carries anything like."""
    if article_count < 2 or not pool.sentences:
        return ()
    owners = np.array([sentence.article_id for sentence in pool.sentences])
    best: dict[str, int] = {}
    for index, sentence in enumerate(pool.sentences):
        elsewhere = pool.vectors[owners != sentence.article_id] @ pool.vectors[index]
        if elsewhere.size and float(elsewhere.max()) >= ONLY_IN_CEILING:
            continue
        if sentence.article_id not in best or pool.scores[index] > pool.scores[best[sentence.article_id]]:
            best[sentence.article_id] = index
    return tuple(
        Cited(pool.sentences[i].text, (pool.sentences[i].article_id,), None, (pool.sentences[i].position,))
        for i in best.values()
    )


def _source(article: Article) -> Source:
    return Source(article.id, article.outlet, article.title, article.published, article.source)
