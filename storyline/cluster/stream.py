"""Online clustering: articles join events one at a time, in publication order.

An article joins the event it is most like or starts a new one; nothing is given the number of events
and no second pass is made over the past. "Most like" mixes:
- the embedding's cosine with the event's centroid (coverage that shares few words),
- the cosine of the article's tf-idf words with the event's (two summits a year apart share the
  topic's words and look alike to the embedding, but their rare words — names, places — differ),
- idf-weighted shared entities,
- closeness in time: an event more than a window away from the article's date is out of reach.
A full article must clear a higher bar than a headline, against a loose event's members as well as
its centroid, and against the event's first article too (see the constants below).

Only the events open in the time window are searched, through a nearest-neighbour index of their
centroids, so each article costs about log(open events) however long the stream has run. An event
that falls out of the window is closed: linked into its storyline and, unless the clusterer keeps
its history (the pipeline does, to place undated articles and to write every event), forgotten.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import numpy as np
from numpy.typing import ArrayLike

from storyline.cluster.index import VectorIndex
from storyline.cluster.storylines import StorylineLinker, UnionFind
from storyline.cluster.terms import TermVector, TermWeights, dot
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.records import Event, Storyline, YearlessDate

# How the text score splits between the embedding and the words (when the article has words).
DENSE_WEIGHT = 0.5
# How much of the score comes from shared entities (when the article names any).
ENTITY_WEIGHT = 0.25
# How many of the nearest open events are scored in full.
CANDIDATES = 5
# A gap of a whole window in time costs this much score.
TIME_PENALTY = 0.1
# Two long texts on one topic share many incidental words and names (a campaign's candidates, its
# places), so unrelated full articles score higher than unrelated headlines do: an article needs up to
# LONG_TEXT_MARGIN more score to join an event, rising from nothing at SHORT_TEXT_WORDS content words
# (a headline with its snippet has 20-40) to all of it at LONG_TEXT_WORDS (the 2,000 characters of a
# full article the embedding reads have ~150). Tuned on bench/events.py's dev sets and Google News dev.
LONG_TEXT_MARGIN = 0.09
SHORT_TEXT_WORDS = 50
LONG_TEXT_WORDS = 150
# The same topic blob of full articles (a campaign) has an ever closer centroid as it grows: every
# article is about as near the average of many as the members are, though each pair differs. A full
# article's score is therefore the cosine with the centroid times the centroid's norm (the members'
# mean cosine with it) to this power: 1 is the plain cosine, 0 the mean similarity with the members.
# A headline keeps the plain cosine: its pairs share too few words to be compared one by one.
FULL_TEXT_COHESION = 0.5
# A grown event of full articles gathers its topic (a campaign's polls, debates, rallies), and an
# article can be as near its centroid as a member is while it shares only the topic with the happening
# the event began with. A full article joining an event of several must therefore also score, with the
# event's first article in place of its centroid, SEED_MARGIN over its threshold (less for a shorter
# text, nothing for a headline). Tuned on bench/events.py's dev sets.
SEED_MARGIN = 0.03
# The window is swept for events to close each time the stream's clock moves this share of it.
SWEEP_EVERY = 0.25
# Where an undated event stands in its storyline's order: after every dated one.
UNDATED = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class ClusterItem:
    """What the clusterer needs of an article."""

    id: str
    vector: np.ndarray
    published: datetime | None = None
    yearless_date: YearlessDate | None = None
    entities: frozenset[str] = frozenset()
    updated: datetime | None = None  # a later revision extends the event's span
    terms: Mapping[int, int] = field(default_factory=dict)  # hashed word counts (terms.count_terms)


@dataclass(frozen=True)
class Assignment:
    event_id: str
    inferred_date: datetime | None = None  # a yearless date completed from the event joined


@dataclass
class _EventState:
    id: str
    key: int
    vector_sum: np.ndarray
    article_ids: list[str] = field(default_factory=list)
    size: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    terms: TermVector = field(default_factory=dict)  # sum of its articles' tf-idf vectors
    terms_norm2: float = 0.0
    start: datetime | None = None
    end: datetime | None = None
    touched: int = 0  # the stream position of its latest article
    seed_vector: np.ndarray = field(default_factory=lambda: np.zeros(0))  # its first article's embedding
    seed_terms: TermVector = field(default_factory=dict)  # its first article's tf-idf words

    def add(self, item: ClusterItem, terms: TermVector, moment: datetime | None, keep_ids: bool) -> None:
        if keep_ids:
            self.article_ids.append(item.id)
        if not self.size:
            self.seed_vector, self.seed_terms = item.vector, terms
        self.size += 1
        self.vector_sum += item.vector
        self.entities.update(item.entities)
        self._add_terms(terms)
        for when in (moment, item.updated):
            if when is not None:
                self.start = min(self.start, when) if self.start else when
                self.end = max(self.end, when) if self.end else when

    def _add_terms(self, terms: TermVector) -> None:
        # |s + x|² = |s|² + 2 s·x + |x|², so the norm never needs a pass over the whole vector.
        self.terms_norm2 += 2 * dot(terms, self.terms) + sum(w * w for w in terms.values())
        for term, weight in terms.items():
            self.terms[term] = self.terms.get(term, 0.0) + weight

    def order(self) -> tuple[datetime, str]:
        return storyline_order(self.start, self.id)

    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / norm if norm else self.vector_sum

    def term_similarity(self, terms: TermVector, exponent: float = 1.0) -> float:
        if self.terms_norm2 <= 0:
            return 0.0
        return dot(terms, self.terms) / loose_norm(math.sqrt(self.terms_norm2), self.size, exponent)


def loose_norm(norm: ArrayLike, size: ArrayLike, exponent: float) -> ArrayLike:
    """What the dot product with a sum of `size` unit vectors whose norm is `norm` is divided by: with
    exponent 1 the norm (a cosine with the centroid), with 0 the size (the mean similarity with the
    members); see FULL_TEXT_COHESION."""
    return size * (norm / size) ** exponent


def mixed_text_scores(dense: np.ndarray, sparse: list[float], has_words: bool) -> list[float]:
    """The embedding's scores, mixed with the words' when the article has any."""
    if not has_words:
        return dense.tolist()
    return (DENSE_WEIGHT * dense + (1 - DENSE_WEIGHT) * np.array(sparse)).tolist()


def stable_id(prefix: str, seed: str) -> str:
    return prefix + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:10]


def storyline_order(start: datetime | None, event_id: str) -> tuple[datetime, str]:
    """An event's place among its storyline's events: by start, then id. The storyline is named after its
    first event in this order, which the events' contents fix, not the order the clusterer made them in
    (a run that restores stored events makes them in another)."""
    return (start or UNDATED, event_id)


def midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def days_outside(moment: datetime, start: datetime, end: datetime) -> float:
    """How many days `moment` lies outside [start, end]; 0 inside."""
    if moment < start:
        return (start - moment).total_seconds() / 86400
    if moment > end:
        return (moment - end).total_seconds() / 86400
    return 0.0


def is_power_of_two(number: int) -> bool:
    return number & (number - 1) == 0


class EntityWeights:
    """Inverse document frequency of entities over the stream so far.

    An entity that every article names (the country at the centre of a whole storyline) says little
    about which event an article belongs to; one named by few (a spokesperson, a venue) says a lot.
    """

    def __init__(self) -> None:
        self.articles = 0
        self.frequency: Counter[str] = Counter()

    def count(self, entities: frozenset[str]) -> None:
        self.articles += 1
        self.frequency.update(entities)

    def idf(self, entity: str) -> float:
        return math.log((self.articles + 1) / (self.frequency[entity] + 0.5))

    def similarity(self, ours: frozenset[str], event: _EventState) -> float:
        """Cosine of idf-weighted vectors: the article's entities, the event's weighted by how many
        of its articles name them."""
        if not ours or not event.entities:
            return 0.0
        theirs = {name: self.idf(name) * count / event.size for name, count in event.entities.items()}
        # fsum: exact, so the order a set of names iterates in (it changes with the process's hash seed)
        # cannot move the score by a last bit and so tip an article over a threshold.
        shared = math.fsum(self.idf(name) * theirs[name] for name in ours if name in theirs)
        norm_ours = math.sqrt(math.fsum(self.idf(name) ** 2 for name in ours))
        norm_theirs = math.sqrt(math.fsum(weight**2 for weight in theirs.values()))
        return shared / (norm_ours * norm_theirs) if norm_ours and norm_theirs else 0.0


class StreamClusterer:
    """Assigns a stream of articles to events, one at a time.

    With `keep_history` (the default) closed events stay in memory: `events()` returns every event
    with its articles, and an undated article may still join a closed one. Without it, memory is
    bounded by the open window (plus one small centroid per closed event, for storylines), and
    `events()` returns the open events only.
    """

    def __init__(self, options: Options = DEFAULT_OPTIONS, dimension: int = 384, keep_history: bool = True):
        self.options = options
        self.dimension = dimension
        self.keep_history = keep_history
        self._open: dict[int, _EventState] = {}
        self._closed: dict[int, _EventState] = {}
        self._open_index = VectorIndex(dimension)
        self._linker = StorylineLinker(dimension, options.storyline_threshold)
        self._entity_weights = EntityWeights()
        self._term_weights = TermWeights()
        self._next_key = 0
        # Each closed event's storyline_order by key, kept when the event itself is forgotten (without
        # keep_history): the storyline it belongs to is named after its earliest event.
        self._closed_orders: dict[int, tuple[datetime, str]] = {}
        self._position = 0
        self._clock: datetime | None = None  # the latest date seen in the stream
        self._swept: datetime | None = None

    # -- the stream -------------------------------------------------------------------------------

    def add(self, item: ClusterItem) -> Assignment:
        return self.add_many([item])[0]

    def add_many(self, items: Sequence[ClusterItem]) -> list[Assignment]:
        """Place items in order, as one `add` after another would, with one index search for all.

        The index is searched as it stood before the batch; the events the batch itself opens are
        checked for every later item of the batch, so none is missed.
        """
        nearest = self._open_index.nearest_many(np.stack([item.vector for item in items]), CANDIDATES)
        opened: list[_EventState] = []
        assignments = []
        for item, keys in zip(items, nearest, strict=True):
            candidates = [self._open[key] for key in keys if key in self._open]
            candidates += [event for event in opened if event.key in self._open and event.key not in keys]
            if item.published is None and self._closed:  # an undated article may be an old one
                candidates += [
                    self._closed[key] for key in self._linker.closed.nearest(item.vector, CANDIDATES)
                ]
            assignment, new = self._place(item, candidates)
            opened += new
            assignments.append(assignment)
        return assignments

    def _place(
        self, item: ClusterItem, candidates: list[_EventState]
    ) -> tuple[Assignment, list[_EventState]]:
        """Join the best candidate or open a new event; return the assignment and any event opened."""
        self._position += 1
        self._entity_weights.count(item.entities)
        self._term_weights.count(item.terms)
        terms = self._term_weights.vector(item.terms)
        best, score, moment = self._best_event(item, terms, candidates)
        opened = []
        if best is None or score < self.threshold_for(item):
            best, moment = self._new_event(stable_id("e-", item.id)), item.published
            opened.append(best)
        self._grow(best, item, terms, moment)
        self._advance_clock(item.published)
        return Assignment(best.id, moment if item.published is None else None), opened

    def threshold_for(self, item: ClusterItem) -> float:
        """The score an article needs to join an event: higher for a longer text."""
        return self.options.event_threshold + LONG_TEXT_MARGIN * self.length_of(item)

    @staticmethod
    def length_of(item: ClusterItem) -> float:
        """0 for a headline with its snippet, 1 for a full article, on a ramp between."""
        words = sum(item.terms.values())
        return min(1.0, max(0.0, (words - SHORT_TEXT_WORDS) / (LONG_TEXT_WORDS - SHORT_TEXT_WORDS)))

    def _best_event(
        self, item: ClusterItem, terms: TermVector, candidates: list[_EventState]
    ) -> tuple[_EventState | None, float, datetime | None]:
        if not candidates:
            return None, 0.0, None
        length = self.length_of(item)
        text_scores = self._text_scores(item, terms, candidates, length)
        scored = [self._score(item, event, text) for event, text in zip(candidates, text_scores, strict=True)]
        if length:
            seed_scores = self._seed_text_scores(item, terms, candidates)
            scored = [
                self._checked_against_seed(item, entry, text, seed, length)
                for entry, text, seed in zip(scored, text_scores, seed_scores, strict=True)
            ]
        eligible = [entry for entry in scored if entry[1] > -math.inf]
        if not eligible:
            return None, 0.0, None
        return max(eligible, key=lambda entry: entry[1])

    @staticmethod
    def _text_scores(
        item: ClusterItem, terms: TermVector, events: list[_EventState], length: float
    ) -> list[float]:
        """The embedding's score with each event, mixed with the words' when there are any: the cosine
        with its centroid, a loose event credited less for a full article (see FULL_TEXT_COHESION)."""
        sums = np.stack([event.vector_sum for event in events])
        sizes = np.maximum([event.size for event in events], 1).astype(np.float64)
        exponent = 1 - (1 - FULL_TEXT_COHESION) * length
        norms = loose_norm(np.sqrt(np.einsum("ij,ij->i", sums, sums)), sizes, exponent)
        dense = (sums @ item.vector) / np.maximum(norms, 1e-12)
        sparse = [event.term_similarity(terms, exponent) for event in events]
        return mixed_text_scores(dense, sparse, bool(terms))

    @staticmethod
    def _seed_text_scores(item: ClusterItem, terms: TermVector, events: list[_EventState]) -> list[float]:
        """The text score with each event's first article alone."""
        dense = np.stack([event.seed_vector for event in events]) @ item.vector
        return mixed_text_scores(dense, [dot(terms, event.seed_terms) for event in events], bool(terms))

    def _checked_against_seed(
        self,
        item: ClusterItem,
        entry: tuple[_EventState, float, datetime | None],
        text_score: float,
        seed_score: float,
        length: float,
    ) -> tuple[_EventState, float, datetime | None]:
        """The entry, out of reach when the event has grown and its first article, scored in place of its
        centroid, is not SEED_MARGIN over the threshold (see SEED_MARGIN)."""
        event, score, moment = entry
        if event.size < 2 or score == -math.inf:
            return entry
        text_share = 1 - ENTITY_WEIGHT if item.entities else 1.0
        with_seed = score + text_share * (seed_score - text_score)
        if with_seed < self.threshold_for(item) + SEED_MARGIN * length:
            return event, -math.inf, moment
        return entry

    def _score(
        self, item: ClusterItem, event: _EventState, text_score: float
    ) -> tuple[_EventState, float, datetime | None]:
        score = text_score
        if item.entities:
            entity_score = self._entity_weights.similarity(item.entities, event)
            score = (1 - ENTITY_WEIGHT) * score + ENTITY_WEIGHT * entity_score
        moment = self._moment_near(item, event)
        if moment is None or event.start is None or event.end is None:
            return event, score, moment
        gap = days_outside(moment, event.start, event.end)
        if gap > self.options.event_window_days:
            return event, -math.inf, moment
        return event, score - TIME_PENALTY * gap / self.options.event_window_days, moment

    @staticmethod
    def _moment_near(item: ClusterItem, event: _EventState) -> datetime | None:
        """The article's date; a yearless one completed with the year that fits this event best."""
        if item.published is not None or item.yearless_date is None or event.start is None:
            return item.published
        return midnight(item.yearless_date.resolve(event.start.date()))

    def _new_event(self, event_id: str) -> _EventState:
        event = _EventState(event_id, self._next_key, np.zeros(self.dimension, dtype=np.float32))
        event.touched = self._position
        self._next_key += 1
        self._open[event.key] = event
        self._close_least_recent()
        return event

    def _grow(
        self, event: _EventState, item: ClusterItem, terms: TermVector, moment: datetime | None
    ) -> None:
        event.add(item, terms, moment, self.keep_history)
        event.touched = self._position
        # The index keeps a centroid from when the event had 1, 2, 4, 8 ... articles: close enough to
        # find it among the candidates (which are then scored exactly), at log(size) updates per event.
        if is_power_of_two(event.size):
            index = self._open_index if event.key in self._open else self._linker.closed
            index.put(event.key, event.centroid().astype(np.float32))

    # -- the time window --------------------------------------------------------------------------

    def _advance_clock(self, published: datetime | None) -> None:
        if published is None or (self._clock is not None and published <= self._clock):
            return
        self._clock = published
        window = timedelta(days=self.options.event_window_days)
        if self._swept is None or self._clock - self._swept >= window * SWEEP_EVERY:
            self._swept = self._clock
            # The stream is in date order: no later article can reach an event that ended a window ago.
            for event in [e for e in self._open.values() if e.end is not None and e.end < published - window]:
                self._close(event)

    def _close_least_recent(self) -> None:
        """Past the cap on open events (an undated stream has no window), close the least recent tenth."""
        cap = self.options.max_open_events
        if len(self._open) <= cap:
            return
        for event in sorted(self._open.values(), key=lambda e: e.touched)[: len(self._open) - cap * 9 // 10]:
            self._close(event)

    def _close(self, event: _EventState) -> None:
        del self._open[event.key]
        self._open_index.remove(event.key)
        self._linker.close(event.key, event.centroid().astype(np.float32))
        self._closed_orders[event.key] = event.order()
        if self.keep_history:
            self._closed[event.key] = event

    # -- restoring and reading the state ----------------------------------------------------------

    def restore(self, events: Iterable[Event], items: dict[str, ClusterItem]) -> None:
        """Rebuild the state of earlier runs from stored events and their articles (all open at first)."""
        for stored in events:
            event = self._new_event(stored.id)
            for article_id in stored.article_ids:
                if article_id in items:
                    item = items[article_id]
                    self._entity_weights.count(item.entities)
                    self._term_weights.count(item.terms)
                    self._grow(event, item, self._term_weights.vector(item.terms), None)
            event.start, event.end = stored.start, stored.end

    def events(self) -> list[Event]:
        states = sorted([*self._closed.values(), *self._open.values()], key=lambda e: e.key)
        sets = self._linker.storylines(
            {key: e.centroid().astype(np.float32) for key, e in self._open.items()}
        )
        storyline_ids = self._storyline_ids(sets, states)
        return [
            Event(e.id, tuple(e.article_ids), e.start, e.end, storyline_ids[sets.root(e.key)]) for e in states
        ]

    def storylines(self) -> list[Storyline]:
        """Every storyline, by id, with its events in storyline_order."""
        members: dict[str, list[Event]] = {}
        for event in self.events():
            members.setdefault(event.storyline_id or "", []).append(event)
        return [
            Storyline(
                storyline_id,
                tuple(e.id for e in sorted(events, key=lambda e: storyline_order(e.start, e.id))),
            )
            for storyline_id, events in sorted(members.items())
        ]

    def _storyline_ids(self, sets: UnionFind, states: list[_EventState]) -> dict[int, str]:
        """Each storyline's id by its root: its earliest event's in storyline_order."""
        orders = {**self._closed_orders, **{e.key: e.order() for e in states}}  # a state's is current
        earliest: dict[int, tuple[datetime, str]] = {}
        for key, order in orders.items():
            root = sets.root(key)
            earliest[root] = min(order, earliest.get(root, order))
        return {root: stable_id("s-", order[1]) for root, order in earliest.items()}
