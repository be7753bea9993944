"""`storyline cluster`: pre-extracted items in, one event per item out, as a stream.

Each input line is a JSON object `{"id", "text", optional "title", "published"}`, in stream order;
each output is `{"id", "event"}`, written as soon as the item is placed. The clusterer is the
pipeline's, without its history, so memory stays bounded by the open events however long the input.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import Any, TypeVar

from storyline.cluster.stream import ClusterItem, StreamClusterer
from storyline.cluster.terms import count_terms
from storyline.embed import Embedder, article_input
from storyline.errors import InputError
from storyline.options import DEFAULT_OPTIONS, Options

# Items are embedded this many at a time (the model is much faster on batches) and then placed one by one.
EMBED_BATCH = 64
T = TypeVar("T")


def batches(things: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` things (the last one shorter)."""
    iterator = iter(things)
    while batch := list(islice(iterator, size)):
        yield batch


def read_item(line: str, number: int) -> dict[str, Any]:
    """One input line as a checked record; a bad line names its number."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"line {number}", f"not JSON ({error.msg})") from error
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
        raise InputError(f"line {number}", 'an item needs an "id" and a "text"')
    return record


def published_of(record: dict[str, Any], number: int) -> datetime | None:
    """The item's ISO 8601 date, in UTC when it gives no zone."""
    if not record.get("published"):
        return None
    try:
        moment = datetime.fromisoformat(record["published"])
    except (TypeError, ValueError) as error:
        raise InputError(
            f"line {number}", f"published is not an ISO 8601 date: {record['published']!r}"
        ) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def cluster_items(
    lines: Iterable[str], embedder: Embedder, options: Options = DEFAULT_OPTIONS
) -> Iterator[dict[str, str]]:
    """Place each item of a stream of JSON lines in an event, in order, as `{"id", "event"}`."""
    numbered = ((number, line) for number, line in enumerate(lines, start=1) if line.strip())
    records = ((number, read_item(line, number)) for number, line in numbered)
    clusterer: StreamClusterer | None = None
    for batch in batches(records, EMBED_BATCH):
        inputs = [article_input(record.get("title"), record["text"]) for _, record in batch]
        vectors = embedder.embed(inputs)
        clusterer = clusterer or StreamClusterer(options, vectors.shape[1], keep_history=False)
        items = [
            ClusterItem(str(record["id"]), vector, published_of(record, number), terms=count_terms(text))
            for (number, record), text, vector in zip(batch, inputs, vectors, strict=True)
        ]
        for item, assignment in zip(items, clusterer.add_many(items), strict=True):
            yield {"id": item.id, "event": assignment.event_id}
