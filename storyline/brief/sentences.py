"""Sentences of an article, with where they stand, for extractive summaries."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (and any closing quote or bracket) followed by a space and a capital,
# a digit or an opening quote — except after common abbreviations and initials.
BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Rep|Sen|Gov|St|Jr|Sr|Inc|Ltd|Co|Corp|No|vs|etc|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)
LABEL = re.compile(r"^(?:Question|Answer|Q|A)\s*:\s*")
# Openings that lean on an earlier sentence: out of their article they read as dangling.
DANGLING = re.compile(
    r"^(?:[\"“‘']|(?:He|She|It|They|This|These|That|Those|His|Her|Its|Their|But|However|Meanwhile|Also)\b)"
)


@dataclass(frozen=True)
class Sentence:
    article_id: str
    position: int  # order in the article, from 0
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def needs_context(self) -> bool:
        return DANGLING.match(self.text) is not None


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations ("Jul. 11", "U.S.") and quotations whole."""
    pieces: list[str] = []
    start = 0
    for match in BOUNDARY.finditer(paragraph):
        candidate = paragraph[start : match.start()].strip()
        if ABBREVIATION.search(candidate) or inside_quotation(paragraph[start : match.end()]):
            continue
        pieces.append(paragraph[start : match.end()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [piece for piece in pieces if piece]


def inside_quotation(text: str) -> bool:
    """Whether `text` ends inside a quotation: a sentence quoted in full stays one sentence."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def numbered_sentences(paragraphs: list[str]) -> list[list[tuple[int, str]]]:
    """Each paragraph's sentences with their position in the article: the numbers citations use."""
    numbered: list[list[tuple[int, str]]] = []
    position = 0
    for paragraph in paragraphs:
        sentences = split_sentences(paragraph)
        numbered.append(list(enumerate(sentences, start=position)))
        position += len(sentences)
    return numbered


def article_sentences(article_id: str, paragraphs: list[str]) -> list[Sentence]:
    """Every sentence of an article in order, with Q&A labels ("Answer:") taken off."""
    return [
        Sentence(article_id, position, LABEL.sub("", text))
        for paragraph in numbered_sentences(paragraphs)
        for position, text in paragraph
        if LABEL.sub("", text)
    ]
