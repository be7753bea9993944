"""Sentences of an article, with where they stand, for extractive summaries."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (and any closing quote or bracket) followed by a space and a capital,
# a digit or an opening quote — except after common abbreviations and initials.
BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Pres|Gen|Col|Lt|Capt|Cmdr|Adm|Maj|Sgt|Rep|Reps|Sen|Sens|Gov|Rev|Hon|"
    r"Atty|Supt|Insp|Det|St|Mt|Ft|Jr|Sr|Inc|Ltd|Co|Corp|No|vs|etc|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)
# "at 5:45 a.m. ET while …": a clock time's full stop before its time zone ends no sentence.
CLOCK_TIME = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
TIME_ZONE = re.compile(r"(?:[ECMPAH][SD]?T|GMT|UTC|BST|CES?T)\b")
LABEL = re.compile(r"^(?:Question|Answer|Q|A)\s*:\s*")
# Openings that lean on an earlier sentence: out of their article they read as dangling (a pronoun
# with no antecedent, a connective answering nothing, a quotation whose speaker comes later).
DANGLING = re.compile(
    r"^(?:[\"“”‘’'(\[—―–-]|(?:He|She|It|They|We|I|You|This|These|That|Those|His|Her|Its|Their|Our|Him|Them"
    r"|But|However|Meanwhile|Also|And|Or|So|Yet|Still|Instead|Moreover|Furthermore|Besides|Nonetheless"
    r"|Nevertheless|Then|Thus|Therefore|Hence|Otherwise|Indeed|Likewise|Similarly|Additionally|Such"
    r"|Later|Earlier|Afterwards|Again|Even so|In addition|In turn|As a result|At the same time|By contrast"
    r"|On the other hand|The former|The latter|Both|Neither|Either|Another|Others|Other)\b)"
)
# A dateline the wire put before the lead ("PARIS (AP) —", "LONDON, March 3 (Reuters) -", "(CNN)"),
# or a label a fact check or live page puts before a sentence ("CLAIM:", "UPDATE:").
# Capital letters of the Latin alphabets, for datelines such as "REYKJAVÍK —" or "ŁÓDŹ —".
CAPS = "A-Z" + "".join(letter for letter in map(chr, range(0xC0, 0x250)) if letter.isupper())
DATELINE = re.compile(
    rf"^(?:[{CAPS}][{CAPS}.'’\-]{{2,}}(?: [{CAPS}.'’\-]+)*(?:,\s*[A-Z][\w.'’\- ]{{1,20}})?"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[^\W\d_]{3,9}\.?)(?:,?\s*\d{4})?)?"
    r"\s*(?:\([A-Z][A-Za-z.&' ]{1,30}\)\s*)?[—―–-]{1,2}\s*|\([A-Z][A-Za-z.&' ]{1,20}\)\s*[—―–-]{0,2}\s*"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([A-Z][A-Za-z.&' ]{1,30}\)\s*[—―–-]{1,2}\s*"
    r"|[A-Z]{3,}(?: [A-Z]{2,}){0,2}:\s+)"
    rf"(?=[\"“‘'{CAPS}0-9])"
)
MARKUP = re.compile(r"<[a-zA-Z/!][^<>]{0,500}>")
# What a page prints around an article that the extractor may let through into a sentence: media
# credits, embeds, share and follow prompts, syndication notes, editors' notes, live-blog furniture.
FURNITURE = re.compile(
    r"pic\.twitter\.com|https?://|www\.|appeared first on"
    r"|related (?:video|coverage|story|stories)"
    r"|^(?:watch|video|photo|photos|image|listen|read more|see also|related|update|updated|editor[’']?s note"
    r"|correction|clarification|advertisement|live|latest)\b\s*[:|—–-]"
    r"|\b(?:click here|sign up|subscribe|follow us|follow him|follow her|all rights reserved|copyright"
    r"|getty images|contributed to this report|reporting by|editing by|writing by|this story has been"
    r"|this article (?:was|has been|originally)|originally published|the views expressed|our newsletter"
    r"|live updates|refresh (?:the|this) page|scroll down|sponsored|newsletter|solely responsible"
    r"|contributed reporting|editor[’']?s note)\b"
    r"|[©®]",
    re.IGNORECASE,
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
        return needs_context(self.text)


def needs_context(text: str) -> bool:
    """Whether a sentence leans on the one before it and reads as dangling on its own."""
    return DANGLING.match(text) is not None


def strip_dateline(text: str) -> str:
    """The sentence without the dateline a wire story opens with, or a label put before it."""
    return DATELINE.sub("", text, count=1)


def strip_markup(text: str) -> str:
    """The sentence without the tags of an embed or a stray element the page left in its text."""
    return " ".join(MARKUP.sub(" ", text).split()) if "<" in text else text


def is_furniture(text: str) -> bool:
    """Whether a sentence is the page's furniture rather than the article's news."""
    return FURNITURE.search(text) is not None


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations ("Jul. 11", "U.S.") and quotations whole."""
    pieces: list[str] = []
    start = 0
    for match in BOUNDARY.finditer(paragraph):
        candidate = paragraph[start : match.start()].strip()
        if ends_no_sentence(candidate, paragraph, match.end()) or inside_quotation(
            paragraph[start : match.end()]
        ):
            continue
        pieces.append(paragraph[start : match.end()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return [piece for piece in pieces if piece]


def ends_no_sentence(before: str, paragraph: str, next_start: int) -> bool:
    """Whether the full stop ending `before` is an abbreviation's, an initial's, or a clock time's
    before its zone (the paragraph goes on at `next_start`), though a capital follows."""
    if ABBREVIATION.search(before):
        return True
    return CLOCK_TIME.search(before) is not None and TIME_ZONE.match(paragraph, next_start) is not None


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
