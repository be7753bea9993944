from datetime import UTC, datetime

import numpy as np

from storyline.cluster import ClusterItem, EntityWeights, StreamClusterer, _EventState, days_outside
from storyline.options import Options
from storyline.records import YearlessDate

DIMENSION = 8


def unit(*weights: float) -> np.ndarray:
    vector = np.zeros(DIMENSION, dtype=np.float32)
    vector[: len(weights)] = weights
    return vector / np.linalg.norm(vector)


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
    event = _EventState("e", unit(1), ["a"])
    event.entities.update({"valmora": 1})
    assert weights.similarity(frozenset({"olsen"}), event) == 0
    assert weights.similarity(frozenset({"valmora"}), event) > 0.99


def test_an_updated_article_extends_the_event_span():
    stream = clusterer()
    stream.add(ClusterItem("a", unit(1, 0), day(2026, 3, 1), updated=day(2026, 3, 4)))
    assert stream.events()[0].end == day(2026, 3, 4)
