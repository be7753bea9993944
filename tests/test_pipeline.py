"""The golden end-to-end test: `storyline digest` on the seeds, checked against gold.json; and the order,
re-clustering and storyline briefs of the stages on a small store of their own."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from storyline import pipeline
from storyline.cli import main
from storyline.options import Options
from storyline.records import Article, Event, RawDocument, Storyline
from storyline.store import Store, open_store
from tests.conftest import SEEDS, fold

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def digested(tmp_path_factory, seeds_gold) -> dict[str, Any]:
    """stories.json of the seeds, keyed for the checks, and the store's counts after a second run."""
    import json

    work = tmp_path_factory.mktemp("seeds")
    runner = CliRunner()
    args = ["digest", str(SEEDS), "--db", str(work / "s.db"), "--out", str(work / "out")]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    document = json.loads((work / "out" / "stories.json").read_text(encoding="utf-8"))
    second = runner.invoke(main, args)
    rerun = json.loads((work / "out" / "stories.json").read_text(encoding="utf-8"))
    return {"document": document, "rerun": rerun, "second": second, "db": str(work / "s.db")}


def by_file(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(article["source"]).name: article for article in document["articles"]}


def test_events_are_the_gold_events_in_one_storyline(digested, seeds_gold):
    document = digested["document"]
    files = {article["id"]: Path(article["source"]).name for article in document["articles"]}
    found = sorted(sorted(files[a] for a in event["articles"]) for event in document["events"])
    gold = sorted(sorted(event["articles"]) for event in seeds_gold["events"].values())
    assert found == gold
    assert len({event["storyline"] for event in document["events"]}) == 1
    assert len(document["storylines"]) == 1


def test_titles_and_authors(digested, seeds_gold):
    articles = by_file(digested["document"])
    for name, gold in seeds_gold["articles"].items():
        assert fold(articles[name]["title"] or "") == fold(gold["title"]), name
        assert fold(articles[name]["author"] or "") == fold(gold["author"] or ""), name


def test_dates_the_text_gives(digested, seeds_gold):
    articles = by_file(digested["document"])
    for name, gold in seeds_gold["articles"].items():
        article = articles[name]
        if gold["published"]:
            assert article["published"].startswith(gold["published"]), name
            assert not article["published_inferred"]
        else:
            assert article["published"].startswith(gold["event_date"]), name
            assert article["published_inferred"], name


def test_bodies_start_and_end_where_gold_says(digested, seeds_gold):
    articles = by_file(digested["document"])
    for name, gold in seeds_gold["articles"].items():
        text = fold(articles[name]["text"])
        assert text.startswith(fold(gold["body_first"])), name
        assert text.endswith(fold(gold["body_last"])), name


def matches(quote: dict[str, Any], gold: dict[str, Any]) -> bool:
    """The gold quote's opening words begin the quote, or a quotation inside it (a partial quote is
    the whole reported clause: `that China was "not [their] adversary"`), and the speaker is one of
    the gold names."""
    names = {fold(name).lower() for name in [gold["speaker"], *gold["also"]]}
    content = fold(quote["text"])
    openings = [content.strip(" \"'"), *(piece.lstrip() for piece in content.split('"')[1::2])]
    said = any(opening.startswith(fold(gold["starts"])) for opening in openings)
    return said and fold(quote["speaker"] or "").lower() in names


def test_gold_quotes_found_with_their_speakers(digested, seeds_gold):
    """Every article's attributions hold the gold quotes (a brief shows only the strongest few)."""
    from storyline.store import open_store

    store = open_store(digested["db"])
    found = 0
    for article in digested["document"]["articles"]:
        gold_article = seeds_gold["articles"].get(Path(article["source"]).name, {"quotes": []})
        own = [{"text": q.text, "speaker": q.speaker} for q in store.quotes(article["id"])]
        found += sum(any(matches(quote, gold) for quote in own) for gold in gold_article["quotes"])
    assert found >= 15


