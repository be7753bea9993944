"""Rebuild the packed sample files from their plain sources in samples/src/.

    python samples/build.py

Writes continental-ledger.warc.gz (from src/continental-ledger/*.http, raw HTTP responses)
and pulso-austral/*.html.gz (from src/pulso-austral/*.html.src). The output is byte-for-byte
the same on every run (fixed record ids, dates and gzip timestamps), so rebuilding never
shows up as a change. Ingest skips this script and src/: .py, .http and .src are not
article formats.
"""

from __future__ import annotations

import gzip
import io
import re
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "src"
LEDGER = "https://www.continental-ledger.example"
# Crawl time of each page: a few hours to a day after publication, as a real crawler would be.
CRAWLED = {
    "2026-02-13-cerro-blanco-copper.http": "2026-02-13T11:02:17Z",
    "2026-03-05-nairobi-floods-budget.http": "2026-03-05T18:40:03Z",
    "2026-04-16-andina-norte-strike-cost.http": "2026-04-16T09:12:44Z",
    "2026-06-22-iceland-tourism.http": "2026-06-22T20:05:31Z",
}


def main() -> None:
    write_warc(HERE / "continental-ledger.warc.gz")
    for source in sorted((SOURCES / "pulso-austral").glob("*.html.src")):
        target = HERE / "pulso-austral" / source.name.removesuffix(".src")
        target.with_suffix(".html.gz").write_bytes(gzip.compress(source.read_bytes(), mtime=0))
        print(f"wrote {target.with_suffix('.html.gz').relative_to(HERE)}")


def write_warc(target: Path) -> None:
    """A crawl of the Ledger: warcinfo, then request/response pairs, plus records ingest must skip."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(warcinfo_record(writer, target.name))
    for source in sorted((SOURCES / "continental-ledger").glob("*.http")):
        url = f"{LEDGER}/{source.stem}"
        date = CRAWLED[source.name]
        writer.write_record(request_record(writer, url, date))
        writer.write_record(response_record(writer, url, date, *split_response(source.read_text("utf-8"))))
    for record in noise_records(writer):
        writer.write_record(record)
    target.write_bytes(buffer.getvalue())
    print(f"wrote {target.relative_to(HERE)}")


def split_response(text: str) -> tuple[str, list[tuple[str, str]], bytes]:
    """Status line, headers and body of a raw HTTP response; the body is encoded as its header says."""
    head, body = re.split(r"\r?\n\r?\n", text, maxsplit=1)
    status_line, *header_lines = head.splitlines()
    headers = [tuple(part.strip() for part in line.split(":", 1)) for line in header_lines]
    charset = re.search(r"charset=([\w-]+)", dict(headers).get("Content-Type", "")).group(1)
    # Servers that say ISO-8859-1 send cp1252 (curly quotes included): reproduce that lie on purpose.
    encoding = "cp1252" if charset.lower() == "iso-8859-1" else charset
    return status_line.split(" ", 1)[1], headers, body.encode(encoding)


def record_id(url: str, kind: str) -> dict[str, str]:
    return {"WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ' ' + url)}>"}


def warcinfo_record(writer: WARCWriter, filename: str):
    info = b"software: storyline-samples/1.0\r\nformat: WARC File Format 1.0\r\nisPartOf: sample-crawl\r\n"
    headers = {"WARC-Date": "2026-02-13T11:00:00Z", "WARC-Filename": filename}
    headers |= record_id(filename, "warcinfo")
    return writer.create_warc_record(
        "",
        "warcinfo",
        payload=io.BytesIO(info),
        warc_content_type="application/warc-fields",
        warc_headers_dict=headers,
    )


def request_record(writer: WARCWriter, url: str, date: str):
    path = url.removeprefix(LEDGER)
    http = StatusAndHeaders(
        f"GET {path} HTTP/1.1",
        [("Host", "www.continental-ledger.example"), ("User-Agent", "sample-crawler/1.0")],
        is_http_request=True,
    )
    headers = {"WARC-Date": date, **record_id(url, "request")}
    return writer.create_warc_record(
        url, "request", payload=io.BytesIO(b""), http_headers=http, warc_headers_dict=headers
    )


def response_record(writer: WARCWriter, url: str, date: str, status: str, headers: list, body: bytes):
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    warc_headers = {"WARC-Date": date, **record_id(url, "response")}
    return writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=warc_headers
    )


def noise_records(writer: WARCWriter) -> list:
    """A redirect and an image: real crawls are full of them, and neither is an article."""
    redirect = response_record(
        writer,
        f"{LEDGER}/commodities",
        "2026-02-13T11:01:02Z",
        "301 Moved Permanently",
        [("Location", f"{LEDGER}/commodities/"), ("Content-Type", "text/html; charset=utf-8")],
        b"<html><body>Moved <a href='/commodities/'>here</a>.</body></html>",
    )
    image = response_record(
        writer,
        f"{LEDGER}/static/logo.png",
        "2026-02-13T11:01:05Z",
        "200 OK",
        [("Content-Type", "image/png")],
        b"\x89PNG\r\n\x1a\n" + bytes(64),
    )
    return [redirect, image]


if __name__ == "__main__":
    main()
