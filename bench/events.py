"""Event clustering on full articles: does one event hold one real-world happening, on real news?

    PYTHONPATH=. .venv/bin/python bench/events.py [--set NAME ...] [--threshold T] [--show] [--orders N]

Labelled sets (labels in bench/events_labels/, written by hand for this benchmark; texts read from
../shared/data at run time):
- `polnear-dev` (84 PolNeAR dev articles, 2016 US election, 7 outlets) and `polnear-heldout` (the 176
  PolNeAR train articles of June-July 2016: never tuned on), each as plain text without dates, as the
  product meets a pile of scraped pages, and dated (`-dated`: the metadata's publication day);
- `fundus` (the 80 Fundus pages of 16 outlets, HTML: dates are what the pages give);
- `multinews` (the 666 raw scraped articles of 250 Multi-News test clusters, one event a cluster,
  undated; its junk scrapes are kept: they are real input).
Each set goes through the real pipeline (extract, de-duplicate, embed, analyse entities: cached per
set outside the repository, ~/.cache/storyline-bench) and then `storyline.pipeline.cluster_new` on a
copy of that store. Printed: B-cubed precision / recall / F1 over the articles the clusterer placed
(copies join their original's event and are left out), the number of events, and the largest wrong
merge: the largest share of one found event's articles whose gold event is not the event's main one.
Undated input has no true order (a pile's file order is arbitrary), so `--orders N` also places the
articles of each undated set in N random orders and prints the spread of B-cubed F1.
Without ../shared/data the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.clustering_metrics import bcubed  # noqa: E402 -- the repository must be on the path first
from storyline.cluster import StreamClusterer  # noqa: E402
from storyline.embed import embedder_for  # noqa: E402
from storyline.options import DEFAULT_OPTIONS, Options  # noqa: E402
from storyline.pipeline import _cluster_item as cluster_item  # noqa: E402 -- the pipeline's own items
from storyline.pipeline import analyse_new, cluster_new, embed_new, ingest_documents  # noqa: E402
from storyline.records import RawDocument  # noqa: E402
from storyline.store import Store, open_store  # noqa: E402

DATA = REPO.parent / "shared" / "data"
LABELS = REPO / "bench" / "events_labels"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "storyline-bench"
# Bump when extraction, embedding or entity analysis changes what the cached stores hold.
CACHE_VERSION = "2"


@dataclass(frozen=True)
class Page:
    raw: RawDocument
    gold: str


@dataclass(frozen=True)
class Result:
    precision: float
    recall: float
    f1: float
    events: int
    gold_events: int
    articles: int
    copies: int
    shared: int
    wrong_merge: float  # the largest share of a found event from gold events not its main one
    wrong_merge_size: int  # that event's number of articles


def read_labels(name: str) -> dict[str, str]:
    with (LABELS / f"{name}.tsv").open(encoding="utf-8") as handle:
        return {row[0]: row[1] for row in csv.reader(handle, delimiter="\t")}


def polnear_dates() -> dict[str, datetime]:
    with (DATA / "polnear" / "metadata.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {
            row["filename"] + ".txt": _day(row["publication_date"]) for row in rows if row["publication_date"]
        }


def _day(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def polnear_pages(split: str, labels: str, dated: bool) -> list[Page]:
    """Plain-text pages, as a scraped pile gives them: no metadata unless `dated`."""
    folder = DATA / "polnear" / split / "text"
    dates = polnear_dates() if dated else {}
    return [
        Page(
            RawDocument(
                str(folder / name),
                (folder / name).read_text(encoding="utf-8"),
                "text",
                published=dates.get(name),
            ),
            gold,
        )
        for name, gold in read_labels(labels).items()
    ]


def fundus_pages() -> list[Page]:
    folder = DATA / "fundus_eval" / "dataset" / "html"
    return [
        Page(
            RawDocument(str(folder / name), gzip.decompress((folder / name).read_bytes()).decode(), "html"),
            gold,
        )
        for name, gold in read_labels("fundus").items()
    ]


def multinews_pages() -> list[Page]:
    """Each cluster's raw scraped articles, as plain text; the cluster is the gold event."""
    lines = (DATA / "multinews" / "test_sample.jsonl").read_text(encoding="utf-8").splitlines()
    clusters = [json.loads(line) for line in lines if line.strip()]
    return [
        Page(RawDocument(f"{cluster['id']}/{number}", text, "text"), cluster["id"])
        for cluster in clusters
        for number, text in enumerate(cluster["docs"])
    ]


