"""Durability: `storyline digest` killed with SIGKILL at random points, then run to completion,
leaves the same store as a run that was never killed."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.store import open_store
from tests.reliability.corpus import write_corpus

pytestmark = pytest.mark.slow
KILLS = 20
# Kill times spread over ingest (the first seconds) and the model stages after it.
KILL_AFTER_SECONDS = (0.5, 9.0)


def digest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "storyline.cli", "digest", str(corpus), "--db", str(db), "--no-progress"]


def kill_at_random(command: list[str], rng: random.Random) -> bool:
    """Start the command and SIGKILL it after a random while; whether it was still running."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(*KILL_AFTER_SECONDS))
    running = process.poll() is None
    if running:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return running


def snapshot(db: Path) -> str:
    return json.dumps(pipeline.stories_document(open_store(db)), sort_keys=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "corpus"
    write_corpus(folder)
    return folder


def test_killed_digest_resumes_to_the_store_of_an_unkilled_run(corpus, tmp_path):
    reference, crashed = tmp_path / "reference.db", tmp_path / "crashed.db"
    subprocess.run(digest_command(corpus, reference), check=True, capture_output=True)
    rng = random.Random(2026)
    killed = sum(kill_at_random(digest_command(corpus, crashed), rng) for _ in range(KILLS))
    subprocess.run(digest_command(corpus, crashed), check=True, capture_output=True)
    print(f"{killed} of {KILLS} runs killed mid-way; the store then matched an unkilled run")
    assert killed >= KILLS // 2, "too few runs were still going when killed to test anything"
    connection = sqlite3.connect(crashed)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ids = [row[0] for row in connection.execute("SELECT raw_id FROM articles")]
    assert len(ids) == len(set(ids)) == 200
    assert snapshot(crashed) == snapshot(reference)