def test_brief_quotes_of_gold_words_name_a_gold_speaker(digested, seeds_gold):
    document = digested["document"]
    files = {article["id"]: Path(article["source"]).name for article in document["articles"]}
    shown = 0
    for quote in (quote for event in document["events"] for quote in event["quotes"]):
        for gold in seeds_gold["articles"][files[quote["article"]]]["quotes"]:
            if matches({**quote, "speaker": gold["speaker"]}, gold):  # the gold words, whoever is named
                shown += 1
                assert matches(quote, gold), (quote, gold)
    assert shown >= 8


def test_every_summary_sentence_cites_an_article(digested):
    ids = {article["id"] for article in digested["document"]["articles"]}
    for event in digested["document"]["events"]:
        assert event["summary"]
        for sentence in event["summary"]:
            assert sentence["cites"] and set(sentence["cites"]) <= ids


def test_second_run_adds_nothing(digested):
    assert digested["second"].exit_code == 0
    first, rerun = digested["document"], digested["rerun"]
    for key in ("articles", "events", "storylines"):
        assert len(rerun[key]) == len(first[key])
    count = lambda document: sum(len(event["quotes"]) for event in document["events"])  # noqa: E731
    assert count(rerun) == count(first)


def test_event_spans_are_the_gold_spans(digested, seeds_gold):
    document = digested["document"]
    files = {article["id"]: Path(article["source"]).name for article in document["articles"]}
    spans = {
        frozenset(files[a] for a in event["articles"]): (event["start"][:10], event["end"][:10])
        for event in document["events"]
    }
    for gold in seeds_gold["events"].values():
        assert spans[frozenset(gold["articles"])] == tuple(gold["span"])


def test_publication_order_is_total_when_sources_repeat():
    # Two entries of a feed with one id share a source; the order must not be the order they were stored in.
    first = Article(id="b", raw_id="b", source="feed.xml#1", text="x")
    second = replace(first, id="a", raw_id="a")
    assert sorted([first, second], key=pipeline.publication_order) == [second, first]
    assert sorted([second, first], key=pipeline.publication_order) == [second, first]


def store_article(store: Store, name: str, direction: tuple[float, float], published: datetime) -> None:
    """An article with an embedding and no words (the clusterer then scores the embedding alone)."""
    raw = RawDocument(source=f"{name}.txt", payload=name, kind="text")
    store.save_article(
        raw, Article(id=name, raw_id=raw.id, source=raw.source, text=name, published=published), None, b""
    )
    vector = np.zeros(8, dtype=np.float32)
    vector[:2] = direction
    store.save_embeddings({name: vector / np.linalg.norm(vector)})


def test_events_whose_storyline_changed_are_reported_changed(tmp_path):
    # Their briefs name their storyline: a brief not written again would name one that is no more.
    store = open_store(tmp_path / "store.db")
    options = Options(event_threshold=0.6, storyline_threshold=0.8)
    for name, direction in (("1", (1.0, 0.3)), ("2", (0.3, 1.0))):
        store_article(store, name, direction, datetime(2025, 3, 1, tzinfo=UTC))
    pipeline.cluster_new(store, options)
    before = {event.id: event.storyline_id for event in store.events()}
    assert len(set(before.values())) == 2
    store_article(store, "3", (1.0, 1.0), datetime(2026, 3, 1, tzinfo=UTC))  # links the two, a year on
    changed = pipeline.cluster_new(store, options)
    after = {event.id: event.storyline_id for event in store.events()}
    assert len(set(after.values())) == 1
    assert changed == {event_id for event_id, storyline in after.items() if before.get(event_id) != storyline}


def test_the_brief_of_a_storyline_that_is_no_more_is_deleted(tmp_path):
    store = open_store(tmp_path / "store.db")
    brief = {"id": "e-1", "headline": "H", "articles": ["a"], "start": None, "end": None}
    store.save_brief("e-1", "event", brief)
    for storyline_id in ("s-old", "s-new"):
        store.save_clusters(
            [Event("e-1", ("a",), None, None, storyline_id)], [Storyline(storyline_id, ("e-1",))]
        )
        pipeline._brief_storylines(store)
    assert [storyline["id"] for storyline in store.briefs("storyline")] == ["s-new"]


