"""The main job, stage after stage: ingest → extract → de-duplicate → embed → analyse → cluster → brief.

Each stage reads what the previous one stored and writes its own results, so a run can stop
anywhere and the next run picks up where it stopped; a second run on the same input adds nothing.
"""

from __future__ import annotations

import functools
import json
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from tqdm import tqdm

from storyline.analyse import analyse_many, choose_processes
from storyline.brief import EventMaterial, build_briefs
from storyline.brief.export import article_to_dict, brief_to_dict, storyline_to_dict
from storyline.brief.render import render_html, render_markdown
from storyline.cluster import ClusterItem, StreamClusterer, count_terms
from storyline.dedup import NearDuplicateIndex, minhash_of, minhash_to_bytes
from storyline.embed import (
    Embedder,
    StoredEmbedder,
    article_input,
    embedder_for,
    torch_threads,
)
from storyline.errors import InputError
from storyline.extract import extract
from storyline.extract.templates import drop_outlet_template
from storyline.ingest import IngestFailure, ingest_paths
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.records import Analysis, Article, Event, RawDocument
from storyline.store import Store

# Entity types that say which event an article is about (not dates, numbers or nationalities).
CLUSTER_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"})
EMBED_BATCH = 64
# Events briefed together: their new sentences are embedded in one call, in full batches.
BRIEF_GROUP = 16
T = TypeVar("T")


@dataclass
class DigestReport:
    """What a run did, for the CLI's closing lines and for tests."""

    added: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    events_changed: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def progress(items: Iterable[T], options: Options, label: str, total: int | None = None) -> Iterator[T]:
    """A progress bar on standard error for long work, when asked for."""
    yield from tqdm(
        items,
        desc=label,
        total=total,
        disable=not options.progress,
        file=sys.stderr,
        unit=" items",
        leave=False,
    )


# -- ingest, extract, de-duplicate ------------------------------------------------------------------


def ingest(
    store: Store,
    paths: Sequence[str | Path],
    options: Options = DEFAULT_OPTIONS,
    report: DigestReport | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
) -> DigestReport:
    """Store every new page under `paths` with its clean article; name each bad one."""
    return ingest_documents(store, ingest_paths(paths, options), options, report, on_failure)


def ingest_documents(
    store: Store,
    items: Iterable[RawDocument | IngestFailure],
    options: Options = DEFAULT_OPTIONS,
    report: DigestReport | None = None,
    on_failure: Callable[[IngestFailure], None] | None = None,
) -> DigestReport:
    """Store each new raw document with its clean article, de-duplicated; record each failure."""
    report = report or DigestReport()
    index = NearDuplicateIndex(options.near_duplicate_threshold)
    index.load(store.minhashes())
    for item in progress(items, options, "ingest"):
        failure = (
            item if isinstance(item, IngestFailure) else _ingest_document(store, item, index, report, options)
        )
        if failure is not None:
            record_failure(store, failure, report, options, on_failure)
    return report


def record_failure(
    store: Store,
    failure: IngestFailure,
    report: DigestReport,
    options: Options,
    on_failure: Callable[[IngestFailure], None] | None,
) -> None:
    """Handle a page that could not be read as the caller chose: raise, or count it, keep it in the
    store's failure log and tell `on_failure`."""
    if options.on_error == "raise":
        raise InputError(failure.source, failure.reason)
    report.failures.append(failure)
    store.record_failure(failure.source, failure.reason)
    if on_failure is not None:
        on_failure(failure)


def _ingest_document(
    store: Store, raw: RawDocument, index: NearDuplicateIndex, report: DigestReport, options: Options
) -> IngestFailure | None:
    if store.has_raw(raw.id):
        store.add_source(raw.source, raw.id)
        report.unchanged += 1
        return None
    try:
        article = extract(raw, options)
    except InputError as error:
        return IngestFailure(raw.source, error.reason)
    except Exception as error:  # a fault in a library on one hostile page must not stop the run
        if options.on_error == "raise":
            raise
        return IngestFailure(raw.source, f"extraction failed ({type(error).__name__}: {str(error)[:200]})")
    store_article(store, raw, drop_outlet_template(article, store), index, report)
    return None


def store_article(
    store: Store, raw: RawDocument, article: Article, index: NearDuplicateIndex, report: DigestReport
) -> None:
    """Store an extracted article, linked to its original if it is a copy (exact or near)."""
    signature = minhash_of(article.text)
    stored, original = store.save_article(
        raw, article, index.original_of(signature), minhash_to_bytes(signature)
    )
    if not stored:  # another process stored the same page meanwhile
        report.unchanged += 1
        return
    if original is None:
        index.add(article.id, signature)
    report.added += 1
    report.duplicates += original is not None


# -- embed, analyse -----------------------------------------------------------------------------------


