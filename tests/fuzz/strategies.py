"""Hypothesis strategies for outside input: page text, HTML trees, JSON records, feeds, WARCs, dates.

Random text alone rarely reaches the interesting code, so each strategy mixes it with fragments a
parser keys on (datelines, bylines, markup, month names) and with hostile characters.
"""

from __future__ import annotations

import json
from html import escape

from hypothesis import strategies as st

from tests.builders import build_warc
from tests.hostile.corpus import PAYLOADS, PROSE

MONTHS = ("January", "Jul.", "Sept", "März", "juillet", "diciembre", "May", "Okt")
WEEKDAYS = ("Monday", "Tue", "jeudi", "Sábado")
HOSTILE_CHARS = (
    "\x00",
    "\x01",
    "\x1b",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\u200b",
    "\r",
    "\x0b",
    "\x85",
    "\u2028",
)
FRAGMENTS = (
    *PROSE,
    *PAYLOADS,
    *HOSTILE_CHARS,
    "By Jane Doe",
    "Jane Doe, Reuters",
    "jane.doe@example.com",
    "Published 14 July 2023, 10:30 BST",
    "Updated: 2024-02-30T25:61:00+99:99",
    "Share this article",
    "© 2024 The Daily | All rights reserved",
    "Home › World › Europe",
    "You may also like",
    "• Bullet point",
    "Statement by the Minister for Ports on the strike",
    "“We will not back down,” she said.",
    "2023年7月14日",
)
characters = st.characters(exclude_categories=("Cs",))
any_text = st.text(characters, max_size=60)
words = st.text(st.characters(categories=("L", "N", "P")), min_size=1, max_size=20)


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    """Text made of the pieces of dates: numbers, month and weekday names, separators, zones."""
    pieces = st.one_of(
        st.integers(-5, 3000).map(str),
        st.sampled_from(MONTHS + WEEKDAYS),
        st.sampled_from(
            ("-", "/", ".", ",", " ", ":", "T", "de", "年", "月", "日", "am", "PM", "GMT+5", "+02:00")
        ),
        any_text,
    )
    return "".join(draw(st.lists(pieces, max_size=25)))


@st.composite
def page_texts(draw: st.DrawFn) -> str:
    """A scraped page: lines of prose, metadata, furniture, markup and random text."""
    line = st.lists(st.one_of(st.sampled_from(FRAGMENTS), any_text, date_texts()), min_size=1, max_size=4)
    lines = draw(st.lists(line.map(" ".join), max_size=20))
    return draw(st.sampled_from(("\n", "\n\n", "\r\n", "\u2029"))).join(lines)


TAGS = ("p", "div", "article", "main", "span", "h1", "a", "script", "style", "svg", "br", "table", "td", "li")
attributes = st.dictionaries(
    st.sampled_from(("class", "href", "onload", "style", "id", "datetime", "content", "name")),
    st.one_of(any_text, st.sampled_from(("javascript:alert(1)", "data:text/html,x", "2023-07-14"))),
    max_size=3,
)


def html_element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def render(tag: str, attrs: dict[str, str], inner: list[str], closed: bool) -> str:
        attributes_text = "".join(f' {name}="{escape(value)}"' for name, value in attrs.items())
        return f"<{tag}{attributes_text}>{''.join(inner)}" + (f"</{tag}>" if closed else "")

    return st.builds(render, st.sampled_from(TAGS), attributes, st.lists(children, max_size=4), st.booleans())


html_leaves = st.one_of(st.sampled_from(FRAGMENTS).map(escape), st.sampled_from(PAYLOADS), any_text)
html_bodies = st.recursive(html_leaves, html_element, max_leaves=30)
html_pages = st.one_of(
    html_bodies,
    st.builds(
        "<!doctype html><html><head><title>{}</title></head><body>{}</body></html>".format,
        any_text,
        html_bodies,
    ),
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
# Lone surrogates included: JSON can escape them ("\ud800") though no encoder can write one.
json_text = st.one_of(
    page_texts(),
    st.text(characters | st.characters(categories=("Cs",)), max_size=40),
    st.sampled_from(PAYLOADS),
)
json_records = st.fixed_dictionaries(
    {},
    optional={
        name: st.one_of(json_text, json_values)
        for name in ("text", "html", "title", "url", "outlet", "author", "published")
    },
)
jsonl_lines = st.one_of(
    json_records.map(lambda record: json.dumps(record)),
    json_values.map(lambda value: json.dumps(value)),
    any_text,
)


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


feed_entry = st.builds(
    "<item><title>{}</title><link>{}</link><guid>{}</guid><pubDate>{}</pubDate><description>{}</description></item>".format,
    any_text.map(escape),
    st.one_of(any_text.map(escape), st.sampled_from(("http://example.com/a", "javascript:alert(1)"))),
    any_text.map(escape),
    date_texts().map(escape),
    st.one_of(html_bodies.map(cdata), page_texts().map(escape)),
)
atom_entry = st.builds(
    '<entry><title type="html">{}</title><id>{}</id><updated>{}</updated><content type="{}">{}</content></entry>'.format,
    any_text.map(escape),
    any_text.map(escape),
    date_texts().map(escape),
    st.sampled_from(("html", "text", "xhtml")),
    html_bodies.map(escape),
)
feeds = st.one_of(
    st.builds(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{}</title>{}</channel></rss>'.format,
        any_text.map(escape),
        st.lists(feed_entry, max_size=4).map("".join),
    ),
    st.builds(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{}</title>{}</feed>'.format,
        any_text.map(escape),
        st.lists(atom_entry, max_size=4).map("".join),
    ),
).map(str.encode)

warc_responses = st.fixed_dictionaries(
    {
        "url": st.one_of(
            st.just("https://example.com/news"), any_text.map(lambda text: "https://example.com/" + text)
        ),
        "body": st.one_of(html_pages, page_texts()).map(lambda text: text.encode("utf-8")),
    },
    optional={
        "status": st.sampled_from(("200 OK", "404 Not Found", "299 Odd", "2")),
        "headers": st.lists(
            st.tuples(
                st.sampled_from(("Content-Type", "Last-Modified", "X-Any")), any_text.filter(str.isprintable)
            ),
            max_size=3,
        ),
        "kind": st.sampled_from(("response", "resource", "metadata")),
    },
)
warcs = st.builds(build_warc, st.lists(warc_responses, min_size=1, max_size=3), st.booleans())


@st.composite
def mutated(draw: st.DrawFn, documents: st.SearchStrategy[bytes]) -> bytes:
    """A well-formed document cut short, with bytes overwritten or inserted, as a damaged download."""
    data = draw(documents)
    for _ in range(draw(st.integers(0, 3))):
        position = draw(st.integers(0, len(data)))
        change = draw(st.sampled_from(("cut", "insert", "overwrite")))
        noise = draw(st.binary(min_size=1, max_size=8))
        if change == "cut":
            data = data[:position]
        elif change == "insert":
            data = data[:position] + noise + data[position:]
        else:
            data = data[:position] + noise + data[position + len(noise) :]
    return data
