"""The cleaner for scraped plain text: finds the headline, byline and dates, and keeps the body.

The page is read line by line (see `boilerplate.classify`). The header zone (title, dek,
byline, datelines, summary box) is put aside; the body is the span from the first prose
paragraph after the header to the last prose paragraph before the page turns to its
furniture, and every line inside that span that is not boilerplate is kept, so short
crossheads between paragraphs survive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from storyline.extract import boilerplate as bp
from storyline.extract.boilerplate import Kind
from storyline.extract.dates import find_dates, find_yearless_date
from storyline.extract.outlets import page_site, site_name, site_of_host, site_of_url
from storyline.records import YearlessDate

# How far down the page a headline is looked for, and how far past it a byline.
TITLE_WINDOW = 12
HEADER_WINDOW = 8
MAX_DEK_PARAGRAPHS = 2

# Kinds that are never the article's own words.
BREADCRUMB = re.compile(r"\s[›»>/]\s")
_BYLINE_OR_DATE = {Kind.BYLINE, Kind.DATELINE}
_METADATA = {Kind.BOILERPLATE, Kind.END, Kind.COUNTER, Kind.LABEL, Kind.EMAIL, Kind.DATELINE, Kind.BYLINE}

_SPEECH = (
    r"(?:Regular\s+Press\s+Conference|Press\s+Conference|Response|Remarks|Statement|Reply|Answers?|"
    r"Comments?|Message|Speech|Address|Interview|Briefing|Op-Ed|Article)"
)
_LINK = r"(?:to|on|at|regarding|about|concerning|with|for|following|after|in)"
# "<Speaker>'s Response to ..." and "Statement by <Speaker> on ...": an official text's speaker.
_SPEAKER_PATTERNS = (
    re.compile(rf"^(?P<speaker>[A-Z][^']{{2,150}}?)'s\s+(?:\w+\s+){{0,2}}?{_SPEECH}\s+{_LINK}\b"),
    re.compile(rf"^{_SPEECH}\s+(?:by|of|from)\s+(?P<speaker>(?:the\s+)?[A-Z].{{2,150}}?)\s+{_LINK}\s"),
)
# "Publisher: …", "Site name: …", "URL: …": a scraper's or a page's label of its own site.
_SITE_LABEL = re.compile(
    r"^(?:site\s?name|site|web\s?site|publisher|publication|outlet|url|permalink|"
    r"(?:source|canonical|original)\s+(?:url|link|address)|canonical)\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
# A line that is only an address (with its scheme, or starting "www."): the page's own, when it stands
# outside the body; a link elsewhere comes with words ("Read more: …").
_ADDRESS_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
MAX_OUTLET_WORDS = 6
_COPYRIGHT_OWNER = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:[0-9]{4}(?:\s*[-–]\s*[0-9]{4})?)?\s*,?\s*"
    r"(?P<owner>(?:[^.|,;]|\.(?=\w))+?)\s*(?:\.(?!\w)|[|,;]|all rights|$)",  # "Example.com" keeps its dot
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PageText:
    """What a reader (the plain-text cleaner or the HTML reader) reads out of one page."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None  # the HTML reader's canonical address; plain text never gives one
    published: datetime | None = None
    updated: datetime | None = None
    yearless_date: YearlessDate | None = None
    dropped: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def clean_text(payload: str, title_hint: str | None = None) -> PageText:
    """Read a scraped page of plain text: its metadata and the article's own paragraphs."""
    lines = [line.strip() for line in payload.splitlines()]
    kinds = [bp.classify(line) for line in lines]
    title_index = find_title(lines, kinds, title_hint)
    if title_index is not None:
        mark_repeated_title(lines, kinds, title_index)
        mark_split_bylines(lines, kinds, title_index)
    header_end = find_header_end(kinds, title_index)
    body = select_body(lines, kinds, header_end)
    start = body[0] if body else len(lines)
    header = range(start)
    published, updated = find_header_dates(lines, kinds, header)
    title = lines[title_index] if title_index is not None else title_hint
    paragraphs = tuple(lines[index] for index in body)
    kept = set(body)
    return PageText(
        paragraphs=paragraphs,
        title=title,
        author=find_author(lines, kinds, header, body, title),
        outlet=find_outlet(lines, kinds, kept),
        published=published,
        updated=updated,
        yearless_date=None if published else find_yearless_date("\n\n".join(paragraphs)),
        dropped=tuple(
            line for index, line in enumerate(lines) if line and index != title_index and index not in kept
        ),
    )