SETS: dict[str, Callable[[], list[Page]]] = {
    "polnear-dev": lambda: polnear_pages("dev", "polnear-dev", dated=False),
    "polnear-dev-dated": lambda: polnear_pages("dev", "polnear-dev", dated=True),
    "polnear-heldout": lambda: polnear_pages("train", "polnear-heldout", dated=False),
    "polnear-heldout-dated": lambda: polnear_pages("train", "polnear-heldout", dated=True),
    "fundus": fundus_pages,
    "multinews": multinews_pages,
}
# Tuned on; the held-out PolNeAR sets are only measured.
DEV_SETS = ("polnear-dev", "polnear-dev-dated", "fundus", "multinews")
UNDATED_SETS = ("polnear-dev", "polnear-heldout", "multinews")


def prepared_store(name: str, pages: Sequence[Page]) -> Path:
    """A store with the set's pages extracted, embedded and analysed, built once and cached."""
    embedder = embedder_for(DEFAULT_OPTIONS)
    model = f"{embedder.name}/{getattr(embedder, 'precision', '')}"  # bfloat16 vectors are not float32's
    seed = "\n".join([CACHE_VERSION, model, *(page.raw.id for page in pages)])
    path = CACHE / f"events-{name}-{hashlib.sha256(seed.encode()).hexdigest()[:16]}.db"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    building.unlink(missing_ok=True)
    store = open_store(building)
    ingest_documents(store, (page.raw for page in pages))
    embed_new(store, embedder)
    analyse_new(store)
    store.close()
    building.rename(path)
    return path


@dataclass(frozen=True)
class Placement:
    gold: list[str]
    found: list[str]
    copies: int  # articles linked to an original, which join its event
    shared: int  # articles whose page stands under several gold events


@contextmanager
def working_copy(name: str, pages: Sequence[Page]) -> Iterator[Store]:
    """A fresh copy of the set's prepared store: each run clusters its own."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.db"
        shutil.copy(prepared_store(name, pages), copy)
        store = open_store(copy)
        try:
            yield store
        finally:
            store.close()


def gold_labels(store: Store, pages: Sequence[Page]) -> dict[str, set[str]]:
    """The gold events of each stored article (several for a page scraped under several)."""
    article_of = {article.raw_id: article.id for article in store.articles()}
    labels: dict[str, set[str]] = {}
    for page in pages:
        labels.setdefault(article_of.get(page.raw.id, ""), set()).add(page.gold)
    return labels


def placement(event_of: dict[str, str], labels: dict[str, set[str]], copies: int) -> Placement:
    # A page scraped alike under several gold events (a site's "enable JavaScript" stub) is one
    # article in the store, and no event is its right one: it is left out, and counted.
    placed = [article for article in event_of if len(labels.get(article, ())) == 1]
    gold = [next(iter(labels[article])) for article in placed]
    return Placement(gold, [event_of[article] for article in placed], copies, len(event_of) - len(placed))


def cluster_set(name: str, pages: Sequence[Page], options: Options) -> Placement:
    """Gold and found events of the articles the clusterer placed."""
    with working_copy(name, pages) as store:
        cluster_new(store, options)
        event_of = {article: event.id for event in store.events() for article in event.article_ids}
        return placement(event_of, gold_labels(store, pages), len(store.duplicates()))


def shuffled_f1s(name: str, pages: Sequence[Page], options: Options, orders: int) -> list[float]:
    """B-cubed F1 with the set's articles placed in `orders` random orders (seeded: reproducible)."""
    with working_copy(name, pages) as store:
        labels = gold_labels(store, pages)
        vectors = store.embeddings()
        items = [cluster_item(store, article, vectors[article.id]) for article in store.unclustered()]
    scores = []
    for seed in range(orders):
        random.Random(seed).shuffle(items)
        clusterer = StreamClusterer(options, dimension=len(items[0].vector))
        for item in items:
            clusterer.add(item)
        event_of = {article: event.id for event in clusterer.events() for article in event.article_ids}
        placed = placement(event_of, labels, 0)
        scores.append(bcubed(placed.gold, placed.found)[2])
    return scores


