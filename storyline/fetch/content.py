"""What a fetched body holds: a listing of pages (RSS, Atom, JSON Feed, a sitemap or sitemap index,
Google News sitemaps included) or a page itself, read into a RawDocument with ingest's decoding.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from storyline.errors import InputError
from storyline.fetch.client import Fetched, without_fragment
from storyline.ingest import (
    GZIP_MAGIC,
    SNIFF_BYTES,
    charset_of,
    check_text_bytes,
    decode_bytes,
    find_declared_charset,
    gunzip,
    one_line,
    parse_date,
    sniff_markup,
    struct_to_datetime,
)
from storyline.records import DocumentKind, RawDocument

SITEMAP_ROOT = re.compile(rb"<(?:\w+:)?(urlset|sitemapindex)\b")
JSON_FEED_VERSION = "https://jsonfeed.org/version/"
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Sitemaps are data, never a way to read local files or reach the network from inside the parser.
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass(frozen=True)
class PageHint:
    """A page a listing names, with what the listing says of it (the page's own reading may add more)."""

    url: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: datetime | None = None

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "published": self.published and self.published.isoformat()})

    @classmethod
    def from_json(cls, text: str) -> PageHint:
        fields = json.loads(text)
        return cls(**{**fields, "published": parse_date(fields["published"])})


@dataclass(frozen=True)
class Listing:
    """The pages a feed or sitemap names, and the sitemaps a sitemap index names."""

    pages: tuple[PageHint, ...] = ()
    sitemaps: tuple[str, ...] = ()


def read_listing(fetched: Fetched, max_bytes: int) -> Listing | None:
    """The listing in a fetched body, or None when the body is a page, not a listing."""
    body = fetched.body
    if body.startswith(GZIP_MAGIC):  # sitemap.xml.gz
        body = gunzip(fetched.url, body, max_bytes)
    head = body[:SNIFF_BYTES].lstrip(codecs.BOM_UTF8).lstrip()
    if head.startswith(b"{"):
        return read_json_feed(fetched.final_url, body)
    if head.startswith(b"<") and SITEMAP_ROOT.search(head):
        return read_sitemap(fetched.final_url, body)
    if sniff_markup(body) == "feed":
        return read_feed(fetched.final_url, body)
    return None


def read_feed(url: str, body: bytes) -> Listing:
    """RSS or Atom entries that link to a page (a feed cut short still names the pages it got to)."""
    import feedparser  # imported late: it is slow to import and only feeds need it

    try:
        # A stream, never a str: feedparser would fetch a str that looks like a URL.
        feed = feedparser.parse(io.BytesIO(body))
    except Exception as error:  # feedparser's failure modes are many and undocumented
        raise InputError(url, f"the feed cannot be parsed ({one_line(str(error))})") from error
    if not feed.entries and feed.get("bozo"):
        raise InputError(url, f"malformed feed: {one_line(str(feed.get('bozo_exception')))}")
    outlet = feed.feed.get("title") or None
    return Listing(
        pages=tuple(
            PageHint(
                url=absolute(url, entry.link),
                title=entry.get("title") or None,
                author=entry.get("author") or None,
                outlet=outlet,
                published=struct_to_datetime(entry.get("published_parsed") or entry.get("updated_parsed")),
            )
            for entry in feed.entries
            if entry.get("link")
        )
    )


def read_json_feed(url: str, body: bytes) -> Listing:
    """A JSON Feed (jsonfeed.org, 1.0 or 1.1): its items' URLs, titles, authors and dates."""
    try:
        feed = json.loads(decode_bytes(url, body))
    except (ValueError, RecursionError) as error:
        raise InputError(url, f"the JSON feed is not JSON ({one_line(str(error))})") from error
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith(JSON_FEED_VERSION):
        raise InputError(url, "JSON, but not a JSON Feed (no jsonfeed.org version)")
    outlet = text_or_none(feed.get("title"))
    items = [item for item in feed.get("items") or [] if isinstance(item, dict)]
    return Listing(
        pages=tuple(
            PageHint(
                url=absolute(url, item["url"]),
                title=text_or_none(item.get("title")),
                author=json_feed_author(item),
                outlet=outlet,
                published=parse_date(item.get("date_published")),
            )
            for item in items
            if text_or_none(item.get("url"))
        )
    )


def json_feed_author(item: dict[str, Any]) -> str | None:
    """The first author's name: `authors` in JSON Feed 1.1, `author` in 1.0."""
    authors = item.get("authors")
    first = authors[0] if isinstance(authors, list) and authors else item.get("author")
    return text_or_none(first.get("name")) if isinstance(first, dict) else None


def read_sitemap(url: str, body: bytes) -> Listing:
    """A sitemap's page URLs (with a Google News sitemap's title, outlet and date), or an index's sitemaps."""
    try:
        root = etree.fromstring(body, parser=XML_PARSER)
    except etree.XMLSyntaxError as error:
        raise InputError(url, f"malformed sitemap ({one_line(str(error))})") from error
    if etree.QName(root).localname == "sitemapindex":
        return Listing(sitemaps=tuple(absolute(url, loc) for loc in child_texts(root, "sitemap/loc")))
    return Listing(
        pages=tuple(sitemap_page(url, entry) for entry in children(root, "url") if xpath_text(entry, "loc"))
    )


def sitemap_page(url: str, entry: Any) -> PageHint:
    return PageHint(
        url=absolute(url, xpath_text(entry, "loc")),
        title=xpath_text(entry, "news/title") or None,
        outlet=xpath_text(entry, "news/publication/name") or None,
        published=parse_date(xpath_text(entry, "news/publication_date")),
    )


def local_path(path: str) -> str:
    """An XPath matching `a/b` whatever namespaces the sitemap's elements are in."""
    return "/".join(f"*[local-name()='{step}']" for step in path.split("/"))


def children(element: Any, name: str) -> list[Any]:
    return element.xpath(local_path(name))


def child_texts(element: Any, path: str) -> list[str]:
    return [text.strip() for text in element.xpath(local_path(path) + "/text()") if text.strip()]


def xpath_text(element: Any, path: str) -> str:
    return str(element.xpath(f"string({local_path(path)})")).strip()


def absolute(base: str, link: str) -> str:
    return without_fragment(urljoin(base, link.strip()))


def text_or_none(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def read_page(fetched: Fetched, hint: PageHint | None = None) -> RawDocument:
    """A fetched page as a raw document: HTML or plain text, decoded as ingest decodes files."""
    kind = page_kind(fetched)
    check_text_bytes(fetched.url, fetched.body)
    declared = charset_of(fetched.content_type)
    if kind == "html":
        declared = declared or find_declared_charset(fetched.body)
    hint = hint or PageHint(fetched.final_url)
    return RawDocument(
        source=fetched.url,
        payload=decode_bytes(fetched.url, fetched.body, declared),
        kind=kind,
        url=fetched.final_url,
        title=hint.title,
        author=hint.author,
        outlet=hint.outlet,
        published=hint.published,
    )


def page_kind(fetched: Fetched) -> DocumentKind:
    """HTML or text by the Content-Type (by the bytes when the server names none); else not a page."""
    media_type = fetched.content_type.split(";", 1)[0].strip().lower()
    if media_type in HTML_TYPES or (not media_type and sniff_markup(fetched.body) == "html"):
        return "html"
    if media_type in ("text/plain", ""):
        return "text"
    raise InputError(fetched.url, f"not a web page or feed (the server says it is {media_type})")
