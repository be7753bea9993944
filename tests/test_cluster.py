import hashlib
import json
from datetime import UTC, datetime

import numpy as np
import pytest

from storyline.cluster import (
    ClusterItem,
    EntityWeights,
    StreamClusterer,
    count_terms,
    days_outside,
    stable_id,
)
from storyline.cluster import index as index_module
from storyline.cluster.index import VectorIndex
from storyline.cluster.items import cluster_items
from storyline.cluster.storylines import UnionFind
from storyline.cluster.stream import _EventState
from storyline.cluster.terms import TermWeights
from storyline.errors import InputError
from storyline.options import Options
from storyline.records import YearlessDate

DIMENSION = 8


def unit(*weights: float) -> np.ndarray:
    vector = np.zeros(DIMENSION, dtype=np.float32)
    vector[: len(weights)] = weights
    return vector / np.linalg.norm(vector)


def axis(place: int) -> np.ndarray:
    """The unit vector along one axis."""
    return unit(*[0.0] * place, 1.0)


def sha(item_id: str) -> str:
    return hashlib.sha256(item_id.encode("utf-8")).hexdigest()[:10]


def day(year: int, month: int, date: int) -> datetime:
    return datetime(year, month, date, tzinfo=UTC)


def clusterer() -> StreamClusterer:
    return StreamClusterer(Options(event_threshold=0.5, storyline_threshold=0.8), dimension=DIMENSION)


def test_close_articles_on_close_days_join_one_event():
    stream = clusterer()
    first = stream.add(ClusterItem("a", unit(1, 0.1), day(2026, 3, 1)))
    second = stream.add(ClusterItem("b", unit(1, 0.2), day(2026, 3, 2)))
    assert first.event_id == second.event_id


def test_unrelated_articles_start_separate_events_and_storylines():
    stream = clusterer()
    stream.add(ClusterItem("a", unit(1, 0), day(2026, 3, 1)))
    stream.add(ClusterItem("b", unit(0, 1), day(2026, 3, 1)))
    assert len(stream.events()) == 2
    assert len(stream.storylines()) == 2


def test_same_story_a_year_later_is_a_new_event_in_the_same_storyline():
    stream = clusterer()
    stream.add(ClusterItem("a", unit(1, 0.1), day(2025, 3, 1)))
    stream.add(ClusterItem("b", unit(1, 0.1), day(2026, 3, 1)))
    events = stream.events()
    assert len(events) == 2
    assert events[0].storyline_id == events[1].storyline_id


def test_shared_entities_tip_a_borderline_article_into_the_event():
    stream = clusterer()
    stream.add(ClusterItem("a", unit(1, 0), day(2026, 3, 1), entities=frozenset({"valmora", "petra olsen"})))
    borderline = unit(0.6, 0.8)  # cosine 0.6 with the event
    joined = stream.add(
        ClusterItem("b", borderline, day(2026, 3, 1), entities=frozenset({"valmora", "petra olsen"}))
    )
    assert joined.event_id == stream.events()[0].id


def test_yearless_date_takes_the_year_of_the_event_it_joins():
    stream = clusterer()
    stream.add(ClusterItem("a", unit(1, 0), day(2023, 7, 12)))
    tuesday_11_july = YearlessDate(7, 11, weekday=1)
    assignment = stream.add(ClusterItem("b", unit(1, 0.1), yearless_date=tuesday_11_july))
    assert assignment.inferred_date == day(2023, 7, 11)
    assert stream.events()[0].start == day(2023, 7, 11)


def test_yearless_date_whose_weekday_fits_no_nearby_year_stays_out():
    stream = clusterer()
    stream.add(ClusterItem("a", unit(1, 0), day(2024, 7, 11)))
    tuesday_11_july = YearlessDate(7, 11, weekday=1)  # 2024-07-11 was a Thursday
    stream.add(ClusterItem("b", unit(1, 0.1), yearless_date=tuesday_11_july))
    assert len(stream.events()) == 2


def test_restored_state_assigns_as_the_uninterrupted_stream_did():
    first_run = clusterer()
    items = [ClusterItem("a", unit(1, 0.1), day(2026, 3, 1)), ClusterItem("b", unit(0, 1), day(2026, 3, 1))]
    for item in items:
        first_run.add(item)
    second_run = clusterer()
    second_run.restore(first_run.events(), {item.id: item for item in items})
    late = ClusterItem("c", unit(1, 0.15), day(2026, 3, 2))
    assert second_run.add(late).event_id == first_run.add(late).event_id


