import pytest

from storyline.extract.outlets import page_site, site_name, site_of_host, site_of_url


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.harbour-herald.example/news/ferry", "harbour-herald.example"),
        ("http://m.harbour-herald.example/a", "harbour-herald.example"),
        ("https://WWW.Harbour-Herald.Example:8080/a", "harbour-herald.example"),
        ("www.harbour-herald.example/news/ferry", "harbour-herald.example"),
        (
            "https://news.harbour-herald.example/a",
            "news.harbour-herald.example",
        ),  # a section, kept as printed
    ],
)
def test_an_address_names_its_site_as_a_reader_writes_it(url: str, site: str):
    assert site_of_url(url) == site


@pytest.mark.parametrize(
    "url", ["https://192.0.2.7/news", "https://[2001:db8::1]/a", "http://localhost/a", "Ferry.", ""]
)
def test_what_names_no_site_gives_none(url: str):
    assert site_of_url(url) is None


def test_a_share_link_is_not_the_pages_site():
    assert page_site("https://www.facebook.com/sharer/sharer.php?u=x") is None
    assert page_site("https://harbour-herald.example/a") == "harbour-herald.example"


def test_a_host_loses_its_server_prefix_only():
    assert site_of_host("www2.harbour-herald.example.") == "harbour-herald.example"
    assert site_of_host("amp.harbour-herald.example") == "harbour-herald.example"


def test_a_site_name_keeps_the_pages_own_spelling():
    assert site_name("Harbour.HERALD") == "Harbour.HERALD"
    assert site_name("www.Harbour-Herald.example") == "Harbour-Herald.example"
    assert site_name("  the  Harbour Herald ") == "the Harbour Herald"
    assert site_name(None) is None
