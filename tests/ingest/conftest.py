"""Builders for the ingest tests: every fixture file is generated in tmp_path, never copied."""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = "<!doctype html><html><head><title>Port strike</title></head><body><p>{}</p></body></html>"


def build_warc(responses: list[dict], compress: bool) -> bytes:
    """A WARC of response records: each dict gives url, body (bytes) and optional headers/status/kind."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for number, spec in enumerate(responses, start=1):
        headers = spec.get("headers", [("Content-Type", "text/html; charset=utf-8")])
        http = StatusAndHeaders(spec.get("status", "200 OK"), headers, protocol="HTTP/1.1")
        kind = spec.get("kind", "response")
        record = writer.create_warc_record(
            spec["url"],
            kind,
            payload=io.BytesIO(spec["body"]),
            http_headers=http if kind in ("response", "request") else None,
            warc_headers_dict={
                "WARC-Date": spec.get("date", "2026-02-10T08:00:00Z"),
                "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
            },
        )
        writer.write_record(record)
    return buffer.getvalue()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """Write bytes or UTF-8 text to tmp_path/name (creating folders) and return the path."""

    def write_file(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write_file


@pytest.fixture
def warc_bytes() -> Callable[..., bytes]:
    return build_warc


@pytest.fixture
def gzip_bytes() -> Callable[[bytes], bytes]:
    return lambda data: gzip.compress(data, mtime=0)
