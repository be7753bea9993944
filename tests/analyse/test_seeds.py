"""The dev-set check: gold quotes of the seed articles found with an acceptable speaker.

The seeds live outside the repository (../shared/seeds from the repo root) and are read at
run time; nothing of them is copied here. The test is skipped where they are absent.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from storyline.records import Article

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
GOLD = SEEDS / "gold.json"
MIN_FOUND = 15
QUOTED = re.compile(r'"([^"]+)')
STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not GOLD.is_file(), reason="the shared seed set is not present"),
]


def normalise(text: str) -> str:
    """NFKC, curly quotes straight, case and spacing folded, edge quote marks dropped."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(STRAIGHT).lower().split()).strip("\"' ")


def find_words(words: str, text: str) -> re.Match:
    """Find a phrase in raw text whatever its whitespace (the seeds hold en spaces)."""
    match = re.search(r"\s+".join(map(re.escape, words.split())), text)
    assert match, words
    return match


def load_articles() -> tuple[list[Article], dict]:
    """Each seed's body, from gold body_first to body_last, as the extract stage yields it."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    articles = []
    for name, entry in gold.items():
        raw = (SEEDS / name).read_text(encoding="utf-8")
        start = find_words(entry["body_first"], raw).start()
        end = find_words(entry["body_last"], raw).end()
        articles.append(
            Article(id=name, raw_id=name, source=name, text=raw[start:end], author=entry["author"])
        )
    return articles, gold


@pytest.fixture(scope="module")
def analysed():
    from storyline.analyse import analyse_many

    articles, gold = load_articles()
    return list(zip(articles, analyse_many(articles), strict=True)), gold


def quoted_words(text: str) -> list[str]:
    """A quote's text and, for a partial quote (a reported clause), each quotation inside it."""
    return [normalise(text)] + [normalise(part) for part in QUOTED.findall(text.translate(STRAIGHT))]


def is_found(gold_quote: dict, quotes) -> bool:
    names = {normalise(name) for name in [gold_quote["speaker"], *gold_quote["also"]]}
    starts = normalise(gold_quote["starts"])
    return any(
        any(words.startswith(starts) for words in quoted_words(quote.text))
        and quote.speaker
        and normalise(quote.speaker) in names
        for quote in quotes
    )


def test_gold_quotes_are_found_with_their_speaker(analysed):
    pairs, gold = analysed
    results = [
        is_found(gq, analysis.quotes) for article, analysis in pairs for gq in gold[article.id]["quotes"]
    ]
    assert sum(results) >= MIN_FOUND, f"{sum(results)}/{len(results)} gold quotes found"


def test_no_quote_is_given_to_a_journalist_or_the_question(analysed):
    pairs, _ = analysed
    speakers = {
        normalise(quote.speaker) for _, analysis in pairs for quote in analysis.quotes if quote.speaker
    }
    assert not any(re.search(r"\b(journalist|reporter|question)s?\b", speaker) for speaker in speakers)
