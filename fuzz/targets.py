"""The fuzz targets: one function per parser of outside input, fed one input at a time.

A target returns quietly when the input is read or refused with InputError; anything else it raises
is a finding. The atheris harness (fuzz/atheris_fuzz.py) and the CI smoke tests (tests/fuzz/) share
these, so both check the same properties.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import resource
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storyline.errors import InputError
from storyline.extract import extract
from storyline.extract.dates import find_yearless_date, parse_date
from storyline.ingest import parse_jsonl_line, read_file
from storyline.records import RawDocument

# RAM-backed where the machine has it: the file targets write one small file per input.
SCRATCH = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
# A spawned process imports the extractor before it starts on its input.
CHILD_START_SECONDS = 15.0


class Hang(Exception):
    """An input took longer than its time cap: a pathological regex or a quadratic loop."""


@contextmanager
def time_cap(seconds: float) -> Iterator[None]:
    """Raise Hang in the main thread once `seconds` have passed (re and Python code check signals)."""

    def expire(*_: Any) -> None:
        raise Hang(f"over the {seconds:g} s cap")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_document(raw: RawDocument) -> None:
    """Extract one document: an article, or InputError for a page without article text."""
    raw.id  # noqa: B018  (the content hash encodes the payload: it must be writable text)
    try:
        article = extract(raw)
    except InputError:
        return
    assert article.text.strip(), "an article with no text"


def read_text_page(text: str) -> None:
    extract_document(RawDocument(source="fuzz.txt", payload=text, kind="text"))


def read_html_page(html: str) -> None:
    extract_document(RawDocument(source="fuzz.html", payload=html, kind="html"))


def read_jsonl_line(line: str) -> None:
    try:
        raw = parse_jsonl_line("fuzz.jsonl#L1", line)
    except InputError:
        return
    extract_document(raw)


def ingest_input_file(data: bytes, extension: str) -> list[RawDocument]:
    """The documents of `data` read as a file named *`extension`* (its failures are InputErrors)."""
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        path = Path(folder) / f"input{extension}"
        path.write_bytes(data)
        items = read_file(path)  # InputErrors come back as IngestFailures; anything else is raised
    return [item for item in items if isinstance(item, RawDocument)]


def read_input_file(data: bytes, extension: str) -> None:
    """Ingest `data` as a file named *`extension`*, then extract every document it yields."""
    for raw in ingest_input_file(data, extension):
        extract_document(raw)


def read_dates(text: str) -> None:
    """A date read from any text is aware and not in the future; a yearless one is a real day."""
    found = parse_date(text)
    if found is not None:
        assert found.tzinfo is not None and found <= datetime.now(UTC), found
    yearless = find_yearless_date(text)
    if yearless is not None:
        datetime(2000, yearless.month, yearless.day)  # 2000 is a leap year: 29 February is allowed


def request_api(client: Any, method: str, path: str, body: Any = None, token: str | None = None) -> None:
    """One request to the web app: any answer but a server error."""
    headers = {"Authorization": f"Bearer {token}"} if token else None
    response = client.request(method, path, json=body, headers=headers)
    assert response.status_code < 500, f"{method} {path!r}: {response.status_code} {response.text[:200]}"


@dataclass(frozen=True)
class Measure:
    """How one input went in a fresh process: "ok", "InputError" or the error; time; peak memory."""

    outcome: str
    seconds: float
    peak_mb: float


def run_isolated(target: str, args: tuple[Any, ...], cap: float) -> Measure | None:
    """Run `targets.<target>(*args)` in a fresh process, killed at `cap` seconds (then None).

    A process of its own, so that a C loop that never checks for signals is stopped too, and so
    that the peak memory measured is the input's, not the test run's.
    """
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    child = context.Process(target=_measure, args=(results, target, args), daemon=True)
    child.start()
    try:
        results.get(timeout=CHILD_START_SECONDS)  # the child is ready: its imports are done
        return results.get(timeout=cap)
    except queue.Empty:
        return None
    finally:
        child.kill()
        child.join()


def _measure(results: Any, target: str, args: tuple[Any, ...]) -> None:
    _reset_peak_memory()
    results.put("ready")
    started = time.monotonic()
    try:
        globals()[target](*args)
        outcome = "ok"
    except InputError:
        outcome = "InputError"
    except Exception as error:  # the finding itself, reported to the parent
        outcome = f"{type(error).__name__}: {str(error)[:200]}"
    results.put(Measure(outcome, time.monotonic() - started, _peak_memory_mb()))


def _reset_peak_memory() -> None:
    """Start the peak afresh: a child forked from a large test process before its exec can inherit
    the parent's resident size as its own high-water mark (Linux keeps ru_maxrss across execve)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_memory_mb() -> float:
    """The process's peak resident size since the reset (VmHWM), or since it started elsewhere."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
