"""Story clustering on Google News (Yin & Wang, KDD 2014): Storyline's stream against offline baselines.

    .venv/bin/python bench/clustering.py [--split dev|confirm|all] [--threshold T]

Streams GoogleNews-TS.dev.jsonl (7,446 title+snippet items in 102 stories) through `storyline cluster`'s
code path (`storyline.cluster.items.cluster_items`) in a fixed shuffled order, the number of stories
not given, and prints NMI, B-cubed precision / recall / F1, ARI, the number of clusters found and items
per second (embedding excluded; by the clock and per second of CPU time, which a busy machine does
not distort). On the same embeddings, for reference: k-means given the true number
of stories, and scikit-learn's HDBSCAN. The file is cut in two by a hash of the story id: `dev` may be
looked at while tuning, `confirm` only to check; `all` is the whole file. Embeddings are cached outside
the repository (~/.cache/storyline-bench). Data is read from ../shared/data; without it the script says
so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.clustering_metrics import Scores, score, split_of  # noqa: E402 -- the repository must be on the path first
from storyline.cluster.items import cluster_items  # noqa: E402
from storyline.embed import article_input, load_embedder  # noqa: E402
from storyline.options import DEFAULT_OPTIONS  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "googlenews" / "GoogleNews-TS.dev.jsonl"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "storyline-bench"
SPLITS = ("dev", "confirm", "all")
SHUFFLE_SEED = 2014


class CachedEmbedder:
    """The real embedder's vectors for this file, computed once and kept outside the repository."""

    def __init__(self, texts: Sequence[str], model: str) -> None:
        embedder = load_embedder(model)
        precision = getattr(embedder, "precision", "")  # bfloat16 vectors are not float32's
        digest = hashlib.sha256("\n".join([f"{model}/{precision}", *texts]).encode("utf-8")).hexdigest()[:16]
        path = CACHE / f"googlenews-{digest}.npy"
        if not path.exists():
            started = time.perf_counter()
            vectors = embedder.embed(texts)
            print(f"embedded {len(texts)} items in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            CACHE.mkdir(parents=True, exist_ok=True)
            np.save(path, vectors)
        self.name = model
        self.vectors = np.load(path)
        self._row = {article_input(None, text): row for row, text in enumerate(texts)}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.vectors[[self._row[text] for text in texts]]


def stream_of(rows: list[dict], split: str) -> list[dict]:
    """The split's items in one fixed shuffled order."""
    chosen = [row for row in rows if split == "all" or split_of(row["cluster"]) == split]
    order = np.random.default_rng(SHUFFLE_SEED).permutation(len(chosen))
    return [chosen[i] for i in order]


def run_storyline(items: list[dict], embedder: CachedEmbedder, threshold: float) -> tuple[list[str], str]:
    """The events found, and the items per second by the clock and per second of CPU time."""
    options = replace(DEFAULT_OPTIONS, event_threshold=threshold)
    lines = [json.dumps({"id": item["id"], "text": item["text"]}) for item in items]
    started, started_cpu = time.perf_counter(), time.process_time()
    found = [placed["event"] for placed in cluster_items(lines, embedder, options)]
    wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    return found, f"{len(items) / wall:,.0f} / {len(items) / cpu:,.0f}"


def run_kmeans(vectors: np.ndarray, stories: int) -> list[int]:
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=stories, n_init=10, random_state=0).fit_predict(vectors).tolist()


def run_hdbscan(vectors: np.ndarray) -> list[int]:
    """HDBSCAN's noise points (-1) each count as a cluster of their own, as a stream would have them."""
    from sklearn.cluster import HDBSCAN

    labels = HDBSCAN(min_cluster_size=5, metric="euclidean", copy=True).fit_predict(vectors)
    return [label if label >= 0 else -1 - row for row, label in enumerate(labels)]


def print_row(split: str, system: str, scores: Scores, speed: str) -> None:
    print(
        f"{split:8} {system:32} {scores.nmi:6.3f} {scores.precision:6.3f} {scores.recall:6.3f} "
        f"{scores.f1:6.3f} {scores.ari:6.3f} {scores.clusters:5d} {speed:>15}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, action="append", help="default: all three")
    parser.add_argument("--threshold", type=float, default=DEFAULT_OPTIONS.event_threshold)
    parser.add_argument("--no-baselines", action="store_true", help="Storyline only (for tuning)")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"no Google News data at {DATA}: nothing to measure")
        return 0
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    embedder = CachedEmbedder([row["text"] for row in rows], DEFAULT_OPTIONS.embedding_model)
    titles = " ".join(f"{title:>6}" for title in ("NMI", "B3 P", "B3 R", "B3 F1", "ARI"))
    print(f"{'split':8} {'system':32} {titles} {'k':>5} {'items/s, /CPU s':>15}")
    for split in args.split or SPLITS:
        items = stream_of(rows, split)
        gold = [item["cluster"] for item in items]
        found, speed = run_storyline(items, embedder, args.threshold)
        print_row(split, f"storyline stream (t={args.threshold})", score(gold, found), speed)
        if args.no_baselines:
            continue
        vectors = embedder.embed([article_input(None, item["text"]) for item in items])
        print_row(split, "k-means, true k (offline)", score(gold, run_kmeans(vectors, len(set(gold)))), "-")
        print_row(split, "HDBSCAN (offline)", score(gold, run_hdbscan(vectors)), "-")
    return 0


if __name__ == "__main__":
    sys.exit(main())
