"""Property tests: no input makes a parser fail with anything but InputError; JSONL round-trips."""

from __future__ import annotations

import contextlib
import gzip
import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.ingest import decode_bytes, ingest_file, parse_date
from storyline.records import RawDocument

EXTENSIONS = [".txt", ".html", ".htm.gz", ".jsonl", ".xml", ".rss", ".atom", ".warc", ".warc.gz"]
PREFIXES = [b"", b"WARC/1.0\r\n", b"\x1f\x8b", b"<?xml version='1.0'?><rss>", b"<html>", b'{"text": ']
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
text_field = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


def ingest_bytes(data: bytes, extension: str) -> list[RawDocument]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"page{extension}"
        path.write_bytes(data)
        return ingest_file(path)


@SETTINGS
@given(st.sampled_from(PREFIXES), st.binary(max_size=2000), st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes_raise_only_input_error(prefix: bytes, data: bytes, extension: str) -> None:
    try:
        documents = ingest_bytes(prefix + data, extension)
    except InputError:
        return
    assert all(document.payload.strip() for document in documents)


@SETTINGS
@given(st.binary(max_size=500), st.sampled_from(EXTENSIONS))
def test_arbitrary_gzipped_bytes_raise_only_input_error(data: bytes, extension: str) -> None:
    with contextlib.suppress(InputError):
        ingest_bytes(gzip.compress(data, mtime=0), extension)


@SETTINGS
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1))
def test_any_utf8_text_decodes_to_itself(text: str) -> None:
    assert decode_bytes("t", text.encode("utf-8")) == text


optional = st.none() | text_field.filter(str.strip)
records = st.fixed_dictionaries(
    {"text": text_field.filter(str.strip)},
    optional={
        "url": optional,
        "title": optional,
        "author": optional,
        "outlet": optional,
        "published": st.datetimes(timezones=st.just(UTC)).map(datetime.isoformat),
    },
)


@SETTINGS
@given(st.lists(records, min_size=1, max_size=5))
def test_jsonl_records_round_trip(lines: list[dict]) -> None:
    documents = ingest_bytes("\n".join(json.dumps(line) for line in lines).encode(), ".jsonl")
    assert len(documents) == len(lines)
    for line, document in zip(lines, documents, strict=True):
        assert (document.kind, document.payload) == ("text", line["text"])
        for field in ("url", "title", "author", "outlet"):
            assert getattr(document, field) == (line.get(field) or None)
        expected = datetime.fromisoformat(line["published"]) if "published" in line else None
        assert document.published == expected


@given(st.datetimes(timezones=st.sampled_from([UTC, None])))
def test_parsed_dates_are_always_aware(moment: datetime) -> None:
    parsed = parse_date(moment.isoformat())
    assert parsed is not None and parsed.tzinfo is not None
    assert parsed.replace(tzinfo=None) == moment.replace(tzinfo=None)


@given(st.text(max_size=40))
def test_parse_date_never_raises(value: str) -> None:
    parsed = parse_date(value)
    assert parsed is None or parsed.tzinfo is not None
