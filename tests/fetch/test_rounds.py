"""A round: sources read, their pages fetched once, each stored by the pipeline; state kept in the store."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.fetch.rounds import ingest_urls, interleave_by_host
from storyline.store import open_store
from tests.fetch.conftest import FEED_HEADERS, LOCAL, Answer, article_html, rss, story


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "s.db")
    yield opened
    opened.close()


def serve_feed(site, count, etag='"v1"'):
    """A feed of `count` pages, each served too; returns the feed's URL."""
    links = [site.add(f"/story/{number}", Answer(story(number))) for number in range(1, count + 1)]
    return site.add("/feed.xml", Answer(rss(*links), headers=FEED_HEADERS, etag=etag))


def test_a_feed_s_pages_are_fetched_and_stored(site, store):
    report = ingest_urls(store, [serve_feed(site, 2)], LOCAL)
    assert (report.added, report.failures) == (2, [])
    article = store.articles("source = ?", (site.url("/story/1"),))[0]
    assert article.url == site.url("/story/1")
    assert article.title == "Item 1"  # what the feed said wins, as for feed files
    assert article.outlet == "Valmora Times"


def test_a_second_round_fetches_nothing_new(site, store):
    feed = serve_feed(site, 2)
    ingest_urls(store, [feed], LOCAL)
    before = len(site.paths())
    report = ingest_urls(store, [feed], LOCAL)
    assert site.paths()[before:] == ["/feed.xml"]  # asked if it changed; it did not
    assert site.requests[-1].headers["If-None-Match"] == '"v1"'
    assert (report.added, report.unchanged, report.failures) == (0, 0, [])


def test_only_the_new_entries_of_a_changed_feed_are_fetched(site, store):
    feed = serve_feed(site, 1, etag=None)
    ingest_urls(store, [feed], LOCAL)
    serve_feed(site, 2, etag=None)
    before = len(site.paths())
    assert ingest_urls(store, [feed], LOCAL).added == 1
    assert site.paths()[before:] == ["/feed.xml", "/story/2"]


def test_a_page_given_directly_is_stored_and_not_fetched_again(site, store):
    url = site.add("/story/1", Answer(story(1)))
    assert ingest_urls(store, [url], LOCAL).added == 1
    again = ingest_urls(store, [url], LOCAL)
    assert (again.added, again.unchanged) == (0, 1)
    assert site.paths() == ["/story/1"]


def test_a_page_already_stored_is_not_fetched_from_a_feed(site, store):
    ingest_urls(store, [site.add("/story/1", Answer(story(1)))], LOCAL)
    ingest_urls(store, [serve_feed(site, 1)], LOCAL)
    assert site.paths() == ["/story/1", "/feed.xml"]


def test_an_interrupted_round_resumes_where_it_stopped(site, store, monkeypatch):
    feed = serve_feed(site, 3)
    stored = store.save_article
    calls = []

    def crash_on_the_second(*args):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return stored(*args)

    monkeypatch.setattr(store, "save_article", crash_on_the_second)
    with pytest.raises(KeyboardInterrupt):
        ingest_urls(store, [feed], replace(LOCAL, fetch_concurrency=1))
    monkeypatch.setattr(store, "save_article", stored)
    first = [path for path in site.paths() if path.startswith("/story")]
    report = ingest_urls(store, [feed], LOCAL)  # the feed answers 304: its pages come from the store
    assert report.added == 2 and store.counts()["articles"] == 3
    again = [path for path in site.paths() if path.startswith("/story")][len(first) :]
    assert first[0] not in again  # the page stored before the crash is not fetched again


def test_a_page_failing_for_now_is_tried_in_the_next_rounds_then_dropped(site, store):
    site.add("/story/1", Answer("down", status=503))
    feed = site.add("/feed.xml", Answer(rss(site.url("/story/1")), headers=FEED_HEADERS))
    options = replace(LOCAL, fetch_retries=0, fetch_page_tries=2)
    for _round in range(3):
        ingest_urls(store, [feed], options)
    assert site.paths().count("/story/1") == 2


def test_a_page_failing_for_good_is_not_tried_again(site, store):
    site.add("/story/1", Answer("gone", status=404))
    feed = site.add("/feed.xml", Answer(rss(site.url("/story/1")), headers=FEED_HEADERS))
    first = ingest_urls(store, [feed], LOCAL)
    ingest_urls(store, [feed], LOCAL)
    assert [str(failure) for failure in first.failures] == [
        f"{site.url('/story/1')}: the server answered HTTP 404 Not Found"
    ]
    assert site.paths().count("/story/1") == 1


def test_a_page_without_article_text_is_not_fetched_again(site, store):
    site.add("/story/1", Answer(article_html("Menu only")))
    feed = site.add("/feed.xml", Answer(rss(site.url("/story/1")), headers=FEED_HEADERS))
    assert "no article text" in ingest_urls(store, [feed], LOCAL).failures[0].reason
    ingest_urls(store, [feed], LOCAL)
    assert site.paths().count("/story/1") == 1


def test_a_failing_feed_is_named_and_the_round_goes_on(site, store):
    broken = site.add("/broken.xml", Answer("nope", status=404))
    report = ingest_urls(store, [broken, serve_feed(site, 1)], LOCAL)
    assert report.added == 1 and [failure.source for failure in report.failures] == [broken]


def test_a_sitemap_index_leads_to_its_sitemaps_pages(site, store):
    site.add("/story/1", Answer(story(1)))
    site.add(
        "/news.xml",
        Answer(
            "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>/story/1</loc></url></urlset>"
        ),
    )
    index = site.add(
        "/sitemap.xml",
        Answer(
            "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap><loc>/news.xml</loc></sitemap></sitemapindex>"
        ),
    )
    assert ingest_urls(store, [index], LOCAL).added == 1


def test_a_non_http_url_is_a_failure_not_a_read(store, tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text("<p>secret</p>")
    report = ingest_urls(store, [secret.as_uri()], LOCAL)
    assert "only http and https" in report.failures[0].reason
    assert store.counts()["raw_documents"] == 0


def test_pages_of_many_hosts_take_turns():
    urls = ["http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://c/1"]
    assert interleave_by_host(urls) == ["http://a/1", "http://b/1", "http://c/1", "http://a/2", "http://a/3"]
