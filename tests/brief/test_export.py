from storyline.brief.export import storyline_to_dict
from storyline.records import Storyline


def test_a_storylines_events_that_start_together_are_listed_by_id_whatever_order_they_come_in():
    events = [{"id": event_id, "start": "2026-03-01", "end": "2026-03-02"} for event_id in ("e-2", "e-1")]
    listed = [storyline_to_dict(Storyline("s-1", ()), order)["events"] for order in (events, events[::-1])]
    assert listed == [["e-1", "e-2"], ["e-1", "e-2"]]


def test_an_undated_event_comes_last_and_the_storyline_starts_with_its_first_dated_event():
    events = [
        {"id": "e-0", "start": None, "end": None},
        {"id": "e-9", "start": "2026-03-01", "end": "2026-03-02"},
    ]
    listed = storyline_to_dict(Storyline("s-1", ()), events)
    assert (listed["events"], listed["start"]) == (["e-9", "e-0"], "2026-03-01")
