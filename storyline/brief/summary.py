"""The extractive parts of a brief: summary, highlights and what only one source says.

Every sentence printed is one a source printed (its dateline cut, a pronoun speaker named, a quoted
view given its speaker), so it can be checked against the articles it cites. Sentences are scored by
centrality in the event (embedding against the event's mean), by how many sources say the same, and
by how near their article's top they stand: news puts the news first. The summary opens with the
event's lead, the best-scored opening sentence of any article that reports rather than quotes; the
rest follow in reading order, no two saying the same (maximal marginal relevance).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from storyline.brief.concepts import Concepts, concept_worth, concepts_of
from storyline.brief.sentences import (
    Sentence,
    article_sentences,
    is_furniture,
    needs_context,
    strip_dateline,
    strip_markup,
)
from storyline.brief.voice import Located, Voiced, voiced
from storyline.embed import Embedder
from storyline.records import Article, Cited, Quote

# Two sentences at or above this cosine say the same thing (one cites the other's article too).
SAME_STATEMENT = 0.75
# A sentence this close to one already chosen repeats it.
REPEATS = SAME_STATEMENT - 0.1
# Below this, no other source says anything like a sentence: it is "only in" its article.
ONLY_IN_CEILING = 0.5
SUMMARY_WORDS = (8, 60)
HIGHLIGHT_MAX_WORDS = 30
# The lead is looked for among each article's first sentences.
LEAD_POSITIONS = 5
LEAD_WEIGHT = 1.5
# How much a sentence's new concepts (brief/concepts.py) count beside its score.
COVERAGE_WEIGHT = 0.5
AGREEMENT_WEIGHT = 0.05
# "The statement also said …" goes on from a sentence the summary may not have printed.
CONTINUES = re.compile(r"^(?:\S+\s+){0,4}(?:also|too|again|further|likewise)\b", re.IGNORECASE)
CONTINUATION_PENALTY = 0.1
OPENING_QUOTES = "“\"‘'"
# Inside a quotation the first and second person are the named speaker and those addressed.
SPEAKERS_OWN = re.compile(r"(?:I|We|My|Our|Us|You|Your)\b")


@dataclass(frozen=True)
class Printable:
    """A sentence of an article as a brief may print it."""

    sentence: Sentence
    text: str
    quoted: bool = False  # a quotation given its speaker, not the article's own report


@dataclass(frozen=True)
class SentencePool:
    """The event's printable sentences, their vectors, their scores and the concepts they state."""

    items: list[Printable]
    vectors: np.ndarray
    scores: np.ndarray
    concepts: list[Concepts] = field(default_factory=list)
    worth: dict[tuple[str, str], int] = field(default_factory=dict)

    def support(self, index: int) -> tuple[tuple[str, ...], tuple[int | None, ...]]:
        """The articles carrying the statement of sentence `index` (its own first), and where."""
        own = self.items[index].sentence
        best: dict[str, tuple[float, int]] = {own.article_id: (2.0, own.position)}
        similar = self.vectors @ self.vectors[index]
        for i in np.flatnonzero(similar >= SAME_STATEMENT):
            sentence = self.items[i].sentence
            if float(similar[i]) > best.get(sentence.article_id, (0.0, 0))[0]:
                best[sentence.article_id] = (float(similar[i]), sentence.position)
        return tuple(best), tuple(position for _, position in best.values())

    def cited(self, index: int, date: datetime | None = None) -> Cited:
        cites, passages = self.support(index)
        return Cited(self.items[index].text, cites, date, passages)

    def alone(self, index: int) -> Cited:
        """Sentence `index` citing its own article only."""
        sentence = self.items[index].sentence
        return Cited(self.items[index].text, (sentence.article_id,), None, (sentence.position,))

    def repeats(self, index: int, chosen: list[int]) -> bool:
        return any(float(self.vectors[index] @ self.vectors[other]) >= REPEATS for other in chosen)


def build_pool(
    articles: tuple[Article, ...], quotes: dict[str, tuple[Quote, ...]], embedder: Embedder
) -> SentencePool:
    return build_pools([(articles, quotes)], embedder)[0]


