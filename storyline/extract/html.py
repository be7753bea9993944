"""HTML pages: trafilatura finds the main text and the metadata, htmldate the original date."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

import lxml.html
from lxml import etree

from storyline.extract import boilerplate as bp
from storyline.extract.dates import find_yearless_date, parse_date
from storyline.records import YearlessDate

T = TypeVar("T")
_DATED_KINDS = (bp.Kind.BYLINE, bp.Kind.DATELINE)
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe")
_BLOCKS = frozenset((
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre", "figure",
    "figcaption", "dd", "dt", "dl", "main", "form", "hr", "address",
))  # fmt: skip
# Lines at the edges of trafilatura's text that are still not the article's words.
_EDGE_KINDS = {bp.Kind.BYLINE, bp.Kind.DATELINE, bp.Kind.BOILERPLATE, bp.Kind.END, bp.Kind.COUNTER,
               bp.Kind.LABEL, bp.Kind.EMAIL}  # fmt: skip


@dataclass(frozen=True)
class HtmlText:
    """What trafilatura reads out of a page; `paragraphs` empty when it found no main text."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    yearless_date: YearlessDate | None = None
    dropped: tuple[str, ...] = ()


def extract_html(html: str, url: str | None = None) -> HtmlText:
    """The main text of an HTML page as paragraphs, with its title, author, outlet, url and date."""
    document = _run_trafilatura(html, url)
    if document is None:
        return HtmlText(paragraphs=())
    title = document.title or None
    paragraphs, dropped = trim_edges(split_paragraphs(document.text or ""), title)
    published = (parse_date(document.date) if document.date else None) or _first(
        parse_date(line) for line in dropped if bp.classify(line) in _DATED_KINDS
    )
    return HtmlText(
        paragraphs=paragraphs,
        title=title,
        author=document.author or _first(bp.byline_name(line) for line in dropped),
        outlet=document.sitename or document.hostname or None,
        url=document.url or url,
        published=published,
        yearless_date=None if published else find_yearless_date("\n\n".join(paragraphs)),
        dropped=dropped,
    )


def _first(values: Iterable[T | None]) -> T | None:
    """The first value that is not None: a byline trimmed off the text still names the author."""
    return next((value for value in values if value is not None), None)


def _run_trafilatura(html: str, url: str | None) -> object | None:
    date_params = {
        "original_date": True,  # the publication date, not the last edit
        "extensive_search": True,
        "outputformat": _DATE_FORMAT,
        "max_date": datetime.now(UTC).strftime("%Y-%m-%d"),  # never a future date
    }
    # Imported here: it costs a few hundred milliseconds, and plain-text runs never need it.
    from trafilatura import bare_extraction

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml's FutureWarnings from inside trafilatura
        try:
            return bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=True,
                include_formatting=False, date_extraction_params=date_params,
            )  # fmt: skip
        except (ValueError, TypeError, etree.LxmlError):  # markup lxml cannot parse at all
            return None


def split_paragraphs(text: str) -> list[str]:
    """trafilatura puts one paragraph (or heading, or list item) on each line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def trim_edges(lines: list[str], title: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Drop the headline repeated atop the text, and bylines or share prompts at either edge."""
    wanted = bp.normalise(title).lower() if title else None
    dropped = []
    while lines and (bp.classify(lines[0]) in _EDGE_KINDS or bp.normalise(lines[0]).lower() == wanted):
        dropped.append(lines.pop(0))
    # A byline or dateline just under an untagged headline: both are header, not text.
    if len(lines) > 1 and bp.classify(lines[1]) in (bp.Kind.BYLINE, bp.Kind.DATELINE):
        dropped += [lines.pop(0), lines.pop(0)]
    while lines and bp.classify(lines[-1]) in _EDGE_KINDS:
        dropped.append(lines.pop())
    return tuple(lines), tuple(dropped)


def visible_text(html: str) -> str:
    """The text a reader sees, one block element per line: for pages with too little markup."""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, etree.LxmlError):
        return ""
    for element in list(root.iter(*_INVISIBLE)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    return "\n".join(" ".join(line.split()) for line in root.text_content().splitlines())
