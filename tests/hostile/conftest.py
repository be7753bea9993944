"""The hostile corpus digested once into a store, for every output's checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline import pipeline
from storyline.serve import create_app
from storyline.store import open_store
from tests.hostile.corpus import PAYLOADS, write_hostile_corpus


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("hostile")
    store = open_store(work / "hostile.db")
    report = pipeline.digest(store, write_hostile_corpus(work / "corpus"))
    store.close()
    assert not report.failures, report.failures  # every hostile article must get in to be checked
    return work / "hostile.db"


@pytest.fixture(scope="session")
def hostile_client(hostile_store) -> TestClient:
    return TestClient(create_app(hostile_store), raise_server_exceptions=False)


@pytest.fixture(scope="session")
def reader_paths(hostile_client, hostile_store) -> list[str]:
    """Every page a reader can reach: the list, each story, storyline, article and entity, and searches."""
    stories = hostile_client.get("/api/stories", params={"limit": 500}).json()["stories"]
    briefs = [hostile_client.get(f"/api/stories/{story['id']}").json() for story in stories]
    paths = ["/", *(f"/stories/{brief['id']}" for brief in briefs)]
    paths += sorted({f"/storylines/{brief['storyline']}" for brief in briefs if brief["storyline"]})
    store = open_store(hostile_store)
    paths += [f"/articles/{article.id}" for article in store.articles()]  # copies too: they have pages
    store.close()
    names = {entity["name"] for brief in briefs for entity in brief["entities"]}
    names |= {quote["speaker"] for brief in briefs for quote in brief["quotes"]}
    paths += [f"/entities/{name}" for name in sorted(names)]
    return paths + [f"/search?q={payload}" for payload in PAYLOADS]  # the query is shown back on the page