def build_pools(
    events: list[tuple[tuple[Article, ...], dict[str, tuple[Quote, ...]]]], embedder: Embedder
) -> list[SentencePool]:
    """The pools of several events (their articles and quotes), their sentences embedded in one call:
    the model's batches fill up, where one event's sentences spread over a few padded lengths."""
    items = [pool_items(articles, quotes) for articles, quotes in events]
    # The source's own words are embedded, so two outlets quoting one statement are seen to agree.
    texts = [item.sentence.text for found in items for item in found]
    vectors = embedder.embed(texts) if texts else np.zeros((0, 1), np.float32)
    pools, start = [], 0
    for found in items:
        pools.append(pool_of(found, vectors[start : start + len(found)]))
        start += len(found)
    return pools


def pool_of(items: list[Printable], vectors: np.ndarray) -> SentencePool:
    if not items:
        return SentencePool([], np.zeros((0, 1), np.float32), np.zeros(0))
    concepts = [concepts_of(item.sentence.text) for item in items]
    worth = concept_worth(concepts, [item.sentence.article_id for item in items])
    return SentencePool(items, vectors, centrality(items, vectors), concepts, worth)


def pool_items(articles: tuple[Article, ...], quotes: dict[str, tuple[Quote, ...]]) -> list[Printable]:
    """The printable sentences of all the articles, in their order."""
    return [item for article in articles for item in printable_sentences(article, quotes.get(article.id, ()))]


def printable_sentences(article: Article, quotes: tuple[Quote, ...]) -> list[Printable]:
    """The article's sentences a brief may print: news, not furniture, each readable on its own."""
    printable = []
    for located, sentence in locate(article):
        if not SUMMARY_WORDS[0] <= sentence.words <= SUMMARY_WORDS[1] or is_title(sentence.text, article):
            continue
        voice = voiced(without_dateline(located), quotes)
        text = strip_markup(voice.text) if voice else ""
        if voice and text and not is_furniture(text) and stands_alone(text, voice):
            printable.append(Printable(sentence, text, voice.quoted))
    return printable


def is_title(text: str, article: Article) -> bool:
    """Whether a sentence is the article's title printed again at the top of its text."""
    return bool(article.title) and fold_title(text) == fold_title(article.title or "")


def fold_title(text: str) -> str:
    return " ".join(text.casefold().rstrip(".!:; ").split())


def stands_alone(text: str, voice: Voiced) -> bool:
    """Whether a sentence reads without the one before it: no pronoun or connective opening it, and a
    quotation opening it only when it names its speaker and does not itself open on one."""
    if text.endswith(":"):  # it introduces what follows: a list, a quotation, a table
        return False
    if voice.sourced and text[0] in OPENING_QUOTES:  # the quotation itself must not lean back
        quoted = text.lstrip(OPENING_QUOTES)
        return not needs_context(quoted) or SPEAKERS_OWN.match(quoted) is not None
    return not needs_context(text)


def locate(article: Article) -> list[tuple[Located, Sentence]]:
    """Each sentence with its offset in the article's text (the spans quotes are given in)."""
    found, cursor = [], 0
    for sentence in article_sentences(article.id, article.paragraphs):
        start = article.text.find(sentence.text, cursor)
        if start < 0:
            continue
        found.append((Located(sentence.text, start), sentence))
        cursor = start + len(sentence.text)
    return found


def without_dateline(located: Located) -> Located:
    text = strip_dateline(located.text)
    return Located(text, located.end - len(text))


def centrality(items: list[Printable], vectors: np.ndarray) -> np.ndarray:
    """Closeness to the event's mean, plus a bonus for standing near the top of its article and one
    per other source saying the same, less a penalty for going on from an earlier sentence."""
    mean = vectors.mean(axis=0)
    mean /= np.linalg.norm(mean) or 1.0
    closeness = vectors @ mean
    lead = np.array([LEAD_WEIGHT / (1 + item.sentence.position) for item in items])
    owners = np.array([item.sentence.article_id for item in items])
    same = (vectors @ vectors.T) >= SAME_STATEMENT
    sources_agreeing = np.array([len(set(owners[row])) - 1 for row in same])
    continuing = np.array([CONTINUES.match(item.text) is not None for item in items], dtype=float)
    return closeness + lead + AGREEMENT_WEIGHT * sources_agreeing - CONTINUATION_PENALTY * continuing


