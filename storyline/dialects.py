"""What differs between the store's two databases: SQLite (one file, the default) and PostgreSQL
(a shared server, for a team). The store writes its SQL once, in SQLite's words with `?`
placeholders; the PostgreSQL dialect translates the few phrases that differ.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from storyline.errors import E_MODEL_MISSING, StoreError

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
# A transaction-level advisory lock: PostgreSQL writers queue behind one another as SQLite's
# BEGIN IMMEDIATE makes them, so "is this page stored yet?" and the insert stay one step.
WRITER_LOCK = 7_341_905


class SqliteDialect:
    name = "sqlite"

    def connect(self, target: str, any_thread: bool) -> sqlite3.Connection:
        connection = sqlite3.connect(
            target, isolation_level=None, timeout=30, check_same_thread=not any_thread
        )
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
        return connection

    def sql(self, statement: str) -> str:
        return statement

    def params(self, values: Sequence[Any]) -> Sequence[Any]:
        return values

    def begin(self, db: Any) -> None:
        db.execute("BEGIN IMMEDIATE")

    def schema_version(self, db: Any) -> int:
        return db.execute("PRAGMA user_version").fetchone()[0]

    def set_schema_version(self, db: Any, version: int) -> None:
        db.execute(f"PRAGMA user_version = {int(version)}")

    def run_many(self, db: Any, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        db.executemany(statement, rows)

    def search_sql(self) -> str:
        return (
            "SELECT article_id, snippet(articles_fts, 2, char(2), char(3), '…', 16) FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )

    def search_terms(self, words: list[str]) -> str:
        """Each word quoted: FTS5 then reads none of them as an operator."""
        return " ".join(f'"{word}"' for word in words)


class Row:
    """A PostgreSQL row read like sqlite3.Row: by position or by column name."""

    __slots__ = ("_names", "_values")

    def __init__(self, names: dict[str, int], values: Sequence[Any]) -> None:
        self._names, self._values = names, values

    def __getitem__(self, key: int | str) -> Any:
        return self._values[key if isinstance(key, int) else self._names[key]]

    def keys(self) -> list[str]:
        return list(self._names)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


def row_factory(cursor: Any) -> Any:
    names = {column.name: index for index, column in enumerate(cursor.description or ())}
    return lambda values: Row(names, values)


class PostgresDialect:
    name = "postgresql"
    _INSERT_OR_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO (.*)$", re.DOTALL)
    _INSERT_OR_REPLACE = re.compile(r"^\s*INSERT OR REPLACE INTO (\w+) (.*)$", re.DOTALL)

    def connect(self, target: str, any_thread: bool) -> Any:
        try:
            import psycopg
        except ImportError as error:
            what = "PostgreSQL driver"
            raise StoreError(E_MODEL_MISSING.format(what=what, package="'storyline[postgresql]'")) from error
        try:
            return psycopg.connect(target, autocommit=True, row_factory=row_factory)
        except psycopg.Error as error:
            raise StoreError(f"cannot reach the PostgreSQL store: {str(error).strip()}") from error

    def sql(self, statement: str) -> str:
        """SQLite's phrases in PostgreSQL's words."""
        statement = re.sub(r"\bBLOB\b", "BYTEA", statement.replace("?", "%s"))
        if match := self._INSERT_OR_IGNORE.match(statement):
            return f"INSERT INTO {match.group(1)} ON CONFLICT DO NOTHING"
        if match := self._INSERT_OR_REPLACE.match(statement):
            return f"INSERT INTO {match.group(1)} {match.group(2)} {UPSERTS[match.group(1)]}"
        return statement

    def params(self, values: Sequence[Any]) -> Sequence[Any]:
        """PostgreSQL text cannot hold NUL: it becomes U+FFFD (the page's id was taken before)."""
        return [value.replace("\x00", "\ufffd") if isinstance(value, str) else value for value in values]

    def begin(self, db: Any) -> None:
        db.execute("BEGIN")
        db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))

    def schema_version(self, db: Any) -> int:
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = db.execute("SELECT version FROM schema_version").fetchone()
        return row[0] if row else 0

    def set_schema_version(self, db: Any, version: int) -> None:
        db.execute("DELETE FROM schema_version")
        db.execute("INSERT INTO schema_version VALUES (%s)", (int(version),))

    def run_many(self, db: Any, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        with db.cursor() as cursor:
            cursor.executemany(statement, rows)

    def search_sql(self) -> str:
        return (
            "SELECT article_id, ts_headline('simple', text, query, "
            "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=32, MinWords=12') "
            "FROM articles_fts, to_tsquery('simple', %s) AS query WHERE document @@ query "
            "ORDER BY ts_rank(document, query) DESC LIMIT %s"
        )

    def search_terms(self, words: list[str]) -> str:
        """Each word as a quoted lexeme joined by AND: no word is read as an operator."""
        return " & ".join("'" + word.replace("'", "''") + "'" for word in words)


# For each table written with INSERT OR REPLACE: how PostgreSQL replaces a row with the same key.
UPSERTS = {
    "briefs": "ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, body = EXCLUDED.body, "
    "updated_at = EXCLUDED.updated_at, listing = EXCLUDED.listing",
}


Dialect = SqliteDialect | PostgresDialect


def dialect_for(target: str) -> Dialect:
    return PostgresDialect() if target.startswith(POSTGRES_SCHEMES) else SqliteDialect()
