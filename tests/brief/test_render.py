from storyline.brief.render import escape_markdown, render_html, render_markdown, span

EVENT = {
    "id": "e-1",
    "storyline": "s-1",
    "headline": "Dockers <b>strike</b> in Valmora",
    "start": "2026-03-01T00:00:00+00:00",
    "end": "2026-03-03T00:00:00+00:00",
    "articles": ["a1", "a2"],
    "highlights": [{"text": "Ships wait offshore.", "cites": ["a2"]}],
    "summary": [{"text": "Work stopped for two days.", "cites": ["a1", "a2"]}],
    "timeline": [{"date": "2026-03-01T00:00:00+00:00", "text": "Talks broke down.", "cites": ["a2"]}],
    "quotes": [{"speaker": "Petra Olsen", "text": "We waited three years", "article": "a1", "cue": "said"}],
    "entities": [{"name": "Valmora", "type": "GPE", "count": 3}],
    "only_in": [{"article": "a2", "text": "Eleven ships wait."}],
    "sources": [
        {
            "article": "a1",
            "outlet": "Harbour Post",
            "title": "Strike",
            "published": "2026-03-01T09:00:00+00:00",
            "source": "a1.txt",
        },
        {"article": "a2", "outlet": None, "title": None, "published": None, "source": "a2.txt"},
    ],
}


def test_markdown_numbers_citations_by_source_order():
    text = render_markdown(EVENT)
    assert "Work stopped for two days. [1][2]" in text
    assert "- **2026-03-01** Talks broke down. [2]" in text
    assert "1. Harbour Post, 2026-03-01: Strike" in text


def test_markdown_escapes_markup_from_articles():
    assert "<b>" not in render_markdown(EVENT)
    assert escape_markdown("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"


def test_html_escapes_article_content_and_links_citations_to_sources():
    page = render_html("Briefs", [EVENT], {"a1": "<script>alert(1)</script>", "a2": "Text."})
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert 'href="#e-1-a2"' in page and 'id="e-1-a2"' in page


def test_span_of_a_single_day_is_that_day():
    assert span({"start": "2026-03-01T08:00", "end": "2026-03-01T20:00"}) == "2026-03-01"


def test_third_person_of_stance_verbs():
    from storyline.brief.render import third_person

    assert [third_person(v) for v in ("oppose", "deny", "say", "criticize", "push")] == [
        "opposes",
        "denies",
        "says",
        "criticizes",
        "pushes",
    ]


def test_markdown_shows_perspectives_with_citations():
    view = {"actor": "Valmora", "action": "oppose", "target": "Harbour Board", "stance": -1, "cites": ["a2"]}
    assert "- **Valmora** opposes **Harbour Board** [2]" in render_markdown({**EVENT, "perspectives": [view]})
