"""Reading what was fetched: feeds and sitemaps into pages to fetch, pages into raw documents."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime

import pytest

from storyline.errors import InputError
from storyline.fetch.client import Fetched, Validators
from storyline.fetch.content import Listing, PageHint, read_listing, read_page
from tests.fetch.conftest import rss

BASE = "http://news.example.invalid/"


def fetched(body: bytes | str, content_type: str = "text/html", url: str = BASE + "x") -> Fetched:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Fetched(url, url, 200, content_type, data, Validators())


def listing(body: bytes | str) -> Listing | None:
    return read_listing(fetched(body, "application/xml", BASE + "feed"), 1_000_000)


def test_rss_items_become_pages_with_what_the_feed_says():
    pages = listing(rss("/a", "https://other.example.invalid/b#comments")).pages
    assert [page.url for page in pages] == [BASE + "a", "https://other.example.invalid/b"]
    assert pages[0] == PageHint(
        BASE + "a", "Item 1", None, "Valmora Times", datetime(2026, 2, 2, 10, tzinfo=UTC)
    )


def test_atom_entries_become_pages():
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title>'
        '<entry><title>Strike</title><link href="https://example.invalid/strike"/>'
        "<author><name>Ana Ruiz</name></author><updated>2026-02-10T08:00:00Z</updated></entry></feed>"
    )
    (page,) = listing(atom).pages
    assert (page.url, page.title, page.author, page.outlet) == (
        "https://example.invalid/strike",
        "Strike",
        "Ana Ruiz",
        "Harbour Post",
    )


def test_json_feed_items_become_pages():
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Atlas Wire",
        "items": [
            {
                "id": "1",
                "url": "/wire/1",
                "title": "Floods",
                "authors": [{"name": "K. Otieno"}],
                "date_published": "2026-03-04T09:00:00+03:00",
            },
            {"id": "2", "content_text": "no url: nothing to fetch"},
        ],
    }
    (page,) = listing(json.dumps(feed)).pages
    assert page == PageHint(
        BASE + "wire/1", "Floods", "K. Otieno", "Atlas Wire", datetime(2026, 3, 4, 6, tzinfo=UTC)
    )


def test_json_that_is_no_json_feed_is_a_clear_failure():
    with pytest.raises(InputError, match="not a JSON Feed"):
        listing('{"items": []}')


def test_sitemap_urls_become_pages():
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://example.invalid/a</loc><lastmod>2026-02-01</lastmod></url>"
        "<url><loc> https://example.invalid/b </loc></url></urlset>"
    )
    assert listing(sitemap) == Listing(
        pages=(PageHint("https://example.invalid/a"), PageHint("https://example.invalid/b"))
    )


def test_google_news_sitemaps_give_title_outlet_and_date():
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        "<loc>https://example.invalid/strike</loc><news:news><news:publication>"
        "<news:name>Valmora Times</news:name><news:language>en</news:language></news:publication>"
        "<news:publication_date>2026-02-10T08:00:00+00:00</news:publication_date>"
        "<news:title>Dockers strike</news:title></news:news></url></urlset>"
    )
    (page,) = listing(sitemap).pages
    assert page == PageHint(
        "https://example.invalid/strike",
        "Dockers strike",
        None,
        "Valmora Times",
        datetime(2026, 2, 10, 8, tzinfo=UTC),
    )


def test_a_sitemap_index_names_its_sitemaps():
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>/news.xml</loc></sitemap><sitemap><loc>/2026.xml.gz</loc></sitemap></sitemapindex>"
    )
    assert listing(index) == Listing(sitemaps=(BASE + "news.xml", BASE + "2026.xml.gz"))


def test_a_gzipped_sitemap_is_read():
    sitemap = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a</loc></url></urlset>'
    assert listing(gzip.compress(sitemap.encode())).pages == (PageHint(BASE + "a"),)


def test_a_sitemap_cannot_read_local_files():
    sneaky = (
        '<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a&x;</loc></url></urlset>'
    )
    assert listing(sneaky).pages == (PageHint(BASE + "a"),)


def test_an_html_page_is_no_listing():
    assert listing("<!doctype html><html><body><p>Hi</p></body></html>") is None


def test_a_page_keeps_what_its_feed_said_and_its_final_url():
    page = Fetched(BASE + "a", BASE + "b", 200, "text/html", b"<p>Body</p>", Validators())
    raw = read_page(page, PageHint(BASE + "a", title="From the feed"))
    assert (raw.source, raw.url, raw.title, raw.kind) == (BASE + "a", BASE + "b", "From the feed", "html")


def test_the_charset_the_server_names_decodes_the_page():
    raw = read_page(fetched("<p>Caf\xe9 “quoted”</p>".encode("cp1252"), "text/html; charset=windows-1252"))
    assert raw.payload == "<p>Café “quoted”</p>"


def test_the_charset_the_page_declares_decodes_it():
    html = '<html><head><meta charset="iso-8859-15"></head><body>€ 5</body></html>'
    assert "€ 5" in read_page(fetched(html.encode("iso-8859-15"), "text/html")).payload


def test_plain_text_is_a_text_document():
    assert read_page(fetched("Just text.", "text/plain; charset=utf-8")).kind == "text"


def test_something_else_than_a_page_is_a_clear_failure():
    with pytest.raises(InputError, match=r"not a web page or feed.*application/pdf"):
        read_page(fetched(b"%PDF-1.7", "application/pdf"))


def test_a_binary_body_is_refused():
    with pytest.raises(InputError, match="binary"):
        read_page(fetched(b"\x89PNG\r\n\x1a\n\x00\x00", "text/html"))
