"""The analyse stage: named entities and who said what, from one spaCy pass per article."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from storyline.analyse.entities import extract_entities
from storyline.analyse.model import load_nlp
from storyline.analyse.quotes import extract_quotes
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.records import Analysis, Article

BATCH_SIZE = 64
# Worker processes each load the model (~2 s), which only pays off on a long run.
PARALLEL_MIN_ARTICLES = 100
MAX_PROCESSES = 2


def analyse(article: Article, options: Options = DEFAULT_OPTIONS) -> Analysis:
    """Entities and quotes of one article."""
    return next(analyse_many([article], options))


def analyse_many(articles: Iterable[Article], options: Options = DEFAULT_OPTIONS) -> Iterator[Analysis]:
    """Entities and quotes of many articles, parsed in batches, in input order."""
    nlp = load_nlp()
    iterator = iter(articles)
    head = list(islice(iterator, PARALLEL_MIN_ARTICLES))
    processes = choose_processes(len(head))
    pairs = ((article.text, article) for article in chain(head, iterator))
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE, n_process=processes):
        yield build_analysis(doc, article)


def choose_processes(known: int) -> int:
    """Two parsing processes for long runs on a multi-core machine, else one."""
    if known < PARALLEL_MIN_ARTICLES:
        return 1
    return max(1, min(MAX_PROCESSES, os.cpu_count() or 1))


def build_analysis(doc, article: Article) -> Analysis:
    return Analysis(
        article_id=article.id, entities=extract_entities(doc), quotes=extract_quotes(doc, article)
    )


__all__ = ["analyse", "analyse_many"]
