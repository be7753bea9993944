"""Briefs rendered for people: Markdown, and one self-contained HTML file (no scripts, no outside links).

Article text is untrusted: HTML is autoescaped, and Markdown escapes what would become markup. Every
value also goes through `neutralise`, in these outputs and the web pages alike.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

import jinja2

ENTITY_GROUPS = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Places",
    "LOC": "Places",
    "NORP": "Groups",
    "FAC": "Places",
    "EVENT": "Events",
}
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!])")
# C0 and C1 controls but tab and newlines: a terminal obeys ESC and BEL, and XML forbids most of them.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidi embeddings and overrides (closed by PDF) and isolates (closed by PDI).
BIDI_CLOSERS = {"\u202c": "\u202a\u202b\u202d\u202e", "\u2069": "\u2066\u2067\u2068"}


def escape_markdown(text: Any) -> str:
    """Backslash-escape what Markdown (or HTML inside it) would read as markup."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", str(text if text is not None else ""))


def neutralise(value: Any) -> Any:
    """A value as any output may show it: control characters dropped, and bidi overrides closed at
    the end of their own field, so a title's U+202E cannot reverse the text printed after it."""
    if not isinstance(value, str):
        return value
    text = CONTROLS.sub("", value)
    for closer, openers in BIDI_CLOSERS.items():
        unclosed = sum(text.count(opener) for opener in openers) - text.count(closer)
        text += closer * max(unclosed, 0)
    return type(value)(text)  # Markup stays Markup: it is already escaped


def day(value: str | None) -> str:
    return value[:10] if value else "undated"


def span(event: dict[str, Any]) -> str:
    start, end = day(event.get("start")), day(event.get("end"))
    return start if start == end else f"{start} to {end}"


def numbering(event: dict[str, Any]) -> dict[str, int]:
    """Citation numbers: the position of each article in the event's source list."""
    return {source["article"]: number for number, source in enumerate(event["sources"], start=1)}


def third_person(verb: str) -> str:
    """ "oppose" -> "opposes", "accuse" -> "accuses", "deny" -> "denies", "say" -> "says"."""
    if verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")


def refs(article_ids: Iterable[str], numbers: dict[str, int]) -> str:
    return "".join(f"[{numbers[article_id]}]" for article_id in article_ids if article_id in numbers)


def grouped(entities: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for entity in entities:
        groups[ENTITY_GROUPS.get(entity["type"], "Other")].append(entity["name"])
    return sorted(groups.items())


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.brief", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=neutralise,
    )
    environment.filters.update(
        third_person=third_person,
        md=escape_markdown,
        day=day,
        span=span,
        refs=refs,
        grouped=grouped,
        numbering=numbering,
    )
    return environment


def render_markdown(event: dict[str, Any]) -> str:
    template = _environment(False).get_template("brief.md.j2")
    return template.render(event=event, numbers=numbering(event))


def render_storyline_markdown(storyline: dict[str, Any], events: list[dict[str, Any]]) -> str:
    """A storyline: its events in time order, each with its span, headline and highlights."""
    template = _environment(False).get_template("storyline.md.j2")
    ordered = sorted(events, key=lambda event: event["start"] or "")
    return template.render(storyline=storyline, events=ordered)


def render_html(
    title: str,
    events: list[dict[str, Any]],
    texts: dict[str, str],
    storylines: list[dict[str, Any]] | None = None,
) -> str:
    """One page holding the briefs, each source's clean text inline so every citation can be checked."""
    template = _environment(True).get_template("page.html.j2")
    return template.render(title=title, events=events, texts=texts, storylines=storylines or [])
