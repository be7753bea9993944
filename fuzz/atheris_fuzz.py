"""Coverage-guided fuzzing of one parser of outside input with atheris (libFuzzer for Python).

    .venv/bin/python fuzz/atheris_fuzz.py TARGET [libFuzzer options] [CORPUS_DIR ...]

TARGET is one of: text, html, jsonl, feed, warc, dates, api. See fuzz/README.md for the commands,
how long to run them and what they found. Not part of the test run: atheris is installed by hand.
"""

from __future__ import annotations

import gzip
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import atheris

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

with atheris.instrument_imports():
    from fuzz import targets

SAMPLES = REPO / "samples"
# The sample files each target starts from (its seed corpus), by the names' endings.
SEEDS = {
    "text": ("*.txt",),
    "html": ("*.html",),
    "jsonl": ("*.jsonl",),
    "feed": ("*.atom",),
    "warc": ("*.warc.gz",),
    "dates": ("*.txt",),
    "api": (),
}
API_METHODS = ("GET", "GET", "GET", "HEAD", "POST")


def as_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def fuzz_api() -> Callable[[bytes], None]:
    """Requests built from the input, to the web app over a store of the sample corpus."""
    from fastapi.testclient import TestClient

    from storyline import pipeline
    from storyline.serve import create_app
    from storyline.store import open_store

    database = Path(tempfile.mkdtemp()) / "fuzz.db"
    store = open_store(database)
    pipeline.digest(store, [SAMPLES])
    store.close()
    client = TestClient(create_app(database, "fuzz-token"), raise_server_exceptions=False)

    def one_input(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        method = API_METHODS[provider.ConsumeIntInRange(0, len(API_METHODS) - 1)]
        # Quoted as a browser would send it; the query string's own marks stay live.
        path = "/" + quote(provider.ConsumeUnicodeNoSurrogates(200).lstrip("/"), safe="/?&=%:@")
        body = {"text": provider.ConsumeUnicodeNoSurrogates(2000)} if method == "POST" else None
        targets.request_api(client, method, path, body, token="fuzz-token")

    return one_input


TARGETS: dict[str, Callable[[], Callable[[bytes], None]]] = {
    "text": lambda: lambda data: targets.read_text_page(as_text(data)),
    "html": lambda: lambda data: targets.read_html_page(as_text(data)),
    "jsonl": lambda: lambda data: targets.read_input_file(data, ".jsonl"),
    "feed": lambda: lambda data: targets.read_input_file(data, ".atom"),
    "warc": lambda: lambda data: targets.read_input_file(data, ".warc"),
    "dates": lambda: lambda data: targets.read_dates(as_text(data)),
    "api": fuzz_api,
}


def write_seeds(target: str, folder: Path) -> None:
    """Copy the samples a target reads into an empty corpus folder, gunzipped: libFuzzer mutates bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        return
    for pattern in SEEDS[target]:
        for sample in SAMPLES.rglob(pattern):
            if sample.suffix == ".gz":
                (folder / sample.stem).write_bytes(gzip.decompress(sample.read_bytes()))
            else:
                shutil.copy(sample, folder / sample.name)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options] [CORPUS_DIR ...]")
    target = sys.argv.pop(1)
    for folder in [Path(arg) for arg in sys.argv[1:] if not arg.startswith("-")]:
        if not folder.is_file():  # a file is an input to replay, not a corpus
            write_seeds(target, folder)
    atheris.Setup(sys.argv, TARGETS[target]())
    atheris.Fuzz()


if __name__ == "__main__":
    main()
