"""Huge and deeply nested input, each in a fresh process: read or refused in time, memory bounded."""

from __future__ import annotations

import json

import pytest

from fuzz.targets import run_isolated
from tests.builders import build_warc

MB = 1_000_000
PEAK_MB = 1024  # a fresh process with the extractor loaded peaks near 100 MB
NESTED = 100_000
PARAGRAPH = "The council in Valmora voted on Tuesday to approve the new tram line, the mayor said. "
BODY = (PARAGRAPH * (10 * MB // len(PARAGRAPH))).encode()
RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><description>{}</description></item></channel></rss>'
CASES = {
    "10 MB JSONL line": ("ingest_input_file", (json.dumps({"text": BODY.decode()}).encode(), ".jsonl"), 10),
    "10 MB text file": ("ingest_input_file", (BODY, ".txt"), 10),
    "10 MB feed entry": ("ingest_input_file", (RSS.format(BODY.decode()).encode(), ".rss"), 10),
    "10 MB WARC record": (
        "ingest_input_file",
        (build_warc([{"url": "https://e.com/", "body": BODY}], False), ".warc"),
        10,
    ),
    "100k nested divs": ("read_html_page", ("<div>" * NESTED + PARAGRAPH + "</div>" * NESTED,), 10),
    "100k unclosed tags": ("read_html_page", ("<html><body>" + "<b><i>" * NESTED + PARAGRAPH,), 10),
    "100k nested feed elements": ("ingest_input_file", (RSS.format("<b>" * NESTED).encode(), ".rss"), 10),
    "1 MB line without spaces, dates": ("read_dates", ("7" * MB,), 5),
    "1 MB line without spaces, text page": ("read_text_page", ("x" * MB,), 3),
    "1 MB line without spaces, HTML page": ("read_html_page", ("<p>" + "x" * MB + "</p>",), 3),
}


@pytest.mark.parametrize(("target", "args", "cap"), CASES.values(), ids=CASES.keys())
def test_huge_input_is_read_in_time_and_memory(target: str, args: tuple, cap: float) -> None:
    measure = run_isolated(target, args, cap)
    assert measure is not None, f"still running after {cap} s"
    assert measure.outcome in ("ok", "InputError"), measure.outcome
    assert measure.peak_mb < PEAK_MB, f"{measure.peak_mb:.0f} MB"