def select(
    pool: SentencePool, limit: int, candidates: list[int], chosen: list[int] | None = None
) -> list[int]:
    """Maximal marginal relevance: best first, never a near-repeat of one already chosen."""
    picked: list[int] = []
    for index in sorted(candidates, key=lambda i: -pool.scores[i]):
        if len(picked) == limit:
            break
        if not pool.repeats(index, [*(chosen or []), *picked]):
            picked.append(index)
    return picked


def cover(pool: SentencePool, limit: int, lead: int | None) -> list[int]:
    """The lead, then greedily the sentence adding the most: its score plus the worth per word of the
    concepts it states that the chosen ones do not, never a near-repeat of one already chosen."""
    chosen = [] if lead is None else [lead]
    covered = set(pool.concepts[lead]) if lead is not None else set()
    candidates = [index for index in range(len(pool.items)) if index != lead]
    while len(chosen) < limit and candidates:
        best = max(candidates, key=lambda index: _value(pool, index, covered))
        candidates.remove(best)
        if not pool.repeats(best, chosen):
            chosen.append(best)
            covered |= pool.concepts[best]
    return chosen


def _value(pool: SentencePool, index: int, covered: set[tuple[str, str]]) -> float:
    new = sum(pool.worth.get(concept, 0) for concept in pool.concepts[index] - covered)
    return pool.scores[index] + COVERAGE_WEIGHT * new / math.sqrt(max(1, pool.items[index].sentence.words))


def find_lead(pool: SentencePool) -> int | None:
    """The event's lead: of the articles' leads (each one's first report near its top), the best."""
    leads: dict[str, int] = {}
    for index, item in enumerate(pool.items):
        opening = item.sentence.position < LEAD_POSITIONS and not item.quoted
        if opening and not item.text.endswith("?"):
            leads.setdefault(item.sentence.article_id, index)
    return max(leads.values(), key=lambda index: pool.scores[index]) if leads else None


def summarise(pool: SentencePool, articles: tuple[Article, ...], limit: int) -> list[int]:
    """The summary's sentences: the lead, then the best of the rest in reading order."""
    lead = find_lead(pool)
    opening = [] if lead is None else [lead]
    rest = cover(pool, limit, lead)[len(opening) :]
    order = {article.id: rank for rank, article in enumerate(articles)}

    def reading_order(index: int) -> tuple[int, int]:
        sentence = pool.items[index].sentence
        return order[sentence.article_id], sentence.position

    return opening + sorted(rest, key=reading_order)


def cite_summary(pool: SentencePool, chosen: list[int], articles: tuple[Article, ...]) -> tuple[Cited, ...]:
    """The chosen sentences, each citing every article that carries its statement."""
    published = {article.id: article.published for article in articles}
    return tuple(pool.cited(i, published[pool.items[i].sentence.article_id]) for i in chosen)


def highlights(pool: SentencePool, in_summary: list[int], limit: int) -> tuple[Cited, ...]:
    """Short statements the summary does not already make, best first, each cited."""
    short = [
        i
        for i, item in enumerate(pool.items)
        if item.sentence.words <= HIGHLIGHT_MAX_WORDS and i not in in_summary
    ]
    return tuple(pool.cited(i) for i in select(pool, limit, short, in_summary))


def only_in(pool: SentencePool, article_count: int) -> tuple[Cited, ...]:
    """Per article, its most central statement that no other source carries anything like."""
    if article_count < 2 or not pool.items:
        return ()
    owners = np.array([item.sentence.article_id for item in pool.items])
    best: dict[str, int] = {}
    for index, item in enumerate(pool.items):
        elsewhere = pool.vectors[owners != item.sentence.article_id] @ pool.vectors[index]
        if elsewhere.size and float(elsewhere.max()) >= ONLY_IN_CEILING:
            continue
        owner = item.sentence.article_id
        if owner not in best or pool.scores[index] > pool.scores[best[owner]]:
            best[owner] = index
    return tuple(
        Cited(
            pool.items[i].text, (pool.items[i].sentence.article_id,), None, (pool.items[i].sentence.position,)
        )
        for i in best.values()
    )