def find_title(lines: list[str], kinds: list[Kind], hint: str | None) -> int | None:
    """The index of the headline line: the first headline-shaped line near the top."""
    if hint:
        wanted = bp.normalise(hint).lower()
        for index, line in enumerate(lines[: TITLE_WINDOW * 3]):
            if line and bp.normalise(line).lower() == wanted:
                return index
        # The container's title is not on the page: the page's own headline still heads it.
    candidates = title_candidates(lines, kinds)
    if not candidates:
        return None
    # A headline stands right above its byline or dateline; what heads the page before it is a masthead
    # or a breadcrumb, so prefer lines that are neither all capitals nor "Section › Subsection".
    meta = next((i for i in range(candidates[0], len(kinds)) if kinds[i] in _BYLINE_OR_DATE), len(kinds))
    pool = [i for i in candidates if i < meta] or candidates
    worded = [i for i in pool if not lines[i].isupper() and not BREADCRUMB.search(lines[i])]
    return (worded or pool)[0]


def title_candidates(lines: list[str], kinds: list[Kind]) -> list[int]:
    """Headline-shaped lines among the first content lines, past menus, datelines and labels,
    up to the first line of prose: a page that opens with a paragraph has no title of its own."""
    candidates = []
    for i in [i for i, kind in enumerate(kinds) if kind is not Kind.BLANK][:TITLE_WINDOW]:
        if kinds[i] in _METADATA or kinds[i] is Kind.BULLET:
            continue
        if not is_headline(lines[i]):
            break
        candidates.append(i)
    return candidates


def is_headline(line: str) -> bool:
    """Headline-shaped: a short line that is not a paragraph of prose."""
    text = bp.normalise(line)
    words = bp.count_words(text)
    if not 2 <= words <= 30:
        return False
    if text.endswith("."):
        return words <= 12  # a headline rarely ends in a full stop; a first paragraph does
    return True


def mark_repeated_title(lines: list[str], kinds: list[Kind], title_index: int) -> None:
    """A title printed twice is boilerplate the second time."""
    title = bp.normalise(lines[title_index]).lower()
    for index, line in enumerate(lines):
        if index != title_index and line and bp.normalise(line).lower() == title:
            kinds[index] = Kind.BOILERPLATE


def mark_split_bylines(lines: list[str], kinds: list[Kind], title_index: int) -> None:
    """A name on its own line under the title, above a role line or a dateline, is a byline."""
    content = [i for i in range(title_index + 1, len(lines)) if kinds[i] is not Kind.BLANK][:HEADER_WINDOW]
    for index, following in pairwise(content):
        if kinds[index] is not Kind.TEXT or not bp.looks_like_name(bp.normalise(lines[index])):
            continue
        if bp.is_role_line(lines[following]) or kinds[following] is Kind.DATELINE:
            kinds[index] = Kind.BYLINE
            if kinds[following] is Kind.TEXT:
                kinds[following] = Kind.LABEL  # the role: header, not text
            return


def find_header_end(kinds: list[Kind], title_index: int | None) -> int:
    """The last byline or dateline just below the title: a dek above it is header, not body."""
    begin = title_index + 1 if title_index is not None else 0
    header_end = begin - 1
    prose_seen = seen = 0
    for index in range(begin, len(kinds)):
        kind = kinds[index]
        if kind is Kind.BLANK:
            continue
        seen += 1
        if kind in (Kind.BYLINE, Kind.DATELINE):
            header_end = index
        elif kind is Kind.PROSE:
            prose_seen += 1
        if prose_seen > MAX_DEK_PARAGRAPHS or seen >= HEADER_WINDOW:
            break
    return header_end


def select_body(lines: list[str], kinds: list[Kind], header_end: int) -> list[int]:
    """Indices of the body's lines: first to last prose paragraph, less the boilerplate inside."""
    start = next((i for i in range(header_end + 1, len(kinds)) if kinds[i] is Kind.PROSE), None)
    if start is None:
        # No sentence-like paragraph at all (a page of short lines): keep its plain text lines.
        return [i for i in range(header_end + 1, len(kinds)) if kinds[i] is Kind.TEXT]
    stop = next((i for i in range(start + 1, len(kinds)) if _ends_article(kinds[i])), len(kinds))
    end = max(i for i in range(start, stop) if kinds[i] is Kind.PROSE)
    end = extend_over_short_sentences(lines, kinds, end, stop)
    return [i for i in range(start, end + 1) if _is_body_line(lines[i], kinds[i])]


def extend_over_short_sentences(lines: list[str], kinds: list[Kind], end: int, stop: int) -> int:
    """Take in short closing sentences ("He declined to comment.") that are too short to be prose."""
    for index in range(end + 1, stop):
        if kinds[index] is Kind.BLANK:
            continue
        if kinds[index] is not Kind.TEXT or not bp.is_sentence(lines[index]):
            break
        end = index
    return end


