"""The story store: one SQLite file in WAL mode, with versioned schema migrations.

Each ingested page is written with its clean article in one transaction, so a crash mid-ingest
leaves either the whole page or nothing of it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from storyline.errors import NotFoundError, StoreError
from storyline.records import (
    Analysis,
    Article,
    Entity,
    Event,
    Quote,
    RawDocument,
    Storyline,
    YearlessDate,
    content_hash,
)

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE raw_documents (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,
        url TEXT, title TEXT, author TEXT, outlet TEXT, published TEXT, ingested_at TEXT NOT NULL
    );
    CREATE TABLE sources (source TEXT PRIMARY KEY, raw_id TEXT NOT NULL REFERENCES raw_documents(id));
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, raw_id TEXT NOT NULL UNIQUE REFERENCES raw_documents(id),
        source TEXT NOT NULL, url TEXT, outlet TEXT, title TEXT, author TEXT,
        published TEXT, updated TEXT, published_inferred INTEGER NOT NULL DEFAULT 0,
        yearless_date TEXT, language TEXT, text TEXT NOT NULL, text_hash TEXT NOT NULL,
        duplicate_of TEXT REFERENCES articles(id), minhash BLOB, embedding BLOB,
        event_id TEXT, analysed INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_text_hash ON articles(text_hash);
    CREATE INDEX articles_event ON articles(event_id);
    CREATE TABLE dropped_lines (
        article_id TEXT NOT NULL REFERENCES articles(id), position INTEGER NOT NULL, line TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    );
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id), name TEXT NOT NULL, label TEXT NOT NULL,
        count INTEGER NOT NULL, PRIMARY KEY (article_id, name, label)
    );
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id), position INTEGER NOT NULL,
        speaker TEXT, speaker_mention TEXT, text TEXT NOT NULL, cue TEXT NOT NULL, kind TEXT NOT NULL,
        spans TEXT NOT NULL, PRIMARY KEY (article_id, position)
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY, storyline_id TEXT, start TEXT, end TEXT, article_ids TEXT NOT NULL
    );
    CREATE TABLE storylines (id TEXT PRIMARY KEY, headline TEXT NOT NULL, event_ids TEXT NOT NULL);
    CREATE TABLE briefs (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, body TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE TABLE failures (source TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
    """,
    # 2: full-text search over titles and clean text
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        article_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts SELECT id, COALESCE(title, ''), text FROM articles;
    CREATE INDEX entities_name ON entities(name);
    CREATE INDEX quotes_speaker ON quotes(speaker);
    """,
    # 3: a small listing of each brief, so lists of stories need not read whole briefs
    """
    ALTER TABLE briefs ADD COLUMN listing TEXT;
    CREATE INDEX briefs_kind ON briefs(kind);
    UPDATE briefs SET listing = json_object(
        'id', id, 'headline', json_extract(body, '$.headline'), 'start', json_extract(body, '$.start'),
        'end', json_extract(body, '$.end'), 'storyline', json_extract(body, '$.storyline'),
        'sources', COALESCE(json_array_length(body, '$.sources'), 0),
        'outlets', (SELECT COUNT(DISTINCT json_extract(value, '$.outlet')) FROM json_each(body, '$.sources')),
        'events', COALESCE(json_array_length(body, '$.events'), 0)
    );
    """,
)
# What FTS5 reads as operators; user queries are searched as plain words instead.
SEARCH_WORD = re.compile(r"\w+")

ARTICLE_COLUMNS = (
    "id, raw_id, source, url, outlet, title, author, published, updated, published_inferred, "
    "yearless_date, language, text"
)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _datetime(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _yearless_to_text(value: YearlessDate | None) -> str | None:
    return json.dumps([value.month, value.day, value.weekday]) if value else None


def _yearless_from_text(text: str | None) -> YearlessDate | None:
    return YearlessDate(*json.loads(text)) if text else None


class Store:
    """All reads and writes of the story store. Use `open_store` to get one."""

    def __init__(self, connection: sqlite3.Connection, db_path: str) -> None:
        self.db = connection
        self.db_path = db_path

    # -- lifecycle -------------------------------------------------------------------------------

    def migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                f"the store is at schema version {version}, newer than this Storyline knows "
                f"({len(MIGRATIONS)}): upgrade Storyline to open it"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                for statement in script.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: what the block writes is committed together or not at all."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    # -- ingest ------------------------------------------------------------------------------------

    def has_raw(self, raw_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM raw_documents WHERE id = ?", (raw_id,)).fetchone() is not None

    def add_source(self, source: str, raw_id: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR IGNORE INTO sources VALUES (?, ?)", (source, raw_id))

    def save_article(
        self, raw: RawDocument, article: Article, near_original: str | None, minhash: bytes
    ) -> tuple[bool, str | None]:
        """The raw page, its clean article and its dropped lines, in one transaction.

        Returns whether it was stored (another process may have stored the same page meanwhile) and
        the original it copies: an exact copy's, looked up inside the transaction, else `near_original`.
        """
        with self.transaction():
            if self.has_raw(raw.id):
                self.db.execute("INSERT OR IGNORE INTO sources VALUES (?, ?)", (raw.source, raw.id))
                return False, None
            duplicate_of = self.article_by_text_hash(content_hash(article.text)) or near_original
            self._insert_raw(raw)
            self._insert_article(article, duplicate_of, minhash)
            self.db.executemany(
                "INSERT INTO dropped_lines VALUES (?, ?, ?)",
                [(article.id, position, line) for position, line in enumerate(article.dropped)],
            )
        return True, duplicate_of

    def _insert_raw(self, raw: RawDocument) -> None:
        self.db.execute(
            "INSERT INTO raw_documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                raw.id,
                raw.source,
                raw.kind,
                raw.payload,
                raw.url,
                raw.title,
                raw.author,
                raw.outlet,
                _iso(raw.published),
                _now(),
            ),
        )
        self.db.execute("INSERT OR IGNORE INTO sources VALUES (?, ?)", (raw.source, raw.id))

    def _insert_article(self, article: Article, duplicate_of: str | None, minhash: bytes) -> None:
        self.db.execute(
            f"INSERT INTO articles ({ARTICLE_COLUMNS}, text_hash, duplicate_of, minhash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.raw_id,
                article.source,
                article.url,
                article.outlet,
                article.title,
                article.author,
                _iso(article.published),
                _iso(article.updated),
                int(article.published_inferred),
                _yearless_to_text(article.yearless_date),
                article.language,
                article.text,
                content_hash(article.text),
                duplicate_of,
                minhash,
            ),
        )
        self.db.execute(
            "INSERT INTO articles_fts VALUES (?, ?, ?)", (article.id, article.title or "", article.text)
        )

    def record_failure(self, source: str, reason: str) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO failures VALUES (?, ?, ?)", (source, reason, _now()))

    # -- articles ----------------------------------------------------------------------------------

    def _article(self, row: sqlite3.Row) -> Article:
        return Article(
            id=row["id"],
            raw_id=row["raw_id"],
            source=row["source"],
            text=row["text"],
            title=row["title"],
            author=row["author"],
            outlet=row["outlet"],
            url=row["url"],
            published=_datetime(row["published"]),
            updated=_datetime(row["updated"]),
            published_inferred=bool(row["published_inferred"]),
            yearless_date=_yearless_from_text(row["yearless_date"]),
            language=row["language"],
            dropped=self.dropped_lines(row["id"]),
        )

    def dropped_lines(self, article_id: str) -> tuple[str, ...]:
        rows = self.db.execute(
            "SELECT line FROM dropped_lines WHERE article_id = ? ORDER BY position", (article_id,)
        )
        return tuple(row[0] for row in rows)

    def articles(self, where: str = "1", params: Iterable[Any] = ()) -> list[Article]:
        rows = self.db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE {where} ORDER BY rowid", tuple(params)
        )
        return [self._article(row) for row in rows]

    def article(self, article_id: str) -> Article:
        found = self.articles("id = ?", (article_id,))
        if not found:
            raise NotFoundError(f"no article {article_id!r} in the store: `storyline stories` lists them")
        return found[0]

    def article_by_text_hash(self, text_hash: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE text_hash = ? AND duplicate_of IS NULL ORDER BY rowid LIMIT 1",
            (text_hash,),
        ).fetchone()
        return row[0] if row else None

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        yield from self.db.execute("SELECT id, minhash FROM articles WHERE duplicate_of IS NULL")

    def duplicates(self) -> dict[str, str]:
        rows = self.db.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")
        return dict(rows.fetchall())

    def _update_dates(self, article: Article) -> None:
        self.db.execute(
            "UPDATE articles SET published = ?, published_inferred = ? WHERE id = ?",
            (_iso(article.published), int(article.published_inferred), article.id),
        )

    # -- analysis and embeddings -------------------------------------------------------------------

    def unanalysed(self) -> list[Article]:
        return self.articles("analysed = 0 AND duplicate_of IS NULL")

    def save_analysis(self, analysis: Analysis) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM entities WHERE article_id = ?", (analysis.article_id,))
            self.db.execute("DELETE FROM quotes WHERE article_id = ?", (analysis.article_id,))
            self.db.executemany(
                "INSERT INTO entities VALUES (?, ?, ?, ?)",
                [(analysis.article_id, e.name, e.label, e.count) for e in analysis.entities],
            )
            self.db.executemany(
                "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [_quote_row(position, quote) for position, quote in enumerate(analysis.quotes)],
            )
            self.db.execute("UPDATE articles SET analysed = 1 WHERE id = ?", (analysis.article_id,))

    def entities(self, article_id: str) -> tuple[Entity, ...]:
        rows = self.db.execute(
            "SELECT name, label, count FROM entities WHERE article_id = ? ORDER BY count DESC, name",
            (article_id,),
        )
        return tuple(Entity(*row) for row in rows)

    def quotes(self, article_id: str) -> tuple[Quote, ...]:
        rows = self.db.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY position", (article_id,))
        return tuple(_quote_from_row(row) for row in rows)

    def unembedded(self) -> list[Article]:
        return self.articles("embedding IS NULL AND duplicate_of IS NULL")

    def save_embeddings(self, vectors: dict[str, np.ndarray]) -> None:
        with self.transaction():
            self.db.executemany(
                "UPDATE articles SET embedding = ? WHERE id = ?",
                [(vector.astype(np.float32).tobytes(), article_id) for article_id, vector in vectors.items()],
            )

    def embeddings(self) -> dict[str, np.ndarray]:
        rows = self.db.execute("SELECT id, embedding FROM articles WHERE embedding IS NOT NULL")
        return {article_id: np.frombuffer(blob, dtype=np.float32) for article_id, blob in rows}

    # -- events, storylines, briefs ----------------------------------------------------------------

    def unclustered(self) -> list[Article]:
        return self.articles("event_id IS NULL AND duplicate_of IS NULL AND embedding IS NOT NULL")

    def save_clusters(
        self, events: Iterable[Event], storylines: Iterable[Storyline], dated: Iterable[Article] = ()
    ) -> None:
        """Replace the events and storylines with the clusterer's current state, and write the dates
        it inferred for articles (`dated`), in one transaction."""
        with self.transaction():
            for article in dated:
                self._update_dates(article)
            self.db.execute("DELETE FROM events")
            self.db.execute("DELETE FROM storylines")
            for event in events:
                self.db.execute(
                    "INSERT INTO events VALUES (?, ?, ?, ?, ?)",
                    (
                        event.id,
                        event.storyline_id,
                        _iso(event.start),
                        _iso(event.end),
                        json.dumps(event.article_ids),
                    ),
                )
                self.db.executemany(
                    "UPDATE articles SET event_id = ? WHERE id = ?",
                    [(event.id, article_id) for article_id in event.article_ids],
                )
            for storyline in storylines:
                self.db.execute(
                    "INSERT INTO storylines VALUES (?, ?, ?)",
                    (storyline.id, storyline.headline, json.dumps(storyline.event_ids)),
                )

    def set_storyline_headline(self, storyline: Storyline) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE storylines SET headline = ? WHERE id = ?", (storyline.headline, storyline.id)
            )

    def events(self) -> list[Event]:
        rows = self.db.execute("SELECT * FROM events ORDER BY start, id")
        return [_event_from_row(row) for row in rows]

    def storylines(self) -> list[Storyline]:
        rows = self.db.execute("SELECT * FROM storylines ORDER BY id")
        return [Storyline(row["id"], tuple(json.loads(row["event_ids"])), row["headline"]) for row in rows]

    def save_brief(self, brief_id: str, kind: str, body: dict[str, Any]) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO briefs VALUES (?, ?, ?, ?, ?)",
                (brief_id, kind, json.dumps(body, ensure_ascii=False), _now(), json.dumps(_listing(body))),
            )

    def listings(self, kind: str) -> list[dict[str, Any]]:
        """The listing of every brief of a kind, latest first."""
        rows = self.db.execute("SELECT listing FROM briefs WHERE kind = ?", (kind,))
        listed = [json.loads(row[0]) for row in rows if row[0]]
        return sorted(listed, key=lambda item: (item["end"] or "", item["id"]), reverse=True)

    def brief_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM briefs")}

    def brief(self, brief_id: str) -> dict[str, Any]:
        row = self.db.execute("SELECT body FROM briefs WHERE id = ?", (brief_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story {brief_id!r} in the store: `storyline stories` lists them")
        return json.loads(row[0])

    def briefs(self, kind: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT body FROM briefs WHERE kind = ? ORDER BY id", (kind,))
        return [json.loads(row[0]) for row in rows]

    # -- reading for people: search, entities, speakers ----------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Article ids and a snippet (matches between \x02 and \x03), best match first."""
        words = SEARCH_WORD.findall(query)
        if not words:
            return []
        phrase = " ".join(f'"{word}"' for word in words)
        rows = self.db.execute(
            "SELECT article_id, snippet(articles_fts, 2, char(2), char(3), '…', 16) FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (phrase, limit),
        )
        return [(row[0], row[1]) for row in rows]

    def articles_naming(self, name: str) -> list[str]:
        rows = self.db.execute("SELECT article_id FROM entities WHERE name = ? ORDER BY count DESC", (name,))
        return [row[0] for row in rows]

    def quotes_by(self, speaker: str) -> tuple[Quote, ...]:
        rows = self.db.execute(
            "SELECT * FROM quotes WHERE speaker = ? ORDER BY article_id, position", (speaker,)
        )
        return tuple(_quote_from_row(row) for row in rows)

    def headers(self, article_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Title, outlet, date and event of many articles in one query (for lists of results)."""
        marks = ",".join("?" * len(article_ids))
        rows = self.db.execute(
            "SELECT a.id, a.title, a.outlet, a.published, COALESCE(a.event_id, o.event_id) AS event "
            f"FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of WHERE a.id IN ({marks})",
            article_ids,
        )
        return {row["id"]: dict(row) for row in rows}

    def event_of(self, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT COALESCE(a.event_id, o.event_id) FROM articles a "
            "LEFT JOIN articles o ON o.id = a.duplicate_of WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        return row[0] if row else None

    def counts(self) -> dict[str, int]:
        tables = ("raw_documents", "articles", "events", "storylines", "quotes", "entities", "failures")
        return {table: self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in tables}


def _listing(body: dict[str, Any]) -> dict[str, Any]:
    """What a list of stories shows of a brief."""
    sources = body.get("sources", [])
    return {
        "id": body["id"],
        "headline": body["headline"],
        "start": body.get("start"),
        "end": body.get("end"),
        "storyline": body.get("storyline"),
        "sources": len(sources),
        "outlets": len({source["outlet"] for source in sources if source.get("outlet")}),
        "events": len(body.get("events", [])),
    }


def _quote_row(position: int, quote: Quote) -> tuple[Any, ...]:
    spans = json.dumps([quote.speaker_span, quote.cue_span, quote.content_span])
    return (
        quote.article_id,
        position,
        quote.speaker,
        quote.speaker_mention,
        quote.text,
        quote.cue,
        quote.kind,
        spans,
    )


def _span(value: list[int] | None) -> tuple[int, int] | None:
    return (value[0], value[1]) if value else None


def _quote_from_row(row: sqlite3.Row) -> Quote:
    speaker_span, cue_span, content_span = (_span(span) for span in json.loads(row["spans"]))
    return Quote(
        article_id=row["article_id"],
        speaker=row["speaker"],
        text=row["text"],
        cue=row["cue"],
        kind=row["kind"],
        speaker_mention=row["speaker_mention"],
        speaker_span=speaker_span,
        cue_span=cue_span,
        content_span=content_span,
    )


def _event_from_row(row: sqlite3.Row) -> Event:
    return Event(
        id=row["id"],
        article_ids=tuple(json.loads(row["article_ids"])),
        start=_datetime(row["start"]),
        end=_datetime(row["end"]),
        storyline_id=row["storyline_id"],
    )


def open_store(path: str | Path, any_thread: bool = False) -> Store:
    """Open (creating and migrating as needed) the store at `path`.

    `any_thread`: the store may be handed from thread to thread (one at a time), as a server's pool does.
    """
    try:
        connection = sqlite3.connect(
            str(path), isolation_level=None, timeout=30, check_same_thread=not any_thread
        )
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: cannot open as a Storyline store ({error})") from error
    store = Store(connection, str(path))
    store.migrate()
    return store
