"""Serving benchmark: story page, search and story list latency over loopback, against a big store.

    python bench/serve.py [--stories 1000] [--requests 500] [--concurrency 4]

Builds a store of synthetic articles and story briefs (the pipeline's own stages are measured
elsewhere; here only serving counts), starts `storyline serve` in its own process on 127.0.0.1,
and times real HTTP requests from this process. Prints p50/p95/max and requests per second.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from storyline.brief.export import iso  # noqa: E402 -- the repository must be on the path first
from storyline.records import Article, RawDocument  # noqa: E402
from storyline.store import open_store  # noqa: E402
from tests.servers import free_port, start_server  # noqa: E402

WORDS = (
    "harbour strike union talks port minister council flood river bridge election vote court ruling mine "
    "copper wage deal volcano eruption town coast storm ferry rail budget hospital school police league "
    "final club coach market shares bank rate inflation drought harvest festival museum"
).split()
PLACES = ["Valmora", "Lakeside", "Northport", "Kestrel Bay", "Amberfield", "Old Quay", "Ridgeway", "Fenmoor"]
ARTICLES_PER_STORY = 4


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 24))]
    return f"{rng.choice(PLACES)} {' '.join(words)}."


def build_store(path: Path, stories: int, seed: int = 7) -> list[str]:
    """A store of `stories` events of four articles each; returns the event ids."""
    rng = random.Random(seed)
    store = open_store(path)
    event_ids = []
    for number in range(stories):
        articles = [synthetic_article(store, rng, number, part) for part in range(ARTICLES_PER_STORY)]
        event_id = f"e-{number:010x}"
        store.save_brief(event_id, "event", synthetic_brief(event_id, articles, rng))
        event_ids.append(event_id)
    store.close()
    return event_ids


def synthetic_article(store, rng: random.Random, story: int, part: int) -> Article:
    text = "\n\n".join(" ".join(sentence(rng) for _ in range(3)) for _ in range(5))
    raw = RawDocument(source=f"bench/{story}/{part}.txt", payload=text, kind="text")
    article = Article(id=raw.id, raw_id=raw.id, source=raw.source, text=text, title=sentence(rng)[:80])
    store.save_article(raw, article, None, b"")
    return article


def synthetic_brief(event_id: str, articles: list[Article], rng: random.Random) -> dict:
    sources = [
        {"article": a.id, "outlet": f"Outlet {i}", "title": a.title, "published": None, "source": a.source}
        for i, a in enumerate(articles)
    ]
    summary = [
        {"text": sentence(rng), "cites": [a.id], "passages": [{"article": a.id, "sentence": 0}]}
        for a in articles * 2
    ]
    return {
        "id": event_id,
        "storyline": None,
        "headline": articles[0].title,
        "start": iso(None),
        "end": iso(None),
        "articles": [a.id for a in articles],
        "highlights": [sentence(rng) for _ in range(4)],
        "summary": summary,
        "timeline": [],
        "quotes": [{"speaker": "Ana Ruiz", "text": sentence(rng), "article": articles[0].id, "cue": "said"}]
        * 6,
        "entities": [{"name": place, "type": "GPE", "count": 2} for place in PLACES[:5]],
        "only_in": [],
        "sources": sources,
    }


def time_requests(base: str, paths: list[str], concurrency: int) -> dict[str, float]:
    with httpx.Client(base_url=base, timeout=30) as client:

        def fetch(path: str) -> float:
            began = time.perf_counter()
            response = client.get(path)
            response.raise_for_status()
            return (time.perf_counter() - began) * 1000

        began = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            latencies = sorted(pool.map(fetch, paths))
        elapsed = time.perf_counter() - began
    return {
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
        "max": latencies[-1],
        "rps": len(paths) / elapsed,
    }


def report_line(name: str, count: int, figures: dict[str, float], concurrency: int) -> str:
    return (
        f"{name:<11} n={count:<5} p50 {figures['p50']:6.1f} ms  p95 {figures['p95']:6.1f} ms  "
        f"max {figures['max']:6.1f} ms  {figures['rps']:6.0f} req/s  (concurrency {concurrency})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=4)
    options = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "bench.db"
        began = time.perf_counter()
        event_ids = build_store(db, options.stories)
        print(
            f"store: {options.stories} stories, {options.stories * ARTICLES_PER_STORY} articles "
            f"({time.perf_counter() - began:.1f} s to build)"
        )
        port = free_port()
        server = start_server(str(db), port)
        try:
            loads = {
                "story page": [f"/stories/{rng.choice(event_ids)}" for _ in range(options.requests)],
                "search": [
                    f"/search?q={rng.choice(WORDS)}+{rng.choice(WORDS)}" for _ in range(options.requests)
                ],
                "story list": ["/" for _ in range(options.requests // 5)],
            }
            for name, paths in loads.items():
                figures = time_requests(f"http://127.0.0.1:{port}", paths, options.concurrency)
                print(report_line(name, len(paths), figures, options.concurrency))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
