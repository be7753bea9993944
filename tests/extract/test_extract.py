from datetime import UTC, datetime

import pytest

from storyline.errors import InputError
from storyline.extract import article_record, extract, extract_paths
from storyline.ingest import IngestFailure
from storyline.records import RawDocument, YearlessDate

TEXT = "\n\n".join(
    [
        "Skip to content",
        "Ferry line approved",
        "By Mira Okonkwo",
        "On March 14, the harbour council voted to open a ferry line between the pier and Tarn island.",
        "Councillors approved the plan by nine votes to four after a long and heated session.",
        "Share on Facebook",
    ]
)


def test_extract_text_builds_an_article():
    raw = RawDocument(source="pages/ferry.txt", payload=TEXT, kind="text")
    article = extract(raw)
    assert article.id == raw.id
    assert article.raw_id == raw.id
    assert article.source == "pages/ferry.txt"
    assert article.title == "Ferry line approved"
    assert article.author == "Mira Okonkwo"
    assert article.language == "en"
    assert article.yearless_date == YearlessDate(3, 14)
    assert len(article.paragraphs) == 2
    assert "Share on Facebook" in article.dropped


def test_container_values_win_over_the_page():
    published = datetime(2022, 3, 14, 12, 0, tzinfo=UTC)
    raw = RawDocument(
        source="feed.xml", payload=TEXT, kind="text", url="https://courier.example/ferry",
        title="Ferry line approved", author="Desk Editor", outlet="Lakeside Courier", published=published,
    )  # fmt: skip
    article = extract(raw)
    assert (article.author, article.outlet, article.url) == ("Desk Editor", "Lakeside Courier", raw.url)
    assert article.published == published
    assert article.yearless_date is None


def test_the_containers_address_names_the_outlet_when_the_page_does_not():
    raw = RawDocument(source="x.jsonl", payload=TEXT, kind="text", url="https://www.courier.example/ferry")
    assert extract(raw).outlet == "courier.example"


def test_empty_container_values_do_not_win():
    article = extract(RawDocument(source="x.jsonl", payload=TEXT, kind="text", title=" ", author=""))
    assert article.title == "Ferry line approved"
    assert article.author == "Mira Okonkwo"


def test_page_without_article_text_raises_input_error():
    with pytest.raises(InputError):
        extract(RawDocument(source="menu.txt", payload="Skip to content\n\nShare on Facebook", kind="text"))


def test_html_without_markup_falls_back_to_the_text_cleaner():
    article = extract(RawDocument(source="page.html", payload=TEXT, kind="html"))
    assert article.title == "Ferry line approved"
    assert article.author == "Mira Okonkwo"
    assert len(article.paragraphs) == 2
    assert "Share on Facebook" in article.dropped


def test_html_byline_trimmed_off_the_text_still_names_the_author():
    html = (
        "<html><body><p>Ferry line approved</p><p>By Mira Okonkwo | March 14, 2022</p>"
        "<p>The harbour council voted on Monday to open a ferry line to Tarn island.</p>"
        "<p>Share on Facebook</p></body></html>"
    )
    article = extract(RawDocument(source="page.html", payload=html, kind="html"))
    assert article.text == "The harbour council voted on Monday to open a ferry line to Tarn island."
    assert article.author == "Mira Okonkwo"
    assert article.published == datetime(2022, 3, 14, tzinfo=UTC)


def test_extract_html_page_through_trafilatura():
    html = (
        '<html><head><meta property="og:site_name" content="Lakeside Courier">'
        '<meta property="article:published_time" content="2022-03-14T09:30:00Z"></head>'
        "<body><article><h1>Ferry line approved</h1><p>The harbour council voted on Monday to open a ferry "
        "line between the old pier and the island of Tarn, ending a debate that had lasted years.</p>"
        "<p>Councillors approved the plan by nine votes to four after a long session.</p>"
        "</article></body></html>"
    )
    article = extract(RawDocument(source="page.html", payload=html, kind="html", author="Mira Okonkwo"))
    assert article.title == "Ferry line approved"
    assert article.author == "Mira Okonkwo"
    assert article.outlet == "Lakeside Courier"
    assert article.published == datetime(2022, 3, 14, 9, 30, tzinfo=UTC)
    assert len(article.paragraphs) == 2
    assert article.language == "en"


def test_extract_paths_gives_one_record_per_page_and_a_failure_per_bad_page(tmp_path):
    (tmp_path / "a_ferry.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b_menu.txt").write_text("Skip to content\n\nShare on Facebook", encoding="utf-8")
    record, failure = list(extract_paths([tmp_path]))
    assert set(record) == {"source", "url", "title", "author", "published", "language", "text"}
    assert (record["title"], record["author"], record["language"]) == (
        "Ferry line approved",
        "Mira Okonkwo",
        "en",
    )
    assert record["text"].startswith("On March 14, the harbour council voted")
    assert isinstance(failure, IngestFailure)
    assert failure.source.endswith("b_menu.txt")


def test_article_record_gives_the_date_in_iso_format():
    article = extract(
        RawDocument(source="x.txt", payload=TEXT, kind="text", published=datetime(2022, 3, 14, tzinfo=UTC))
    )
    assert article_record(article)["published"] == "2022-03-14T00:00:00+00:00"
