"""The timeline of a story drawn as an inline SVG chart: no script, readable without JavaScript."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any

WIDTH, HEIGHT, MARGIN = 640, 70, 24


def timeline_svg(items: list[dict[str, Any]]) -> str:
    """A dot per dated item on a time axis, with its text as the dot's tooltip."""
    moments = [(datetime.fromisoformat(item["date"]), item["text"]) for item in items if item.get("date")]
    if not moments:
        return ""
    first, last = min(m for m, _ in moments), max(m for m, _ in moments)
    span = (last - first).total_seconds() or 1.0

    def x(moment: datetime) -> float:
        return MARGIN + (WIDTH - 2 * MARGIN) * (moment - first).total_seconds() / span

    dots = "".join(
        f'<circle cx="{x(moment):.1f}" cy="30" r="6"><title>{escape(moment.date().isoformat())}: '
        f"{escape(text)}</title></circle>"
        for moment, text in moments
    )
    labels = (
        f'<text x="{MARGIN}" y="62">{escape(first.date().isoformat())}</text>'
        f'<text x="{WIDTH - MARGIN}" y="62" text-anchor="end">{escape(last.date().isoformat())}</text>'
    )
    axis = f'<line x1="{MARGIN}" y1="30" x2="{WIDTH - MARGIN}" y2="30" />'
    return (
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="Timeline of {len(moments)} dated items">{axis}{dots}{labels}</svg>'
    )