def test_days_outside_is_zero_inside_the_span():
    assert days_outside(day(2026, 3, 2), day(2026, 3, 1), day(2026, 3, 3)) == 0
    assert days_outside(day(2026, 3, 5), day(2026, 3, 1), day(2026, 3, 3)) == 2


def test_entities_every_article_names_weigh_less_than_rare_ones():
    weights = EntityWeights()
    for entities in ({"valmora", "olsen"}, {"valmora"}, {"valmora"}):
        weights.count(frozenset(entities))
    assert weights.idf("olsen") > weights.idf("valmora")


def test_entity_similarity_of_disjoint_sets_is_zero():
    weights = EntityWeights()
    event = _EventState("e", 0, unit(1), ["a"], size=1)
    event.entities.update({"valmora": 1})
    assert weights.similarity(frozenset({"olsen"}), event) == 0
    assert weights.similarity(frozenset({"valmora"}), event) > 0.99


def test_an_updated_article_extends_the_event_span():
    stream = clusterer()
    stream.add(ClusterItem("a", unit(1, 0), day(2026, 3, 1), updated=day(2026, 3, 4)))
    assert stream.events()[0].end == day(2026, 3, 4)


# -- words, the window, storylines at scale --------------------------------------------------------


def test_count_terms_folds_case_and_drops_stop_words():
    assert count_terms("The Summit and the summit") == count_terms("summit SUMMIT")
    assert count_terms("the and of") == {}


def test_rare_terms_weigh_more_than_common_ones():
    weights = TermWeights()
    for words in ("summit nato", "summit vilnius", "summit washington"):
        weights.count(count_terms(words))
    vector = weights.vector(count_terms("summit vilnius"))
    summit, vilnius = (next(iter(count_terms(word))) for word in ("summit", "vilnius"))
    assert vector[vilnius] > vector[summit]
    assert abs(sum(weight**2 for weight in vector.values()) - 1) < 1e-9


def test_shared_rare_words_join_texts_the_embedding_finds_only_loosely_alike():
    stream = clusterer()
    words = count_terms("valmora olsen port strike")
    stream.add(ClusterItem("a", unit(1, 0), day(2026, 3, 1), terms=words))
    stream.add(ClusterItem("x", unit(0, 0, 1), day(2026, 3, 1), terms=count_terms("weather report")))
    loosely_alike = unit(0.5, 0.87)  # cosine 0.5 alone: short of the threshold with no words to help
    assert stream.add(ClusterItem("b", loosely_alike, day(2026, 3, 1), terms=words)).event_id == "e-" + sha(
        "a"
    )


def test_different_rare_words_part_texts_the_embedding_finds_alike():
    stream = clusterer()
    stream.add(ClusterItem("a", unit(1, 0), day(2026, 3, 1), terms=count_terms("summit vilnius communique")))
    stream.add(ClusterItem("b", unit(1, 0.2), day(2026, 3, 1), terms=count_terms("storm harbour ferries")))
    assert len(stream.events()) == 2


def test_events_out_of_the_window_close_and_are_forgotten_without_history():
    stream = StreamClusterer(Options(event_window_days=7), dimension=DIMENSION, keep_history=False)
    stream.add(ClusterItem("a", unit(1, 0), day(2026, 3, 1)))
    stream.add(ClusterItem("b", unit(0, 1), day(2026, 4, 1)))
    assert [event.article_ids for event in stream.events()] == [()]
    assert stream.events()[0].id == "e-" + sha("b")


def test_a_closed_event_still_links_into_its_storyline():
    stream = StreamClusterer(Options(storyline_threshold=0.8), dimension=DIMENSION, keep_history=False)
    stream.add(ClusterItem("a", unit(1, 0.1), day(2025, 3, 1)))
    stream.add(ClusterItem("b", unit(1, 0.1), day(2026, 3, 1)))
    (latest,) = stream.events()
    assert latest.storyline_id == stable_id("s-", "e-" + sha("a"))


