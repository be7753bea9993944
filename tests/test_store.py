from datetime import UTC, datetime

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import NotFoundError, StoreError
from storyline.records import Analysis, Article, Entity, Event, Quote, RawDocument, Storyline, YearlessDate
from storyline.store import MIGRATIONS, open_store


def make_pair(text: str = "Body text.", source: str = "a.txt") -> tuple[RawDocument, Article]:
    raw = RawDocument(source=source, payload="Title\n\n" + text, kind="text")
    article = Article(id=raw.id, raw_id=raw.id, source=source, text=text, title="Title")
    return raw, article


@pytest.fixture
def store(store_target):
    """The store under test, on SQLite and on PostgreSQL."""
    opened = open_store(store_target)
    yield opened
    opened.close()


def test_new_sqlite_store_is_at_latest_schema_in_wal_mode(tmp_path):
    store = open_store(tmp_path / "s.db")
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_new_store_is_at_latest_schema(store):
    assert store.dialect.schema_version(store.db) == len(MIGRATIONS)


def test_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "s.db"
    open_store(path).db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_saved_article_reads_back_with_its_dropped_lines(store):
    raw, article = make_pair()
    article = Article(**{**article.__dict__, "dropped": ("Share this", "Comments 3")})
    store.save_article(raw, article, None, b"")
    assert store.article(article.id) == article
    assert store.has_raw(raw.id)


def test_failed_save_leaves_nothing_behind(store):
    raw, article = make_pair()
    store.save_article(raw, article, None, b"")
    other_raw, _ = make_pair(source="b.txt", text="Other body.")
    clashing = Article(id=article.id, raw_id=other_raw.id, source="b.txt", text="Other body.")
    with pytest.raises(Exception, match=r"(?i)unique"):
        store.save_article(other_raw, clashing, None, b"")
    assert not store.has_raw(other_raw.id)


def test_missing_article_is_a_clear_error(store):
    with pytest.raises(NotFoundError, match="storyline stories"):
        store.article("nope")


def test_analysis_round_trip(store):
    raw, article = make_pair()
    store.save_article(raw, article, None, b"")
    quote = Quote(article.id, "Ana Ruiz", "We will win", "said", "direct", "She", (0, 3), (4, 8), (10, 21))
    store.save_analysis(Analysis(article.id, (Entity("Ana Ruiz", "PERSON", 2),), (quote,)))
    assert store.quotes(article.id) == (quote,)
    assert store.entities(article.id) == (Entity("Ana Ruiz", "PERSON", 2),)
    assert store.unanalysed() == []


def test_embeddings_round_trip(store):
    raw, article = make_pair()
    store.save_article(raw, article, None, b"")
    vector = np.arange(4, dtype=np.float32)
    store.save_embeddings({article.id: vector})
    assert np.array_equal(store.embeddings()[article.id], vector)


def test_clusters_are_replaced_as_a_whole(store):
    raw, article = make_pair()
    store.save_article(raw, article, None, b"")
    moment = datetime(2026, 3, 1, tzinfo=UTC)
    event = Event("e-1", (article.id,), moment, moment, "s-1")
    store.save_clusters([event], [Storyline("s-1", ("e-1",))])
    assert store.events() == [event]
    assert store.storylines() == [Storyline("s-1", ("e-1",))]
    store.save_clusters([], [])
    assert store.events() == []


# No NUL: PostgreSQL text cannot hold it, and the PostgreSQL store stores it as U+FFFD on purpose.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=200,
)
moments = st.none() | st.datetimes(timezones=st.just(UTC))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40)
@given(
    text=texts,
    title=st.none() | texts,
    published=moments,
    dropped=st.lists(texts, max_size=3),
    yearless=st.none() | st.builds(YearlessDate, st.integers(1, 12), st.integers(1, 28)),
)
def test_any_article_round_trips_through_the_store(store, text, title, published, dropped, yearless):
    raw = RawDocument(source="x", payload=text, kind="text")
    if store.has_raw(raw.id):
        return
    article = Article(
        id=raw.id,
        raw_id=raw.id,
        source="x",
        text=text,
        title=title,
        published=published,
        dropped=tuple(dropped),
        yearless_date=yearless,
    )
    store.save_article(raw, article, None, b"")
    assert store.article(raw.id) == article


def test_search_finds_words_and_ignores_query_syntax(store):
    raw, article = make_pair(text="Dock workers in Valmora stopped work.")
    store.save_article(raw, article, None, b"")
    assert [hit[0] for hit in store.search('valmora "dock*')] == [article.id]
    assert "\x02Valmora\x03" in store.search("valmora")[0][1]
    assert store.search("NEAR(") == []


def test_migration_two_indexes_articles_stored_before_it(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0]["any"] + "; PRAGMA user_version = 1;")
    old.execute(
        "INSERT INTO raw_documents VALUES ('r', 's', 'text', 'p', NULL, NULL, NULL, NULL, NULL, 'now')"
    )
    old.execute(
        "INSERT INTO articles (id, raw_id, source, text, text_hash) VALUES ('r', 'r', 's', 'Harbour strike', 'h')"
    )
    old.commit()
    old.close()
    assert [hit[0] for hit in open_store(path).search("harbour")] == ["r"]


