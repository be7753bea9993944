"""Shared test helpers: where ../shared is, and how gold text is compared."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = REPO / "samples"
STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def fold(text: str) -> str:
    """Text as gold.json compares it: NFKC, curly quotes read as straight ones."""
    return unicodedata.normalize("NFKC", text).translate(STRAIGHT)


@pytest.fixture(scope="session")
def seeds_gold() -> dict[str, Any]:
    if not (SEEDS / "gold.json").exists():
        pytest.skip("../shared/seeds is absent here")
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
