"""Smoke fuzzing of every parser of outside input: it reads the input or raises InputError, in time."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from fuzz import targets
from fuzz.targets import time_cap
from tests.fuzz.conftest import FUZZ_SETTINGS
from tests.fuzz.strategies import (
    date_texts,
    feeds,
    html_pages,
    json_records,
    jsonl_lines,
    mutated,
    page_texts,
    warcs,
)

# Seconds one small input may take: far above a normal page's milliseconds, far below a hang.
CAP = 5.0


@FUZZ_SETTINGS
@given(page_texts())
def test_text_pages(text: str) -> None:
    with time_cap(CAP):
        targets.read_text_page(text)


@FUZZ_SETTINGS
@given(html_pages)
def test_html_pages(html: str) -> None:
    with time_cap(CAP):
        targets.read_html_page(html)


@FUZZ_SETTINGS
@given(st.lists(jsonl_lines, min_size=1, max_size=4))
def test_jsonl_files(lines: list[str]) -> None:
    with time_cap(CAP):
        targets.read_input_file("\n".join(lines).encode("utf-8", "surrogatepass"), ".jsonl")


@FUZZ_SETTINGS
@given(json_records)
def test_jsonl_records(record: dict) -> None:
    with time_cap(CAP):
        targets.read_jsonl_line(json.dumps(record))


@FUZZ_SETTINGS
@given(feeds | mutated(feeds), st.sampled_from((".rss", ".atom", ".xml")))
def test_feeds(data: bytes, extension: str) -> None:
    with time_cap(CAP):
        targets.read_input_file(data, extension)


@FUZZ_SETTINGS
@given(warcs | mutated(warcs), st.sampled_from((".warc", ".warc.gz")))
def test_warcs(data: bytes, extension: str) -> None:
    with time_cap(CAP):
        targets.read_input_file(data, extension)


@FUZZ_SETTINGS
@given(date_texts() | page_texts())
def test_dates(text: str) -> None:
    with time_cap(CAP):
        targets.read_dates(text)
