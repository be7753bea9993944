"""The inputs the fuzzers found trouble with, one test each: fixed ones stay fixed, open ones are pinned."""

from __future__ import annotations

import io

import feedparser
import pytest

from storyline.errors import InputError
from storyline.extract import extract
from storyline.ingest import parse_feed_entry, parse_jsonl_line
from storyline.records import RawDocument

PROSE = "Some text that is long enough to be a prose sentence here, said the mayor on Tuesday."


def test_lone_surrogate_in_a_json_record_reads_as_a_replacement_character() -> None:
    raw = parse_jsonl_line("f#L1", '{"text": "Half a pair \\ud800 here. ' + PROSE + '", "title": "T\\udfff"}')
    assert raw.payload.startswith("Half a pair \ufffd here") and raw.title == "T\ufffd"
    assert raw.id  # the content hash encodes the text: it crashed on the surrogate before


def test_feed_entry_with_an_unfinished_summary_is_refused_alone() -> None:
    # Found by atheris: feedparser reads the summary as None, and `.strip()` on it raised AttributeError.
    feed = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><summary><![CDATA[abc</summary></entry></feed>'
    with pytest.raises(InputError, match="neither content nor a summary"):
        parse_feed_entry("f.atom#1", feedparser.parse(io.BytesIO(feed)).entries[0], None)


@pytest.mark.parametrize("control", ["\x01", "&#1;", "\x1b"])
def test_html_page_with_a_control_character_is_read(control: str) -> None:
    # lxml refused to set element text holding a control character: extract crashed on such a page.
    article = extract(RawDocument(source="f.html", payload=f"<p>{control} {PROSE}</p>", kind="html"))
    assert PROSE in article.text


def test_page_rooted_in_an_svg_element_is_read() -> None:
    # htmldate asserted when it pruned the page's root <svg>: the page now goes without a date.
    article = extract(RawDocument(source="f.html", payload=f"<svg html><p>{PROSE}</p>", kind="html"))
    assert PROSE in article.text
