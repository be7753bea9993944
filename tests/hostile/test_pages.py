"""Every web page and the Atom feed over the hostile store: article content shows as text, never runs."""

from __future__ import annotations

import pytest

from tests.hostile.corpus import MARKER, RLO
from tests.hostile.inert import (
    control_characters,
    live_html,
    parse_feed_strictly,
    unclosed_bidi_lines,
    visible_text,
)

pytestmark = pytest.mark.slow
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def pages(hostile_client, reader_paths) -> dict[str, str]:
    return {path: hostile_client.get(path).text for path in reader_paths}


def test_every_page_is_found(hostile_client, pages):
    assert all(hostile_client.get(path).status_code == 200 for path in pages), (
        "a page the store links to is gone"
    )
    assert len([path for path in pages if path.startswith("/articles/")]) >= 23


def test_pages_carry_no_live_markup(pages):
    problems = {path: live_html(page) for path, page in pages.items()}
    assert {path: found for path, found in problems.items() if found} == {}


def test_hostile_text_is_shown_escaped_not_dropped(pages):
    shown = [path for path, page in pages.items() if MARKER in visible_text(page)]
    assert len(shown) >= 20
    assert any("&lt;script&gt;" in page for page in pages.values())


def test_script_urls_are_shown_as_text_not_links(pages):
    articles = [page for path, page in pages.items() if path.startswith("/articles/")]
    assert any("javascript:window.__xss = 20" in visible_text(page) for page in articles)
    assert not any('href="javascript:' in page or 'href="data:' in page for page in articles)


def test_pages_hold_no_control_characters_nor_open_bidi_overrides(pages):
    assert any(RLO in page for page in pages.values())
    assert {path: control_characters(page) for path, page in pages.items() if control_characters(page)} == {}
    assert {
        path: unclosed_bidi_lines(page) for path, page in pages.items() if unclosed_bidi_lines(page)
    } == {}


@pytest.fixture(scope="module")
def feed(hostile_client) -> str:
    return hostile_client.get("/feeds/stories.atom").text


def test_feed_is_well_formed_xml_with_text_titles(feed):
    root = parse_feed_strictly(feed)
    titles = [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    assert any(MARKER in title for title in titles)  # the hostile headlines are there, as text
    assert all(element.tag.startswith(ATOM) for element in root.iter())
    assert not any(element.get("type") in ("html", "xhtml") for element in root.iter())
