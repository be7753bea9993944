"""Determinism: two digests of the same pages into fresh stores write byte-identical stories.json, whatever
the process's hash seed and the order the files are given in."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.reliability.corpus import write_corpus

pytestmark = pytest.mark.slow
# A page whose names tie: two persons of one surname and of one length, two bodies of one acronym. Which
# one "Pell" and "WHO" merge into must not rest on the order a set of names iterates in.
TIED_NAMES = """Valmora harbour board elects a chair

By Ana Moreau | 2026-03-03 09:15

Dario Pell and Gerta Pell stood for the chair of the Valmora harbour board on Monday, officials said.

“We have a plan for the harbour and we will keep it,” said Pell, who spoke to reporters outside the board offices.

The World Health Organization and the World Heritage Organisation sent observers. The WHO said it would report on Friday.
"""


def start_digest(paths: list[Path], work: Path, hash_seed: int) -> subprocess.Popen:
    work.mkdir()
    command = [sys.executable, "-m", "storyline.cli", "digest", *map(str, paths)]
    command += ["--db", str(work / "store.db"), "--out", str(work / "out"), "--no-progress"]
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed), "PYTHONPATH": str(REPO)}
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def test_two_digests_of_the_same_files_write_the_same_stories(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, events=8, per_event=6)
    (corpus / "tied-names.txt").write_text(TIED_NAMES, encoding="utf-8")
    files = sorted(corpus.iterdir())
    shuffled = random.Random(7).sample(files, len(files))
    runs = {tmp_path / "first": ([corpus], 0), tmp_path / "second": (shuffled, 12345)}
    started = [start_digest(paths, work, seed) for work, (paths, seed) in runs.items()]
    for process in started:
        assert process.wait() == 0, process.stderr.read() if process.stderr else ""
    first, second = ((work / "out" / "stories.json").read_bytes() for work in runs)
    assert json.loads(first) == json.loads(second)  # the readable difference, if there is one
    assert first == second
