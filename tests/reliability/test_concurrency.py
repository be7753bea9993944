"""Isolation: `storyline serve` answers while two ingest processes write to the same store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from storyline.store import open_store
from tests.reliability.corpus import write_corpus
from tests.servers import free_port, start_server

pytestmark = pytest.mark.slow
PATHS = ["/api/stories", "/api/search?q=strike", "/", "/search?q=floods", "/feeds/stories.atom"]


def ingest(db: str, files: list[Path]) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "storyline.cli",
        "ingest",
        *map(str, files),
        "--db",
        str(db),
        "--no-progress",
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_server_answers_while_two_processes_ingest_overlapping_files(tmp_path, store_target):
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    files = sorted(corpus.iterdir())
    db = store_target
    open_store(db).close()
    port = free_port()
    server = start_server(db, port)
    try:
        writers = [ingest(db, files[:130]), ingest(db, files[70:])]
        statuses = []
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            while any(writer.poll() is None for writer in writers):
                statuses += [client.get(path).status_code for path in PATHS]
        assert [writer.wait() for writer in writers] == [0, 0], [w.stderr.read() for w in writers]
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{len(statuses)} requests served during ingest, all 200")
    assert statuses and set(statuses) == {200}
    counts = open_store(db).counts()  # articles.raw_id is unique: 200 articles are 200 pages, none twice
    assert (counts["raw_documents"], counts["articles"]) == (200, 200)