def test_a_storyline_is_headed_the_same_way_whatever_order_its_events_are_listed_in(tmp_path):
    store = open_store(tmp_path / "store.db")
    for number in (1, 2):
        brief = {"id": f"e-{number}", "headline": f"H{number}", "articles": ["a"], "start": None, "end": None}
        store.save_brief(f"e-{number}", "event", brief)
    headlines = []
    for order in (("e-1", "e-2"), ("e-2", "e-1")):
        events = [Event(event_id, ("a",), None, None, "s-1") for event_id in order]
        store.save_clusters(events, [Storyline("s-1", order)])
        pipeline._brief_storylines(store)
        headlines.append(store.brief("s-1")["headline"])
    assert headlines == ["H2", "H2"]


class LengthEmbedder:
    """A stand-in model: a text's vector holds its length; it can be told to fail after some batches."""

    name = "length"

    def __init__(self, fail_after: int | None = None) -> None:
        self.batches = 0
        self.fail_after = fail_after

    def embed(self, texts: list[str]) -> np.ndarray:
        if self.fail_after is not None and self.batches >= self.fail_after:
            raise RuntimeError("the embedding model broke")
        self.batches += 1
        return np.array([[float(len(text)), 1.0] for text in texts], dtype=np.float32)


TOWNS = [
    ("Floods", "Valmora", "Petra Olsen"),
    ("A fire", "Kisumu", "Amos Otieno"),
    ("A storm", "Tarragona", "Lucia Ferrer"),
    ("An earthquake", "Sendai", "Kenji Mori"),
    ("A landslide", "Cusco", "Rosa Quispe"),
]


def store_texts(tmp_path: Path, count: int) -> Store:
    store = open_store(tmp_path / "store.db")
    pages = [
        RawDocument(
            source=f"{place}.txt",
            kind="text",
            payload=f"{what} in {place}\n\n{what} in {place} on Tuesday left {number} people out of work, "
            f'mayor {name} said. "We will rebuild {place}," {name} told reporters at the town hall.',
        )
        for number, (what, place, name) in enumerate(TOWNS[:count])
    ]
    pipeline.ingest_documents(store, pages)
    return store


def test_embedding_beside_the_analysis_stores_both_for_every_article(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "EMBED_BATCH", 2)  # several batches, saved as they come in
    store = store_texts(tmp_path, 5)
    pipeline.embed_and_analyse(store, LengthEmbedder())
    ids = {article.id for article in store.articles()}
    assert set(store.embeddings()) == ids
    assert store.unanalysed() == []
    assert all(store.quotes(article_id) for article_id in ids)
    assert {float(vector[0]) for vector in store.embeddings().values()} == {
        float(len(pipeline.article_input(article.title, article.text))) for article in store.articles()
    }


def test_an_embedding_failure_is_raised_after_the_analysis_and_the_vectors_before_it_are_kept(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(pipeline, "EMBED_BATCH", 2)
    store = store_texts(tmp_path, 5)
    with pytest.raises(RuntimeError, match="model broke"):
        pipeline.embed_and_analyse(store, LengthEmbedder(fail_after=1))
    assert len(store.embeddings()) == 2
    assert store.unanalysed() == []


class SentenceCounter(LengthEmbedder):
    """Counts every text it embeds."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.texts += texts
        return super().embed(texts)


def test_briefing_an_event_again_embeds_none_of_its_sentences_again(tmp_path):
    store = store_texts(tmp_path, 3)
    pipeline.embed_and_analyse(store, LengthEmbedder())
    events = pipeline.cluster_new(store)
    first = SentenceCounter()
    pipeline.brief_events(store, first, events)
    assert first.texts and len(first.texts) == len(set(first.texts))  # each once, though briefed in a group
    again = SentenceCounter()  # a later run, with nothing remembered in memory
    pipeline.brief_events(store, again, events)
    assert again.texts == []
    assert len(store.briefs("event")) == len(events)
