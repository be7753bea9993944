"""HTML pages: trafilatura finds the main text and the metadata, htmldate the original date."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

import lxml.html
from lxml import etree

from storyline.extract import boilerplate as bp
from storyline.extract.dates import find_yearless_date, parse_date
from storyline.extract.text import PageText

if TYPE_CHECKING:
    from trafilatura.settings import Document

T = TypeVar("T")
_DATED_KINDS = (bp.Kind.BYLINE, bp.Kind.DATELINE)
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe")
_BLOCKS = frozenset((
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre", "figure",
    "figcaption", "dd", "dt", "dl", "main", "form", "hr", "address",
))  # fmt: skip
# trafilatura's block elements: a paragraph, a heading, a list item, a quotation, a table row.
_BLOCK_TAGS = ("p", "head", "item", "quote", "code", "list", "table", "row")
# A block that is mostly link text is a teaser ("MAN ARRESTED AFTER ...") or a menu, not the story.
TEASER_LINK_SHARE = 0.8
# Line kinds that are never article text wherever trafilatura leaves them.
_FURNITURE = {bp.Kind.BOILERPLATE, bp.Kind.END, bp.Kind.COUNTER, bp.Kind.LABEL}
# Characters of text under which trafilatura's fast reading is checked against its fallbacks.
SECOND_OPINION_BELOW = 1000
# A closing paragraph this short that says "sign up for" or "click here" is a promotion.
PROMOTION_WORDS = 40
# "Anna Berg is a reporter ...", "Anna Berg covers ...": a biography opens with the author's name.
_BIO_VERBS = r"(?:is|was|has|writes|covers|reports|joined|previously)"
# Lines at the edges of trafilatura's text that are still not the article's words.
_EDGE_KINDS = {bp.Kind.BYLINE, bp.Kind.DATELINE, bp.Kind.BOILERPLATE, bp.Kind.END, bp.Kind.COUNTER,
               bp.Kind.LABEL, bp.Kind.EMAIL}  # fmt: skip


@dataclass(frozen=True)
class Block:
    """One paragraph of trafilatura's reading, and how much of it is link text."""

    text: str
    link_share: float = 0.0


def extract_html(html: str, url: str | None = None) -> PageText:
    """The main text of an HTML page as paragraphs, with its title, author, outlet, url and date."""
    document = read_document(html, url)
    if document is None or document.body is None:
        return PageText(paragraphs=())
    title = document.title or None
    blocks = read_blocks(document.body)
    paragraphs, dropped = select_blocks(blocks, title, document.author)
    published = (parse_date(document.date) if document.date else None) or _first(
        parse_date(line) for line in dropped if bp.classify(line) in _DATED_KINDS
    )
    return PageText(
        paragraphs=paragraphs,
        title=title,
        author=real_author(document.author) or _first(bp.byline_name(line) for line in dropped),
        outlet=document.sitename or document.hostname or None,
        url=document.url or url,
        published=published,
        yearless_date=None if published else find_yearless_date("\n\n".join(paragraphs)),
        dropped=dropped,
    )


def real_author(name: str | None) -> str | None:
    """The page's author when every name in it is a name: no "Email the author" or "Staff" buttons."""
    names = bp.split_names(name or "")
    return name if names and all(bp.looks_like_name(part, min_words=1) for part in names) else None


def _first(values: Iterable[T | None]) -> T | None:
    """The first value that is not None: a byline trimmed off the text still names the author."""
    return next((value for value in values if value is not None), None)


def read_document(html: str, url: str | None) -> Document | None:
    """trafilatura's fast reading; its slower one, with readability and jusText to compare, only when
    the fast one finds too little: most pages need no second opinion, and it costs a third of the time."""
    document = _run_trafilatura(html, url, fast=True)
    if document is None or len(document.text or "") < SECOND_OPINION_BELOW:
        return _run_trafilatura(html, url, fast=False) or document
    return document


