"""Fetch benchmark: pages per second fetched, then processed through the pipeline, from local web sites.

    python bench/fetch.py [--pages 240] [--hosts 4] [--concurrency 8] [--per-host 2] [--host-delay 0]

Starts one small web site per host on 127.0.0.1, 127.0.0.2, ... (all loopback; nothing else is
reached), each serving an RSS feed of synthetic article pages. Then times, on a fresh store:
  fetch only      every page through `Fetcher.get` on the worker threads (client, gates, robots.txt);
  fetch + store   one `ingest_urls` round over the feeds: fetch, extract, de-duplicate, store;
  process         `process_new` after it: embed, analyse, cluster, brief;
  second round    the same round again, which must fetch no page (feeds answer 304).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from storyline.fetch import Fetcher
from storyline.fetch.rounds import ingest_urls, interleave_by_host, parallel
from storyline.options import Options
from storyline.pipeline import process_new
from storyline.store import open_store

Routes = dict[str, tuple[str, bytes]]


COMMON = "the said on after in of to a and at was would with from by for that".split()
ARTICLES_PER_EVENT = 4


def lexicon() -> list[str]:
    """Real English words (spaCy's vocabulary, installed with the analyse model), in a stable order."""
    from storyline.analyse.model import load_nlp

    strings = load_nlp().vocab.strings
    return sorted(word for word in strings if word.isalpha() and word.islower() and 5 <= len(word) <= 10)


def event_words(rng: random.Random, words: list[str]) -> tuple[str, str, list[str]]:
    """An invented event: a place, a person and a vocabulary of its own, shared by its articles only."""
    place, first, last = (rng.choice(words).title() for _ in range(3))
    return place, f"{first} {last}", rng.sample(words, 24)


def sentence(rng: random.Random, place: str, person: str, words: list[str]) -> str:
    body = [rng.choice(words if rng.random() < 0.6 else COMMON) for _ in range(rng.randint(12, 22))]
    return f"In {place} {' '.join(body)}, {person} said."


def article_page(rng: random.Random, title: str, event: tuple[str, str, list[str]]) -> bytes:
    paragraphs = "".join(f"<p>{' '.join(sentence(rng, *event) for _ in range(3))}</p>" for _ in range(5))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<nav>Home | World | Business</nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Copyright Bench Times</footer></body></html>"
    ).encode()


def build_site(host: str, pages: int, rng: random.Random) -> Routes:
    """A feed of `pages` article pages, four on each invented event, at http://host:port/."""
    routes: Routes = {"/robots.txt": ("text/plain", b"User-agent: *\nAllow: /\n")}
    items, words = [], lexicon()
    for number in range(pages):
        if number % ARTICLES_PER_EVENT == 0:
            event = event_words(rng, words)
        title = f"{event[1]} in {event[0]}: report {number}"
        routes[f"/story/{number}.html"] = ("text/html; charset=utf-8", article_page(rng, title, event))
        items.append(f"<item><title>{title}</title><link>/story/{number}.html</link></item>")
    feed = f"<rss version='2.0'><channel><title>Bench {host}</title>{''.join(items)}</channel></rss>"
    routes["/feed.xml"] = ("application/rss+xml", feed.encode())
    return routes


def handler_for(routes: Routes) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out at once, not 40 ms apart

        def do_GET(self) -> None:
            content_type, body = routes.get(self.path, ("text/plain", b"not here"))
            if self.path == "/feed.xml" and self.headers.get("If-None-Match") == '"feed"':
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", '"feed"' if self.path == "/feed.xml" else '"page"')
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def sites(hosts: int, pages: int) -> Iterator[list[str]]:
    """Local sites on 127.0.0.1..127.0.0.N, `pages` pages in all; yields their feed URLs."""
    rng = random.Random(11)
    servers = []
    for index in range(hosts):
        host = f"127.0.0.{index + 1}"
        server = ThreadingHTTPServer((host, 0), handler_for(build_site(host, pages // hosts, rng)))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    try:
        yield [f"http://{s.server_address[0]}:{s.server_address[1]}/feed.xml" for s in servers]
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def time_fetch_only(feeds: list[str], pages: int, hosts: int, options: Options) -> float:
    urls = [feed.replace("/feed.xml", f"/story/{n}.html") for feed in feeds for n in range(pages // hosts)]
    started = time.perf_counter()
    with Fetcher(options) as fetcher, ThreadPoolExecutor(options.fetch_concurrency) as pool:
        for url, outcome in parallel(pool, fetcher.get, interleave_by_host(urls), options):
            if isinstance(outcome, Exception):
                raise SystemExit(f"{url}: {outcome}")
    return time.perf_counter() - started


def run(args: argparse.Namespace) -> None:
    options = Options(
        fetch_allow_private=True,  # the sites are on loopback
        fetch_concurrency=args.concurrency,
        fetch_per_host=args.per_host,
        fetch_host_delay=args.host_delay,
    )
    pages = args.pages - args.pages % args.hosts
    with sites(args.hosts, pages) as feeds, tempfile.TemporaryDirectory() as work:
        fetched = time_fetch_only(feeds, pages, args.hosts, options)
        store = open_store(Path(work) / "bench.db")
        started = time.perf_counter()
        report = ingest_urls(store, feeds, options)
        stored = time.perf_counter() - started
        started = time.perf_counter()
        process_new(store, replace(options, progress=False), report)
        processed = time.perf_counter() - started
        started = time.perf_counter()
        again = ingest_urls(store, feeds, options)
        second = time.perf_counter() - started
    print(f"pages: {pages} on {args.hosts} hosts; stored {report.added}, failed {len(report.failures)}")
    print(f"concurrency {args.concurrency}, {args.per_host} per host, host delay {args.host_delay}s")
    print(f"fetch only:    {fetched:7.2f} s  {pages / fetched:8.1f} pages/s")
    print(f"fetch + store: {stored:7.2f} s  {pages / stored:8.1f} pages/s")
    events = f"({report.events_changed} events)"
    print(f"process:       {processed:7.2f} s  {pages / processed:8.1f} pages/s  {events}")
    end_to_end = stored + processed
    print(f"end to end:    {end_to_end:7.2f} s  {pages / end_to_end:8.1f} pages/s")
    print(f"second round:  {second:7.2f} s  {again.added} new pages, {len(again.failures)} failed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=240)
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--host-delay", type=float, default=0.0)
    run(parser.parse_args())


if __name__ == "__main__":
    main()
