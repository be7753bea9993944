"""Fuzz smoke settings, and a small store behind the web app for the API's fuzzing.

CI runs a bounded smoke run: few examples, always the same ones (derandomized), seconds in all.
`FUZZ_PROFILE=long` runs thousands of random examples per test instead (see fuzz/README.md).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from storyline import pipeline
from storyline.serve import create_app
from storyline.store import open_store
from tests.hostile.corpus import jsonl_records

TOKEN = "fuzz-token"
settings.register_profile(
    "smoke",
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,  # each target runs under its own hard time cap (fuzz.targets.time_cap)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "long",
    max_examples=5_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FUZZ_SETTINGS = settings.get_profile(os.environ.get("FUZZ_PROFILE", "smoke"))


@pytest.fixture(scope="session")
def fuzz_client(tmp_path_factory) -> TestClient:
    """The web app over a store of three hostile articles, ingest allowed with TOKEN."""
    work: Path = tmp_path_factory.mktemp("fuzz-store")
    articles = work / "articles.jsonl"
    articles.write_text("\n".join(json.dumps(record) for record in jsonl_records()[:3]), encoding="utf-8")
    store = open_store(work / "fuzz.db")
    pipeline.digest(store, [articles])
    store.close()
    return TestClient(create_app(work / "fuzz.db", TOKEN), raise_server_exceptions=False)