def test_an_undated_article_may_join_a_closed_event():
    stream = clusterer()
    stream.add(ClusterItem("a", unit(1, 0), day(2025, 3, 1)))
    stream.add(ClusterItem("b", unit(0, 1), day(2026, 3, 1)))
    assert stream.add(ClusterItem("c", unit(1, 0.1))).event_id == "e-" + sha("a")


def test_past_the_cap_the_least_recent_open_events_close_down_to_nine_tenths():
    options = Options(max_open_events=10, event_threshold=2.0)  # every article opens an event
    stream = StreamClusterer(options, dimension=DIMENSION, keep_history=False)
    for name in "abcdefghijk":
        stream.add(ClusterItem(name, unit(1)))
    assert {event.id for event in stream.events()} == {"e-" + sha(name) for name in "cdefghijk"}


def test_a_batch_is_placed_as_one_article_after_another():
    items = [ClusterItem(str(i), unit(1, i % 3, i % 2), day(2026, 3, 1 + i)) for i in range(8)]
    one_by_one, batched = clusterer(), clusterer()
    assert [one_by_one.add(item) for item in items] == batched.add_many(items)


@pytest.fixture(params=["exact", "graph"])
def index_limit(request, monkeypatch) -> None:
    """Run an index test on the exact matrix and on the graph it turns into past its limit."""
    monkeypatch.setattr(index_module, "EXACT_LIMIT", 1_000 if request.param == "exact" else 0)


@pytest.mark.usefixtures("index_limit")
def test_a_replaced_index_entry_is_found_by_its_new_vector():
    index = VectorIndex(DIMENSION)
    index.put(1, unit(1, 0))
    index.put(2, unit(0, 1))
    index.put(1, unit(0, 0, 1))
    assert index.nearest(unit(0, 0, 1), 1) == [1]
    index.remove(1)
    assert index.nearest(unit(0, 0, 1), 5) == [2]


@pytest.mark.usefixtures("index_limit")
def test_removing_an_index_entry_keeps_the_others_findable():
    index = VectorIndex(DIMENSION)
    for key in range(6):
        index.put(key, axis(key))
    index.remove(2)
    assert len(index) == 5
    assert sorted(index.nearest(axis(5), 6)) == [0, 1, 3, 4, 5]
    assert index.nearest(axis(5), 1) == [5]
    assert np.allclose(index.get(5), axis(5), atol=1e-3)


def test_an_index_past_its_exact_limit_moves_every_entry_into_the_graph(monkeypatch):
    monkeypatch.setattr(index_module, "EXACT_LIMIT", 3)
    index = VectorIndex(DIMENSION)
    for key in range(5):
        index.put(key, axis(key))
    assert isinstance(index._index, index_module.GraphIndex)
    assert [index.nearest(axis(key), 1) for key in range(5)] == [[0], [1], [2], [3], [4]]


def test_a_storyline_set_is_rooted_at_its_smallest_key():
    sets = UnionFind()
    sets.join(5, 3)
    sets.join(3, 9)
    assert {sets.root(key) for key in (3, 5, 9)} == {3}


class WordEmbedder:
    """Texts about the same first word point the same way."""

    name = "words"

    def embed(self, texts):
        return np.stack([unit(1, 0.1) if text.startswith("strike") else unit(0, 1) for text in texts])


def test_cluster_items_places_each_json_line_in_an_event():
    lines = [
        json.dumps({"id": 1, "text": "strike at the port", "published": "2026-03-01"}),
        json.dumps({"id": 2, "text": "flood in the city", "published": "2026-03-01T10:00:00+00:00"}),
        "",
        json.dumps({"id": 3, "title": "strike", "text": "dockers walk out"}),
    ]
    placed = list(cluster_items(lines, WordEmbedder()))
    assert [entry["id"] for entry in placed] == ["1", "2", "3"]
    assert placed[0]["event"] == placed[2]["event"] != placed[1]["event"]


def test_cluster_items_names_the_bad_line():
    with pytest.raises(InputError, match="line 2"):
        list(cluster_items(['{"id": 1, "text": "fine"}', '{"id": 2}'], WordEmbedder()))


def words(first: int, count: int) -> dict[int, int]:
    """Hashed counts of `count` distinct words, none shared with another range."""
    return dict.fromkeys(range(first, first + count), 1)


