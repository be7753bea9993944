"""The extract stage: a raw page in, a clean article out (body text, metadata, language).

HTML goes through trafilatura; scraped plain text through our own line cleaner
(`storyline.extract.text`). Whatever the page's container said (a JSONL line's title, a
feed entry's date) wins over what is read from the page, unless it is empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storyline.errors import E_NO_TEXT, InputError
from storyline.extract.html import extract_html, visible_text
from storyline.extract.language import detect_language
from storyline.extract.outlets import page_site
from storyline.extract.templates import OutletsInMemory, drop_outlet_template
from storyline.extract.text import PageText, clean_text
from storyline.ingest import IngestFailure, ingest_paths
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.records import Article, RawDocument


def extract(raw: RawDocument, options: Options = DEFAULT_OPTIONS) -> Article:
    """Read one raw page into an Article; raises InputError when the page holds no article text."""
    del options  # no extraction setting yet; the parameter keeps every stage's signature alike
    page = read_html(raw) if raw.kind == "html" else clean_text(raw.payload, title_hint=_given(raw.title))
    text = "\n\n".join(page.paragraphs)
    if not text.strip():
        raise InputError(raw.source, E_NO_TEXT)
    url = _given(raw.url) or page.url
    return Article(
        id=raw.id,  # one article per page: two pages with the same text are an original and its copy
        raw_id=raw.id,
        source=raw.source,
        text=text,
        title=_given(raw.title) or page.title,
        author=_given(raw.author) or page.author,
        outlet=_given(raw.outlet) or page.outlet or page_site(url),  # the page's words, else its address
        url=url,
        published=raw.published or page.published,
        updated=page.updated,
        yearless_date=None if raw.published or page.published else page.yearless_date,
        language=detect_language(text),
        dropped=page.dropped,
    )


def extract_paths(
    paths: Iterable[str | Path], options: Options = DEFAULT_OPTIONS
) -> Iterator[dict[str, Any] | IngestFailure]:
    """Each page under `paths` as the pipeline would store it in a new store (less what it shares with
    earlier pages of its outlet), as a JSON-ready record, in file order; a bad file or a page without
    article text comes as a failure in its place."""
    outlets = OutletsInMemory()
    for item in ingest_paths(paths, options):
        if isinstance(item, IngestFailure):
            yield item
            continue
        try:
            yield article_record(drop_outlet_template(extract(item, options), outlets))
        except InputError as error:
            yield IngestFailure.from_error(error)


def article_record(article: Article) -> dict[str, Any]:
    """What `storyline extract` prints for one page."""
    return {
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "text": article.text,
    }


def read_html(raw: RawDocument) -> PageText:
    """trafilatura's reading of the page, or the plain-text cleaner's when it finds no main text."""
    page = extract_html(raw.payload, url=_given(raw.url))
    if page.paragraphs:
        return page
    # Little markup (a page of <br>-separated text): read what a visitor would see instead.
    cleaned = clean_text(visible_text(raw.payload), title_hint=_given(raw.title) or page.title)
    return PageText(
        paragraphs=cleaned.paragraphs,
        title=cleaned.title or page.title,
        author=cleaned.author or page.author,
        outlet=cleaned.outlet or page.outlet,
        url=page.url,
        published=page.published or cleaned.published,
        updated=cleaned.updated,
        yearless_date=None if page.published else cleaned.yearless_date,
        dropped=cleaned.dropped,
    )


def _given(value: str | None) -> str | None:
    """A container's value, or None when it is blank."""
    return value.strip() if value and value.strip() else None
