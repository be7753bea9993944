"""The `storyline` command: the same operations as the Python API, with clean one-line errors."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from storyline import fetch, pipeline
from storyline.brief.render import render_html, render_markdown, render_storyline_markdown, span
from storyline.dialects import POSTGRES_SCHEMES
from storyline.errors import StorylineError
from storyline.ingest import IngestFailure
from storyline.options import Options
from storyline.store import Store, open_store

DB_OPTION = click.option(
    "--db",
    "db_path",
    default="storyline.db",
    show_default=True,
    help="The story store: a SQLite file, or a postgresql://USER:PASSWORD@HOST/DB URL.",
)
MAX_BYTES_OPTION = click.option(
    "--max-bytes",
    type=click.IntRange(1),
    default=None,
    help=f"Largest input file accepted, in bytes, unpacked if gzipped [default: {Options.max_bytes:,}].",
)
EXIT_INPUT_FAILED = 1


def compute_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Where and how precisely embeddings are computed (the commands that embed have these)."""
    command = click.option(
        "--device",
        default=Options.embedding_device,
        show_default=True,
        help="Torch device for embeddings: cpu, cuda, cuda:N, or auto (a GPU where torch sees one).",
    )(command)
    return click.option(
        "--precision",
        type=click.Choice(["auto", "float32", "bfloat16"]),
        default=Options.embedding_precision,
        show_default=True,
        help="Embedding arithmetic; auto takes bfloat16 (about 3x faster) where the chip has it natively.",
    )(command)


def with_compute(options: Options, device: str, precision: str) -> Options:
    """The options with the device and precision asked for; a device torch cannot use is refused now,
    before any input is read, not after the ingest."""
    from storyline.embed import choose_device

    choose_device(device)
    return replace(options, embedding_device=device, embedding_precision=precision)  # type: ignore[arg-type]


def clean_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn Storyline's own errors into one line on standard error instead of a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except StorylineError as error:
            raise click.ClickException(str(error)) from error

    return wrapper


def report_failure(failure: IngestFailure) -> None:
    click.echo(f"storyline: skipped {failure}", err=True)


def make_options(on_error: str, show_progress: bool | None, max_bytes: int | None = None) -> Options:
    wanted = sys.stderr.isatty() if show_progress is None else show_progress
    return Options(on_error=on_error, progress=wanted, max_bytes=max_bytes or Options.max_bytes)  # type: ignore[arg-type]


def fetch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "--allow-private",
        is_flag=True,
        help="Also fetch from loopback, private, link-local and other non-public addresses.",
    )(command)
    return click.option("--ignore-robots", is_flag=True, help="Fetch pages robots.txt forbids.")(command)


def with_fetch(options: Options, allow_private: bool, ignore_robots: bool) -> Options:
    return replace(options, fetch_allow_private=allow_private, fetch_ignore_robots=ignore_robots)


def ingest_all(store: Store, paths: tuple[str, ...], options: Options) -> pipeline.DigestReport:
    """The files under the paths, then the pages, feeds and sitemaps at the URLs among them."""
    files, urls = fetch.split_urls(paths)
    report = pipeline.ingest(store, files, options, on_failure=report_failure)
    return fetch.ingest_urls(store, urls, options, report, report_failure) if urls else report


def ingest_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "--on-error",
        type=click.Choice(["collect", "skip", "raise"]),
        default="collect",
        show_default=True,
        help="A bad file: name it and go on (collect, skip), or stop at it (raise).",
    )(command)
    command = click.option(
        "--progress/--no-progress",
        "show_progress",
        default=None,
        help="Progress bars (default: when standard error is a terminal).",
    )(command)
    command = MAX_BYTES_OPTION(command)
    return click.argument("paths", nargs=-1, required=True, type=click.Path())(command)


@click.group()
@click.version_option(package_name="storyline")
def main() -> None:
    """Storyline: a pile of raw news articles in, cited story briefs out."""