@pytest.mark.parametrize(("length", "joined"), [(20, True), (200, False)])
def test_a_long_text_needs_a_higher_score_to_join_than_a_headline(length: int, joined: bool):
    stream = StreamClusterer(Options(event_threshold=0.3), dimension=DIMENSION)
    first = stream.add(ClusterItem("a", unit(1, 0), terms=words(0, length)))
    second = stream.add(ClusterItem("b", unit(0.7, 0.714), terms=words(length, length)))  # score 0.35
    assert (first.event_id == second.event_id) is joined


def spread(place: int) -> np.ndarray:
    """A unit vector sharing a common direction (cosine 0.36 with every other one) and its own axis."""
    return unit(*[0.6] + [0.0] * (place - 1) + [0.8])


def test_a_full_article_must_be_like_a_loose_events_members_not_only_its_centroid():
    stream = StreamClusterer(Options(event_threshold=0.13), dimension=DIMENSION)
    headlines = [stream.add(ClusterItem(f"h{n}", spread(n), terms=words(10 * n, 10))) for n in range(1, 5)]
    assert len({placed.event_id for placed in headlines}) == 1
    # Cosine 0.5 with the centroid (score 0.25, over the full-text bar of 0.23), but 0.36 with each member.
    article = stream.add(ClusterItem("article", spread(5), terms=words(100, 200)))
    assert article.event_id != headlines[0].event_id


def test_a_full_article_near_a_grown_events_centroid_but_not_its_first_article_starts_a_new_event():
    stream = StreamClusterer(Options(event_threshold=0.5), dimension=DIMENSION)
    topic = words(0, 200)  # every article shares the topic's words: their term similarity is 1
    first = stream.add(ClusterItem("a", unit(1, 0), terms=topic))
    second = stream.add(ClusterItem("b", unit(0.6, 0.8), terms=topic))
    assert first.event_id == second.event_id
    # Scored 0.71 with the event (over the full-text bar of 0.59), 0.5 with its first article.
    third = stream.add(ClusterItem("c", unit(0, 1), terms=topic))
    assert third.event_id != first.event_id


def test_entity_similarity_does_not_depend_on_the_order_names_come_in():
    # The names come from sets, whose order changes with the process's hash seed; a last bit of the score
    # can decide whether an article joins.
    weights = EntityWeights()
    names = [f"name {number}" for number in range(12)]
    for number in range(40):
        weights.count(frozenset(names[: 1 + (number * 7) % 12]))

    def similarity(order: list[str]) -> float:
        event = _EventState("e", 0, unit(1), size=5)
        event.entities.update({name: 1 + names.index(name) % 4 for name in order})
        return weights.similarity(tuple(name for name in order if name in names[:9]), event)

    assert similarity(names) == similarity(names[::-1])


def test_a_storyline_keeps_its_id_and_order_when_its_events_are_restored_in_another_order():
    # A run restores the stored events by (start, id), not in the order the stream made them.
    options = Options(event_threshold=0.95, storyline_threshold=0.8)
    items = [ClusterItem(name, unit(1, tilt), day(2026, 3, 1)) for name, tilt in (("a", 0.3), ("b", -0.3))]
    items.sort(key=lambda item: sha(item.id), reverse=True)  # made in the other order than restored
    first_run = StreamClusterer(options, dimension=DIMENSION)
    for item in items:
        first_run.add(item)
    events = first_run.events()
    assert len(events) == 2 and len(first_run.storylines()) == 1
    second_run = StreamClusterer(options, dimension=DIMENSION)
    second_run.restore(sorted(events, key=lambda event: event.id), {item.id: item for item in items})
    assert second_run.storylines() == first_run.storylines()
    assert second_run.events() == sorted(first_run.events(), key=lambda event: event.id)


def test_a_storyline_is_named_after_its_earliest_event_undated_ones_last():
    stream = StreamClusterer(Options(event_threshold=0.95, storyline_threshold=0.8), dimension=DIMENSION)
    stream.add(ClusterItem("undated", unit(1, 0.35)))
    stream.add(ClusterItem("later", unit(1, -0.35), day(2026, 3, 2)))
    stream.add(ClusterItem("earlier", unit(1, 0), day(2026, 3, 1)))
    (storyline,) = stream.storylines()
    assert storyline.id == stable_id("s-", "e-" + sha("earlier"))
    assert storyline.event_ids == tuple("e-" + sha(name) for name in ("earlier", "later", "undated"))