def embed_new(store: Store, embedder: Embedder, options: Options = DEFAULT_OPTIONS) -> None:
    for vectors in embed_batches(store.unembedded(), embedder, options):
        store.save_embeddings(vectors)


def embed_batches(
    articles: list[Article], embedder: Embedder, options: Options, stop: threading.Event | None = None
) -> Iterator[dict[str, np.ndarray]]:
    """The articles' vectors by id, a batch at a time (until `stop` is set)."""
    batches = [articles[i : i + EMBED_BATCH] for i in range(0, len(articles), EMBED_BATCH)]
    for batch in progress(batches, options, "embed"):
        if stop is not None and stop.is_set():
            return
        vectors = embedder.embed([article_input(article.title, article.text) for article in batch])
        yield dict(zip((article.id for article in batch), vectors, strict=True))


def analyse_new(store: Store, options: Options = DEFAULT_OPTIONS) -> None:
    _save_analyses(store, _analyses(store.unanalysed(), options))


def _analyses(articles: list[Article], options: Options) -> Iterator[Analysis]:
    return progress(analyse_many(articles, options), options, "analyse", total=len(articles))


def _save_analyses(
    store: Store, analyses: Iterable[Analysis], between: Callable[[], None] = lambda: None
) -> None:
    for analysis in analyses:
        store.save_analysis(analysis)
        between()


def embed_and_analyse(store: Store, embedder: Embedder, options: Options = DEFAULT_OPTIONS) -> None:
    """Embedding (torch, on a thread) and analysis (spaCy, in this process or its workers) at once, so
    every core works. Torch takes the cores the analysis leaves; the store is written from this thread
    only, as the vectors come in."""
    to_analyse = store.unanalysed()
    analyses = iter(_analyses(to_analyse, options))
    first = next(analyses, None)  # forks the analysis workers, if any, before a torch thread runs
    done: queue.SimpleQueue[dict[str, np.ndarray] | None] = queue.SimpleQueue()
    stop = threading.Event()
    threads = (os.cpu_count() or 1) - choose_processes(len(to_analyse))
    with torch_threads(threads), ThreadPoolExecutor(1, thread_name_prefix="embed") as background:
        embedding = background.submit(_embed_into, done, store.unembedded(), embedder, options, stop)
        try:
            saving = functools.partial(_save_embedded, store, done, wait=False)
            _save_analyses(store, chain([first] if first else [], analyses), saving)
            _save_embedded(store, done, wait=True)
        finally:
            stop.set()
        embedding.result()  # raises what the thread raised


def _embed_into(
    done: queue.SimpleQueue[dict[str, np.ndarray] | None],
    articles: list[Article],
    embedder: Embedder,
    options: Options,
    stop: threading.Event,
) -> None:
    try:
        for vectors in embed_batches(articles, embedder, options, stop):
            done.put(vectors)
    finally:
        done.put(None)  # the end, even when embedding failed


def _save_embedded(store: Store, done: queue.SimpleQueue[dict[str, np.ndarray] | None], wait: bool) -> None:
    """Save the vectors embedded so far; with `wait`, all of them, until the embedding thread ends."""
    while wait or not done.empty():
        vectors = done.get()
        if vectors is None:
            done.put(None)  # later calls must see the end too
            return
        store.save_embeddings(vectors)


# -- cluster ------------------------------------------------------------------------------------------


def publication_order(article: Article) -> tuple[bool, datetime | str, str, str]:
    """Dated articles in time order first; undated ones after, placed by their content alone. The id comes
    last since sources can repeat (two entries of a feed with one id), and the order must be total."""
    return (article.published is None, article.published or "", article.source, article.id)


def _cluster_item(store: Store, article: Article, vector: Any) -> ClusterItem:
    names = frozenset(
        entity.name.lower() for entity in store.entities(article.id) if entity.label in CLUSTER_ENTITY_TYPES
    )
    terms = count_terms(article_input(article.title, article.text))
    return ClusterItem(
        article.id, vector, article.published, article.yearless_date, names, article.updated, terms
    )


def cluster_new(store: Store, options: Options = DEFAULT_OPTIONS) -> set[str]:
    """Assign new articles to events in publication order; return the ids of events that changed: in
    their articles or in their storyline (which their briefs name)."""
    before = {event.id: (event.article_ids, event.storyline_id) for event in store.events()}
    vectors = store.embeddings()
    clustered = store.articles("event_id IS NOT NULL AND duplicate_of IS NULL")
    clusterer = StreamClusterer(options, dimension=_dimension(vectors))
    clusterer.restore(store.events(), {a.id: _cluster_item(store, a, vectors[a.id]) for a in clustered})
    inferred = []
    for article in sorted(store.unclustered(), key=publication_order):
        assignment = clusterer.add(_cluster_item(store, article, vectors[article.id]))
        if assignment.inferred_date is not None:
            inferred.append(replace(article, published=assignment.inferred_date, published_inferred=True))
    events = clusterer.events()
    # Dates inferred from events and the events themselves are saved together: a run killed in between
    # must not leave an article dated by an event it does not belong to.
    store.save_clusters(events, clusterer.storylines(), inferred)
    return {event.id for event in events if before.get(event.id) != (event.article_ids, event.storyline_id)}


