"""The five seed pages in ../shared/seeds against what a careful editor reads out of them."""

import json
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from storyline.extract import extract
from storyline.records import RawDocument

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(QUOTES)


def load_gold() -> dict:
    path = SEEDS / "gold.json"
    return json.loads(path.read_text(encoding="utf-8"))["articles"] if path.exists() else {}


GOLD = load_gold()
pytestmark = pytest.mark.skipif(not GOLD, reason="../shared/seeds is not here")


@pytest.fixture(scope="module", params=sorted(GOLD))
def seed(request):
    name = request.param
    payload = (SEEDS / name).read_text(encoding="utf-8")
    return GOLD[name], extract(RawDocument(source=name, payload=payload, kind="text"))


def as_minute(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M") if value else None


def test_title(seed):
    gold, article = seed
    assert fold(article.title or "") == fold(gold["title"])


def test_author(seed):
    gold, article = seed
    assert (fold(article.author) if article.author else None) == (
        fold(gold["author"]) if gold["author"] else None
    )


def test_published_and_updated(seed):
    gold, article = seed
    assert as_minute(article.published) == gold["published"]
    assert as_minute(article.updated) == gold.get("updated")


def test_body_starts_and_ends_where_the_article_does(seed):
    gold, article = seed
    text = fold(article.text)
    assert text.startswith(fold(gold["body_first"]))
    assert text.endswith(fold(gold["body_last"]))


def test_no_boilerplate_in_body(seed):
    gold, article = seed
    text = fold(article.text)
    for example in gold["boilerplate_examples"]:
        if example == "the title printed twice":
            assert text.count(fold(gold["title"])) == 0
        else:
            assert fold(example) not in text


def test_yearless_date_when_no_published_date(seed):
    gold, article = seed
    if gold["published"] is None:
        assert article.yearless_date is not None
        event = datetime.fromisoformat(gold["event_date"]).date()
        assert (article.yearless_date.month, article.yearless_date.day) == (event.month, event.day)
        assert article.yearless_date.resolve(event) == event


def test_language_is_english(seed):
    _, article = seed
    assert article.language == "en"
