"""Helpers for the analyse tests: build articles and run the stage on short invented texts."""

from __future__ import annotations

import pytest

from storyline.records import Article, Quote


def make_article(text: str, author: str | None = None, article_id: str = "a1") -> Article:
    return Article(id=article_id, raw_id=article_id, source="test", text=text, author=author)


@pytest.fixture(scope="session")
def quotes_of():
    """Run the analyse stage on a text and return its quotes."""
    from storyline.analyse import analyse

    def run(text: str, author: str | None = None) -> list[Quote]:
        return list(analyse(make_article(text, author)).quotes)

    return run


def find_quote(quotes: list[Quote], starts: str) -> Quote:
    """The quote whose text starts with `starts` (fails the test when there is none)."""
    found = [quote for quote in quotes if quote.text.startswith(starts)]
    assert found, f"no quote starting {starts!r} in {[quote.text for quote in quotes]}"
    return found[0]
