"""One test per input format: what each container yields as RawDocuments."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from storyline.ingest import ingest_file, ingest_paths
from storyline.records import RawDocument

PAGE = "<!doctype html><html><head><title>Strike</title></head><body><p>{}</p></body></html>"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Post</title><link>https://harbour.example/</link>
<item><title>Dockers walk out</title><link>https://harbour.example/a</link>
<guid isPermaLink="false">hp-101</guid><author>ana@harbour.example (Ana Ruiz)</author>
<pubDate>Tue, 03 Mar 2026 09:15:00 +0100</pubDate>
<description>&lt;p&gt;The union said that talks had failed.&lt;/p&gt;</description></item>
<item><title>No id here</title><link>https://harbour.example/b</link>
<description>&lt;p&gt;Second entry.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title><id>urn:hp</id>
<updated>2026-03-04T10:00:00Z</updated>
<entry><title>Talks resume</title><id>urn:hp:102</id><link href="https://harbour.example/c"/>
<author><name>Ana Ruiz</name></author><published>2026-03-04T10:20:00+02:00</published>
<updated>2026-03-05T10:20:00Z</updated><summary>short</summary>
<content type="html">&lt;p&gt;Full body of the story.&lt;/p&gt;</content></entry>
</feed>"""


def only(items: list) -> RawDocument:
    assert len(items) == 1
    return items[0]


def test_txt_file_is_a_text_document(write) -> None:
    path = write("a.txt", "Menu | Home\nDockers walked out on Tuesday.\n")
    document = only(ingest_file(path))
    assert (document.kind, document.source) == ("text", str(path))
    assert document.payload == "Menu | Home\nDockers walked out on Tuesday.\n"
    assert document.published is None


def test_html_file_is_an_html_document(write) -> None:
    document = only(ingest_file(write("a.html", PAGE.format("Dockers walked out."))))
    assert document.kind == "html"
    assert "Dockers walked out." in document.payload


def test_htm_gz_is_decompressed(write, gzip_bytes) -> None:
    path = write("a.htm.gz", gzip_bytes(PAGE.format("Packed page.").encode()))
    document = only(ingest_file(path))
    assert document.kind == "html"
    assert "Packed page." in document.payload


def test_txt_that_holds_html_is_sniffed_as_html(write) -> None:
    document = only(ingest_file(write("saved.txt", "\n  " + PAGE.format("Saved as text."))))
    assert document.kind == "html"


def test_gzip_without_gz_extension_is_sniffed(write, gzip_bytes) -> None:
    document = only(ingest_file(write("a.html", gzip_bytes(PAGE.format("Sniffed.").encode()))))
    assert "Sniffed." in document.payload


