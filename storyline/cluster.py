"""Online clustering: articles join events one at a time, in publication order; events link into storylines.

An article joins the event it is most like — by text (embedding against the event's centroid), by
shared entities, and by closeness in time — or starts a new one. Nothing is given the number of
events and no second pass is made over the past. Events whose centroids are close enough link into
one storyline, however far apart in time (the same dispute, summit after summit).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

import numpy as np

from storyline.options import DEFAULT_OPTIONS, Options
from storyline.records import Event, Storyline, YearlessDate

# How much of the join score comes from shared entities rather than text.
ENTITY_WEIGHT = 0.25
# How many of the textually closest events are scored in full.
CANDIDATES = 10
# A gap of a whole window in time costs this much score.
TIME_PENALTY = 0.1


@dataclass(frozen=True)
class ClusterItem:
    """What the clusterer needs of an article."""

    id: str
    vector: np.ndarray
    published: datetime | None = None
    yearless_date: YearlessDate | None = None
    entities: frozenset[str] = frozenset()
    updated: datetime | None = None  # a later revision extends the event's span


@dataclass(frozen=True)
class Assignment:
    event_id: str
    inferred_date: datetime | None = None  # a yearless date completed from the event joined


@dataclass
class _EventState:
    id: str
    vector_sum: np.ndarray
    article_ids: list[str] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    start: datetime | None = None
    end: datetime | None = None

    def add(self, item: ClusterItem, moment: datetime | None) -> None:
        self.article_ids.append(item.id)
        self.vector_sum += item.vector
        self.entities.update(item.entities)
        for when in (moment, item.updated):
            if when is not None:
                self.start = min(self.start, when) if self.start else when
                self.end = max(self.end, when) if self.end else when


def stable_id(prefix: str, seed: str) -> str:
    return prefix + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:10]


def midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def days_outside(moment: datetime, start: datetime, end: datetime) -> float:
    """How many days `moment` lies outside [start, end]; 0 inside."""
    if moment < start:
        return (start - moment).total_seconds() / 86400
    if moment > end:
        return (moment - end).total_seconds() / 86400
    return 0.0


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
        size = len(event.article_ids)
        theirs = {name: self.idf(name) * count / size for name, count in event.entities.items()}
        shared = sum(self.idf(name) * theirs[name] for name in ours if name in theirs)
        norm_ours = math.sqrt(sum(self.idf(name) ** 2 for name in ours))
        norm_theirs = math.sqrt(sum(weight**2 for weight in theirs.values()))
        return shared / (norm_ours * norm_theirs) if norm_ours and norm_theirs else 0.0


class StreamClusterer:
    """Assigns a stream of articles to events, one at a time."""

    def __init__(self, options: Options = DEFAULT_OPTIONS, dimension: int = 384) -> None:
        self.options = options
        self._events: list[_EventState] = []
        self._centroids = np.zeros((0, dimension), dtype=np.float32)
        self._weights = EntityWeights()

    # -- the stream -------------------------------------------------------------------------------

    def add(self, item: ClusterItem) -> Assignment:
        self._weights.count(item.entities)
        best, score, moment = self._best_event(item)
        if best is None or score < self.options.event_threshold:
            best = self._new_event(item)
            moment = item.published
        best.add(item, moment)
        self._refresh_centroid(self._events.index(best))
        inferred = moment if item.published is None else None
        return Assignment(best.id, inferred)

    def _best_event(self, item: ClusterItem) -> tuple[_EventState | None, float, datetime | None]:
        if not self._events:
            return None, 0.0, None
        shortlist = np.argsort(-(self._centroids @ item.vector))[:CANDIDATES]
        scored = [self._score(item, self._events[i]) for i in shortlist]
        eligible = [entry for entry in scored if entry[1] > -math.inf]
        if not eligible:
            return None, 0.0, None
        return max(eligible, key=lambda entry: entry[1])

    def _score(self, item: ClusterItem, event: _EventState) -> tuple[_EventState, float, datetime | None]:
        # Average similarity to the event's articles, not to its centroid: a centroid of many
        # articles is smoother, and would draw in articles that are only like the story's gist.
        text_score = float(event.vector_sum @ item.vector) / len(event.article_ids)
        entity_score = self._weights.similarity(item.entities, event)
        score = (1 - ENTITY_WEIGHT) * text_score + ENTITY_WEIGHT * entity_score
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

    def _new_event(self, item: ClusterItem) -> _EventState:
        event = _EventState(stable_id("e-", item.id), np.zeros_like(item.vector, dtype=np.float32))
        self._events.append(event)
        self._centroids = np.vstack([self._centroids, np.zeros((1, self._centroids.shape[1]), np.float32)])
        return event

    def _refresh_centroid(self, index: int) -> None:
        vector_sum = self._events[index].vector_sum
        norm = float(np.linalg.norm(vector_sum))
        self._centroids[index] = vector_sum / norm if norm else vector_sum

    # -- restoring and reading the state ----------------------------------------------------------

    def restore(self, events: Iterable[Event], items: dict[str, ClusterItem]) -> None:
        """Rebuild the state of earlier runs from stored events and their articles."""
        for event in events:
            state = _EventState(event.id, np.zeros(self._centroids.shape[1], dtype=np.float32))
            for article_id in event.article_ids:
                if article_id in items:
                    state.add(items[article_id], None)
                    self._weights.count(items[article_id].entities)
            state.start, state.end = event.start, event.end
            self._events.append(state)
            self._centroids = np.vstack(
                [self._centroids, np.zeros((1, self._centroids.shape[1]), np.float32)]
            )
            self._refresh_centroid(len(self._events) - 1)

    def events(self) -> list[Event]:
        storyline_of = self._storyline_of()
        return [
            Event(state.id, tuple(state.article_ids), state.start, state.end, storyline_of[state.id])
            for state in self._events
        ]

    def storylines(self) -> list[Storyline]:
        members: dict[str, list[str]] = {}
        for event_id, storyline_id in self._storyline_of().items():
            members.setdefault(storyline_id, []).append(event_id)
        return [Storyline(storyline_id, tuple(ids)) for storyline_id, ids in members.items()]

    def _storyline_of(self) -> dict[str, str]:
        """Union-find over pairs of events similar enough to continue one another."""
        parent = list(range(len(self._events)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, j in self._linked_pairs():
            parent[root(i)] = root(j)
        first_event = {}
        for i, state in enumerate(self._events):
            first_event.setdefault(root(i), state.id)
        return {state.id: stable_id("s-", first_event[root(i)]) for i, state in enumerate(self._events)}

    def _linked_pairs(self) -> list[tuple[int, int]]:
        similarity = self._centroids @ self._centroids.T
        pairs = np.argwhere(np.triu(similarity, k=1) >= self.options.storyline_threshold)
        return [(int(i), int(j)) for i, j in pairs]
