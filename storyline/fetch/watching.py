"""`storyline watch`: follow a list of feeds and sitemaps, one round every so often, so that events
grow as articles arrive and only the briefs of events that changed are rewritten.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from storyline.errors import InputError
from storyline.fetch.address import FetchError, check_scheme
from storyline.fetch.rounds import ingest_urls
from storyline.ingest import IngestFailure
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.pipeline import DigestReport, process_new
from storyline.store import Store

INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
SECONDS_PER_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
# A scheme: two letters at least, so that a Windows drive (C:) is not one.
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]+:")
PROGRESS_EVERY = 25  # pages between two progress lines of a round
Echo = Callable[[str], None]


def parse_interval(text: str) -> float:
    """Seconds in "90", "30s", "15m", "1.5h" or "1d"; raises ValueError on anything else."""
    match = INTERVAL.fullmatch(text.strip().lower())
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"{text!r} is not a time like 30s, 15m, 2h or 1d")
    return float(match.group(1)) * SECONDS_PER_UNIT[match.group(2)]


def split_urls(paths: tuple[str, ...] | list[str]) -> tuple[list[str], list[str]]:
    """Command-line arguments as (file paths, URLs): what starts with a scheme and is no existing file is
    a URL (and is refused later unless http or https: file:, data: and the like are never read)."""
    urls = [path for path in paths if SCHEME.match(path) and not Path(path).exists()]
    return [path for path in paths if path not in urls], urls


def read_sources_file(path: str | Path) -> list[str]:
    """The feed and sitemap URLs of a sources file: one a line, blank lines and # comments allowed."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read the sources file ({error})") from error
    sources = []
    for number, line in enumerate(lines, start=1):
        url = line.strip()  # a # inside a URL is its fragment: only whole lines are comments
        if not url or url.startswith("#"):
            continue
        try:
            check_scheme(url)
        except FetchError as error:
            raise InputError(f"{path}#L{number}", error.reason) from error
        sources.append(url)
    if not sources:
        raise InputError(str(path), "the sources file lists no feed or sitemap URL")
    return sources


def run_round(
    store: Store,
    sources: list[str],
    options: Options = DEFAULT_OPTIONS,
    on_failure: Callable[[IngestFailure], None] | None = None,
    echo: Echo | None = None,
) -> DigestReport:
    """Fetch what is new at the sources, then embed, analyse, cluster and rewrite the changed briefs."""
    report = ingest_urls(store, sources, options, on_failure=on_failure, on_progress=progress_lines(echo))
    return process_new(store, options, report)


def progress_lines(echo: Echo | None) -> Callable[[int, int], None] | None:
    """A line every PROGRESS_EVERY pages of a long round (watch runs unattended: bars would not be seen)."""
    if echo is None:
        return None

    def on_progress(done: int, total: int) -> None:
        if done % PROGRESS_EVERY == 0 and done < total:
            echo(f"  fetched {done}/{total} pages")

    return on_progress


def round_line(number: int, report: DigestReport) -> str:
    counts = report.counts
    return (
        f"round {number} at {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC: {report.added} new pages "
        f"({report.duplicates} copies), {len(report.failures)} failed, {report.events_changed} events "
        f"changed; store: {counts.get('articles', 0)} articles, {counts.get('events', 0)} events"
    )


def watch(
    store: Store,
    sources_file: str | Path,
    every: float,
    once: bool = False,
    options: Options = DEFAULT_OPTIONS,
    echo: Echo = print,
    on_failure: Callable[[IngestFailure], None] | None = None,
) -> DigestReport:
    """Run a round every `every` seconds (just one with `once`), reading the sources file afresh each
    time so it can be edited while watching; returns the last round's report."""
    number = 0
    while True:
        number += 1
        started = time.monotonic()
        report = run_round(store, read_sources_file(sources_file), options, on_failure, echo)
        echo(round_line(number, report))
        if once:
            return report
        time.sleep(max(0.0, every - (time.monotonic() - started)))
