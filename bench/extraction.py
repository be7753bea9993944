"""Article extraction, Storyline against trafilatura, on two public benchmarks in one run.

Three systems: `storyline` (each page alone, as `storyline.extract.extract` reads it),
`storyline+outlet` (the same, less what it shares with earlier pages of the same outlet in the set:
what `storyline extract` prints and the pipeline stores; `storyline.extract.templates`) and
`trafilatura` (its `extract` with default settings).

    .venv/bin/python bench/extraction.py [--only aeb|fundus] [--pages-out FILE]

Speed is given in pages per second of the clock and per CPU second of this process: the systems
take turns page by page, so a busy machine slows them alike, and CPU time barely moves with it.

AEB (181 pages; 4-token shingle F1) and Fundus (80 articles from 16 publishers; ROUGE-LSum F1,
in percent as the paper prints it). Each set is cut in two once and for all: a development split
that may be looked at while tuning, and a confirmation split that may not (AEB by a hash of the
page id, Fundus by a hash of the publisher, so no outlet is in both). Data is read from
../shared/data beside the repository; without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.extraction_metrics import (  # noqa: E402 -- the repository must be on the path first
    PageScore,
    Summary,
    score_rouge_lsum,
    score_shingles,
    split_of,
    summarise_aeb,
    summarise_fundus,
)
from storyline.errors import InputError  # noqa: E402
from storyline.extract import extract  # noqa: E402
from storyline.extract.templates import OutletsInMemory, drop_outlet_template  # noqa: E402
from storyline.records import Article, RawDocument  # noqa: E402

DATA = REPO.parent / "shared" / "data"
SPLITS = ("dev", "confirm", "all")


@dataclass(frozen=True)
class Page:
    key: str
    split: str
    html: str
    url: str | None
    truth: str | list[str]  # AEB: one text; Fundus: paragraphs


def read_storyline(page: Page) -> Article | None:
    """The article exactly as the pipeline stores it; None for a page without article text."""
    raw = RawDocument(source=page.key, payload=page.html, kind="html", url=page.url)
    try:
        return extract(raw)
    except InputError:
        return None


def page_paragraphs(articles: list[Article | None]) -> list[list[str]]:
    return [article.paragraphs if article else [] for article in articles]


def outlet_paragraphs(articles: list[Article | None]) -> list[list[str]]:
    """Each article less what it shares with its outlet's earlier pages in the set, read as the
    pipeline reads a stream (`storyline.extract.templates`)."""
    memory = OutletsInMemory()
    return page_paragraphs(
        [drop_outlet_template(article, memory) if article else None for article in articles]
    )


def read_trafilatura(page: Page) -> list[str]:
    """trafilatura as shipped: `extract` with its default settings, one paragraph a line."""
    from trafilatura import extract as trafilatura_extract

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = trafilatura_extract(page.html, url=page.url) or ""
    return [line for line in text.splitlines() if line.strip()]


def load_models() -> None:
    """Models each system loads once per process, loaded before the clock so that neither pays
    for them inside it. trafilatura reads jusText's stop lists of every language (a sixth of a
    second) the first time either system falls back on jusText, and jusText lower-cases them into
    a set it caches: whichever system first fell back paid a few percent of a set's time. Storyline
    builds its language detector the first time a page is not plainly English, which the warm-up
    page may not show."""
    from justext.core import define_stoplist
    from trafilatura.external import jt_stoplist_init

    from storyline.extract.language import get_detector

    define_stoplist(jt_stoplist_init())
    get_detector()


def as_given(outputs: list[list[str]]) -> list[list[str]]:
    return outputs


@dataclass(frozen=True)
class System:
    read: Callable[[Page], Any]  # one page, timed page by page
    finish: Callable[[list[Any]], list[list[str]]]  # the whole set's paragraphs, timed too


SYSTEMS = {
    "storyline": System(read_storyline, page_paragraphs),
    # The same, less each outlet's template as learned from its earlier pages in the set.
    "storyline+outlet": System(read_storyline, outlet_paragraphs),
    "trafilatura": System(read_trafilatura, as_given),
}


def load_aeb(folder: Path) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(key, split_of(key), _read_gzip(folder / "html" / f"{key}.html.gz"), item.get("url"),
             item["articleBody"])
        for key, item in sorted(truth.items())
    ]  # fmt: skip


def load_fundus(folder: Path) -> list[Page]:
    truth = json.loads((folder / "dataset" / "ground_truth.json").read_text(encoding="utf-8"))
    return [
        Page(key, split_of(publisher_of(key)), _read_gzip(folder / "dataset" / "html" / key),
             item.get("url"), item["body"])
        for key, item in sorted(truth.items())
    ]  # fmt: skip


def publisher_of(key: str) -> str:
    """'APNews_3.html.gz' -> 'APNews'."""
    return key.rsplit("_", 1)[0]


def _read_gzip(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def score_aeb(page: Page, paragraphs: list[str]) -> PageScore:
    return score_shingles(str(page.truth), "\n".join(paragraphs))


def score_fundus(page: Page, paragraphs: list[str]) -> PageScore:
    return score_rouge_lsum(list(page.truth), paragraphs)


@dataclass(frozen=True)
class Benchmark:
    name: str
    folder: str
    load: Callable[[Path], list[Page]]
    score: Callable[[Page, list[str]], PageScore]
    summarise: Callable[[Sequence[PageScore]], Summary]
    scale: float  # Fundus prints percent


BENCHMARKS = (
    Benchmark("aeb", "aeb", load_aeb, score_aeb, summarise_aeb, 1.0),
    Benchmark("fundus", "fundus_eval", load_fundus, score_fundus, summarise_fundus, 100.0),
)


@dataclass(frozen=True)
class Speed:
    wall: float  # pages per second of the clock
    cpu: float  # pages per CPU second of this process: what another load on the machine barely moves


def run_systems(pages: list[Page]) -> dict[str, tuple[list[list[str]], Speed]]:
    """Each system's paragraphs for every page, and its speed.

    The readers take turns page by page, so a busy machine slows them alike; imports and models
    are loaded before the clock starts. Systems that share a reader share its reading (and its time).
    """
    readers = list(dict.fromkeys(system.read for system in SYSTEMS.values()))
    for read in readers:
        read(pages[0])
    load_models()
    outputs: dict[Callable[[Page], Any], list[Any]] = {read: [] for read in readers}
    wall = dict.fromkeys(readers, 0.0)
    cpu = dict.fromkeys(readers, 0.0)
    for page in pages:
        for read in readers:
            start, start_cpu = time.perf_counter(), time.process_time()
            outputs[read].append(read(page))
            wall[read] += time.perf_counter() - start
            cpu[read] += time.process_time() - start_cpu
    results = {}
    for name, system in SYSTEMS.items():
        start, start_cpu = time.perf_counter(), time.process_time()
        paragraphs = system.finish(outputs[system.read])
        elapsed = wall[system.read] + time.perf_counter() - start
        elapsed_cpu = cpu[system.read] + time.process_time() - start_cpu
        results[name] = (paragraphs, Speed(len(pages) / elapsed, len(pages) / elapsed_cpu))
    return results


def report(bench: Benchmark, pages: list[Page], pages_out: dict[str, dict[str, object]]) -> None:
    print(f"\n{bench.name}: {len(pages)} pages " + ", ".join(
        f"{split} {sum(p.split == split for p in pages)}" for split in SPLITS[:2]
    ))  # fmt: skip
    print(f"{'system':<17} {'split':<8} {'F1':>7} {'P':>7} {'R':>7} {'± F1':>7} {'pages/s':>8} {'/CPU s':>8}")
    for name, (outputs, speed) in run_systems(pages).items():
        scores = [bench.score(page, output) for page, output in zip(pages, outputs, strict=True)]
        for page, output, score in zip(pages, outputs, scores, strict=True):
            pages_out.setdefault(f"{bench.name}/{page.key}", {"split": page.split})[name] = {
                "precision": score.precision, "recall": score.recall, "paragraphs": output,
            }  # fmt: skip
        for split in SPLITS:
            chosen = [s for page, s in zip(pages, scores, strict=True) if split in ("all", page.split)]
            _print_row(name, split, bench.summarise(chosen), bench.scale, speed)


def _print_row(name: str, split: str, summary: Summary, scale: float, speed: Speed) -> None:
    digits = 3 if scale == 1.0 else 2
    figures = (summary.f1, summary.precision, summary.recall, summary.f1_std)
    cells = " ".join(f"{value * scale:>7.{digits}f}" for value in figures)
    print(f"{name:<17} {split:<8} {cells} {speed.wall:>8.1f} {speed.cpu:>8.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--only", choices=[bench.name for bench in BENCHMARKS])
    parser.add_argument("--pages-out", type=Path, help="write every page's output and score (JSON)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"no benchmark data at {DATA}: nothing to measure")
        return 0
    pages_out: dict[str, dict[str, object]] = {}
    for bench in BENCHMARKS:
        if args.only in (None, bench.name) and (DATA / bench.folder).is_dir():
            report(bench, bench.load(DATA / bench.folder), pages_out)
    if args.pages_out:
        args.pages_out.write_text(json.dumps(pages_out, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
