"""`storyline watch`: the sources file, the interval, rounds that grow events."""

from __future__ import annotations

import pytest

from storyline.errors import InputError
from storyline.fetch import watching
from storyline.fetch.watching import parse_interval, read_sources_file, split_urls, watch
from storyline.store import open_store
from tests.conftest import SAMPLES
from tests.fetch.conftest import FEED_HEADERS, LOCAL, Answer, rss, story

FLOODS = SAMPLES / "meridian-courier" / "2026-03-04-nairobi-flood-toll.html"
MORE_FLOODS = SAMPLES / "pulso-austral" / "2026-03-04-inundaciones-nairobi-atlas.html"
STRIKE = SAMPLES / "meridian-courier" / "2026-02-11-chile-copper-strike.html"


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "s.db")
    yield opened
    opened.close()


def test_the_sources_file_allows_blank_lines_and_comments(tmp_path):
    sources = tmp_path / "sources.txt"
    sources.write_text(
        "# outlets\n\nhttps://a.example.invalid/feed.xml\n  https://b.example.invalid/s.xml#x \n"
    )
    assert read_sources_file(sources) == [
        "https://a.example.invalid/feed.xml",
        "https://b.example.invalid/s.xml#x",
    ]


def test_a_bad_line_in_the_sources_file_is_named(tmp_path):
    sources = tmp_path / "sources.txt"
    sources.write_text("https://a.example.invalid/feed.xml\nfile:///etc/passwd\n")
    with pytest.raises(InputError, match=r"sources.txt#L2: only http and https"):
        read_sources_file(sources)


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90), ("30s", 30), ("15m", 900), ("1.5h", 5400), ("1d", 86400)]
)
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "15 minutes", "-5m"])
def test_bad_intervals_are_refused(text):
    with pytest.raises(ValueError, match="not a time"):
        parse_interval(text)


def test_urls_are_told_from_paths(tmp_path):
    existing = tmp_path / "a:b.html"
    existing.write_text("x")
    given = ["samples", "https://example.invalid/feed", "file:///etc/passwd", str(existing), "C:/news"]
    assert split_urls(given) == (
        ["samples", str(existing), "C:/news"],
        ["https://example.invalid/feed", "file:///etc/passwd"],
    )


def test_a_watch_round_prints_a_line(site, store, tmp_path, monkeypatch):
    monkeypatch.setattr(watching, "process_new", lambda store, options, report: report)
    sources = tmp_path / "sources.txt"
    sources.write_text(
        site.add("/feed.xml", Answer(rss(site.add("/s/1", Answer(story(1)))), headers=FEED_HEADERS))
    )
    lines: list[str] = []
    watch(store, sources, every=60, once=True, options=LOCAL, echo=lines.append)
    assert len(lines) == 1
    assert "round 1 at " in lines[0] and ": 1 new pages (0 copies), 0 failed, 0 events changed" in lines[0]


def test_a_long_round_shows_its_progress(site, store, tmp_path, monkeypatch):
    monkeypatch.setattr(watching, "process_new", lambda store, options, report: report)
    monkeypatch.setattr(watching, "PROGRESS_EVERY", 2)
    links = [site.add(f"/s/{number}", Answer(story(number))) for number in range(1, 6)]
    sources = tmp_path / "sources.txt"
    sources.write_text(site.add("/feed.xml", Answer(rss(*links), headers=FEED_HEADERS)))
    lines: list[str] = []
    watch(store, sources, every=60, once=True, options=LOCAL, echo=lines.append)
    assert lines[:2] == ["  fetched 2/5 pages", "  fetched 4/5 pages"]


@pytest.mark.slow
def test_a_round_grows_an_existing_event_and_rewrites_only_its_brief(site, store, tmp_path):
    pages = {
        path.name: site.add(f"/{path.name}", Answer(path.read_bytes()))
        for path in (FLOODS, STRIKE, MORE_FLOODS)
    }
    feed = site.add("/feed.xml", Answer(rss(pages[FLOODS.name], pages[STRIKE.name]), headers=FEED_HEADERS))
    sources = tmp_path / "sources.txt"
    sources.write_text(feed + "\n")
    first = watch(store, sources, every=60, once=True, options=LOCAL, echo=lambda line: None)
    assert (first.added, first.events_changed) == (2, 2)
    written = {
        row[0]: row[1] for row in store.db.execute("SELECT id, updated_at FROM briefs WHERE kind = 'event'")
    }

    site.add(
        "/feed.xml",
        Answer(rss(pages[FLOODS.name], pages[STRIKE.name], pages[MORE_FLOODS.name]), headers=FEED_HEADERS),
    )
    second = watch(store, sources, every=60, once=True, options=LOCAL, echo=lambda line: None)
    assert (second.added, second.events_changed) == (1, 1)
    events = {len(event.article_ids) for event in store.events()}
    assert events == {1, 2}
    rewritten = {
        row[0]
        for row in store.db.execute("SELECT id, updated_at FROM briefs WHERE kind = 'event'")
        if written.get(row[0]) != row[1]
    }
    grown = store.event_of(store.articles("source = ?", (pages[MORE_FLOODS.name],))[0].id)
    assert rewritten == {grown}

    third = watch(store, sources, every=60, once=True, options=LOCAL, echo=lambda line: None)
    assert (third.added, third.events_changed) == (0, 0)
