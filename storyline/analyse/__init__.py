"""The analyse stage: named entities and who said what, from one spaCy pass per article."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from storyline.analyse.entities import extract_entities
from storyline.analyse.lexicon import STATEMENT_CUES
from storyline.analyse.model import load_nlp
from storyline.analyse.quotes import extract_quotes
from storyline.analyse.words import verb_forms
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.records import Analysis, Article, Quote

BATCH_SIZE = 64
# Articles a worker takes at a time: small enough to keep both workers busy to the end.
CHUNK_SIZE = 16
# Worker processes each load the model (~2 s), which only pays off on a long run.
PARALLEL_MIN_ARTICLES = 100
MAX_PROCESSES = 2


def analyse(article: Article, options: Options = DEFAULT_OPTIONS) -> Analysis:
    """Entities and quotes of one article."""
    return next(analyse_many([article], options))


def analyse_many(articles: Iterable[Article], options: Options = DEFAULT_OPTIONS) -> Iterator[Analysis]:
    """Entities and quotes of many articles, in input order; long runs are shared among processes."""
    iterator = iter(articles)
    head = list(islice(iterator, PARALLEL_MIN_ARTICLES))
    processes = choose_processes(len(head))
    chunks = split_chunks(chain(head, iterator), CHUNK_SIZE)
    if processes == 1:
        for chunk in chunks:
            yield from analyse_chunk(chunk)
        return
    # Forked workers share the loaded model; they never touch torch, whose threads the parent may hold.
    load_nlp()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for analyses in pool.imap(analyse_chunk, chunks):
            yield from analyses


def split_chunks(articles: Iterator[Article], size: int) -> Iterator[tuple[Article, ...]]:
    """Consecutive tuples of `size` articles (the last may be shorter)."""
    return iter(lambda: tuple(islice(articles, size)), ())


def analyse_chunk(articles: tuple[Article, ...]) -> list[Analysis]:
    """Parse a few articles in one batch and read entities and quotes off each (runs in a worker)."""
    nlp = load_nlp()
    # spaCy refuses texts over nlp.max_length (E088); the rest of so long a page goes unread, and since
    # a prefix keeps every offset, spans still point into the article's text.
    docs = nlp.pipe((article.text[: nlp.max_length] for article in articles), batch_size=BATCH_SIZE)
    return [build_analysis(doc, article) for doc, article in zip(docs, articles, strict=True)]


def choose_processes(known: int) -> int:
    """Two processes for long runs on a multi-core machine, else one."""
    if known < PARALLEL_MIN_ARTICLES:
        return 1
    return max(1, min(MAX_PROCESSES, os.cpu_count() or 1))


def build_analysis(doc, article: Article) -> Analysis:
    return Analysis(
        article_id=article.id, entities=extract_entities(doc), quotes=extract_quotes(doc, article)
    )


__all__ = ["analyse", "analyse_many"]


def is_statement(quote: Quote) -> bool:
    """Whether a quote is something said (for "who said what"), not a stance the text ascribes
    ("X criticized the plan" is a perspective, not a quotation)."""
    if quote.kind in ("direct", "partial"):
        return True
    base = verb_forms().get(quote.cue.lower(), quote.cue.lower())
    return quote.text.lower().startswith("that ") or base in STATEMENT_CUES
