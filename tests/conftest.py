"""Shared test helpers: where ../shared is, how gold text is compared, and runs under several hash seeds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = REPO / "samples"
STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
# Hash seeds under which sets of strings iterate in different orders (checked on CPython 3.11).
HASH_SEEDS = (0, 1, 2, 3, 4, 5)


def fold(text: str) -> str:
    """Text as gold.json compares it: NFKC, curly quotes read as straight ones."""
    return unicodedata.normalize("NFKC", text).translate(STRAIGHT)


def outputs_under_hash_seeds(code: str, seeds: tuple[int, ...] = HASH_SEEDS) -> set[str]:
    """What a Python snippet prints, once per PYTHONHASHSEED: one output if it is deterministic."""
    return {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in seeds
    }


@pytest.fixture(scope="session")
def seeds_gold() -> dict[str, Any]:
    if not (SEEDS / "gold.json").exists():
        pytest.skip("../shared/seeds is absent here")
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))


# A PostgreSQL database the store tests may use (`.ci/run` starts one on 127.0.0.1 and sets this).
POSTGRES_URL = os.environ.get("STORYLINE_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path) -> Iterator[str]:
    """Where a test's store lives: a SQLite file, or a fresh schema of the test PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    if not POSTGRES_URL:
        pytest.skip("no PostgreSQL to test against: set STORYLINE_TEST_POSTGRES (.ci/run does)")
    yield from postgres_schema()


def postgres_schema() -> Iterator[str]:
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            separator = "&" if "?" in POSTGRES_URL else "?"
            yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
