"""The same corpus digested into PostgreSQL and into SQLite gives the same stories."""

from __future__ import annotations

import pytest

from storyline import pipeline
from storyline.store import open_store
from tests.conftest import POSTGRES_URL, SAMPLES, postgres_schema

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not POSTGRES_URL, reason="no PostgreSQL: set STORYLINE_TEST_POSTGRES (.ci/run does)"),
]


def test_sample_corpus_gives_the_same_stories_on_postgresql_and_sqlite(tmp_path):
    sqlite = open_store(tmp_path / "s.db")
    pipeline.digest(sqlite, [SAMPLES])
    for url in postgres_schema():
        postgres = open_store(url)
        pipeline.digest(postgres, [SAMPLES])
        assert pipeline.stories_document(postgres) == pipeline.stories_document(sqlite)
        postgres.close()
