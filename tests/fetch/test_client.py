"""The HTTP client: retries, redirects, size cap, robots.txt, conditional requests, rate limits."""

from __future__ import annotations

import time
from dataclasses import replace
from threading import Thread

import pytest

from storyline.fetch.address import FetchError
from storyline.fetch.client import Fetcher, Validators
from tests.fetch.conftest import LOCAL, Answer, story


def fetch(url, options=LOCAL, validators=None):
    with Fetcher(options) as fetcher:
        return fetcher.get(url, validators or Validators())


def test_a_clear_user_agent_is_sent(site):
    fetch(site.add("/page", Answer(story(1))))
    assert site.requests[-1].headers["User-Agent"].startswith("Storyline/0.1.0 (+https://")


def test_the_user_agent_is_configurable(site):
    fetch(site.add("/page", Answer(story(1))), replace(LOCAL, fetch_user_agent="Monitor/2"))
    assert site.requests[-1].headers["User-Agent"] == "Monitor/2"


def test_a_server_error_is_retried_until_it_answers(site):
    url = site.add("/page", Answer("down", status=500), Answer("down", status=503), Answer(story(1)))
    assert b"Harbour story 1" in fetch(url).body
    assert site.paths() == ["/page"] * 3


def test_retries_give_up_with_the_last_status(site):
    url = site.add("/page", Answer("down", status=502))
    with pytest.raises(FetchError, match="HTTP 502") as failed:
        fetch(url)
    assert failed.value.retryable
    assert site.paths() == ["/page"] * (LOCAL.fetch_retries + 1)


def test_a_client_error_is_not_retried(site):
    url = site.add("/page", Answer("gone", status=404))
    with pytest.raises(FetchError, match="HTTP 404") as failed:
        fetch(url)
    assert not failed.value.retryable
    assert site.paths() == ["/page"]


def test_retry_after_is_honoured(site):
    url = site.add("/page", Answer("slow down", status=429, headers={"Retry-After": "1"}), Answer(story(1)))
    started = time.monotonic()
    fetch(url)
    assert time.monotonic() - started >= 0.95
    requests = [request for request in site.requests if request.path == "/page"]
    assert requests[1].at - requests[0].at >= 0.95


def test_a_retry_after_beyond_the_limit_fails_at_once(site):
    url = site.add("/page", Answer("later", status=503, headers={"Retry-After": "3600"}))
    with pytest.raises(FetchError, match="HTTP 503"):
        fetch(url)
    assert site.paths() == ["/page"]


def test_a_slow_server_times_out(site):
    url = site.add("/page", Answer(story(1), delay=1.5))
    with pytest.raises(FetchError, match="timed out") as failed:
        fetch(url, replace(LOCAL, fetch_timeout=0.3, fetch_retries=0))
    assert failed.value.retryable


def test_a_server_sending_a_drip_at_a_time_is_cut_off_at_the_page_deadline(site):
    url = site.add("/page", Answer(b"x" * 3000, trickle=0.05))
    with pytest.raises(FetchError, match=r"still sending after 0\.3 s") as failed:
        fetch(url, replace(LOCAL, fetch_timeout=2, fetch_page_deadline=0.3, fetch_retries=0))
    assert failed.value.retryable


def test_redirects_are_followed_to_the_final_url(site):
    url = site.add("/old", Answer(status=301, headers={"Location": "/new"}))
    site.add("/new", Answer(story(1)))
    page = fetch(url)
    assert (page.url, page.final_url) == (url, site.url("/new"))
    assert b"Harbour story 1" in page.body


def test_a_redirect_loop_is_a_clear_failure(site):
    url = site.add("/a", Answer(status=302, headers={"Location": "/b"}))
    site.add("/b", Answer(status=302, headers={"Location": "/a"}))
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(url)
    assert site.paths() == ["/a", "/b"]


def test_redirects_are_limited(site):
    for hop in range(4):
        site.add(f"/{hop}", Answer(status=307, headers={"Location": f"/{hop + 1}"}))
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetch(site.url("/0"), replace(LOCAL, fetch_max_redirects=2))


def test_a_page_declared_too_large_is_not_read(site):
    url = site.add("/big", Answer(b"x" * 5000))
    with pytest.raises(FetchError, match="5,000 bytes, over the 1,000-byte limit"):
        fetch(url, replace(LOCAL, fetch_max_bytes=1000))


def test_a_page_streaming_past_the_cap_is_cut_off(site):
    url = site.add("/big", Answer(b"x" * 200_000, declare_length=False))
    with pytest.raises(FetchError, match="over the 1,000-byte limit"):
        fetch(url, replace(LOCAL, fetch_max_bytes=1000))


def test_robots_txt_forbidding_a_page_is_respected(site):
    site.add("/robots.txt", Answer("User-agent: storyline\nDisallow: /private/", headers={}))
    url = site.add("/private/page", Answer(story(1)))
    with pytest.raises(FetchError, match=r"robots\.txt forbids"):
        fetch(url)
    assert site.paths() == []


def test_robots_txt_can_be_ignored(site):
    site.add("/robots.txt", Answer("User-agent: *\nDisallow: /", headers={}))
    url = site.add("/page", Answer(story(1)))
    fetch(url, replace(LOCAL, fetch_ignore_robots=True))
    assert site.paths() == ["/page"]


def test_a_forbidden_robots_txt_forbids_everything(site):
    site.add("/robots.txt", Answer("no", status=403))
    with pytest.raises(FetchError, match=r"robots\.txt forbids"):
        fetch(site.add("/page", Answer(story(1))))


def test_robots_crawl_delay_spaces_requests(site):
    site.add("/robots.txt", Answer("User-agent: *\nCrawl-delay: 1\n", headers={}))
    site.add("/page", Answer(story(1)))
    with Fetcher(LOCAL) as fetcher:
        fetcher.get(site.url("/page"))
        fetcher.get(site.url("/page"))
    pages = [request.at for request in site.requests if request.path == "/page"]
    assert pages[1] - pages[0] >= 0.95  # robotparser reads whole seconds only


def test_an_etag_makes_the_next_request_conditional(site):
    url = site.add("/feed", Answer("feed", etag='"v1"'))
    first = fetch(url)
    second = fetch(url, validators=first.validators)
    assert first.validators.etag == '"v1"' and not first.not_modified
    assert second.not_modified and second.body == b""
    assert site.requests[-1].headers["If-None-Match"] == '"v1"'


def test_last_modified_makes_the_next_request_conditional(site):
    stamp = "Mon, 02 Feb 2026 10:00:00 GMT"
    url = site.add("/feed", Answer("feed", last_modified=stamp))
    assert fetch(url, validators=fetch(url).validators).not_modified
    assert site.requests[-1].headers["If-Modified-Since"] == stamp


def test_requests_to_one_host_are_spaced(site):
    site.add("/page", Answer(story(1)))
    with Fetcher(replace(LOCAL, fetch_host_delay=0.3, fetch_per_host=4)) as fetcher:
        threads = [Thread(target=fetcher.get, args=(site.url("/page"),)) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
    starts = [request.at for request in site.requests]  # robots.txt, then three pages: 0.9 s at least
    assert len(starts) == 4 and starts[-1] - starts[0] >= 0.75  # (arrival times jitter on a busy machine)


def test_requests_to_one_host_are_capped(site):
    site.add("/page", Answer(story(1), delay=0.3))
    with Fetcher(replace(LOCAL, fetch_per_host=2)) as fetcher:
        threads = [Thread(target=fetcher.get, args=(site.url("/page"),)) for _ in range(5)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
    assert site.paths() == ["/page"] * 5
    assert site.most_in_flight == 2