def test_jsonl_lines_become_documents_with_their_fields(write) -> None:
    lines = [
        {
            "text": "First story.",
            "url": "https://wire.example/1",
            "title": "One",
            "author": "Li Na",
            "outlet": "Atlas Wire",
            "published": "2026-02-10T08:30:00+00:00",
        },
        {"html": "<p>Second story.</p>"},
    ]
    path = write("wire.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    first, second = ingest_file(path)
    assert first == RawDocument(
        source=f"{path}#L1",
        payload="First story.",
        kind="text",
        url="https://wire.example/1",
        title="One",
        author="Li Na",
        outlet="Atlas Wire",
        published=datetime(2026, 2, 10, 8, 30, tzinfo=UTC),
    )
    assert (second.source, second.kind, second.payload) == (f"{path}#L2", "html", "<p>Second story.</p>")


def test_jsonl_prefers_html_over_text(write) -> None:
    document = only(ingest_file(write("w.jsonl", json.dumps({"text": "plain", "html": "<p>rich</p>"}))))
    assert (document.kind, document.payload) == ("html", "<p>rich</p>")


def test_jsonl_dates_without_zone_are_utc_and_rfc2822_is_read(write) -> None:
    lines = [
        {"text": "a", "published": "2026-02-10 08:30"},
        {"text": "b", "published": "Tue, 03 Mar 2026 09:15:00 +0100"},
    ]
    first, second = ingest_file(write("w.jsonl", "\n".join(json.dumps(line) for line in lines)))
    assert first.published == datetime(2026, 2, 10, 8, 30, tzinfo=UTC)
    assert second.published == datetime(2026, 3, 3, 8, 15, tzinfo=UTC)


def test_jsonl_skips_blank_lines_but_keeps_line_numbers(write) -> None:
    path = write("w.jsonl", '\n{"text": "third line"}\n\n')
    assert only(ingest_file(path)).source == f"{path}#L2"


def test_rss_items_become_html_documents(write) -> None:
    path = write("harbour.rss", RSS)
    first, second = ingest_file(path)
    assert first.source == f"{path}#hp-101"
    assert (first.kind, first.outlet, first.title) == ("html", "Harbour Post", "Dockers walk out")
    assert first.url == "https://harbour.example/a"
    assert first.published == datetime(2026, 3, 3, 8, 15, tzinfo=UTC)
    assert "talks had failed" in first.payload
    assert second.source == f"{path}#2"


def test_atom_entry_content_beats_summary(write) -> None:
    document = only(ingest_file(write("harbour.atom", ATOM)))
    assert document.payload == "<p>Full body of the story.</p>"
    assert (document.author, document.url) == ("Ana Ruiz", "https://harbour.example/c")
    assert document.published == datetime(2026, 3, 4, 8, 20, tzinfo=UTC)
    assert document.source.endswith("#urn:hp:102")


def test_feed_in_an_xml_file_is_read(write) -> None:
    assert len(ingest_file(write("feed.xml", RSS))) == 2


def test_warc_yields_only_successful_html_responses(write, warc_bytes) -> None:
    data = warc_bytes(
        [
            {"url": "https://ledger.example/a", "body": PAGE.format("Article A").encode()},
            {
                "url": "https://ledger.example/logo.png",
                "body": b"\x89PNG....",
                "headers": [("Content-Type", "image/png")],
            },
            {"url": "https://ledger.example/gone", "body": b"<html>gone</html>", "status": "404 Not Found"},
            {
                "url": "https://ledger.example/a",
                "body": b"",
                "kind": "request",
                "headers": [("Host", "ledger.example")],
            },
        ],
        compress=True,
    )
    path = write("crawl.warc.gz", data)
    document = only(ingest_file(path))
    assert (document.kind, document.url) == ("html", "https://ledger.example/a")
    assert document.source == f"{path}#urn:uuid:00000000-0000-0000-0000-000000000001"
    assert "Article A" in document.payload


def test_uncompressed_warc_is_read(write, warc_bytes) -> None:
    data = warc_bytes([{"url": "https://l.example/a", "body": PAGE.format("A").encode()}], compress=False)
    assert only(ingest_file(write("crawl.warc", data))).url == "https://l.example/a"


def test_warc_body_is_decoded_with_the_http_charset(write, warc_bytes) -> None:
    body = PAGE.format("José Peña said the talks failed.").encode("latin-1")
    headers = [("Content-Type", "text/html; charset=ISO-8859-1")]
    data = warc_bytes([{"url": "https://l.example/a", "body": body, "headers": headers}], compress=True)
    assert "José Peña" in only(ingest_file(write("c.warc.gz", data))).payload


def test_warc_date_is_the_published_fallback(write, warc_bytes) -> None:
    data = warc_bytes(
        [{"url": "https://l.example/a", "body": PAGE.format("A").encode(), "date": "2026-02-13T07:45:00Z"}],
        compress=False,
    )
    assert only(ingest_file(write("c.warc", data))).published == datetime(2026, 2, 13, 7, 45, tzinfo=UTC)


def test_warc_last_modified_beats_the_crawl_date(write, warc_bytes) -> None:
    headers = [("Content-Type", "text/html"), ("Last-Modified", "Thu, 12 Feb 2026 18:00:00 GMT")]
    data = warc_bytes(
        [{"url": "https://l.example/a", "body": PAGE.format("A").encode(), "headers": headers}],
        compress=False,
    )
    assert only(ingest_file(write("c.warc", data))).published == datetime(2026, 2, 12, 18, 0, tzinfo=UTC)


def test_utf8_bom_is_stripped(write) -> None:
    document = only(ingest_file(write("bom.txt", "\ufeffCafé strike".encode())))
    assert document.payload == "Café strike"


def test_meta_charset_decodes_a_non_utf8_page(write) -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Забастовка в порту</p></body></html>'
    document = only(ingest_file(write("ru.html", html.encode("cp1251"))))
    assert "Забастовка в порту" in document.payload


def test_cp1252_is_the_last_resort_for_plausible_text(write) -> None:
    document = only(ingest_file(write("old.txt", "The mayor’s café — closed.".encode("cp1252"))))
    assert document.payload == "The mayor’s café — closed."


def test_every_document_date_is_timezone_aware(write, warc_bytes) -> None:
    write("f/feed.rss", RSS)
    write("f/w.jsonl", json.dumps({"text": "x", "published": "2026-01-02"}))
    write("f/c.warc", warc_bytes([{"url": "https://l.example/a", "body": b"<p>a</p>"}], compress=False))
    documents = [
        item for item in ingest_paths([write("f/x.txt", "x").parent]) if isinstance(item, RawDocument)
    ]
    dates = [document.published for document in documents if document.published]
    assert len(dates) == 3  # the second RSS item has no date
    assert all(date.tzinfo is not None for date in dates)