def largest_wrong_merge(gold: Sequence[str], found: Sequence[str]) -> tuple[float, int]:
    """The largest share of one found event's articles from gold events other than its main one."""
    members: dict[str, Counter[str]] = {}
    for truth, event in zip(gold, found, strict=True):
        members.setdefault(event, Counter())[truth] += 1
    worst = (0.0, 0)
    for counts in members.values():
        size = sum(counts.values())
        worst = max(worst, (1 - counts.most_common(1)[0][1] / size, size))
    return worst


def measure(name: str, options: Options) -> tuple[Result, list[str], list[str]]:
    pages = SETS[name]()
    placed = cluster_set(name, pages, options)
    gold, found = placed.gold, placed.found
    precision, recall, f1 = bcubed(gold, found)
    wrong, size = largest_wrong_merge(gold, found)
    result = Result(
        precision,
        recall,
        f1,
        len(set(found)),
        len(set(gold)),
        len(gold),
        placed.copies,
        placed.shared,
        wrong,
        size,
    )
    return result, gold, found


def print_mixed_events(gold: Sequence[str], found: Sequence[str]) -> None:
    """Each found event that mixes gold events, with its gold events and their counts."""
    members: dict[str, Counter[str]] = {}
    for truth, event in zip(gold, found, strict=True):
        members.setdefault(event, Counter())[truth] += 1
    for event, counts in sorted(members.items(), key=lambda item: -sum(item[1].values())):
        if len(counts) > 1:
            print(f"    {event}: " + ", ".join(f"{label[:40]} x{n}" for label, n in counts.most_common()))


def print_row(name: str, result: Result) -> None:
    split = "dev" if name in DEV_SETS else "held-out"
    print(
        f"{name:22} {split:8} {result.precision:6.3f} {result.recall:6.3f} {result.f1:6.3f} "
        f"{result.events:6d} {result.gold_events:5d} {result.articles:5d} "
        f"{result.copies:6d} {result.shared:6d} "
        f"{result.wrong_merge:6.0%} of {result.wrong_merge_size:3d}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, action="append", help="default: every set")
    parser.add_argument("--threshold", type=float, default=DEFAULT_OPTIONS.event_threshold)
    parser.add_argument("--show", action="store_true", help="list the found events that mix gold events")
    parser.add_argument("--orders", type=int, default=0, help="random orders to place each undated set in")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"no benchmark data at {DATA}: nothing to measure")
        return 0
    options = replace(DEFAULT_OPTIONS, event_threshold=args.threshold)
    print(
        f"{'set':22} {'split':8} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'events':>6} {'gold':>5} {'arts':>5} "
        f"{'copies':>6} {'shared':>6} {'worst merge':>12}"
    )
    for name in args.set or SETS:
        try:
            result, gold, found = measure(name, options)
        except FileNotFoundError as error:
            print(f"{name:22} no data ({error.filename}): skipped")
            continue
        print_row(name, result)
        if args.show:
            print_mixed_events(gold, found)
        if args.orders and name in UNDATED_SETS:
            scores = shuffled_f1s(name, SETS[name](), options, args.orders)
            print(
                f"    {args.orders} random orders: B3 F1 {min(scores):.3f} to {max(scores):.3f}, mean "
                f"{sum(scores) / len(scores):.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
