"""Ingest: turn files and folders of scraped pages into `RawDocument`s.

Reads plain text, HTML (optionally gzipped), JSONL, RSS/Atom feeds and WARC archives.
Damage to a container (a truncated gzip or WARC, a malformed feed, a binary or empty
file) fails the whole file: it yields one `IngestFailure` and none of its documents.
A bad item inside an intact container (a JSONL line, a feed entry, a WARC record)
fails only that item, named `path#L7`, `path#<entry id>` or `path#<record id>`.
"""

from __future__ import annotations

import codecs
import email.utils
import errno
import gzip
import html
import io
import json
import os
import re
import time
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from storyline.errors import (
    E_BINARY,
    E_EMPTY,
    E_LINK_LOOP,
    E_TOO_LARGE,
    E_UNDECODABLE,
    RAISE_MAX_BYTES,
    InputError,
    printable,
)
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.records import DocumentKind, RawDocument

Format = Literal["text", "html", "jsonl", "feed", "warc"]

# Extension (after an optional ".gz") -> the format it claims; sniffing may overrule it.
EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}
GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
BINARY_MAGICS = (
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"RIFF",
    b"OggS",
)
WARC_HEADER_END = re.compile(rb"\r?\n\r?\n")
WARC_CONTENT_LENGTH = re.compile(rb"\ncontent-length:[ \t]*(\d+)", re.IGNORECASE)
FEED_END = re.compile(rb"</(rss|feed|rdf:rdf)\s*>", re.IGNORECASE)
ENTITY_REFERENCE = re.compile(r"&#?\w+;?")
MARKUP_TAG = re.compile(r"<[^>]*>")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# feedparser spends about 0.14 ms on each tag in an entry (its sanitiser parses the HTML again, escaped
# or not), so a hostile feed of a million tags would take hours: no real feed comes near this many.
MAX_FEED_TAGS = 50_000
SNIFF_BYTES = 8192
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
# Share of non-ASCII characters above which a cp1252 reading is taken to be noise, not prose.
CP1252_MAX_NON_ASCII = 0.25