def _dimension(vectors: dict[str, Any]) -> int:
    return len(next(iter(vectors.values()))) if vectors else 384


# -- brief ----------------------------------------------------------------------------------------


def _material(store: Store, event: Event) -> EventMaterial:
    articles = tuple(
        sorted((store.article(article_id) for article_id in event.article_ids), key=publication_order)
    )
    return EventMaterial(
        event=event,
        articles=articles,
        entities={article.id: store.entities(article.id) for article in articles},
        quotes={article.id: store.quotes(article.id) for article in articles},
    )


def brief_events(
    store: Store, embedder: Embedder, event_ids: set[str], options: Options = DEFAULT_OPTIONS
) -> None:
    """Write the briefs of the events that changed, then every storyline's. Sentence vectors are kept
    in the store, and the sentences of several events are embedded together, in full batches."""
    # An event without a brief changed too: a run killed after clustering left it unwritten.
    briefed = store.brief_ids()
    changed = [event for event in store.events() if event.id in event_ids or event.id not in briefed]
    stored = StoredEmbedder(embedder, store)
    groups = [changed[i : i + BRIEF_GROUP] for i in range(0, len(changed), BRIEF_GROUP)]
    for group in progress(groups, options, f"brief ({BRIEF_GROUP} events an item)"):
        for brief in build_briefs([_material(store, event) for event in group], stored, options):
            store.save_brief(brief.event_id, "event", brief_to_dict(brief))
    _brief_storylines(store)


def _heading_order(event: dict[str, Any]) -> tuple[int, str, str]:
    """Which event's headline heads a storyline: the largest, the latest among equals, then by id."""
    return (len(event["articles"]), event["end"] or "", event["id"])


def _brief_storylines(store: Store) -> None:
    """A storyline is headed by its largest event's headline (see _heading_order). The brief of a
    storyline that is no more (merged into another, or renamed after an earlier event) is deleted."""
    events = {event["id"]: event for event in store.briefs("event")}
    storylines = store.storylines()
    store.delete_briefs("storyline", keep={storyline.id for storyline in storylines})
    for storyline in storylines:
        members = [events[event_id] for event_id in storyline.event_ids if event_id in events]
        if not members:
            continue
        headline = max(members, key=_heading_order)["headline"]
        headed = replace(storyline, headline=headline)
        store.set_storyline_headline(headed)
        store.save_brief(headed.id, "storyline", storyline_to_dict(headed, members))


# -- the main job and its outputs -----------------------------------------------------------------


def digest(
    store: Store,
    paths: Sequence[str | Path],
    options: Options = DEFAULT_OPTIONS,
    on_failure: Callable[[IngestFailure], None] | None = None,
) -> DigestReport:
    report = ingest(store, paths, options, on_failure=on_failure)
    return process_new(store, options, report)


def process_new(
    store: Store, options: Options = DEFAULT_OPTIONS, report: DigestReport | None = None
) -> DigestReport:
    """Every stage after ingest, for what is new in the store: embed, analyse, cluster, brief."""
    report = report or DigestReport()
    embed_and_analyse(store, embedder_for(options), options)
    changed = cluster_new(store, options)
    brief_events(store, embedder_for(options), changed, options)
    report.events_changed = len(changed)
    report.counts = store.counts()
    return report


def stories_document(store: Store) -> dict[str, Any]:
    """The whole store as `stories.json`: articles, events with their briefs, storylines."""
    duplicates = store.duplicates()
    event_of = {article_id: event.id for event in store.events() for article_id in event.article_ids}
    articles = store.articles()
    return {
        "articles": [
            article_to_dict(
                article, duplicates.get(article.id), event_of.get(duplicates.get(article.id, article.id))
            )
            for article in articles
        ],
        "events": sorted(store.briefs("event"), key=lambda event: (event["start"] or "", event["id"])),
        "storylines": store.briefs("storyline"),
    }


def write_outputs(store: Store, out_dir: Path) -> list[Path]:
    """stories.json, one Markdown brief per event, and one self-contained HTML page of them all."""
    document = stories_document(store)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [out_dir / "stories.json", out_dir / "stories.md", out_dir / "stories.html"]
    written[0].write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    written[1].write_text(
        "\n\n".join(render_markdown(event) for event in document["events"]), encoding="utf-8"
    )
    texts = {article["id"]: article["text"] for article in document["articles"]}
    written[2].write_text(
        render_html("Storyline briefs", document["events"], texts, document["storylines"]), encoding="utf-8"
    )
    return written
