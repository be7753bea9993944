"""One options object passed down through the stages instead of dozens of keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storyline import __version__

OnError = Literal["skip", "collect", "raise"]
# float32 gives the model's exact figures; bfloat16 is ~3x faster where the chip computes it natively
# (vectors agree to a cosine of 0.99999); "auto" takes bfloat16 only there.
Precision = Literal["auto", "float32", "bfloat16"]


@dataclass(frozen=True)
class Options:
    # ingest
    max_bytes: int = 50_000_000
    on_error: OnError = "collect"
    # dedup: MinHash Jaccard at or above which two texts are one article
    near_duplicate_threshold: float = 0.8
    # embed
    embedding_model: str = "all-MiniLM-L6-v2"
    embedding_device: str = "auto"  # "cpu", "cuda", "cuda:1", ...; "auto" takes a GPU where torch sees one
    embedding_precision: Precision = "auto"
    # cluster: see storyline.cluster for how these combine
    event_threshold: float = 0.25
    event_window_days: float = 7.0
    storyline_threshold: float = 0.55
    max_open_events: int = 100_000  # bounds memory on a stream without dates (no window to close events)
    # brief
    summary_sentences: int = 8
    highlights: int = 5
    # progress bars on long work
    progress: bool = False
    # fetch: pages and feeds over HTTP (storyline.fetch)
    fetch_user_agent: str = f"Storyline/{__version__} (+https://example.invalid/storyline)"
    fetch_timeout: float = 20.0  # seconds to connect, and at most between two reads
    fetch_retries: int = 3  # on connection errors, timeouts, 429 and 5xx
    fetch_backoff: float = 1.0  # seconds before the first retry, doubled each time
    fetch_max_retry_wait: float = 120.0  # a longer Retry-After leaves the page to the next round
    fetch_max_bytes: int = 10_000_000
    # Seconds a body may take in all: a server trickling bytes cannot hold a worker for ever.
    fetch_page_deadline: float = 120.0
    fetch_max_redirects: int = 5
    fetch_concurrency: int = 8
    fetch_per_host: int = 2  # requests to one host at a time
    fetch_host_delay: float = 1.0  # seconds between two requests to one host (robots.txt may ask more)
    fetch_page_tries: int = 3  # rounds a page failing for a passing reason (5xx, timeout) is tried
    fetch_allow_private: bool = False  # loopback, private, link-local, ... addresses
    fetch_ignore_robots: bool = False
    # serve: a long article is ~100 kB of JSON, so ten megabytes leaves room for any page
    api_max_body: int = 10_000_000


DEFAULT_OPTIONS = Options()
