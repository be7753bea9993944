import gzip
import json

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.extract import html as html_module

ARTICLE = """Valmora dockers stop work as pay talks collapse

By Marta Quell | March 3, 2026, 09:15 AM

Dock workers in the port of Valmora stopped work on Tuesday after talks on a new pay deal collapsed late on Monday night, leaving eleven container ships waiting offshore.

"We waited three years for a contract and we will not wait any longer," union leader Petra Olsen told reporters at the gate.

The harbour authority said that it regretted the strike and remained ready to talk at any time.

Share this article
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_stories_without_a_store_says_how_to_make_one(runner, tmp_path):
    result = runner.invoke(main, ["stories", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "run `storyline digest" in result.output


def test_ingest_names_each_bad_file_and_keeps_the_good_ones(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "broken.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:-8])
    (folder / "feed.xml").write_text("<rss><channel><item><title>x</title>", encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    for name in ("empty.txt", "binary.txt", "broken.warc.gz", "feed.xml"):
        assert name in result.output
    assert "1 new articles" in result.output


@pytest.mark.slow
def test_digest_then_show_and_export(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(main, ["digest", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0
    listed = runner.invoke(main, ["stories", "--db", db, "--json"])
    event = json.loads(listed.output.splitlines()[0])
    shown = runner.invoke(main, ["show", event["id"], "--db", db])
    assert shown.output.startswith("# Valmora dockers stop work")
    exported = runner.invoke(main, ["export", "--db", db, "--format", "jsonl"])
    assert json.loads(exported.output)["id"] == event["id"]
    storyline = runner.invoke(main, ["show", json.loads(exported.output)["storyline"], "--db", db])
    assert storyline.output.startswith("# Storyline: Valmora dockers stop work")
    assert f"storyline show {event['id']}" in storyline.output


def test_show_of_an_unknown_id_is_one_clean_line(runner, tmp_path):
    db = tmp_path / "s.db"
    runner.invoke(main, ["ingest", str(tmp_path), "--db", str(db)])
    result = runner.invoke(main, ["show", "e-missing", "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no story 'e-missing' in the store: `storyline stories` lists them"


def test_quotes_prints_one_json_line_per_attribution(runner, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text('"We will build the bridge," said Ana Ruiz, the mayor of Lakeside.\n', encoding="utf-8")
    result = runner.invoke(main, ["quotes", str(page)])
    record = json.loads(result.output.splitlines()[0])
    assert record["speaker"] == "Ana Ruiz" and record["kind"] == "direct"
    start, end = record["content_span"]
    assert page.read_text(encoding="utf-8")[start:end] == "We will build the bridge"


def test_extract_prints_the_pipelines_reading_of_each_page(runner, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    record = json.loads(runner.invoke(main, ["extract", str(page)]).output.splitlines()[0])
    assert record["title"] == "Valmora dockers stop work as pay talks collapse"
    assert record["author"] == "Marta Quell" and record["published"].startswith("2026-03-03T09:15")
    assert "Share this article" not in record["text"]


def test_extract_drops_what_a_page_shares_with_earlier_pages_of_its_outlet(runner, tmp_path):
    standing = "The Valmora Ledger is owned by its readers, who elect its board every spring."
    stories = {
        "a": "Dockers at the port of Valmora stopped work on Monday after pay talks with the operators collapsed.",
        "b": "The ferry timetable between Valmora and the islands changes in May, the harbour board said.",
    }
    with (tmp_path / "pages.jsonl").open("w", encoding="utf-8") as pages:
        for name, story in stories.items():
            html = f"<html><body><article><p>{story}</p><p>{standing}</p></article></body></html>"
            pages.write(json.dumps({"url": f"https://ledger.example/{name}", "html": html}) + "\n")
    output = runner.invoke(main, ["extract", str(tmp_path / "pages.jsonl")]).output.splitlines()
    first, second = (json.loads(line)["text"] for line in output)
    assert standing in first and standing not in second
    assert stories["b"] in second


def test_a_page_that_breaks_a_library_fails_alone(runner, tmp_path, monkeypatch):
    def break_the_library(tree):
        raise AssertionError("a bug deep inside the HTML extractor")

    monkeypatch.setattr(html_module, "read_body", break_the_library)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "hostile.html").write_text(
        "<html><body><p>" + "A sentence of prose here. " * 5 + "</p></body></html>", encoding="utf-8"
    )
    result = runner.invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "hostile.html" in result.output and "1 new articles" in result.output


@pytest.mark.parametrize("command", ["ingest", "digest"])
def test_max_bytes_named_in_the_too_large_message_is_an_option(runner, tmp_path, command):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "s.db")
    refused = runner.invoke(main, [command, str(tmp_path / "a.txt"), "--db", db, "--max-bytes", "100"])
    assert refused.exit_code == 1
    assert "over the 100-byte limit (raise --max-bytes" in refused.output
    accepted = runner.invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", db, "--max-bytes", "100000"])
    assert "1 new articles" in accepted.output


@pytest.mark.skipif(__import__("torch").cuda.is_available(), reason="this machine has a GPU to embed on")
def test_a_device_that_is_not_there_is_refused_before_any_input_is_read(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "s.db"
    result = runner.invoke(main, ["digest", str(tmp_path / "a.txt"), "--db", str(db), "--device", "cuda"])
    assert result.exit_code == 1
    assert "no CUDA GPU" in result.output and "--device cpu" in result.output
    assert not db.exists()


def test_spark_digest_writes_its_pages_where_parquet_says(runner, tmp_path, monkeypatch):
    from storyline import spark

    asked: dict[str, object] = {}

    class Session:
        def stop(self) -> None:
            asked["stopped"] = True

    def record(session, inputs, out, store, options, on_failure, parquet=None):
        asked["parquet"] = parquet
        return spark.DigestReport()

    # Starting Spark takes seconds; what is checked here is only what the command passes on.
    monkeypatch.setattr(spark, "start_spark", lambda master: Session())
    monkeypatch.setattr(spark, "spark_digest", record)
    target = (tmp_path / "pages.parquet").as_uri()
    result = runner.invoke(
        main, ["spark-digest", "x.jsonl", "--out", str(tmp_path / "o"), "--parquet", target]
    )
    assert result.exit_code == 0, result.output
    assert asked == {"parquet": target, "stopped": True}
