"""The bundled sample corpus through the whole pipeline: its designed events, storylines and copies."""

from __future__ import annotations

import pytest

from storyline import pipeline
from storyline.store import open_store
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("samples") / "s.db")
    report = pipeline.digest(store, [SAMPLES])
    assert report.failures == []
    return pipeline.stories_document(store)


def events_by_file(document) -> dict[str, str]:
    """Each article's event, by the start of its source (file name or JSONL line)."""
    return {article["source"]: article["event"] for article in document["articles"]}


def event_of(document, fragment: str) -> dict:
    event_id = next(e for source, e in events_by_file(document).items() if fragment in source)
    return next(event for event in document["events"] if event["id"] == event_id)


def test_five_events_of_five_sources_each(document):
    assert len(document["events"]) == 5
    assert sorted(len(event["articles"]) for event in document["events"]) == [5, 5, 5, 5, 5]


def test_strike_and_its_settlement_form_one_storyline(document):
    begins = event_of(document, "2026-02-10-cerro-blanco-strike")
    ends = event_of(document, "2026-04-15-cerro-blanco-deal")
    assert begins["id"] != ends["id"]
    assert begins["storyline"] == ends["storyline"]


def test_floods_and_cup_final_in_the_same_country_do_not_link(document):
    floods = event_of(document, "2026-03-03-nairobi-floods")
    final = event_of(document, "2026-05-10-kenyan-cup-final")
    assert floods["storyline"] != final["storyline"]


def test_syndicated_copy_links_to_the_wire_original(document):
    copy = next(a for a in document["articles"] if "inundaciones-nairobi-atlas" in a["source"])
    original = next(a for a in document["articles"] if a["id"] == copy["duplicate_of"])
    assert original["source"].endswith("atlas-wire.jsonl#L2")
    assert copy["event"] == original["event"]
    assert copy["id"] not in event_of(document, "inundaciones-nairobi-atlas")["articles"]


def test_yearless_date_is_completed_from_its_event(document):
    floods = next(a for a in document["articles"] if a["source"].endswith("2026-03-03-nairobi-floods.txt"))
    assert floods["published"].startswith("2026-03-03")
    assert floods["published_inferred"]


def test_every_event_has_a_cited_summary_and_quotes(document):
    for event in document["events"]:
        assert 1 <= len(event["summary"]) <= 8
        assert all(sentence["cites"] for sentence in event["summary"])
        assert 3 <= len(event["highlights"]) <= 5
        assert event["quotes"]