def test_listing_of_a_brief_counts_sources_and_outlets(store):
    body = {
        "id": "e-1",
        "headline": "H",
        "start": "2026-01-01",
        "end": "2026-01-02",
        "storyline": "s-1",
        "sources": [{"outlet": "A"}, {"outlet": "A"}, {"outlet": None}],
    }
    store.save_brief("e-1", "event", body)
    assert store.listings("event") == [
        {
            "id": "e-1",
            "headline": "H",
            "start": "2026-01-01",
            "end": "2026-01-02",
            "storyline": "s-1",
            "sources": 3,
            "outlets": 1,
            "events": 0,
        }
    ]


def test_migration_three_lists_briefs_written_before_it(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0]["any"] + ";" + MIGRATIONS[1]["any"] + "; PRAGMA user_version = 2;")
    body = '{"id": "e-1", "headline": "H", "start": null, "end": null, "sources": [{"outlet": "A"}]}'
    old.execute("INSERT INTO briefs VALUES ('e-1', 'event', ?, 'now')", (body,))
    old.commit()
    old.close()
    listed = open_store(path).listings("event")
    assert listed[0]["headline"] == "H" and listed[0]["sources"] == 1 and listed[0]["outlets"] == 1


def test_a_page_stored_meanwhile_is_not_stored_twice(store):
    raw, article = make_pair()
    assert store.save_article(raw, article, None, b"") == (True, None)
    assert store.save_article(raw, article, None, b"") == (False, None)
    assert store.counts()["articles"] == 1


def test_an_exact_copy_links_to_its_original_inside_the_transaction(store):
    raw, article = make_pair(source="a.txt")
    store.save_article(raw, article, None, b"")
    copy_raw = RawDocument(source="b.txt", payload="Other page\n\nBody text.", kind="text")
    copy = Article(id=copy_raw.id, raw_id=copy_raw.id, source="b.txt", text=article.text)
    assert store.save_article(copy_raw, copy, None, b"") == (True, article.id)


def test_inferred_dates_are_saved_with_the_clusters(store):
    raw, article = make_pair()
    store.save_article(raw, article, None, b"")
    moment = datetime(2026, 3, 3, tzinfo=UTC)
    dated = Article(**{**article.__dict__, "published": moment, "published_inferred": True})
    store.save_clusters([Event("e-1", (article.id,), moment, moment)], [], [dated])
    assert store.article(article.id).published == moment
    assert store.article(article.id).published_inferred


def test_headers_of_no_articles_is_empty(store):
    assert store.headers([]) == {}


def test_outlet_paragraphs_are_found_by_key_and_stored_once(store):
    store.save_outlet_paragraphs("courier.example", "p1", {"k1", "k2"})
    store.save_outlet_paragraphs("courier.example", "p1", {"k1"})
    store.save_outlet_paragraphs("courier.example", "p2", {"k1"})
    store.save_outlet_paragraphs("gazette.example", "p3", {"k1"})
    assert store.outlet_paragraph_pages("courier.example", ["k1", "k2", "k3"]) == {
        "k1": {"p1", "p2"},
        "k2": {"p1"},
    }


def test_migration_six_gives_plain_highlights_a_citation_list(store):
    old = {"id": "e-1", "headline": "H", "highlights": ["Ships wait offshore."], "sources": []}
    store.save_brief("e-1", "event", old)
    store.dialect.set_schema_version(store.db, 5)
    store.db.commit()
    store.migrate()
    assert store.brief("e-1")["highlights"] == [{"text": "Ships wait offshore.", "cites": [], "passages": []}]


def test_articles_naming_an_entity_as_often_come_in_id_order_not_in_the_order_analysed(store):
    pages = [make_pair(text, source) for text, source in (("Body one.", "b.txt"), ("Body two.", "a.txt"))]
    for raw, article in sorted(pages, key=lambda page: page[1].id, reverse=True):
        store.save_article(raw, article, None, b"")
        store.save_analysis(Analysis(article.id, (Entity("Ana Ruiz", "PERSON", 2),)))
    assert store.articles_naming("Ana Ruiz") == sorted(article.id for _, article in pages)


def test_delete_briefs_keeps_only_the_ones_named(store):
    for brief_id in ("s-1", "s-2"):
        store.save_brief(brief_id, "storyline", {"id": brief_id, "headline": "H"})
    store.save_brief("e-1", "event", {"id": "e-1", "headline": "H"})
    store.delete_briefs("storyline", keep={"s-2"})
    assert sorted(store.brief_ids()) == ["e-1", "s-2"]


def test_sentence_vectors_round_trip_past_one_querys_worth_of_keys(store):
    vectors = {f"key-{number}": np.full(4, number, dtype=np.float32) for number in range(1200)}
    store.save_sentence_vectors("model-a", vectors)
    found = store.sentence_vectors("model-a", [*vectors, "never-stored"])
    assert found.keys() == vectors.keys()
    assert all(np.array_equal(found[key], vector) for key, vector in vectors.items())


def test_sentence_vectors_are_kept_per_model_and_a_second_save_changes_nothing(store):
    store.save_sentence_vectors("model-a", {"k": np.ones(2, dtype=np.float32)})
    store.save_sentence_vectors("model-a", {"k": np.zeros(2, dtype=np.float32)})
    assert store.sentence_vectors("model-b", ["k"]) == {}
    assert store.sentence_vectors("model-a", ["k"])["k"].tolist() == [1.0, 1.0]
