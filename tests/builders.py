"""Builders of test inputs shared by the ingest, fuzz and Spark tests and bench/throughput.py."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


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
