"""Throughput of each stage and end to end, in one process and on Spark, on a generated news corpus.

    .venv/bin/python bench/throughput.py [--articles 5000] [--per-file 500] [--sample-files 1]
                                         [--master local[2]] [--skip-spark] [--work DIR] [--json FILE]

Writes a corpus of invented events (`--articles` HTML pages of about 400 words, 20 per event, one in
twenty a syndicated copy of another) as gzipped WARC files of `--per-file` responses, as CC-NEWS comes.
Then times, on fresh stores:

- one process, all pages: the stages as `storyline digest` runs them (ingest = parse + extract +
  de-duplicate + store; embed; analyse; cluster), and extract alone on a sample;
- one process, the first `--sample-files` files: the same and the briefs, and end to end. A brief costs
  about the same per article at any corpus size (events are alike), and briefs are the slowest stage;
- Spark (`--master`), all pages: the `spark-digest` job (parse → extract → embed → analyse → Parquet)
  and the driver storing its output, from a cold start (clustering and briefs then run on the driver
  with the one-process code); then, on the sample and warm workers, each per-article stage as the
  difference of two jobs, one running one more stage than the other.

Articles per second is of wall time; "per CPU-second" counts the CPU time of this process and of every
process under it (Spark's JVM and Python workers, spaCy's workers), read from /proc, so it holds on a
busy machine and is the figure to scale by cores. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import partial
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from storyline import pipeline  # noqa: E402 -- the repository must be on the path first
from storyline.analyse.model import load_nlp  # noqa: E402
from storyline.embed import load_embedder  # noqa: E402
from storyline.extract import extract  # noqa: E402
from storyline.ingest import ingest_paths  # noqa: E402
from storyline.options import DEFAULT_OPTIONS  # noqa: E402
from storyline.records import RawDocument  # noqa: E402
from storyline.store import open_store  # noqa: E402

PER_EVENT = 20
COPY_EVERY = 20  # one page in twenty is a wire story another outlet ran as is
EXTRACT_SAMPLE = 500
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

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def per_core(self) -> float:
        return self.articles / self.cpu_seconds if self.cpu_seconds else 0.0


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

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        print(
            f"  {figure.setting:<16} {figure.stage:<44} {figure.seconds:8.1f} s", file=sys.stderr, flush=True
        )

    def since(self, stage: str, articles: int, wall: float, cpu: float) -> None:
        """A figure from a start taken earlier: end to end."""
        self.add(Figure(self.setting, stage, articles, time.perf_counter() - wall, tree_cpu_seconds() - cpu))


def start_clock() -> tuple[float, float]:
    return time.perf_counter(), tree_cpu_seconds()


# -- the runs ---------------------------------------------------------------------------------------


def run_single(files: list[Path], work: Path, brief: bool) -> list[Figure]:
    """The stages as `storyline digest` runs them, one after another, in this process."""
    raws = [item for item in ingest_paths(files) if isinstance(item, RawDocument)]
    timer = Timer(f"one process, {len(raws):,}")
    store = open_store(work / f"single-{len(raws)}.db")
    timer.run(
        "extract alone (a sample)", EXTRACT_SAMPLE, lambda: [extract(raw) for raw in raws[:EXTRACT_SAMPLE]]
    )
    clock = start_clock()
    report = timer.run("ingest (parse+extract+dedup+store)", len(raws), lambda: pipeline.ingest(store, files))
    originals = report.added - report.duplicates
    embedder = timer.run("load models", originals, lambda: (load_nlp(), load_embedder())[1])
    timer.run("embed", originals, lambda: pipeline.embed_new(store, embedder))
    timer.run("analyse", originals, lambda: pipeline.analyse_new(store))
    changed = timer.run("cluster", originals, lambda: pipeline.cluster_new(store))
    if brief:
        timer.run("brief", originals, lambda: pipeline.brief_events(store, embedder, changed))
        timer.since("end to end (files to briefs)", len(raws), *clock)
    print(f"  {timer.setting}: {report.duplicates} copies; {store.counts()}", file=sys.stderr)
    return timer.figures


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
    store = open_store(work / "spark.db")
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
        "| setting | stage | articles | wall s | articles/s | CPU s | articles per CPU-second |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for figure in figures:
        lines.append(
            f"| {figure.setting} | {figure.stage} | {figure.articles:,} | {figure.seconds:.1f} | "
            f"{figure.per_second:.1f} | {figure.cpu_seconds:.1f} | {figure.per_core:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--per-file", type=int, default=500)
    parser.add_argument(
        "--sample-files", type=int, default=1, help="Files for the brief, end to end and Spark's stages."
    )
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument("--work", type=Path, default=Path("/tmp/storyline-throughput"))
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    args = parser.parse_args()
    for old in args.work.glob("*.db*"):  # fresh stores: a second run would find everything stored
        old.unlink()
    files = write_corpus(args.work / "corpus", args.articles, args.per_file)
    print(f"corpus: {args.articles:,} pages in {len(files)} WARC files", file=sys.stderr)
    sample = files[: args.sample_files]
    # Briefs cost about as much per article at any size (events are alike): timed on the sample only.
    figures = run_single(files, args.work, brief=False) + run_single(sample, args.work, brief=True)
    if not args.skip_spark:
        figures += run_spark(files, sample, args.work, args.master)
    print(table(figures))
    if args.json:
        args.json.write_text(json.dumps([asdict(figure) for figure in figures], indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
