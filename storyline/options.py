"""One options object passed down through the stages instead of dozens of keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OnError = Literal["skip", "collect", "raise"]


@dataclass(frozen=True)
class Options:
    # ingest
    max_bytes: int = 50_000_000
    on_error: OnError = "collect"
    # dedup: MinHash Jaccard at or above which two texts are one article
    near_duplicate_threshold: float = 0.8
    # embed
    embedding_model: str = "all-MiniLM-L6-v2"
    # cluster: see storyline.cluster for how these combine
    event_threshold: float = 0.5
    event_window_days: float = 7.0
    storyline_threshold: float = 0.55
    # brief
    summary_sentences: int = 8
    highlights: int = 5
    # progress bars on long work
    progress: bool = False


DEFAULT_OPTIONS = Options()