@main.command()
@ingest_options
@fetch_options
@DB_OPTION
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False), help="Write stories.json, .md, .html here."
)
@compute_options
@clean_errors
def digest(
    paths: tuple[str, ...],
    db_path: str,
    out_dir: str | None,
    on_error: str,
    show_progress: bool | None,
    max_bytes: int | None,
    allow_private: bool,
    ignore_robots: bool,
    device: str,
    precision: str,
) -> None:
    """Ingest every file under PATHS (and the pages and feeds at URLs), cluster, analyse, write the briefs."""
    options = with_fetch(make_options(on_error, show_progress, max_bytes), allow_private, ignore_robots)
    options = with_compute(options, device, precision)
    store = open_store(db_path)
    report = pipeline.process_new(store, options, ingest_all(store, paths, options))
    counts = report.counts
    click.echo(
        f"{report.added} new articles ({report.duplicates} copies), {report.unchanged} already stored, "
        f"{len(report.failures)} failed; store: {counts['articles']} articles, {counts['events']} events, "
        f"{counts['storylines']} storylines, {counts['quotes']} quotes"
    )
    if out_dir:
        for path in pipeline.write_outputs(store, Path(out_dir)):
            click.echo(f"wrote {path}")
    _exit_for(report.failures)


@main.command()
@ingest_options
@fetch_options
@DB_OPTION
@clean_errors
def ingest(
    paths: tuple[str, ...],
    db_path: str,
    on_error: str,
    show_progress: bool | None,
    max_bytes: int | None,
    allow_private: bool,
    ignore_robots: bool,
) -> None:
    """Store every article under PATHS and at the URLs among them (no clustering or briefs yet)."""
    options = with_fetch(make_options(on_error, show_progress, max_bytes), allow_private, ignore_robots)
    report = ingest_all(open_store(db_path), paths, options)
    click.echo(
        f"{report.added} new articles ({report.duplicates} copies), {report.unchanged} already stored, "
        f"{len(report.failures)} failed"
    )
    _exit_for(report.failures)


@main.command()
@click.argument("sources_file", type=click.Path(exists=True, dir_okay=False))
@DB_OPTION
@click.option("--every", default="15m", show_default=True, help="Time between rounds: 90s, 15m, 2h, 1d.")
@click.option("--once", is_flag=True, help="Run one round, then stop.")
@fetch_options
@compute_options
@clean_errors
def watch(
    sources_file: str,
    db_path: str,
    every: str,
    once: bool,
    allow_private: bool,
    ignore_robots: bool,
    device: str,
    precision: str,
) -> None:
    """Follow the feeds and sitemaps listed in SOURCES_FILE (one URL a line, # comments): each round
    fetches the new pages, grows the events and rewrites the briefs of those that changed."""
    try:
        seconds = fetch.parse_interval(every)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--every") from error
    options = with_fetch(make_options("collect", None), allow_private, ignore_robots)
    options = with_compute(options, device, precision)
    fetch.watch(open_store(db_path), sources_file, seconds, once, options, click.echo, report_failure)


def _exit_for(failures: list[IngestFailure]) -> None:
    if failures:
        sys.exit(EXIT_INPUT_FAILED)


def _open_existing(db_path: str) -> Store:
    """A store that must exist already: a SQLite file that is there, or a PostgreSQL URL."""
    if not db_path.startswith(POSTGRES_SCHEMES) and not Path(db_path).exists():
        raise StorylineError(f"{db_path}: no such store; run `storyline digest PATH --db {db_path}` first")
    return open_store(db_path)


@main.command()
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story instead of a table.")
@clean_errors
def stories(db_path: str, as_json: bool) -> None:
    """List the events: id, headline, span, sources."""
    for event in pipeline.stories_document(_open_existing(db_path))["events"]:
        if as_json:
            click.echo(
                json.dumps({key: event[key] for key in ("id", "headline", "start", "end", "articles")})
            )
        else:
            click.echo(
                f"{event['id']}  {span(event):<24}  {len(event['sources'])} sources  {event['headline']}"
            )


@main.command()
@click.argument("story_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@clean_errors
def show(story_id: str, db_path: str, fmt: str) -> None:
    """Print the brief of one event (or storyline) in the terminal."""
    store = _open_existing(db_path)
    brief = store.brief(story_id)
    if fmt == "json":
        click.echo(json.dumps(brief, ensure_ascii=False, indent=1))
    elif "summary" in brief:
        click.echo(render_markdown(brief))
    else:
        click.echo(render_storyline_markdown(brief, [store.brief(event_id) for event_id in brief["events"]]))


@main.command()
@DB_OPTION
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl", "md", "html"]), default="json", show_default=True
)
@click.option(
    "--out",
    "out_file",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write here instead of standard output.",
)
@clean_errors
def export(db_path: str, fmt: str, out_file: Any) -> None:
    """Export every story: stories.json, one JSON line per event, Markdown or one HTML page."""
    document = pipeline.stories_document(_open_existing(db_path))
    out_file.write(_exported(document, fmt))


