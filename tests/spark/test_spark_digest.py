"""`spark-digest` on Spark local[2] gives the same store and stories.json as `storyline digest`."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java, which is not installed here", allow_module_level=True)

from storyline import pipeline
from storyline.errors import InputError
from storyline.extract.templates import outlet_key
from storyline.records import Analysis, Article, Entity, Quote, RawDocument, YearlessDate
from storyline.spark import from_row, local_path, spark_digest, start_spark, to_row
from storyline.store import Store, open_store
from tests.spark.corpus import write_warc

pytestmark = pytest.mark.slow


@dataclass
class Run:
    store: Store
    report: pipeline.DigestReport
    out: Path

    @property
    def document(self) -> dict[str, Any]:
        return json.loads((self.out / "stories.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def spark():
    # One session for the module; loopback only, no UI, few shuffle partitions for a small input.
    session = start_spark("local[2]", {"spark.sql.shuffle.partitions": "2"})
    yield session
    session.stop()


@pytest.fixture(scope="module")
def warc(tmp_path_factory) -> Path:
    return write_warc(tmp_path_factory.mktemp("corpus") / "news.warc.gz")


@pytest.fixture(scope="module")
def single(warc, tmp_path_factory) -> Run:
    out = tmp_path_factory.mktemp("single")
    store = open_store(out / "storyline.db")
    report = pipeline.digest(store, [warc])
    pipeline.write_outputs(store, out)
    return Run(store, report, out)


@pytest.fixture(scope="module")
def distributed(spark, warc, tmp_path_factory) -> Run:
    out = tmp_path_factory.mktemp("spark")
    store = open_store(out / "storyline.db")
    report = spark_digest(spark, [str(warc)], out, store)
    pipeline.write_outputs(store, out)
    return Run(store, report, out)


def test_same_articles(single, distributed):
    assert distributed.document["articles"] == single.document["articles"]


def test_same_events_and_storylines(single, distributed):
    assert len(single.document["events"]) == 3
    assert distributed.document["events"] == single.document["events"]
    assert distributed.document["storylines"] == single.document["storylines"]


def test_same_quotes_and_entities_per_article(single, distributed):
    ids = [article.id for article in single.store.articles()]
    assert [distributed.store.quotes(id_) for id_ in ids] == [single.store.quotes(id_) for id_ in ids]
    assert [distributed.store.entities(id_) for id_ in ids] == [single.store.entities(id_) for id_ in ids]
    assert single.store.counts()["quotes"] > 0


def test_same_copies_and_failures(single, distributed):
    counted = ("added", "unchanged", "duplicates", "failures")
    assert [getattr(distributed.report, name) for name in counted] == [
        getattr(single.report, name) for name in counted
    ]
    assert (single.report.duplicates, len(single.report.failures)) == (1, 2)


def test_parquet_holds_every_page_with_its_embedding(spark, distributed):
    rows = spark.read.parquet(str(distributed.out / "articles.parquet")).collect()
    articles = [row for row in rows if row.article is not None]
    assert (len(rows), len(articles)) == (16, 14)  # 12 articles, a copy, a repeat; 2 failures
    assert {len(row.embedding) for row in articles} == {384}
    assert all(row.analysis.entities for row in articles)


def test_second_run_adds_nothing(spark, warc, distributed):
    before = distributed.store.counts()
    report = spark_digest(spark, [str(warc)], distributed.out, distributed.store)
    assert (report.added, report.unchanged) == (0, 14)
    assert distributed.store.counts() == {**before, "failures": before["failures"] + 2}


def test_missing_input_fails_before_spark_runs(spark, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        spark_digest(spark, [str(tmp_path / "nothing-*.warc")], tmp_path, open_store(tmp_path / "s.db"))


def test_records_cross_as_rows_and_back():
    moment = datetime(2026, 3, 2, 7, 30, tzinfo=timezone(timedelta(hours=1)))
    raw = RawDocument("a.warc#1", "<p>Hi</p>", "html", published=moment)
    article = Article(
        "a",
        "a",
        "a.warc#1",
        "One.\n\nTwo.",
        updated=datetime(2026, 3, 3, tzinfo=UTC),
        yearless_date=YearlessDate(3, 2, 0),
        dropped=("Share", "Subscribe"),
    )
    quote = Quote("a", "Ann Lee", "One.", "said", "direct", "She", (0, 3), (5, 9), None)
    analysis = Analysis("a", (Entity("Ann Lee", "PERSON", 2),), (quote,))
    for record in (raw, article, analysis):
        assert from_row(type(record), json.loads(json.dumps(to_row(record)))) == record


def test_local_files_are_named_as_digest_names_them():
    assert local_path("file:/data/cc/a.warc.gz") == "/data/cc/a.warc.gz"
    assert local_path("file:///data/cc/a.warc.gz") == "/data/cc/a.warc.gz"
    assert local_path("s3a://bucket/cc/a.warc.gz") == "s3a://bucket/cc/a.warc.gz"


def test_an_outlets_template_is_dropped_after_its_first_page(distributed):
    # Every page of an outlet ends with the same standing paragraph: the first page of each host keeps it.
    articles = distributed.store.articles()
    keeping = [outlet_key(article) for article in articles if "independent newsroom" in article.text]
    assert len(keeping) == len(set(keeping)) < len(articles)
