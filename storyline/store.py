"""The story store: one SQLite file in WAL mode, with versioned schema migrations.

Each ingested page is written with its clean article in one transaction, so a crash mid-ingest
leaves either the whole page or nothing of it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from storyline.dialects import Dialect, SqliteDialect, dialect_for
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

# The schema, one migration after another. Each is written in SQLite's words ("any"); where
# PostgreSQL needs other words, its own script stands beside it.
SCHEMA_1 = """
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
        id TEXT PRIMARY KEY, storyline_id TEXT, start TEXT, "end" TEXT, article_ids TEXT NOT NULL
    );
    CREATE TABLE storylines (id TEXT PRIMARY KEY, headline TEXT NOT NULL, event_ids TEXT NOT NULL);
    CREATE TABLE briefs (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, body TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE TABLE failures (source TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
"""
# PostgreSQL has no implicit rowid: articles and fetch states get one, to keep their order of arrival.
ROWID_PG = ", rowid BIGSERIAL\n    )"
SEARCH_2 = """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        article_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts SELECT id, COALESCE(title, ''), text FROM articles;
    CREATE INDEX entities_name ON entities(name);
    CREATE INDEX quotes_speaker ON quotes(speaker);
"""
SEARCH_2_PG = """
    CREATE TABLE articles_fts (
        article_id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL,
        document tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || text)) STORED
    );
    CREATE INDEX articles_fts_document ON articles_fts USING GIN (document);
    INSERT INTO articles_fts (article_id, title, text) SELECT id, COALESCE(title, ''), text FROM articles;
    CREATE INDEX entities_name ON entities(name);
    CREATE INDEX quotes_speaker ON quotes(speaker);
    """
LISTING_3 = """
    ALTER TABLE briefs ADD COLUMN listing TEXT;
    CREATE INDEX briefs_kind ON briefs(kind);
    UPDATE briefs SET listing = json_object(
        'id', id, 'headline', json_extract(body, '$.headline'), 'start', json_extract(body, '$.start'),
        'end', json_extract(body, '$.end'), 'storyline', json_extract(body, '$.storyline'),
        'sources', COALESCE(json_array_length(body, '$.sources'), 0),
        'outlets', (SELECT COUNT(DISTINCT json_extract(value, '$.outlet')) FROM json_each(body, '$.sources')),
        'events', COALESCE(json_array_length(body, '$.events'), 0)
    );
"""
LISTING_3_PG = """
    ALTER TABLE briefs ADD COLUMN listing TEXT;
    CREATE INDEX briefs_kind ON briefs(kind);
    UPDATE briefs SET listing = json_build_object(
        'id', id, 'headline', body::json->>'headline', 'start', body::json->>'start',
        'end', body::json->>'end', 'storyline', body::json->>'storyline',
        'sources', COALESCE(json_array_length(body::json->'sources'), 0),
        'outlets', (
            SELECT COUNT(DISTINCT source->>'outlet') FROM json_array_elements(body::json->'sources') source
        ),
        'events', COALESCE(json_array_length(body::json->'events'), 0)
    )::text;
    """
FETCH_4 = """
    CREATE TABLE fetch_state (
        url TEXT PRIMARY KEY, kind TEXT NOT NULL, state TEXT NOT NULL, hint TEXT,
        etag TEXT, last_modified TEXT, tries INTEGER NOT NULL DEFAULT 0, reason TEXT, updated_at TEXT NOT NULL
    );
    CREATE INDEX fetch_state_due ON fetch_state(kind, state);
"""
# Which paragraphs each outlet printed on which page (storyline.extract.templates): what recurs
# across an outlet's different articles is its template, not news. Paragraphs are hashed.
OUTLETS_5 = """
    CREATE TABLE outlet_paragraphs (
        outlet TEXT NOT NULL, paragraph TEXT NOT NULL, article_id TEXT NOT NULL,
        PRIMARY KEY (outlet, paragraph, article_id)
    )
"""
# Highlights were plain strings; they are cited sentences now, like the summary's.
CITED_HIGHLIGHTS_6 = """
    UPDATE briefs SET body = json_set(body, '$.highlights', (
        SELECT json_group_array(json_object('text', value, 'cites', json('[]'), 'passages', json('[]')))
        FROM json_each(body, '$.highlights')
    )) WHERE kind = 'event' AND json_type(body, '$.highlights[0]') = 'text'
