"""Throughput of each stage of `storyline digest` and end to end, on generated and real news, and on Spark.

    .venv/bin/python bench/throughput.py [--corpus generated|fundus|polnear|all] [--articles 2000]
        [--per-file 500] [--limit N] [--data DIR] [--skip-spark] [--master local[2]] [--sample-files 1]
        [--torch-threads N] [--precision auto|float32|bfloat16] [--sequential] [--work DIR] [--json FILE]

Corpora (each digested into its own fresh store under `--work`):

- generated: `--articles` invented HTML pages of about 400 words, 20 per event, one in twenty a
  syndicated copy of another, as gzipped WARC files of `--per-file` responses, as CC-NEWS comes;
- fundus: the Fundus benchmark's 80 pages of 16 English publishers (../shared/data, README there);
- polnear: PolNeAR's 924 US-election texts of 2016 (train and dev); `--limit N` takes N of a real
  corpus, spread over its publishers. Both are written as JSONL into `--work` (bench/real_corpora.py);
  without ../shared/data they are skipped with a message.

One process: the pipeline's own stage functions, timed where `storyline digest` calls them
(`pipeline.ingest`, then `pipeline.process_new`, whose `embed_and_analyse`, `cluster_new` and
`brief_events` are wrapped for the run; with `--sequential`, `embed_new` then `analyse_new` instead of
`embed_and_analyse`, for a figure of each), so the bench times what digest does, with digest's embedders;
what `process_new` does outside those stages shows as a row of its own. The models are loaded once
first, as their own row (a digest process pays that once). Extract alone is timed after, on a sample.
Peak memory is the process's VmHWM over the digest of each corpus (reset before it where Linux allows).

Spark (`--master`, generated corpus): the `spark-digest` job (parse → extract → embed → analyse →
Parquet) and the driver storing its output, from a cold start; then, on the first `--sample-files` files
and warm workers, each per-article stage as the difference of two jobs, one running one more stage.

Articles per second is of wall time; "per CPU-second" counts the CPU time of this process and of every
process under it (Spark's JVM and Python workers, spaCy's workers), read from /proc, so it holds on a
busy machine and is the figure to scale by cores, but for torch's stages (embed, brief) only with
`--torch-threads 1`: with torch's default, a thread per core, a busy machine makes them spin and their
CPU-seconds grow up to 3-fold. Prints a Markdown table, the load average and torch's threads.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, replace
from functools import partial, wraps
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.real_corpora import DATA, write_real_corpus  # noqa: E402
from storyline import pipeline  # noqa: E402 -- the repository must be on the path first
from storyline.analyse.model import load_nlp  # noqa: E402
from storyline.embed import Embedder, embedder_for  # noqa: E402
from storyline.errors import InputError  # noqa: E402
from storyline.extract import extract  # noqa: E402
from storyline.ingest import ingest_paths  # noqa: E402
from storyline.options import DEFAULT_OPTIONS, Options  # noqa: E402
from storyline.records import RawDocument  # noqa: E402
from storyline.store import Store, open_store  # noqa: E402

PER_EVENT = 20
COPY_EVERY = 20  # one page in twenty is a wire story another outlet ran as is
EXTRACT_SAMPLE = 500
CORPORA = ("generated", "fundus", "polnear")
# The pipeline's stage functions as `process_new` looks them up in its module, and their rows' names.
STAGES = {
    "ingest": "ingest (read+extract+dedup+store)",
    "embed_and_analyse": "embed + analyse (at once)",
    "embed_new": "embed",
    "analyse_new": "analyse",
    "cluster_new": "cluster",
    "brief_events": "brief",
}
# With --sequential, embedding and analysis run one after the other, each timed on its own.
OVERLAPPED = ("embed_and_analyse",)
SEQUENTIAL = ("embed_new", "analyse_new")
END_TO_END = "end to end (files to briefs)"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

PLACES = (
    "Tarnwick Oskelund Quillan Bremsby Valmora Kestrel Amberfield Ridgeway Fenmoor Saltmarsh Greyhaven "
    "Brightwater Thornfield Marrowby Cinderford Wexley Hollin Duneholm Ashcombe Redcliff Elmstead Corvale "
    "Lindqvar Pellham Sorrento-Nord Ibarra Kalvik Mistral Bay Orrin Tavistrand"
).split()
TOPICS = [
    (
        "{place} ferry crews strike over rosters",
        "the ferry union",
        "the ferry company",
        "crossings cancelled",
    ),
    (
        "{place} closes its rail bridge after cracks are found",
        "the transport board",
        "Northline Rail",
        "trains",
    ),
    ("Late frost ruins {place} vineyards", "the growers' cooperative", "the agriculture office", "farms hit"),
    ("Floods cut off {place} as the river bursts its banks", "the mayor", "the emergency services", "homes"),
    ("{place} council votes to build a tram line", "the council leader", "the transport board", "stops"),
    ("Nurses at {place} hospital walk out over pay", "the nurses' union", "the health trust", "operations"),
    (
        "Wildfire forces evacuation of villages near {place}",
        "the fire chief",
        "the regional government",
        "homes",
    ),
    (
        "{place} copper mine halts output after a tunnel collapse",
        "the miners' union",
        "Corvale Mining",
        "tonnes",
    ),
    ("Election count in {place} goes to a recount", "the electoral board", "the opposition", "ballots"),
    ("{place} port automation plan sparks protest", "the dockers' union", "the port authority", "jobs"),
]
FIRST = "Grace Erik Ines Kenji Lucia Daria Kofi Marek Samir Aoife Yuki Rui Marta Henrik Sofia Tomas".split()
SURNAMES = "Okafor Lindqvist Moreau Tanaka Alvarez Petrova Mensah Kowalski Haddad Nakamura Silva Vale".split()
OUTLETS = (
    "Harbour Post",
    "Valley Ledger",
    "Coastal Times",
    "Morning Wire",
    "Northern Courier",
    "Daily Beacon",
)
CONTEXT = [
    "Officials in {place} said the situation had changed several times during the day and that more "
    "information would be published on the council website as soon as it was confirmed.",
    "Local businesses described a difficult week, with {n} shops reporting fewer customers than usual and "
    "several owners saying they were unsure how long they could keep paying their staff.",
    "The last comparable episode, in {year}, took almost {m} weeks to resolve and cost the regional "
    "economy an estimated {n} million, according to figures from the chamber of commerce.",
    "Residents who spoke to reporters on the main square were divided, some blaming {actor} and others "
    "saying {other} had ignored warnings for years.",
    "Analysts said the outcome would depend on talks expected later this week, although neither side has "
    "confirmed a date or a venue for them.",
    "A spokesperson for {other} declined to comment on the details but said a statement would follow once "
    "the board had met on {weekday}.",
    "Schools in the area stayed open, though {n} pupils were absent on {weekday} morning, the education "
    "department said.",
    "Opposition politicians called for an independent review and said the government had been slow to "
    "respond to the first reports from {place}.",
    "Traffic on the coast road was heavier than usual by late afternoon, and police asked drivers to avoid "
    "the centre of {place} unless their journey was essential.",
    "Volunteers set up a table outside the library handing out tea and information leaflets, and said "
    "about {n} people had stopped to ask for help by lunchtime.",
    "The regional newspaper reported that insurers had already received {n} claims, a figure it expected "
    "to rise once assessors could reach the worst affected streets.",
    "Union representatives met in a hotel near the station on {weekday} evening and said afterwards that "
    "their members were ready to hold out for as long as it took.",
]


@dataclass(frozen=True)
class EventSpec:
    number: int
    place: str
    headline: str
    actor: str
    other: str
    unit: str
    speaker: str
    day: str  # YYYY-MM-DD


# -- the corpus -----------------------------------------------------------------------------------------


def event_spec(number: int, rng: random.Random) -> EventSpec:
    topic = TOPICS[number % len(TOPICS)]
    place = PLACES[number % len(PLACES)] + ("" if number < len(PLACES) else f" {number // len(PLACES)}")
    month, day = 1 + number % 12, 1 + (number * 7) % 28
    speaker = f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"
    return EventSpec(
        number, place, topic[0].format(place=place), *topic[1:], speaker, f"2026-{month:02d}-{day:02d}"
    )


def facts(event: EventSpec, rng: random.Random) -> list[str]:
    """What every outlet reports about the event, in its own words around the same numbers."""
    n = rng.randint(12, 900)
    return [
        f"{event.headline} on {event.day}, with {n} {event.unit} affected by the evening, officials said.",
        f"{event.actor.capitalize()} and {event.other} met for hours in {event.place} without agreeing.",
        f"The first reports came from {event.place} at dawn, when {n // 3} {event.unit} were counted.",
        f"{event.other.capitalize()} said it had drawn up a plan but needed {rng.randint(2, 9)} more days.",
        f"“We will not stop until {event.place} gets a fair answer,” said {event.speaker}, of {event.actor}.",
        f"{event.speaker.split()[1]} told reporters that {event.other} had been warned twice last year.",
    ]


def article_html(event: EventSpec, outlet: str, rng: random.Random, known: list[str]) -> str:
    fills = {
        "place": event.place,
        "actor": event.actor,
        "other": event.other,
        "n": rng.randint(3, 400),
        "m": rng.randint(2, 12),
        "year": rng.randint(1998, 2024),
        "weekday": rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
    }
    sentences = rng.sample(known, 5) + [line.format(**fills) for line in rng.sample(CONTEXT, 9)]
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return (
        f"<!doctype html><html><head><title>{escape(event.headline)} | {outlet}</title>"
        f'<meta name="author" content="{outlet} staff"></head><body>'
        f"<nav>Home | News | Business | Sport | Opinion | Subscribe</nav><article>"
        f"<h1>{escape(event.headline)}</h1><p class=byline>By {outlet} staff</p>{body}</article>"
        f"<aside>Most read: {outlet} weekly quiz | Weather | Letters</aside>"
        f"<footer>© 2026 {outlet}. Share this story. Sign up for our newsletter.</footer></body></html>"
    )


def corpus_pages(articles: int, seed: int = 11) -> Iterator[dict[str, Any]]:
    """`articles` WARC response specs, event after event, as a crawl of one day after another would be."""
    rng = random.Random(seed)
    made: list[bytes] = []
    for number in range(articles // PER_EVENT + 1):
        event = event_spec(number, rng)
        known = facts(event, rng)
        for part in range(PER_EVENT):
            if len(made) == articles:
                return
            outlet = OUTLETS[part % len(OUTLETS)]
            copied = len(made) % COPY_EVERY == COPY_EVERY - 1
            body = (
                made[-1].replace(b"<nav>", b"<nav>Wire | ")
                if copied
                else article_html(event, outlet, rng, known).encode("utf-8")
            )
            made.append(body)
            yield {
                "url": f"https://{outlet.lower().replace(' ', '-')}.example/{number}/{part}",
                "body": body,
                "date": f"{event.day}T{6 + part % 12:02d}:{part:02d}:00Z",
            }


def write_corpus(folder: Path, articles: int, per_file: int) -> list[Path]:
    from tests.builders import build_warc  # the tests' WARC writer: response records with dates

    folder.mkdir(parents=True, exist_ok=True)
    pages = list(corpus_pages(articles))
    files = []
    for start in range(0, len(pages), per_file):
        path = folder / f"cc-news-{start // per_file:03d}.warc.gz"
        path.write_bytes(build_warc(pages[start : start + per_file], compress=True))
        files.append(path)
    return files


# -- measuring -----------------------------------------------------------------------------------------


def tree_cpu_seconds() -> float:
    """CPU time of this process, its reaped children, and every live process under it."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime
    return total + sum(cpu_of(pid) for pid in descendants(os.getpid()))


