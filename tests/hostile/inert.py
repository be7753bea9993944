"""What makes rendered output live rather than inert, found by parsing it as a browser or reader would."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from markdown_it import MarkdownIt

from tests.hostile.corpus import MARKER

# Elements that run, load or embed something: none of our templates writes one.
ACTIVE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "img", "base", "math",
               "video", "audio", "source", "template", "portal", "textarea"}  # fmt: skip
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "srcdoc",
    "data",
    "poster",
    "background",
}
SAFE_URL = re.compile(r"^(?:/(?!/)|#|https?://)", re.IGNORECASE)
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
BIDI_OPENERS = re.compile("[\u202a\u202b\u202d\u202e\u2066\u2067\u2068]")
BIDI_CLOSERS = re.compile("[\u202c\u2069]")
# Markdown tokens that would put the article's own markup or links into the rendered page.
LIVE_MARKDOWN_TOKENS = {"html_inline", "html_block", "link_open", "image"}


def live_html(page: str) -> list[str]:
    """Every element or attribute in `page` that could run script or leave the site; [] when inert."""
    problems = []
    for element in lxml.html.document_fromstring(page).iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        tag = element.tag.lower()
        if tag in ACTIVE_TAGS or (tag == "svg" and element.get("class") != "timeline"):
            problems.append(f"<{tag}>")
        if tag in ("script", "style") and MARKER in (element.text or ""):
            problems.append(f"<{tag}> holding article text")
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            problems.append("<meta refresh>")
        problems += [
            f"<{tag} {name}=...>" for name, value in element.items() if is_live_attribute(name, value)
        ]
    return problems


def is_live_attribute(name: str, value: str) -> bool:
    name = name.lower()
    if name.startswith("on") or name == "style":
        return True
    return name in URL_ATTRIBUTES and not SAFE_URL.match(value.strip())


def visible_text(page: str) -> str:
    return lxml.html.document_fromstring(page).text_content()


def live_markdown(text: str) -> list[str]:
    """Raw HTML, links and images a Markdown reader would make of `text`, with every URL allowed."""
    reader = MarkdownIt("commonmark", {"html": True})
    reader.validateLink = lambda url: True  # judge our escaping, not markdown-it's own link filter
    tokens = reader.parse(text)
    found = [token for block in tokens for token in [block, *(block.children or [])]]
    return [token.type for token in found if token.type in LIVE_MARKDOWN_TOKENS] + live_html(
        reader.render(text)
    )


def control_characters(text: str) -> list[str]:
    """Characters a terminal obeys (ESC, BEL) or XML refuses (NUL), as their code points."""
    return [f"U+{ord(char):04X}" for char in CONTROLS.findall(text)]


def unclosed_bidi_lines(text: str) -> list[str]:
    """Lines where a right-to-left override or isolate is left open, to reverse what follows it."""
    return [
        line
        for line in text.splitlines()
        if len(BIDI_OPENERS.findall(line)) > len(BIDI_CLOSERS.findall(line))
    ]


def parse_feed_strictly(feed: str) -> etree._Element:
    """The feed as a strict XML parser reads it: raises on a byte a feed reader would choke on."""
    return etree.fromstring(feed.encode("utf-8"), etree.XMLParser(recover=False, resolve_entities=False))
