"""Find quotation-mark spans in plain text, without any language model.

Scraped text mixes curly and straight marks (“…" is common), so straight marks are read
as opening or closing from the characters around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPENERS = {"“": '”"', "„": '“”"', "«": "»", "‹": "›", '"': '"”'}
SINGLE_OPENERS = "‘'"
SINGLE_CLOSERS = "’'"
# Typewriter style (''like this'') stands for a straight double mark.
TWO_APOSTROPHES = "''"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: `start`/`end` include the marks, `content` is inside them, trimmed."""

    start: int
    end: int
    content: tuple[int, int]
    nested: bool = False

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs (separated by a blank line)."""
    ranges, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        ranges.append((start, match.start()))
        start = match.end()
    ranges.append((start, len(text)))
    return [(s, e) for s, e in ranges if text[s:e].strip()]


def find_quotes(text: str) -> list[QuoteSpan]:
    """All double-quoted spans, paragraph by paragraph, plus single quotes nested inside them."""
    spans: list[QuoteSpan] = []
    for start, end in split_paragraphs(text):
        for outer in find_double_quotes(text, start, end):
            spans.append(outer)
            spans.extend(find_single_quotes(text, outer.content[0], outer.content[1]))
    return spans


def is_opening(text: str, index: int, start: int) -> bool:
    """A straight mark opens when it follows a space/bracket and precedes a word."""
    before = text[index - 1] if index > start else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def find_double_quotes(text: str, start: int, end: int) -> list[QuoteSpan]:
    """Double-quoted spans in one paragraph; an unclosed quote runs to the paragraph's end."""
    spans, opened, closers = [], -1, ""
    for index in range(start, end):
        char = '"' if text.startswith(TWO_APOSTROPHES, index) else text[index]
        if opened < 0:
            if char in DOUBLE_OPENERS and (char != '"' or is_opening(text, index, start)):
                opened, closers = index, DOUBLE_OPENERS[char]
        elif char in closers:
            spans.append(
                make_span(text, opened, index + (2 if text.startswith(TWO_APOSTROPHES, index) else 1))
            )
            opened = -1
    if opened >= 0 and end - opened > 2:
        spans.append(make_span(text, opened, end, closed=False))
    return [span for span in spans if span.content[1] > span.content[0]]


def find_single_quotes(text: str, start: int, end: int) -> list[QuoteSpan]:
    """Single-quoted spans inside a double quote, telling quote marks from apostrophes."""
    spans, index = [], start
    while index < end:
        if text[index] in SINGLE_OPENERS and is_opening(text, index, start) and text[index + 1].isalnum():
            close = find_single_closer(text, index + 1, end)
            if close > 0:
                span = make_span(text, index, close + 1)
                spans.append(QuoteSpan(span.start, span.end, span.content, nested=True))
                index = close
        index += 1
    return [span for span in spans if span.content[1] > span.content[0]]


def find_single_closer(text: str, start: int, end: int) -> int:
    """The first closing single mark: not followed by a letter (so "don't" is skipped)."""
    for index in range(start, end):
        after = text[index + 1] if index + 1 < len(text) else " "
        if text[index] in SINGLE_CLOSERS and not text[index - 1].isspace() and not after.isalnum():
            return index
    return -1


def make_span(text: str, start: int, end: int, closed: bool = True) -> QuoteSpan:
    """A span whose content drops the marks, surrounding space and a trailing comma."""
    inner_start, inner_end = start + 1, end - 1 if closed else end
    if text.startswith(TWO_APOSTROPHES, start):
        inner_start += 1
    if closed and text.startswith(TWO_APOSTROPHES, end - 2):
        inner_end -= 1
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and (text[inner_end - 1].isspace() or text[inner_end - 1] == ","):
        inner_end -= 1
    return QuoteSpan(start, end, (inner_start, inner_end))