def _exported(document: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in document["events"])
    if fmt == "md":
        return "\n\n".join(render_markdown(event) for event in document["events"])
    texts = {article["id"]: article["text"] for article in document["articles"]}
    return render_html("Storyline briefs", document["events"], texts, document["storylines"])


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="STORYLINE_TOKEN", help="Accept POST /api/articles with this bearer token.")
@click.option(
    "--max-body",
    type=click.IntRange(1),
    default=Options.api_max_body,
    show_default=True,
    help="Largest POST /api/articles body, in bytes (larger: 413).",
)
@clean_errors
def serve(db_path: str, host: str, port: int, token: str | None, max_body: int) -> None:
    """Serve the story pages, the JSON API (described at /openapi.json) and the Atom feed."""
    import uvicorn

    from storyline.serve import create_app

    app = create_app(_open_existing(db_path).db_path, token, max_body)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@clean_errors
def quotes(paths: tuple[str, ...]) -> None:
    """One JSON line per attribution in each text file: speaker, cue and content with character spans."""
    from storyline.analyse.files import quotes_of_files

    for record in quotes_of_files(paths):
        click.echo(json.dumps(record, ensure_ascii=False))


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "output_format", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@clean_errors
def extract_command(paths: tuple[str, ...], output_format: str) -> None:
    """Print every page under PATHS as the pipeline extracts it, one JSON line per page."""
    from storyline.extract import extract_paths

    del output_format  # JSON lines is the only format so far
    failures = []
    for item in extract_paths(paths):
        if isinstance(item, IngestFailure):
            report_failure(item)
            failures.append(item)
        else:
            click.echo(json.dumps(item, ensure_ascii=False))
    _exit_for(failures)


@main.command("spark-digest")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out", "out_dir", required=True, type=click.Path(file_okay=False), help="stories.json etc. here."
)
@click.option("--master", default="local[2]", show_default=True, help="The Spark master.")
@click.option("--db", "db_path", default=None, help="The story store (default: OUT/storyline.db).")
@click.option(
    "--parquet", default=None, help="Where the pages go (default OUT/articles.parquet; shared on a cluster)."
)
@MAX_BYTES_OPTION
@compute_options
@clean_errors
def spark_digest(
    inputs: tuple[str, ...],
    out_dir: str,
    master: str,
    db_path: str | None,
    parquet: str | None,
    max_bytes: int | None,
    device: str,
    precision: str,
) -> None:
    """Digest WARC/JSONL files (paths, globs, s3a:// URIs) with the per-article work on Apache Spark."""
    from storyline import spark

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    options = with_compute(make_options("collect", None, max_bytes), device, precision)
    store = open_store(db_path or out / "storyline.db")
    session = spark.start_spark(master)
    try:
        report = spark.spark_digest(session, inputs, out, store, options, report_failure, parquet)
    finally:
        session.stop()
    for path in pipeline.write_outputs(store, out):
        click.echo(f"wrote {path}")
    click.echo(f"{report.added} new articles, {len(report.failures)} failed; {report.counts}")
    _exit_for(report.failures)


@main.command()
@click.option(
    "--input",
    "items",
    required=True,
    type=click.File("r", encoding="utf-8"),
    help='Items, one JSON object a line: "id", "text", optional "title" and "published" (ISO 8601), '
    "in stream order ('-' reads standard input).",
)
@compute_options
@clean_errors
def cluster(items: Any, device: str, precision: str) -> None:
    """Place pre-extracted items in events as a stream: one {"id", "event"} line out per item in."""
    from storyline.cluster.items import cluster_items
    from storyline.embed import embedder_for

    options = with_compute(Options(), device, precision)
    for placed in cluster_items(items, embedder_for(options), options):
        click.echo(json.dumps(placed))


if __name__ == "__main__":
    main()