def descendants(root: int) -> list[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):  # the process ended meanwhile
                continue
    found, frontier = [], [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def cpu_of(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


@dataclass
class Figure:
    setting: str
    stage: str
    articles: int
    seconds: float
    cpu_seconds: float
    peak_mb: float | None = None  # the process's VmHWM, on end-to-end rows

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def per_core(self) -> float:
        return self.articles / self.cpu_seconds if self.cpu_seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        milliseconds = {"ms_per_article": 1000 / self.per_second if self.per_second else None}
        cpu_milliseconds = {"cpu_ms_per_article": 1000 / self.per_core if self.per_core else None}
        speeds = {"articles_per_second": self.per_second, "articles_per_cpu_second": self.per_core}
        return asdict(self) | milliseconds | cpu_milliseconds | speeds


class Timer:
    """Times calls in wall and CPU seconds and keeps a figure for each."""

    def __init__(self, setting: str) -> None:
        self.setting = setting
        self.figures: list[Figure] = []

    def run(self, stage: str, articles: int, call: Callable[[], Any]) -> Any:
        wall, cpu = time.perf_counter(), tree_cpu_seconds()
        result = call()
        self.add(Figure(self.setting, stage, articles, time.perf_counter() - wall, tree_cpu_seconds() - cpu))
        return result

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        print(
            f"  {figure.setting:<16} {figure.stage:<44} {figure.seconds:8.1f} s"
            f" {figure.cpu_seconds:8.1f} CPU-s",
            file=sys.stderr,
            flush=True,
        )
        return figure

    def since(self, stage: str, articles: int, wall: float, cpu: float) -> Figure:
        """A figure from a start taken earlier: end to end."""
        return self.add(
            Figure(self.setting, stage, articles, time.perf_counter() - wall, tree_cpu_seconds() - cpu)
        )


def start_clock() -> tuple[float, float]:
    return time.perf_counter(), tree_cpu_seconds()


def reset_peak_memory() -> None:
    """Start VmHWM again from the present size (Linux 4.0+), so each corpus has its own peak."""
    # An older kernel, or not permitted: the peak is then since the process began.
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_memory_mb() -> float | None:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    return None


# -- the runs ---------------------------------------------------------------------------------------


def load_models(options: Options) -> None:
    """The models a digest process loads once (spaCy's pipeline, the embedder), before any timing."""
    load_nlp()
    embedder_for(options)


def one_after_the_other(store: Store, embedder: Embedder, options: Options) -> None:
    """Embedding, then analysis: what `embed_and_analyse` does at once, each part timed alone."""
    pipeline.embed_new(store, embedder, options)
    pipeline.analyse_new(store, options)


@contextmanager
def timed_stages(timer: Timer, sequential: bool) -> Iterator[None]:
    """Each stage function of the pipeline timed wherever the pipeline calls it, for the time inside."""
    skipped = OVERLAPPED if sequential else SEQUENTIAL
    originals = {name: getattr(pipeline, name) for name in STAGES if name not in skipped}

    def timed(name: str, stage: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(stage)
        def run(*args: Any, **kwargs: Any) -> Any:
            return timer.run(STAGES[name], 0, lambda: stage(*args, **kwargs))  # articles: known after

        return run

    overlapped = pipeline.embed_and_analyse
    for name, stage in originals.items():
        setattr(pipeline, name, timed(name, stage))
    if sequential:
        pipeline.embed_and_analyse = one_after_the_other
    try:
        yield
    finally:
        for name, stage in originals.items():
            setattr(pipeline, name, stage)
        pipeline.embed_and_analyse = overlapped


def run_digest(
    corpus: str, paths: list[Path], store_path: Path, options: Options, sequential: bool
) -> list[Figure]:
    """What `storyline digest PATHS --db STORE` does on a fresh store, stage by stage, in this process."""
    store = open_store(store_path)
    timer = Timer(corpus)
    reset_peak_memory()
    clock = start_clock()
    with timed_stages(timer, sequential):
        report = pipeline.process_new(store, options, pipeline.ingest(store, paths, options))
    end = timer.since(END_TO_END, 0, *clock)
    end.peak_mb = peak_memory_mb()
    pages = report.added + report.unchanged + len(report.failures)
    originals = report.added - report.duplicates  # what the stages after ingest handle
    stages = timer.figures[:-1]
    for figure in stages:
        figure.articles = pages if figure.stage == STAGES["ingest"] else originals
    end.articles = pages
    rest = Figure(
        corpus,
        "digest outside the stages",
        originals,
        end.seconds - sum(figure.seconds for figure in stages),
        end.cpu_seconds - sum(figure.cpu_seconds for figure in stages),
    )
    print(
        f"  {corpus}: {pages} pages, {report.duplicates} copies, {len(report.failures)} failed; "
        f"{store.counts()}; peak {end.peak_mb:.0f} MB",
        file=sys.stderr,
    )
    return [*stages, rest, end, extract_alone(corpus, paths)]


def extract_alone(corpus: str, paths: list[Path]) -> Figure:
    """Extraction without the rest of ingest, on the first pages: the share of ingest it takes."""
    raws = [item for item in ingest_paths(paths) if isinstance(item, RawDocument)][:EXTRACT_SAMPLE]
    timer = Timer(corpus)
    timer.run(f"(extract alone, first {len(raws)} pages)", len(raws), lambda: extract_each(raws))
    return timer.figures[0]


def extract_each(raws: list[RawDocument]) -> None:
    for raw in raws:
        with suppress(InputError):  # a page without article text: ingest counts it a failure and goes on
            extract(raw)


def corpus_paths(corpus: str, args: argparse.Namespace) -> list[Path] | None:
    """The input files of a corpus, written into the work folder; None when its data is absent."""
    if corpus == "generated":
        files = write_corpus(args.work / "generated", args.articles, args.per_file)
        print(f"generated: {args.articles:,} pages in {len(files)} WARC files", file=sys.stderr)
        return files
    files = write_real_corpus(corpus, args.data, args.work / corpus, args.limit)
    if files is None:
        print(f"{corpus}: no data under {args.data} (see its README): skipped", file=sys.stderr)
    return files


def run_spark(files: list[Path], sample: list[Path], work: Path, master: str) -> list[Figure]:
    """`spark-digest`'s Spark job and the driver's storing, from a cold start; then each Spark stage.

    Clustering and briefs run on the driver with the same code as in one process: not timed again.
    """
    from storyline import spark as distributed

    pages = sum(1 for _ in ingest_paths(files))
    timer = Timer(f"Spark {master}, {pages:,}")
    clock = start_clock()
    session = timer.run("start the session", pages, lambda: distributed.start_spark(master))
    inputs = [str(path) for path in files]
    store = open_store(work / "stores" / "spark.db")
    parquet = (work / "articles.parquet").resolve().as_uri()
    job = partial(distributed.write_pages, session, inputs, parquet, DEFAULT_OPTIONS)
    timer.run("Spark job: parse→extract→embed→analyse", pages, job)
    store_pages = partial(distributed.store_pages, session, store, parquet, DEFAULT_OPTIONS, None)
    report, retold = timer.run("driver: store, de-duplicated", pages, store_pages)
    originals = report.added - report.duplicates
    timer.run(
        "driver: save embeddings, analyses",
        originals,
        lambda: distributed.save_results(session, store, parquet, stale=retold),
    )
    timer.since("files to stored analyses (before clustering)", pages, *clock)
    print(f"  {timer.setting}: {report.duplicates} copies; {store.counts()}", file=sys.stderr)
    sample_pages = sum(1 for _ in ingest_paths(sample))
    stages = spark_stages(
        session, [str(path) for path in sample], sample_pages, Timer(f"Spark {master} warm")
    )
    session.stop()
    return timer.figures + stages


def spark_stages(session: Any, inputs: list[str], pages: int, timer: Timer) -> list[Figure]:
    """Each per-article stage on Spark, as the difference of two jobs, one running one more stage."""
    from storyline import spark as distributed

    parsed = distributed.parsed_pages(session, inputs, DEFAULT_OPTIONS).cache()
    timer.run("parse (then cached)", pages, parsed.count)
    costs = []
    for size in range(len(distributed.STAGES) + 1):
        work = partial(
            distributed.process_partition, options=DEFAULT_OPTIONS, stages=distributed.STAGES[:size]
        )
        costs.append(start_clock())
        parsed.mapPartitions(work).count()
        costs[-1] = (time.perf_counter() - costs[-1][0], tree_cpu_seconds() - costs[-1][1])
    names = [stage.__name__.removesuffix("_pages") for stage in distributed.STAGES]
    for name, (before, after) in zip(names, pairwise(costs), strict=True):
        timer.add(Figure(timer.setting, name, pages, after[0] - before[0], after[1] - before[1]))
    return timer.figures


# -- the report -------------------------------------------------------------------------------------


def table(figures: list[Figure]) -> str:
    lines = [
        "| corpus | stage | articles | wall s | CPU s | ms per article | CPU ms per article | articles/s "
        "| articles per CPU-second | peak MB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for figure in figures:
        lines.append(
            f"| {figure.setting} | {figure.stage} | {figure.articles:,} | {figure.seconds:.1f} | "
            f"{figure.cpu_seconds:.1f} | {per_article(figure)} | {figure.per_second:.1f} | "
            f"{figure.per_core:.2f} | {f'{figure.peak_mb:,.0f}' if figure.peak_mb else ''} |"
        )
    return "\n".join(lines)


def per_article(figure: Figure) -> str:
    """Wall and CPU milliseconds per article, as two cells."""
    if not figure.articles:
        return "— | —"
    return (
        f"{1000 * figure.seconds / figure.articles:.1f} | {1000 * figure.cpu_seconds / figure.articles:.1f}"
    )


def load_average() -> list[float]:
    return [round(load, 2) for load in os.getloadavg()]


def machine(before: list[float]) -> dict[str, Any]:
    """The machine and how busy it was, once the models are loaded."""
    import torch

    return {
        "cpus": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "load_average": {"before": before, "after": load_average()},
    }


def set_torch_threads(threads: int | None) -> None:
    """Pin torch's threads. On a busy machine its default (one per core) spins waiting for a thread the
    scheduler took away: the same 2,379 brief sentences cost 29-33 CPU-seconds with one thread, 33 to 80
    with two, as the load around varied; with one, CPU-seconds are comparable between runs."""
    if threads:
        import torch

        torch.set_num_threads(threads)


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument("--articles", type=int, default=2000, help="Pages of the generated corpus.")
    parser.add_argument("--per-file", type=int, default=500, help="Pages per WARC file, generated corpus.")
    parser.add_argument("--limit", type=int, help="At most this many articles of a real corpus.")
    parser.add_argument("--data", type=Path, default=DATA, help="The shared benchmark data.")
    parser.add_argument("--sample-files", type=int, default=1, help="Generated files for Spark's stages.")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument("--work", type=Path, default=Path("/tmp/storyline-throughput"))
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    parser.add_argument(
        "--torch-threads",
        type=int,
        help="Torch's threads (default torch's: one per core; digest gives the embedding beside the "
        "analysis the cores the analysis leaves, at least one).",
    )
    parser.add_argument(
        "--precision", choices=["auto", "float32", "bfloat16"], default=DEFAULT_OPTIONS.embedding_precision
    )
    parser.add_argument(
        "--sequential",
        action="store_true",
        help="Embed, then analyse, each timed alone (digest does both at once).",
    )
    return parser.parse_args()


def main() -> None:
    args = parse_arguments()
    shutil.rmtree(args.work / "stores", ignore_errors=True)  # fresh stores: a second run would find all
    (args.work / "stores").mkdir(parents=True)
    set_torch_threads(args.torch_threads)
    before = load_average()
    print(f"load average {before} on {os.cpu_count()} CPUs", file=sys.stderr)
    options = replace(DEFAULT_OPTIONS, embedding_precision=args.precision)
    models = Timer("this process")
    models.run("load models (once)", 0, partial(load_models, options))
    figures = list(models.figures)
    inputs = {
        corpus: corpus_paths(corpus, args) for corpus in (CORPORA if args.corpus == "all" else [args.corpus])
    }
    for corpus, paths in inputs.items():
        if paths:
            figures += run_digest(
                corpus, paths, args.work / "stores" / f"{corpus}.db", options, args.sequential
            )
    if not args.skip_spark:
        files = inputs.get("generated") or corpus_paths("generated", args) or []
        figures += run_spark(files, files[: args.sample_files], args.work, args.master)
    host = machine(before)
    print(table(figures))
    print(
        f"\nLoad average (1, 5, 15 min): before {before}, after {host['load_average']['after']}; "
        f"{host['cpus']} CPUs, torch threads {host['torch_threads']}, precision "
        f"{embedder_for(options).precision}, {'sequential' if args.sequential else 'embed beside analyse'}"
    )
    if args.json:
        document = {"machine": host, "figures": [figure.as_dict() for figure in figures]}
        args.json.write_text(json.dumps(document, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