@dataclass(frozen=True)
class IngestFailure:
    """One bad file or record, with a one-line reason naming it."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{printable(self.source)}: {printable(self.reason)}"

    @classmethod
    def from_error(cls, error: InputError) -> IngestFailure:
        return cls(error.source, one_line(error.reason))


class IngestRun(Iterator[RawDocument | IngestFailure]):
    """The documents and failures of a set of paths, with the files found and skipped.

    The file list is built when the run is created (so a missing path raises at once);
    files are read lazily, one at a time, as the run is iterated.
    """

    def __init__(self, files: list[Path], skipped: list[Path], options: Options) -> None:
        self.files = files
        self.skipped = skipped  # files with an extension Storyline does not read (README.md, gold.json)
        self.options = options
        self._items = (item for path in files for item in read_file(path, options))

    def __next__(self) -> RawDocument | IngestFailure:
        return next(self._items)


def ingest_paths(paths: Iterable[str | Path], options: Options = DEFAULT_OPTIONS) -> IngestRun:
    """Every document under `paths`, in a deterministic order, with one failure per bad file or item.

    Failures are always yielded, whatever `options.on_error` says: the caller applies that
    policy (the pipeline records, reports or raises them). A path that does not exist raises
    InputError at once.
    """
    files, skipped = find_files(paths)
    return IngestRun(files, skipped, options)


def find_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """The readable files under `paths` (sorted folder walks) and the ones skipped for their extension.

    The paths are taken in sorted order, not the order given: what a run stores depends on the order it
    reads pages in (an outlet's first page keeps its template, the first of two copies is the original),
    and the same files must give the same store however the command line lists them.
    """
    files: list[Path] = []
    skipped: list[Path] = []
    seen: set[Path] = set()
    for given in sorted(paths, key=str):
        path = Path(given)
        if not os.path.lexists(path):
            raise InputError(str(path), "no such file or folder")
        candidates = walk_folder(path) if path.is_dir() else [path]
        for candidate in candidates:
            resolved = file_identity(candidate)
            if resolved in seen:  # the same file named twice ("samples samples/a.txt")
                continue
            seen.add(resolved)
            (files if claimed_format(candidate) else skipped).append(candidate)
    return files, skipped


def file_identity(path: Path) -> Path:
    """The file a path leads to, so a file named twice is read once."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop (RuntimeError before Python 3.13)
        return path.absolute()  # leads nowhere: it stays in the list, for reading to name it


def walk_folder(folder: Path) -> Iterator[Path]:
    """Files under `folder`, sorted by name at every level, hidden files and folders left out."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(root) / name


def claimed_format(path: Path) -> Format | None:
    """The format a file's extension claims, or None for extensions Storyline does not read."""
    name = path.name.lower()
    name = name.removesuffix(".gz")
    return EXTENSIONS.get(Path(name).suffix)


def ingest_file(path: Path, options: Options = DEFAULT_OPTIONS) -> list[RawDocument]:
    """The documents of one file; raises InputError for a bad file.

    A bad item inside the file (a JSONL line, a feed entry, a WARC record) is dropped,
    unless `options.on_error` is "raise"; use `read_file` to see those failures.
    """
    documents = []
    for item in read_file(path, options, raise_file_errors=True):
        if isinstance(item, RawDocument):
            documents.append(item)
        elif options.on_error == "raise":
            raise InputError(item.source, item.reason)
    return documents


def read_file(
    path: Path, options: Options = DEFAULT_OPTIONS, raise_file_errors: bool = False
) -> list[RawDocument | IngestFailure]:
    """The documents and item failures of one file; a bad file gives a single failure instead."""
    path = Path(path)
    try:
        return parse_file(path, options)
    except InputError as error:
        if raise_file_errors:
            raise
        return [IngestFailure.from_error(error)]


def parse_file(path: Path, options: Options) -> list[RawDocument | IngestFailure]:
    source = str(path)
    data = read_bytes(path, options)
    kind = detect_format(path, data)
    if kind == "warc":
        return parse_warc(source, data)
    check_text_bytes(source, data)
    if kind == "jsonl":
        return parse_jsonl(source, data)
    if kind == "feed":
        return parse_feed(source, data)
    text = decode_bytes(source, data, find_declared_charset(data) if kind == "html" else None)
    check_not_blank(source, text)  # as text too: bytes know no \x1c-\x1f or no-break space as space
    return [RawDocument(source=source, payload=text, kind=kind)]


def read_bytes(path: Path, options: Options) -> bytes:
    """The file's bytes, gunzipped if gzipped, within `options.max_bytes`."""
    source = str(path)
    try:
        size = path.stat().st_size
        # Checked before reading so a huge file costs nothing.
        if size > options.max_bytes:
            raise InputError(source, E_TOO_LARGE.format(size=size, limit=options.max_bytes))
        data = path.read_bytes()
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(source, E_LINK_LOOP) from error
        raise InputError(source, f"cannot read the file ({error.strerror or error})") from error
    check_not_blank(source, data)
    if data.startswith(GZIP_MAGIC):
        data = gunzip(source, data, options.max_bytes, RAISE_MAX_BYTES)
        check_not_blank(source, data)
    return data


def check_not_blank(source: str, data: bytes | str) -> None:
    """Refuse a file of nothing but space (and a byte-order mark), as bytes or as decoded text."""
    mark = codecs.BOM_UTF8 if isinstance(data, bytes) else "\ufeff"
    if not data.removeprefix(mark).strip():
        raise InputError(source, E_EMPTY)


def gunzip(source: str, data: bytes, limit: int, advice: str = "") -> bytes:
    """Decompress a gzip stream (all members), refusing truncation and decompression bombs.

    `advice` says how to raise the limit where the user can (a file's, not a fetched page's).
    """
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            unpacked = stream.read(limit + 1)
    except EOFError as error:
        raise InputError(source, "the gzip stream is truncated (the file ends mid-stream)") from error
    except (OSError, zlib.error) as error:
        raise InputError(source, f"the gzip stream is corrupt ({one_line(str(error))})") from error
    if len(unpacked) > limit:
        raise InputError(source, f"the file unpacks to over the {limit:,}-byte limit{advice}")
    return unpacked


def detect_format(path: Path, data: bytes) -> Format:
    """The file's real format: content that is unmistakable (WARC, a feed, HTML) beats the extension."""
    claimed = claimed_format(path) or "text"
    if data.startswith(WARC_MAGIC):
        return "warc"
    if claimed == "warc":
        check_text_bytes(str(path), data)
        raise InputError(str(path), "not a WARC archive: it does not start with a 'WARC/1.x' header")
    if claimed == "jsonl":  # JSON lines may hold HTML strings; never sniff them as markup
        return "jsonl"
    return sniff_markup(data) or claimed


def sniff_markup(data: bytes) -> Literal["feed", "html"] | None:
    """'feed' or 'html' when the bytes start like one, else None."""
    head = data[:SNIFF_BYTES].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if not head.startswith(b"<"):
        return None
    looks_html = b"<html" in head or re.match(rb"<(!doctype html|head|body|meta|title|div|p|article)\b", head)
    if not looks_html and re.search(rb"<(rss|feed|rdf:rdf)\b", head):
        return "feed"
    return "html" if looks_html else None


def check_text_bytes(source: str, data: bytes) -> None:
    """Refuse binary content before any text parser sees it."""
    if b"\x00" in data[:SNIFF_BYTES] or data.startswith(BINARY_MAGICS):
        raise InputError(source, E_BINARY)


# --- decoding ---------------------------------------------------------------------------------


def decode_bytes(source: str, data: bytes, declared: str | None = None) -> str:
    """UTF-8 (BOM or not), else the declared charset, else cp1252 if it reads as prose."""
    for charset in ("utf-8-sig", normalise_charset(declared)):
        if charset:
            try:
                return data.decode(charset)
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and is_plausible_text(text):
        return text
    raise InputError(source, E_UNDECODABLE)


def normalise_charset(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None if unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # As browsers do (WHATWG): Latin-1 and ASCII labels mean cp1252, and a UTF-16/32 label on
    # ASCII-compatible bytes is a lie that would turn the page into CJK noise.
    if codec.startswith(("utf-16", "utf-32")):
        return None
    return "cp1252" if codec in ("iso8859-1", "ascii") else codec


def find_declared_charset(data: bytes) -> str | None:
    """The charset an HTML <meta> or XML declaration names in the first bytes."""
    head = data[:SNIFF_BYTES]
    match = re.search(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", head, re.IGNORECASE)
    match = match or re.search(rb"<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", head, re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def is_plausible_text(text: str) -> bool:
    """True when a cp1252 reading looks like prose: no control characters, mostly ASCII."""
    if any(unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v" for char in text):
        return False
    non_ascii = sum(1 for char in text if ord(char) > 127)
    return non_ascii <= CP1252_MAX_NON_ASCII * len(text)


# --- dates ---------------------------------------------------------------------------------------


def parse_date(value: Any) -> datetime | None:
    """An aware datetime from ISO 8601 or RFC 2822 text (UTC when no zone is given), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def struct_to_datetime(value: time.struct_time | None) -> datetime | None:
    """feedparser's parsed dates are UTC struct_times."""
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


# --- JSONL ---------------------------------------------------------------------------------------


def parse_jsonl(source: str, data: bytes) -> list[RawDocument | IngestFailure]:
    """One document per line; a bad line is a failure of that line only."""
    text = decode_bytes(source, data)
    items: list[RawDocument | IngestFailure] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            line_source = f"{source}#L{number}"
            try:
                items.append(parse_jsonl_line(line_source, line))
            except InputError as error:
                items.append(IngestFailure.from_error(error))
    return items


def parse_jsonl_line(source: str, line: str) -> RawDocument:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as error:
        raise InputError(source, f"the line is not JSON ({one_line(str(error))})") from error
    return parse_record(source, record)


def parse_record(source: str, record: Any) -> RawDocument:
    """An article given as a JSON object (a JSONL line, or a body posted to the API)."""
    if not isinstance(record, dict):
        raise InputError(source, f"the record is JSON but not an object (found {type(record).__name__})")
    kind, payload = jsonl_payload(source, record)
    fields = {name: optional_string(source, record, name) for name in ("url", "title", "author", "outlet")}
    published = parse_date(optional_string(source, record, "published"))
    return RawDocument(source=source, payload=payload, kind=kind, published=published, **fields)


def jsonl_payload(source: str, record: dict[str, Any]) -> tuple[DocumentKind, str]:
    """The record's HTML (preferred: the extractor cleans it best) or its text."""
    for field, kind in (("html", "html"), ("text", "text")):
        value = record.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(source, f"'{field}' must be a string, not {type(value).__name__}")
        if value.strip():
            return kind, replace_surrogates(value)
    raise InputError(source, "the record has neither a non-empty 'text' nor 'html' field")


def optional_string(source: str, record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return replace_surrogates(value) if value else None
    raise InputError(source, f"'{name}' must be a string, not {type(value).__name__}")


def replace_surrogates(text: str) -> str:
    """JSON may escape half a UTF-16 pair ("\\ud800"); no encoder can write one, so it reads as U+FFFD."""
    return LONE_SURROGATE.sub("\ufffd", text)


# --- feeds ---------------------------------------------------------------------------------------


def parse_feed(source: str, data: bytes) -> list[RawDocument | IngestFailure]:
    """Each RSS/Atom entry's content (or summary) as an HTML document."""
    import feedparser  # imported late: it is slow to import and only feeds need it

    check_feed_tags(source, data)
    try:
        # A stream, never a str: feedparser would fetch a str that looks like a URL.
        feed = feedparser.parse(io.BytesIO(data))
    except Exception as error:  # feedparser's failure modes are many and undocumented
        raise InputError(source, f"the feed cannot be parsed ({one_line(str(error))})") from error
    if feed.get("bozo") and not FEED_END.search(data[-SNIFF_BYTES:]):
        # feedparser's loose parser reads a cut feed as far as it goes: refuse the half.
        raise InputError(source, "malformed feed: it is truncated (no closing </rss> or </feed> tag)")
    if not feed.entries:
        problem = feed.get("bozo_exception") if feed.get("bozo") else "it has no entries"
        raise InputError(source, f"malformed feed: {one_line(str(problem))}")
    outlet = words_or_none(feed.feed.get("title"))
    items: list[RawDocument | IngestFailure] = []
    for number, entry in enumerate(feed.entries, start=1):
        entry_source = f"{source}#{entry.get('id') or number}"
        try:
            items.append(parse_feed_entry(entry_source, entry, outlet))
        except InputError as error:
            items.append(IngestFailure.from_error(error))
    check_some_entry_read(source, items)
    return items


def check_some_entry_read(source: str, items: list[RawDocument | IngestFailure]) -> None:
    """A feed none of whose entries holds text is a bad feed, not a list of bad entries."""
    if not any(isinstance(item, RawDocument) for item in items):
        first = items[0].reason if isinstance(items[0], IngestFailure) else ""
        raise InputError(source, f"malformed feed: none of its {len(items)} entries holds text ({first})")


def holds_words(value: str | None) -> bool:
    """Whether a feed field holds words, not only markup and the entity references feedparser leaves.

    feedparser expands no entity a feed declares itself (which keeps a billion-laughs feed harmless),
    so such a feed's text reads "&lol9;": a field of nothing else is as good as empty.
    """
    if not value:
        return False
    plain = ENTITY_REFERENCE.sub(" ", MARKUP_TAG.sub(" ", html.unescape(value)))
    return any(character.isalnum() for character in plain)


def words_or_none(value: str | None) -> str | None:
    return value if holds_words(value) else None


def check_feed_tags(source: str, data: bytes) -> None:
    tags = data.count(b"<") + data.count(b"&lt;")
    if tags > MAX_FEED_TAGS:
        raise InputError(
            source, f"the feed holds {tags:,} tags, too many to parse (the limit is {MAX_FEED_TAGS:,})"
        )


def parse_feed_entry(source: str, entry: Any, outlet: str | None) -> RawDocument:
    content = entry.get("content") or []
    # feedparser gives None, not "", for an element it could not finish (an unclosed CDATA section).
    body = next((part for part in content if holds_words(part.get("value"))), None)
    if body is None and holds_words(entry.get("summary")):
        body = entry.get("summary_detail") or {"value": entry.summary, "type": "text/html"}
    if body is None:
        raise InputError(
            source, "the feed entry has neither content nor a summary with words (only markup or entities)"
        )
    kind: DocumentKind = "text" if body.get("type") == "text/plain" else "html"
    published = struct_to_datetime(entry.get("published_parsed") or entry.get("updated_parsed"))
    return RawDocument(
        source=source,
        payload=body["value"],
        kind=kind,
        url=entry.get("link") or None,
        title=words_or_none(entry.get("title")),
        author=entry.get("author") or None,
        outlet=outlet,
        published=published,
    )


# --- WARC ----------------------------------------------------------------------------------------


def parse_warc(source: str, data: bytes) -> list[RawDocument | IngestFailure]:
    """Each HTML `response` record (2xx) of an uncompressed WARC stream."""
    from warcio.archiveiterator import ArchiveIterator  # imported late: only WARCs need it

    check_warc_framing(source, data)
    items: list[RawDocument | IngestFailure] = []
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if is_html_response(record):
                items.append(parse_warc_record(source, record))
    except Exception as error:  # warcio raises assorted errors on damaged archives
        raise InputError(source, f"the WARC archive is damaged ({one_line(str(error))})") from error
    if not items:
        raise InputError(source, "the WARC archive holds no HTML response records")
    return items


def check_warc_framing(source: str, data: bytes) -> None:
    """Walk the record headers' Content-Lengths to the end, so truncation fails the whole file.

    warcio itself stops quietly at a cut record, which would yield half an archive.
    """
    position = 0
    while position < len(data):
        if not data.startswith(WARC_MAGIC, position):
            raise InputError(source, f"the WARC archive is malformed at byte {position:,} (no WARC header)")
        blank_line = WARC_HEADER_END.search(data, position)
        if not blank_line:
            raise InputError(source, "the WARC archive is truncated (a record header is cut off)")
        length = WARC_CONTENT_LENGTH.search(data, position, blank_line.start())
        if not length:
            raise InputError(source, f"the WARC record at byte {position:,} has no Content-Length")
        position = blank_line.end() + int(length.group(1))
        if position > len(data):
            raise InputError(source, "the WARC archive is truncated (the last record is cut off)")
        position = skip_whitespace(data, position)


def skip_whitespace(data: bytes, position: int) -> int:
    while position < len(data) and data[position] in b"\r\n \t":
        position += 1
    return position


def is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(HTML_CONTENT_TYPES)


def parse_warc_record(source: str, record: Any) -> RawDocument | IngestFailure:
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    record_source = f"{source}#{record_id or record.rec_headers.get_header('WARC-Target-URI')}"
    body = record.content_stream().read()
    try:
        if not body.strip():
            raise InputError(record_source, "the HTTP response body is empty")
        check_text_bytes(record_source, body)
        declared = charset_of(record.http_headers.get_header("Content-Type")) or find_declared_charset(body)
        payload = decode_bytes(record_source, body, declared)
    except InputError as error:
        return IngestFailure.from_error(error)
    return RawDocument(
        source=record_source,
        payload=payload,
        kind="html",
        url=record.rec_headers.get_header("WARC-Target-URI"),
        published=warc_published(record),
    )


def charset_of(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def warc_published(record: Any) -> datetime | None:
    """The server's Last-Modified if given, else the crawl date (the page's own date, found later, wins)."""
    last_modified = parse_date(record.http_headers.get_header("Last-Modified"))
    return last_modified or parse_date(record.rec_headers.get_header("WARC-Date"))


def one_line(text: str) -> str:
    """Reasons are printed one per line, whatever a library's message held."""
    return " ".join(text.split()) or "unknown error"
