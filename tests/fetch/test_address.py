"""Only http and https, and only public addresses unless the user allows private ones."""

from __future__ import annotations

import ipaddress

import pytest

from storyline.fetch import address
from storyline.fetch.address import AddressRefused, FetchError, check_scheme, refusal_reason
from storyline.fetch.client import Fetcher
from storyline.options import Options
from tests.fetch.conftest import LOCAL, Answer, story


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("::ffff:127.0.0.1", "loopback"),
        ("2002:7f00:1::", "loopback"),
        ("100.64.0.1", "non-public"),
    ],
)
def test_addresses_off_limits_are_named(text, reason):
    assert refusal_reason(ipaddress.ip_address(text)) == reason


@pytest.mark.parametrize("text", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:1946"])
def test_public_addresses_are_allowed(text):
    assert refusal_reason(ipaddress.ip_address(text)) is None


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.invalid/a", "data:text/html,hi", "/a"])
def test_only_http_and_https_urls(url):
    with pytest.raises(AddressRefused, match="only http and https"):
        check_scheme(url)


def test_a_url_without_a_host_is_refused():
    with pytest.raises(AddressRefused, match="no host"):
        check_scheme("http:///path")


def test_loopback_is_refused_without_allow_private(site):
    url = site.add("/page", Answer(story(1)))
    with (
        Fetcher(Options()) as fetcher,
        pytest.raises(AddressRefused, match=r"127\.0\.0\.1 is a loopback address"),
    ):
        fetcher.get(url)
    assert site.requests == []  # refused before connecting, robots.txt included


def test_a_redirect_to_a_refused_address_is_refused(site, monkeypatch):
    # 127.0.0.1 stands for a public address here; 127.0.0.2 for an internal one (never connected to).
    monkeypatch.setattr(address, "refusal_reason", lambda ip: "private" if str(ip) == "127.0.0.2" else None)
    url = site.add("/go", Answer(status=302, headers={"Location": f"http://127.0.0.2:{site.port}/admin"}))
    with (
        Fetcher(Options(fetch_host_delay=0)) as fetcher,
        pytest.raises(AddressRefused, match=r"127\.0\.0\.2"),
    ):
        fetcher.get(url)
    assert site.paths() == ["/go"]


def test_a_redirect_to_a_file_url_is_refused(site):
    url = site.add("/go", Answer(status=301, headers={"Location": "file:///etc/passwd"}))
    with Fetcher(LOCAL) as fetcher, pytest.raises(FetchError, match="only http and https"):
        fetcher.get(url)


@pytest.mark.parametrize("host", ["LOCALHOST.", "localhost.", "127.0.0.1.", "news.localhost"])
def test_a_loopback_name_spelled_as_a_full_name_is_refused_as_loopback(site, host):
    url = site.add("/page", Answer(story(1))).replace("127.0.0.1", host)
    with Fetcher(Options()) as fetcher, pytest.raises(AddressRefused, match="is a loopback address"):
        fetcher.get(url)
    assert site.requests == []


def test_a_loopback_name_with_a_trailing_dot_is_fetched_when_private_addresses_are_allowed(site):
    url = site.add("/page", Answer(story(1))).replace("127.0.0.1", "LOCALHOST.")
    with Fetcher(LOCAL) as fetcher:
        assert fetcher.get(url).status == 200
