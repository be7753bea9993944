"""A store built once from the sample corpus plus hostile articles, for the web tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.store import open_store
from tests.conftest import SAMPLES

TOKEN = "test-token"
HOSTILE_TITLE = "Harbour <script>window.__xss = 1</script> strike talks"
HOSTILE_TEXT = (
    'Dockers in Valmora held a rally <img src=x onerror="window.__xss = 2"> outside the port on Monday '
    'as talks on pay resumed. <svg onload="window.__xss = 3"></svg> The union said it would not back down '
    "until the port authority offered a fair deal to the night shift workers.\n\n"
    "“We will stay at the gate,” said union leader Petra Olsen, who has led the night shift since 2019."
)


def write_hostile(folder: Path) -> None:
    record = {
        "title": HOSTILE_TITLE,
        "text": HOSTILE_TEXT,
        "url": "javascript:window.__xss=4",
        "published": "2026-07-01T10:00:00+00:00",
        "outlet": "<b>Evil</b> Gazette",
    }
    (folder / "hostile.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("web")
    write_hostile(work)
    store = open_store(work / "web.db")
    pipeline.digest(store, [SAMPLES, work / "hostile.jsonl"])
    store.close()
    return work / "web.db"