def _run_trafilatura(html: str, url: str | None, fast: bool) -> Document | None:
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
                include_formatting=False, include_links=True, date_extraction_params=date_params, fast=fast,
            )  # fmt: skip
        except (ValueError, TypeError, etree.LxmlError):  # markup lxml cannot parse at all
            return None


def read_blocks(body: etree._Element) -> list[Block]:
    """trafilatura's body as paragraphs: every block element's own text, split at its line breaks."""
    blocks = []
    for element in body.iter(*_BLOCK_TAGS):
        text, links = "", 0
        for piece, in_link in _pieces(element, in_link=False):
            if piece == "\n":
                blocks += _block(text, links)
                text, links = "", 0
                continue
            text += piece
            links += len(piece.strip()) if in_link else 0
        blocks += _block(text, links)
    return blocks


def _pieces(element: etree._Element, in_link: bool) -> Iterator[tuple[str, bool]]:
    """The element's text in order, with whether it is link text; nested blocks come on their own."""
    if element.text:
        yield element.text, in_link
    for child in element:
        if child.tag == "lb":
            yield "\n", False
        elif child.tag not in _BLOCK_TAGS:
            if child.tag == "cell":
                yield " ", False  # a row's cells read as one line
            yield from _pieces(child, in_link or child.tag == "ref")
        if child.tail:
            yield child.tail, in_link


def _block(text: str, links: int) -> list[Block]:
    text = " ".join(text.split())
    return [Block(text, min(1.0, links / len(text.replace(" ", ""))))] if text else []


def select_blocks(
    blocks: list[Block], title: str | None, author: str | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The article's paragraphs, and the lines put aside: link teasers, furniture, the edges."""
    kept, dropped = [], []
    for block in blocks:
        if is_teaser(block) or bp.classify(block.text) in _FURNITURE:
            dropped.append(block.text)
        else:
            kept.append(block.text)
    paragraphs, trimmed = trim_edges(kept, title, author)
    return paragraphs, (*dropped, *trimmed)


def is_teaser(block: Block) -> bool:
    """A link to another story: a linked headline, or a card's title printed twice."""
    # A linked paragraph of prose (a deals page, a linked quotation) is still the article's text.
    linked_headline = block.link_share >= TEASER_LINK_SHARE and not bp.is_prose(block.text)
    return linked_headline or _is_doubled(block.text)


def _is_doubled(text: str) -> bool:
    """A teaser's headline printed twice in one block ("Title Title"), as card links render."""
    half = len(text) // 2
    return len(text) > 20 and text[:half].strip() == text[half:].strip()


def trim_edges(
    lines: list[str], title: str | None, author: str | None = None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Drop the headline repeated atop the text, bylines or share prompts at either edge, and the
    newsletter promotion or author's biography that closes many articles."""
    wanted = bp.normalise(title).lower() if title else None
    dropped = []
    while lines and (bp.classify(lines[0]) in _EDGE_KINDS or bp.normalise(lines[0]).lower() == wanted):
        dropped.append(lines.pop(0))
    # A byline or dateline just under an untagged headline: both are header, not text.
    if len(lines) > 1 and bp.classify(lines[1]) in (bp.Kind.BYLINE, bp.Kind.DATELINE):
        dropped += [lines.pop(0), lines.pop(0)]
    while lines and (bp.classify(lines[-1]) in _EDGE_KINDS or is_sign_off(lines[-1], author)):
        dropped.append(lines.pop())
    return tuple(lines), tuple(dropped)


def is_sign_off(line: str, author: str | None) -> bool:
    """A closing promotion ("Sign up for our newsletter ...") or the author's biography."""
    text = bp.normalise(line)
    if bp.count_words(text) <= PROMOTION_WORDS and bp.has_phrase(text, bp.NAVIGATION_PHRASES):
        return True
    names = [name for name in bp.split_names(author or "") if bp.count_words(name) >= 2]
    return any(re.match(rf"{re.escape(name)}\s+{_BIO_VERBS}\s", text) for name in names)


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
