"""Real news from ../shared/data for bench/throughput.py, written into its work folder as JSONL records.

JSONL because a record carries what a crawler or a feed would know beside the page, as the pipeline reads
it best: Fundus's pages with their address (the extractor reads each page's own date), PolNeAR's texts
with their title (the file's first line), outlet and date (both from the file name). Nothing is written
into the repository; without the data a corpus is None and the caller says so.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
# PolNeAR's file names: outlet_YYYY-MM-DD_the-first-words-of-the-title.txt
POLNEAR_NAME = re.compile(r"(?P<outlet>[a-z-]+)_(?P<date>\d{4}-\d{2}-\d{2})_")
T = TypeVar("T")


def evenly(items: list[T], limit: int | None) -> list[T]:
    """`limit` items spread over the whole list (files are sorted by publisher: the first N would be one)."""
    if limit is None or limit >= len(items):
        return items
    return [items[index * len(items) // limit] for index in range(limit)]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = (json.dumps(record, ensure_ascii=False) for record in records)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fundus_records(data: Path, limit: int | None) -> list[dict[str, Any]] | None:
    """The 80 pages of the Fundus benchmark (16 English publishers), each with its address."""
    folder = data / "fundus_eval" / "dataset"
    if not (folder / "ground_truth.json").is_file():
        return None
    truth = json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))
    pages = evenly(sorted((folder / "html").glob("*.html.gz")), limit)
    return [
        {"url": truth.get(page.name, {}).get("url"), "html": gzip.decompress(page.read_bytes()).decode()}
        for page in pages
    ]


def polnear_records(data: Path, limit: int | None) -> list[dict[str, Any]] | None:
    """PolNeAR's 2016 US-election articles of 7 publishers (train and dev; the test split is kept aside)."""
    texts = sorted((data / "polnear").glob("*/text/*"))
    if not texts:
        return None
    return [polnear_record(path) for path in evenly(texts, limit)]


def polnear_record(path: Path) -> dict[str, Any]:
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    named = POLNEAR_NAME.match(path.name)
    record = {"title": title.strip(), "text": body.strip()}
    if named:
        record |= {"outlet": named["outlet"], "published": named["date"]}
    return record


READERS: dict[str, Callable[[Path, int | None], list[dict[str, Any]] | None]] = {
    "fundus": fundus_records,
    "polnear": polnear_records,
}


def write_real_corpus(name: str, data: Path, folder: Path, limit: int | None) -> list[Path] | None:
    """The corpus `name` as one JSONL file in `folder`, or None when its data is not there."""
    records = READERS[name](data, limit)
    return [write_jsonl(folder / f"{name}.jsonl", records)] if records else None
