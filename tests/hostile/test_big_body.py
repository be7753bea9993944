"""A 10 MB article: read in bounded time, and analysed without crashing the digest."""

from __future__ import annotations

import pytest

from fuzz.targets import time_cap
from storyline.analyse import analyse
from storyline.analyse.model import load_nlp
from storyline.extract import extract
from storyline.records import Article, RawDocument
from tests.hostile.corpus import BIG_BODY_BYTES, big_record

pytestmark = pytest.mark.slow
EXTRACT_SECONDS = 10


def test_big_body_is_extracted_within_ten_seconds():
    record = big_record()
    with time_cap(EXTRACT_SECONDS):
        article = extract(RawDocument(source="big.jsonl#L1", payload=record["text"], kind="text"))
    assert len(article.text) > BIG_BODY_BYTES / 2


def test_article_over_spacys_length_limit_is_analysed(monkeypatch):
    # The limit is 1,000,000 characters; a small one stands in for it, to keep the test quick.
    monkeypatch.setattr(load_nlp(), "max_length", 2_000)
    text = "The port authority said on Monday that talks would resume. " * 100
    article = Article(id="b" * 16, raw_id="b" * 16, source="big.jsonl#L1", text=text)
    assert analyse(article).article_id == article.id
