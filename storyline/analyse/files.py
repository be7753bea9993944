"""Attributions of plain text files, one JSON-ready record per quote (`storyline quotes PATH...`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.analyse import analyse_many
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.records import Article, Quote, content_hash


def quotes_of_files(paths: Iterable[str | Path], options: Options = DEFAULT_OPTIONS) -> Iterator[dict]:
    """Every quote of each file, in file and text order, with spans into the file's text. The pieces
    of one quotation broken by its cue ("“…,” she said, “…”") share speaker and cue spans."""
    articles = [read_article(Path(path)) for path in paths]
    for article, analysis in zip(articles, analyse_many(articles, options), strict=True):
        for quote in analysis.quotes:
            yield quote_record(article.source, quote)


def read_article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    return Article(id=content_hash(text), raw_id=content_hash(text), source=str(path), text=text)


def quote_record(source: str, quote: Quote) -> dict:
    return {
        "source": source,
        "speaker": quote.speaker,
        "speaker_span": list(quote.speaker_span) if quote.speaker_span else None,
        "cue_span": list(quote.cue_span) if quote.cue_span else None,
        "content_span": list(quote.content_span) if quote.content_span else None,
        "content": quote.text,
        "kind": quote.kind,
    }
