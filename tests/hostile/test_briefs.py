"""The briefs written from the hostile store: HTML escaped, Markdown with no markup of the articles' own."""

from __future__ import annotations

import pytest

from storyline import pipeline
from storyline.brief.render import render_html, render_markdown, render_storyline_markdown
from storyline.store import open_store
from tests.hostile.corpus import MARKER
from tests.hostile.inert import (
    control_characters,
    live_html,
    live_markdown,
    unclosed_bidi_lines,
    visible_text,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def document(hostile_store) -> dict:
    store = open_store(hostile_store)
    try:
        return pipeline.stories_document(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def html_brief(document) -> str:
    texts = {article["id"]: article["text"] for article in document["articles"]}
    return render_html(
        "Briefs <script>window.__xss=1</script>", document["events"], texts, document["storylines"]
    )


@pytest.fixture(scope="module")
def markdown_briefs(document) -> list[str]:
    events = {event["id"]: event for event in document["events"]}
    storylines = [
        render_storyline_markdown(storyline, [events[event_id] for event_id in storyline["events"]])
        for storyline in document["storylines"]
    ]
    return [render_markdown(event) for event in document["events"]] + storylines


def test_html_brief_carries_no_live_markup(html_brief):
    assert live_html(html_brief) == []


def test_html_brief_shows_the_hostile_text(html_brief):
    assert visible_text(html_brief).count(MARKER) >= 20
    assert "&lt;script&gt;" in html_brief


def test_markdown_briefs_make_no_html_links_or_images(markdown_briefs):
    assert any(MARKER.replace("_", "\\_") in brief for brief in markdown_briefs)
    assert [live_markdown(brief) for brief in markdown_briefs if live_markdown(brief)] == []


def test_markdown_briefs_hold_no_terminal_controls(markdown_briefs):
    # `storyline show` prints these to a terminal, where ESC ] would retitle it and ESC [ recolour it.
    assert [control_characters(brief) for brief in markdown_briefs if control_characters(brief)] == []


def test_bidi_overrides_end_with_their_field(markdown_briefs, html_brief):
    assert [
        unclosed_bidi_lines(text) for text in [*markdown_briefs, html_brief] if unclosed_bidi_lines(text)
    ] == []