"""
CITED_HIGHLIGHTS_6_PG = """
    UPDATE briefs SET body = jsonb_set(body::jsonb, '{highlights}', (
        SELECT jsonb_agg(jsonb_build_object('text', line, 'cites', '[]'::jsonb, 'passages', '[]'::jsonb))
        FROM jsonb_array_elements_text(body::jsonb->'highlights') line
    ))::text WHERE kind = 'event' AND jsonb_typeof(body::jsonb->'highlights'->0) = 'string'
"""
# Each sentence's vector for briefs, by a hash of its text, so that no run embeds a sentence twice: an
# event briefed again as it grows has most of its sentences embedded already.
SENTENCES_7 = """
    CREATE TABLE IF NOT EXISTS sentence_vectors (
        sentence TEXT NOT NULL, model TEXT NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (sentence, model)
    )
"""
# Keys looked up per query: far below any database's limit on parameters.
KEYS_PER_QUERY = 500

MIGRATIONS: tuple[dict[str, str], ...] = (
    # 1: the first schema
    {
        "any": SCHEMA_1,
        "postgresql": SCHEMA_1.replace(
            "analysed INTEGER NOT NULL DEFAULT 0\n    )", "analysed INTEGER NOT NULL DEFAULT 0" + ROWID_PG
        ),
    },
    # 2: full-text search over titles and clean text
    {"any": SEARCH_2, "postgresql": SEARCH_2_PG},
    # 3: a small listing of each brief, so lists of stories need not read whole briefs
    {"any": LISTING_3, "postgresql": LISTING_3_PG},
    # 4: what the fetcher (storyline.fetch) remembers of each URL: a feed's or sitemap's validators, for
    # conditional requests; a listed page's state, so that an interrupted round resumes where it stopped
    {
        "any": FETCH_4,
        "postgresql": FETCH_4.replace(
            "updated_at TEXT NOT NULL\n    )", "updated_at TEXT NOT NULL" + ROWID_PG
        ),
    },
    # 5: the paragraphs of each outlet's pages, to learn its template
    {"any": OUTLETS_5},
    # 6: highlights cite their sources
    {"any": CITED_HIGHLIGHTS_6, "postgresql": CITED_HIGHLIGHTS_6_PG},
    # 7: sentence vectors for briefs
    {"any": SENTENCES_7},
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

    def __init__(self, connection: Any, db_path: str, dialect: Dialect | None = None) -> None:
        self.db = connection
        self.db_path = db_path
        self.dialect = dialect or SqliteDialect()

    def _run(self, statement: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute(self.dialect.sql(statement), self.dialect.params(params))

    def _run_many(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        adapted = [self.dialect.params(row) for row in rows]
        if adapted:
            self.dialect.run_many(self.db, self.dialect.sql(statement), adapted)

    # -- lifecycle -------------------------------------------------------------------------------

    def migrate(self) -> None:
        with self.transaction():  # one migrating process at a time; the others find it done
            version = self.dialect.schema_version(self.db)
            if version > len(MIGRATIONS):
                raise StoreError(
                    f"the store is at schema version {version}, newer than this Storyline knows "
                    f"({len(MIGRATIONS)}): upgrade Storyline to open it"
                )
            for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
                script = migration.get(self.dialect.name, migration["any"])
                for statement in script.split(";"):
                    if statement.strip():
                        self._run(statement)
                self.dialect.set_schema_version(self.db, number)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: what the block writes is committed together or not at all."""
        self.dialect.begin(self.db)
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
        return self._run("SELECT 1 FROM raw_documents WHERE id = ?", (raw_id,)).fetchone() is not None

    def add_source(self, source: str, raw_id: str) -> None:
        with self.transaction():
            self._run("INSERT OR IGNORE INTO sources VALUES (?, ?)", (source, raw_id))

    def save_article(
        self, raw: RawDocument, article: Article, near_original: str | None, minhash: bytes
    ) -> tuple[bool, str | None]:
        """The raw page, its clean article and its dropped lines, in one transaction.

        Returns whether it was stored (another process may have stored the same page meanwhile) and
        the original it copies: an exact copy's, looked up inside the transaction, else `near_original`.
        """
        with self.transaction():
            if self.has_raw(raw.id):
                self._run("INSERT OR IGNORE INTO sources VALUES (?, ?)", (raw.source, raw.id))
                return False, None
            duplicate_of = self.article_by_text_hash(content_hash(article.text)) or near_original
            self._insert_raw(raw)
            self._insert_article(article, duplicate_of, minhash)
            self._run_many(
                "INSERT INTO dropped_lines VALUES (?, ?, ?)",
                [(article.id, position, line) for position, line in enumerate(article.dropped)],
            )
        return True, duplicate_of

    def _insert_raw(self, raw: RawDocument) -> None:
        self._run(
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
        self._run("INSERT OR IGNORE INTO sources VALUES (?, ?)", (raw.source, raw.id))

    def _insert_article(self, article: Article, duplicate_of: str | None, minhash: bytes) -> None:
        self._run(
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
        self._run(
            "INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
            (article.id, article.title or "", article.text),
        )

    def outlet_paragraph_pages(self, outlet: str, keys: Collection[str]) -> dict[str, set[str]]:
        """For each paragraph key, the stored pages of the outlet that printed that paragraph."""
        pages: dict[str, set[str]] = {}
        statement = (
            "SELECT paragraph, article_id FROM outlet_paragraphs WHERE outlet = ? AND paragraph IN ({})"
        )
        for row in self._select_in(statement, (outlet,), keys):
            pages.setdefault(row["paragraph"], set()).add(row["article_id"])
        return pages

    def _select_in(self, statement: str, params: Sequence[Any], keys: Collection[str]) -> Iterator[Any]:
        """The rows of `statement`, whose last condition is "IN ({})", for all the keys: a few hundred
        keys a query, far below any database's limit on parameters."""
        ordered = list(keys)
        for start in range(0, len(ordered), KEYS_PER_QUERY):
            chunk = ordered[start : start + KEYS_PER_QUERY]
            yield from self._run(statement.format(",".join("?" * len(chunk))), (*params, *chunk))

    def save_outlet_paragraphs(self, outlet: str, page: str, keys: Collection[str]) -> None:
        with self.transaction():
            self._run_many(
                "INSERT OR IGNORE INTO outlet_paragraphs VALUES (?, ?, ?)",
                [(outlet, key, page) for key in keys],
            )

    def record_failure(self, source: str, reason: str) -> None:
        with self.transaction():
            self._run("INSERT INTO failures VALUES (?, ?, ?)", (source, reason, _now()))

    # -- articles ----------------------------------------------------------------------------------

    def _article(self, row: Any) -> Article:
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
        rows = self._run(
            "SELECT line FROM dropped_lines WHERE article_id = ? ORDER BY position", (article_id,)
        )
        return tuple(row[0] for row in rows)

    def articles(self, where: str = "TRUE", params: Iterable[Any] = ()) -> list[Article]:
        rows = self._run(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE {where} ORDER BY rowid", tuple(params)
        )
        return [self._article(row) for row in rows]

    def article(self, article_id: str) -> Article:
        found = self.articles("id = ?", (article_id,))
        if not found:
            raise NotFoundError(f"no article {article_id!r} in the store: `storyline stories` lists them")
        return found[0]

    def article_by_text_hash(self, text_hash: str) -> str | None:
        row = self._run(
            "SELECT id FROM articles WHERE text_hash = ? AND duplicate_of IS NULL ORDER BY rowid LIMIT 1",
            (text_hash,),
        ).fetchone()
        return row[0] if row else None

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        yield from self._run("SELECT id, minhash FROM articles WHERE duplicate_of IS NULL")

    def duplicates(self) -> dict[str, str]:
        rows = self._run("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")
        return dict(rows.fetchall())

    def _update_dates(self, article: Article) -> None:
        self._run(
            "UPDATE articles SET published = ?, published_inferred = ? WHERE id = ?",
            (_iso(article.published), int(article.published_inferred), article.id),
        )

    # -- analysis and embeddings -------------------------------------------------------------------

    def unanalysed(self) -> list[Article]:
        return self.articles("analysed = 0 AND duplicate_of IS NULL")

    def save_analysis(self, analysis: Analysis) -> None:
        with self.transaction():
            self._run("DELETE FROM entities WHERE article_id = ?", (analysis.article_id,))
            self._run("DELETE FROM quotes WHERE article_id = ?", (analysis.article_id,))
            self._run_many(
                "INSERT INTO entities VALUES (?, ?, ?, ?)",
                [(analysis.article_id, e.name, e.label, e.count) for e in analysis.entities],
            )
            self._run_many(
                "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [_quote_row(position, quote) for position, quote in enumerate(analysis.quotes)],
            )
            self._run("UPDATE articles SET analysed = 1 WHERE id = ?", (analysis.article_id,))

    def entities(self, article_id: str) -> tuple[Entity, ...]:
        rows = self._run(
            "SELECT name, label, count FROM entities WHERE article_id = ? ORDER BY count DESC, name",
            (article_id,),
        )
        return tuple(Entity(*row) for row in rows)

    def quotes(self, article_id: str) -> tuple[Quote, ...]:
        rows = self._run("SELECT * FROM quotes WHERE article_id = ? ORDER BY position", (article_id,))
        return tuple(_quote_from_row(row) for row in rows)

    def unembedded(self) -> list[Article]:
        return self.articles("embedding IS NULL AND duplicate_of IS NULL")

    def save_embeddings(self, vectors: dict[str, np.ndarray]) -> None:
        with self.transaction():
            self._run_many(
                "UPDATE articles SET embedding = ? WHERE id = ?",
                [(vector.astype(np.float32).tobytes(), article_id) for article_id, vector in vectors.items()],
            )

    def sentence_vectors(self, model: str, keys: Collection[str]) -> dict[str, np.ndarray]:
        """The stored vectors of sentences by key (`content_hash` of the text), for those it has."""
        statement = "SELECT sentence, vector FROM sentence_vectors WHERE model = ? AND sentence IN ({})"
        rows = self._select_in(statement, (model,), keys)
        return {row[0]: np.frombuffer(row[1], dtype=np.float32) for row in rows}

    def save_sentence_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        with self.transaction():
            self._run_many(
                "INSERT OR IGNORE INTO sentence_vectors VALUES (?, ?, ?)",
                [(key, model, vector.astype(np.float32).tobytes()) for key, vector in vectors.items()],
            )

    def embeddings(self) -> dict[str, np.ndarray]:
        rows = self._run("SELECT id, embedding FROM articles WHERE embedding IS NOT NULL")
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
            self._run("DELETE FROM events")
            self._run("DELETE FROM storylines")
            for event in events:
                self._run(
                    "INSERT INTO events VALUES (?, ?, ?, ?, ?)",
                    (
                        event.id,
                        event.storyline_id,
                        _iso(event.start),
                        _iso(event.end),
                        json.dumps(event.article_ids),
                    ),
                )
                self._run_many(
                    "UPDATE articles SET event_id = ? WHERE id = ?",
                    [(event.id, article_id) for article_id in event.article_ids],
                )
            for storyline in storylines:
                self._run(
                    "INSERT INTO storylines VALUES (?, ?, ?)",
                    (storyline.id, storyline.headline, json.dumps(storyline.event_ids)),
                )

    def set_storyline_headline(self, storyline: Storyline) -> None:
        with self.transaction():
            self._run("UPDATE storylines SET headline = ? WHERE id = ?", (storyline.headline, storyline.id))

    def events(self) -> list[Event]:
        rows = self._run("SELECT * FROM events ORDER BY start, id")
        return [_event_from_row(row) for row in rows]

    def storylines(self) -> list[Storyline]:
        rows = self._run("SELECT * FROM storylines ORDER BY id")
        return [Storyline(row["id"], tuple(json.loads(row["event_ids"])), row["headline"]) for row in rows]

    def save_brief(self, brief_id: str, kind: str, body: dict[str, Any]) -> None:
        with self.transaction():
            self._run(
                "INSERT OR REPLACE INTO briefs VALUES (?, ?, ?, ?, ?)",
                (brief_id, kind, json.dumps(body, ensure_ascii=False), _now(), json.dumps(_listing(body))),
            )

    def delete_briefs(self, kind: str, keep: Collection[str]) -> None:
        """Delete the briefs of a kind whose ids are not in `keep`."""
        with self.transaction():
            ids = [row[0] for row in self._run("SELECT id FROM briefs WHERE kind = ?", (kind,))]
            self._run_many(
                "DELETE FROM briefs WHERE id = ?", [(brief_id,) for brief_id in ids if brief_id not in keep]
            )

    def listings(self, kind: str) -> list[dict[str, Any]]:
        """The listing of every brief of a kind, latest first."""
        rows = self._run("SELECT listing FROM briefs WHERE kind = ?", (kind,))
        listed = [json.loads(row[0]) for row in rows if row[0]]
        return sorted(listed, key=lambda item: (item["end"] or "", item["id"]), reverse=True)

    def brief_ids(self) -> set[str]:
        return {row[0] for row in self._run("SELECT id FROM briefs")}

    def brief(self, brief_id: str) -> dict[str, Any]:
        row = self._run("SELECT body FROM briefs WHERE id = ?", (brief_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story {brief_id!r} in the store: `storyline stories` lists them")
        return json.loads(row[0])

    def briefs(self, kind: str) -> list[dict[str, Any]]:
        rows = self._run("SELECT body FROM briefs WHERE kind = ? ORDER BY id", (kind,))
        return [json.loads(row[0]) for row in rows]

    # -- reading for people: search, entities, speakers ----------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Article ids and a snippet (matches between \x02 and \x03), best match first."""
        words = SEARCH_WORD.findall(query)
        if not words:
            return []
        rows = self.db.execute(self.dialect.search_sql(), (self.dialect.search_terms(words), limit))
        return [(row[0], row[1]) for row in rows]

    def articles_naming(self, name: str) -> list[str]:
        rows = self._run(
            "SELECT article_id FROM entities WHERE name = ? ORDER BY count DESC, article_id", (name,)
        )
        return [row[0] for row in rows]

    def quotes_by(self, speaker: str) -> tuple[Quote, ...]:
        rows = self._run("SELECT * FROM quotes WHERE speaker = ? ORDER BY article_id, position", (speaker,))
        return tuple(_quote_from_row(row) for row in rows)

    def headers(self, article_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Title, outlet, date and event of many articles in one query (for lists of results)."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        rows = self._run(
            "SELECT a.id, a.title, a.outlet, a.published, COALESCE(a.event_id, o.event_id) AS event "
            f"FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of WHERE a.id IN ({marks})",
            article_ids,
        )
        return {row["id"]: dict(row) for row in rows}

    def event_of(self, article_id: str) -> str | None:
        row = self._run(
            "SELECT COALESCE(a.event_id, o.event_id) FROM articles a "
            "LEFT JOIN articles o ON o.id = a.duplicate_of WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        return row[0] if row else None

    def counts(self) -> dict[str, int]:
        tables = ("raw_documents", "articles", "events", "storylines", "quotes", "entities", "failures")
        return {table: self._run(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in tables}

    # -- fetch state (storyline.fetch) ---------------------------------------------------------------
    # A source (feed, sitemap) keeps the validators of its last answer. A page it lists waits as
    # 'pending' until fetched and stored ('done'); a passing failure makes it 'retry' (tried again in
    # later rounds, up to a number of tries), a lasting one 'failed'.

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a source last answered with."""
        row = self._run("SELECT etag, last_modified FROM fetch_state WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_listing(
        self, url: str, etag: str | None, last_modified: str | None, pages: Iterable[tuple[str, str]]
    ) -> None:
        """A source's validators and the pages (url, hint) it lists, queued unless known, together: the
        validators must not say "seen" of a listing whose pages were never queued."""
        now = _now()
        with self.transaction():
            self._run(
                "INSERT INTO fetch_state (url, kind, state, etag, last_modified, updated_at) "
                "VALUES (?, 'source', 'done', ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
                "last_modified = excluded.last_modified, updated_at = excluded.updated_at",
                (url, etag, last_modified, now),
            )
            self._run_many(
                "INSERT OR IGNORE INTO fetch_state (url, kind, state, hint, updated_at) "
                "VALUES (?, 'page', 'pending', ?, ?)",
                [(page_url, hint, now) for page_url, hint in pages],
            )

    def due_pages(self, max_tries: int) -> list[tuple[str, str]]:
        """The queued pages (url, hint) to fetch, first queued first; none already stored."""
        rows = self._run(
            "SELECT url, hint FROM fetch_state f WHERE kind = 'page' "
            "AND (state = 'pending' OR (state = 'retry' AND tries < ?)) "
            "AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.source = f.url) ORDER BY rowid",
            (max_tries,),
        )
        return [(row[0], row[1]) for row in rows]

    def mark_page(self, url: str, state: str, reason: str | None = None) -> None:
        """A page tried once more: 'done', 'retry' or 'failed' (with why)."""
        with self.transaction():
            self._run(
                "UPDATE fetch_state SET state = ?, reason = ?, tries = tries + 1, updated_at = ? "
                "WHERE url = ?",
                (state, reason, _now(), url),
            )

    def has_source(self, source: str) -> bool:
        return self._run("SELECT 1 FROM sources WHERE source = ?", (source,)).fetchone() is not None


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


def _quote_from_row(row: Any) -> Quote:
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


def _event_from_row(row: Any) -> Event:
    return Event(
        id=row["id"],
        article_ids=tuple(json.loads(row["article_ids"])),
        start=_datetime(row["start"]),
        end=_datetime(row["end"]),
        storyline_id=row["storyline_id"],
    )


def open_store(target: str | Path, any_thread: bool = False) -> Store:
    """Open (creating and migrating as needed) the store at `target`: a SQLite file, or a
    `postgresql://` URL of a shared PostgreSQL database.

    `any_thread`: the store may be handed from thread to thread (one at a time), as a server's pool does.
    """
    target = str(target)
    dialect = dialect_for(target)
    try:
        connection = dialect.connect(target, any_thread)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{target}: cannot open as a Storyline store ({error})") from error
    store = Store(connection, target, dialect)
    store.migrate()
    return store