def _is_body_line(line: str, kind: Kind) -> bool:
    # Inside the body, a bulleted clause is part of the text; a bulleted headline is a teaser.
    return kind in (Kind.PROSE, Kind.TEXT) or (kind is Kind.BULLET and bp.is_list_item(line))


def _ends_article(kind: Kind) -> bool:
    # A sign-off e-mail or a "You may also like" heading: the article is over.
    return kind in (Kind.EMAIL, Kind.END)


def find_header_dates(
    lines: list[str], kinds: list[Kind], header: range
) -> tuple[datetime | None, datetime | None]:
    """(published, updated): the earliest and latest dates of the datelines and bylines above the body."""
    found = []
    for index in header:
        if kinds[index] is Kind.DATELINE:
            found += [item.value for item in bp.dateline_dates(lines[index])]
        elif kinds[index] is Kind.BYLINE:
            found += [item.value for item in find_dates(bp.normalise(lines[index]))]
    if not found:
        return None, None
    published, latest = min(found), max(found)
    return published, latest if latest > published else None


def find_author(
    lines: list[str], kinds: list[Kind], header: range, body: list[int], title: str | None
) -> str | None:
    """The byline's name, else the sign-off's, else the speaker of an official statement's title."""
    for index in header:
        if kinds[index] is Kind.BYLINE:
            name = bp.byline_name(lines[index]) or _bare_name(lines[index])
            if name:
                return name
    after_body = body[-1] + 1 if body else len(lines)
    signed = find_sign_off(lines, kinds, after_body)
    if signed:
        return signed
    return find_speaker(title) if title else None


def _bare_name(line: str) -> str | None:
    # A byline split over lines: the name stands alone, its role on the next line.
    text = bp.normalise(line)
    return text if bp.looks_like_name(text) else None


def find_sign_off(lines: list[str], kinds: list[Kind], begin: int) -> str | None:
    """A name signed under the article, beside or just above an e-mail address."""
    for index in range(begin, len(lines)):
        if kinds[index] is not Kind.EMAIL:
            continue
        text = bp.normalise(lines[index])
        before_address = bp.EMAIL.sub("", text).strip(" ,;:|-–—()<>")
        if bp.looks_like_name(before_address):
            return before_address
        previous = next((i for i in range(index - 1, begin - 1, -1) if kinds[i] is not Kind.BLANK), None)
        if previous is not None and bp.looks_like_name(bp.normalise(lines[previous])):
            return bp.normalise(lines[previous])
        return None
    return None


def find_speaker(title: str) -> str | None:
    """The speaker of "<Speaker>'s Response to ..." or "Statement by <Speaker> on ..."."""
    straight = bp.normalise(title)
    for pattern in _SPEAKER_PATTERNS:
        match = pattern.match(straight)
        if match and bp.count_words(match.group("speaker")) <= 12:
            return _original_span(title, match.group("speaker"))
    return None


def _original_span(original: str, normalised_part: str) -> str:
    # Give the words as the page prints them (curly apostrophes and all) when they line up.
    start = bp.normalise(original).find(normalised_part)
    if bp.normalise(original) == original.translate(bp.QUOTES) and start >= 0:
        return original[start : start + len(normalised_part)]
    return normalised_part


def find_outlet(lines: list[str], kinds: list[Kind], body: set[int]) -> str | None:
    """The outlet the page names outside the body, on the first line that names one: an e-mail's
    domain in a byline or sign-off, a copyright owner, a labelled site name or address
    ("Publisher: …", "URL: …"), or a line that is nothing but an address."""
    for index, line in enumerate(lines):
        if index in body or not line:
            continue
        outlet = outlet_of_line(bp.normalise(line), kinds[index])
        if outlet:
            return outlet
    return None


def outlet_of_line(text: str, kind: Kind) -> str | None:
    """The outlet one line outside the body names, if any."""
    if kind in (Kind.EMAIL, Kind.BYLINE):
        domain = bp.email_domain(text)
        if domain:
            return site_of_host(domain)
    copyright_owner = _COPYRIGHT_OWNER.match(text)
    if copyright_owner and 1 <= bp.count_words(copyright_owner.group("owner")) <= MAX_OUTLET_WORDS:
        return site_name(copyright_owner.group("owner").strip())
    labelled = _SITE_LABEL.match(text)
    if labelled:
        value = labelled.group("value")
        if site_of_url(value):  # an address: the site's, unless it is a profile on a social site
            return page_site(value)
        return value if _is_site_name(value) else None
    address = _ADDRESS_LINE.match(text)
    return page_site(address.group(0)) if address else None


def _is_site_name(text: str) -> bool:
    # A name, not a sentence: a few words with no full stop at the end.
    return 1 <= bp.count_words(text) <= MAX_OUTLET_WORDS and not text.endswith(".")
