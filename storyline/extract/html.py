"""HTML pages: trafilatura finds the main text and the metadata, htmldate the original date."""

from __future__ import annotations

import contextlib
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from storyline.extract import boilerplate as bp
from storyline.extract.dates import find_yearless_date, parse_date
from storyline.extract.outlets import page_site, site_name
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
# lxml.html's own parser calls a Python function for every element it hands out, to give forms and
# inputs their own classes; trafilatura needs none of them, and one class for all is chosen in C:
# the whole extraction runs a few percent faster.
_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
)
_ONE_CLASS_FOR_ALL = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity,
)  # fmt: skip
_PARSER.set_element_class_lookup(_ONE_CLASS_FOR_ALL)
# trafilatura repairs the doctype on the first line and a self-closing <html/> in the first 4,096
# characters: a head that reaches the first line break past them holds both.
REPAIRED_HEAD = 4096
# What trafilatura deletes before parsing (libxml2 rejects them): C0 controls but tab and line breaks
# (and the noncharacters U+FFFE and U+FFFF).
_CONTROL_BYTES = bytes((*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
_NO_CONTROLS = dict.fromkeys(_CONTROL_BYTES)  # str.translate deletes these code points
# One pass of plain XPath: trafilatura's author search runs regexes over every element of a copy
# of the page, and cost as much as a tenth of the whole extraction.
_AUTHOR_ELEMENTS = etree.XPath(  # "uthor" and "yline": either case of the first letter in one test
    "//*[@rel='author' or @itemprop='author' or contains(@class, 'uthor') or contains(@class, 'yline')"
    " or contains(@id, 'uthor')]"
)
MAX_AUTHOR_CHARACTERS = 120  # longer is an author box with a biography, not a byline
# Characters of text under which trafilatura's fast reading is checked against its fallbacks.
SECOND_OPINION_BELOW = 1000
# ... and when the page's <p> elements hold this many times what it found.
MISSED_TEXT_RATIO = 2
# A part of the title this long is a headline, not a section label or a site name.
HEADLINE_PART_WORDS = 3
_TITLE_SEPARATOR = re.compile(r"\s[|–—:-]\s|\s::\s")
# An end heading ("You may also like") past this share of the text closes the article.
END_AFTER_SHARE = 0.5
# A closing paragraph this short that says "sign up for" or "click here" is a promotion.
PROMOTION_WORDS = 40
# A wire story's closing credits ("(Reporting by ...; Editing by ...)"): not the story's words.
CREDIT_PHRASES = ("reporting by", "editing by", "writing by", "contributed to this report")
# "Follow our opinion section on Facebook and Instagram": only as a closing line, since prose
# says "he posted on Facebook" too.
_SOCIAL_FOLLOW = re.compile(
    r"follow\b.*\b(?:facebook|twitter|instagram|linkedin|youtube|tiktok|threads|bluesky|mastodon)\b",
    re.IGNORECASE,
)
# "Anna Berg is a reporter ...", "Anna Berg covers ...": a biography opens with the author's name,
# then one of these verbs (matched after the name, so no pattern is compiled per author).
_BIO_VERB_AFTER_NAME = re.compile(r"\s+(?:is|was|has|writes|covers|reports|joined|previously)\s")
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
    tree = parse_page(html)
    if tree is None:
        return PageText(paragraphs=())
    metadata = read_metadata(tree, url)
    body = read_body(tree)
    if body is None:
        return PageText(paragraphs=())
    title = metadata.title or None
    paragraphs, dropped = select_blocks(read_blocks(body), title, metadata.author)
    published = (parse_date(metadata.date) if metadata.date else None) or _first(
        parse_date(line) for line in dropped if bp.classify(line) in _DATED_KINDS
    )
    return PageText(
        paragraphs=paragraphs,
        title=title,
        author=real_author(metadata.author)
        or _first(bp.byline_name(line) for line in dropped)
        or real_author(_author_in_markup(tree)),
        outlet=site_name(metadata.sitename) or page_site(metadata.url or url),
        url=metadata.url or url,
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


def parse_page(html: str) -> HtmlElement | None:
    """The page parsed once: metadata and body are both read off this tree. Parsed as trafilatura
    parses it (its repairs, its rejection of what is not HTML), with a cheaper element lookup."""
    from trafilatura.utils import load_html  # plain-text runs never need it

    beginning = html[:50].lower()
    try:
        tree = lxml.html.fromstring(repair_markup(html, beginning), parser=_PARSER)
    except (ValueError, TypeError, etree.LxmlError):  # markup libxml2 rejects
        tree = None
    if tree is None or len(tree) == 0:
        try:
            return load_html(html)  # trafilatura's fallbacks: bytes, a second parse
        except (ValueError, TypeError, etree.LxmlError):  # markup lxml cannot parse at all
            return None
    return None if "html" not in beginning and len(tree) < 2 else tree  # not an HTML page


def repair_markup(html: str, beginning: str) -> bytes:
    """The page as UTF-8 for libxml2, repaired as trafilatura repairs it: its fixes of the first lines
    (a doctype libxml2 misreads, a self-closing <html/>) on the first lines only, and control characters
    deleted from the bytes in one C pass, which is several times faster than its regular expression
    over the whole text."""
    from trafilatura.utils import repair_faulty_html

    head_end = html.find("\n", REPAIRED_HEAD)
    head, rest = (html, "") if head_end < 0 else (html[:head_end], html[head_end:])
    markup = (repair_faulty_html(head, beginning) + rest).encode("utf-8")  # surrogates are gone since ingest
    markup = markup.translate(None, _CONTROL_BYTES)
    if "\ufffe" in html or "\uffff" in html:  # rare; searching the text costs nothing when it is Latin-1
        markup = markup.replace("\ufffe".encode(), b"").replace("\uffff".encode(), b"")
    return markup


def read_body(tree: HtmlElement) -> etree._Element | None:
    """trafilatura's fast reading of the main text; its slower one, with readability and jusText to
    compare, only when the fast one finds too little: most pages need no second opinion."""
    document = _run_trafilatura(tree, fast=True)
    if needs_second_opinion(tree, len(document.text or "") if document is not None else 0):
        document = _run_trafilatura(tree, fast=False) or document
    return document.body if document is not None else None


def needs_second_opinion(tree: HtmlElement, found: int) -> bool:
    """Whether a fast reading of `found` characters may have missed the article: it is short, and
    the page's paragraphs hold much more. A short page read whole needs no second reading, which
    costs more than the first (readability and jusText on the whole page)."""
    if found >= SECOND_OPINION_BELOW:
        return False
    return found == 0 or _paragraph_characters(tree) > MISSED_TEXT_RATIO * found


def _paragraph_characters(tree: HtmlElement) -> int:
    return sum(len(" ".join(paragraph.text_content().split())) for paragraph in tree.iter("p"))


def _run_trafilatura(tree: HtmlElement, fast: bool) -> Document | None:
    from trafilatura import bare_extraction

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml's FutureWarnings from inside trafilatura
        try:
            # trafilatura works on its own copy of the tree, so ours stays whole for the metadata.
            # No url: we read which text is a link, not where it points, and resolving every link
            # against the page's address costs a tenth of the extraction.
            return bare_extraction(
                tree, include_comments=False, include_tables=True, include_formatting=False,
                include_links=True, fast=fast,
            )  # fmt: skip
        except (ValueError, TypeError, etree.LxmlError):
            return None


def read_metadata(tree: HtmlElement, url: str | None) -> Document:
    """Title, author, url, site name and date from the page's meta tags and JSON-LD.

    trafilatura's own metadata pass also searches the whole markup for bylines, categories, tags
    and a licence, and htmldate's extensive search scans every text node for a date: together
    they cost more than the main text itself, for fields we do not use or find in the text anyway.
    """
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )

    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None  # a one-word "author" tag holds a handle or a site name, as trafilatura finds
    if not (metadata.author and metadata.title):
        # JSON-LD only for what the meta tags lack: reading it costs more than the rest of the
        # metadata, and where both give an author the meta tag's is as good or cleaner.
        with contextlib.suppress(Exception):  # malformed JSON-LD is common; the meta tags still count
            metadata = extract_meta_json(tree, metadata)
    metadata.title = metadata.title or extract_title(tree)
    metadata.url = metadata.url or extract_url(tree, url)
    metadata.sitename = (metadata.sitename or extract_sitename(tree) or "").lstrip("@") or None
    metadata.date = find_original_date(tree, metadata.url)
    metadata.clean_and_trim()  # entities and stray spaces, as trafilatura leaves its own fields
    return metadata


def find_original_date(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's reading of the original publication date, never a future one; None where htmldate
    fails on odd markup (it asserts when it prunes a page's root element, as in `<svg html>`)."""
    from htmldate import find_date

    try:
        return find_date(
            tree, url=url, original_date=True, extensive_search=False, outputformat=_DATE_FORMAT,
            max_date=datetime.now(UTC).strftime("%Y-%m-%d"),  # never a future date
        )  # fmt: skip
    except (AssertionError, ValueError, TypeError, etree.LxmlError):
        return None


def _author_in_markup(tree: HtmlElement) -> str | None:
    """The first name in an element the markup marks as the author's (rel="author", a class with
    "byline" or "author" in it): asked only when neither the meta tags nor a byline line name one."""
    for element in _AUTHOR_ELEMENTS(tree):
        text = " ".join(" ".join(element.itertext()).split())
        if not text or len(text) > MAX_AUTHOR_CHARACTERS:
            continue
        name = bp.byline_name(text) or real_author(text)
        if name and name.lower() not in bp.BYLINE_PREFIXES:  # a lone "By" before a linked name
            return name
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
    for index, block in enumerate(blocks):
        kind = bp.classify(block.text)
        if kind is bp.Kind.END and _is_in_last_part(blocks, index):
            dropped += [later.text for later in blocks[index:]]  # "More from ...": the rest is teasers
            break
        if is_teaser(block) or kind in _FURNITURE:
            dropped.append(block.text)
        else:
            kept.append(block.text)
    paragraphs, trimmed = trim_edges(kept, title, author)
    return paragraphs, (*dropped, *trimmed)


def _is_in_last_part(blocks: list[Block], index: int) -> bool:
    """Whether most of the text comes before this block: an end heading that early is more likely
    a crosshead that happens to say "most read" than the page leaving its article."""
    before = sum(len(block.text) for block in blocks[:index])
    return before >= END_AFTER_SHARE * sum(len(block.text) for block in blocks)


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
    headlines = headline_forms(title)
    dropped = []
    while lines and (bp.classify(lines[0]) in _EDGE_KINDS or bp.normalise(lines[0]).lower() in headlines):
        dropped.append(lines.pop(0))
    # A byline or dateline just under an untagged headline: both are header, not text.
    if len(lines) > 1 and bp.classify(lines[1]) in (bp.Kind.BYLINE, bp.Kind.DATELINE):
        dropped += [lines.pop(0), lines.pop(0)]
    while lines and (bp.classify(lines[-1]) in _EDGE_KINDS or is_sign_off(lines[-1], author)):
        dropped.append(lines.pop())
    return tuple(lines), tuple(dropped)


def headline_forms(title: str | None) -> set[str]:
    """The page title and the parts of it a headline may be printed as: a title tag often adds a
    section or the site's name ("Opinion | The headline", "The headline - Site")."""
    if not title:
        return set()
    whole = bp.normalise(title).lower()
    parts = (part.strip() for part in _TITLE_SEPARATOR.split(whole))
    return {whole, *(part for part in parts if bp.count_words(part) >= HEADLINE_PART_WORDS)}


def is_sign_off(line: str, author: str | None) -> bool:
    """A closing promotion ("Sign up for our newsletter ...") or the author's biography."""
    text = bp.normalise(line)
    if bp.count_words(text) <= PROMOTION_WORDS and (
        bp.has_phrase(text, bp.NAVIGATION_PHRASES)
        or bp.has_phrase(text, CREDIT_PHRASES)
        or _SOCIAL_FOLLOW.match(text)
    ):
        return True
    names = [name for name in bp.split_names(author or "") if bp.count_words(name) >= 2]
    return any(text.startswith(name) and _BIO_VERB_AFTER_NAME.match(text, len(name)) for name in names)


def drop_controls(root: lxml.html.HtmlElement) -> None:
    """Delete control characters from every text and tail in the tree.

    The parser keeps them (raw, or from "&#1;"), but lxml refuses to set text holding one, which
    `drop_tree` and the line breaks below must do: cleaned first, every later edit is allowed.
    """
    for element in root.iter():
        if element.text:
            element.text = element.text.translate(_NO_CONTROLS)
        if element.tail:
            element.tail = element.tail.translate(_NO_CONTROLS)


def visible_text(html: str) -> str:
    """The text a reader sees, one block element per line: for pages with too little markup."""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, etree.LxmlError):
        return ""
    drop_controls(root)
    for element in list(root.iter(*_INVISIBLE)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    return "\n".join(" ".join(line.split()) for line in root.text_content().splitlines())
