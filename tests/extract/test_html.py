from datetime import UTC, datetime

import pytest
from lxml import etree

from storyline.extract import html as html_module
from storyline.extract.html import (
    Block,
    extract_html,
    headline_forms,
    is_sign_off,
    needs_second_opinion,
    parse_page,
    read_blocks,
    read_body,
    real_author,
    repair_markup,
    select_blocks,
    trim_edges,
    visible_text,
)
from storyline.records import YearlessDate

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour council approves new ferry line | Lakeside Courier</title>
<meta property="og:title" content="Harbour council approves new ferry line">
<meta property="og:site_name" content="Lakeside Courier">
<meta name="author" content="Mira Okonkwo">
<meta property="article:published_time" content="2022-03-14T09:30:00+01:00">
<link rel="canonical" href="https://lakeside-courier.example/news/ferry-line">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour council approves new ferry line</h1>
<p>The harbour council voted on Monday to open a ferry line between the old pier and the island
of Tarn, ending a debate that had lasted three years.</p>
<p>Councillors approved the plan by nine votes to four after a long session in which residents
of the island spoke for and against the service.</p>
<h2>Costs and timetable</h2>
<p>The first boats are due to sail next spring, and the council expects the line to cost about two
million a year to run, most of it covered by fares.</p>
<p>Opponents said the money would be better spent on the bridge repairs that have been postponed
twice since the winter storms.</p>
</article>
<aside><h3>Read more</h3><ul><li><a href="/a">Storm damage survey published</a></li></ul></aside>
<footer>© 2022 Lakeside Courier. All rights reserved.</footer>
</body></html>"""


def test_extract_html_reads_text_and_metadata():
    page = extract_html(PAGE)
    assert page.title == "Harbour council approves new ferry line"
    assert page.author == "Mira Okonkwo"
    assert page.outlet == "Lakeside Courier"
    assert page.url == "https://lakeside-courier.example/news/ferry-line"
    assert page.published == datetime(2022, 3, 14, 8, 30, tzinfo=UTC)


def test_without_a_site_name_the_canonical_host_is_the_outlet():
    page = extract_html(PAGE.replace('<meta property="og:site_name" content="Lakeside Courier">', ""))
    assert page.outlet == "lakeside-courier.example"


def test_extract_html_keeps_paragraphs_and_headings():
    page = extract_html(PAGE)
    assert page.paragraphs[0].startswith("The harbour council voted on Monday")
    assert "Costs and timetable" in page.paragraphs
    assert page.paragraphs[-1].endswith("since the winter storms.")
    assert not any("Storm damage" in paragraph or "©" in paragraph for paragraph in page.paragraphs)


def test_extract_html_gives_nothing_for_a_page_without_markup_or_text():
    assert extract_html("<html><body></body></html>").paragraphs == ()
    assert extract_html("Plain words without any tags at all. More words.").paragraphs == ()


def test_trim_edges_drops_repeated_headline_and_share_prompts():
    lines = [
        "Ferry line approved",
        "By Mira Okonkwo",
        "The council voted for the line on Monday.",
        "Share on Facebook",
    ]
    paragraphs, dropped = trim_edges(lines, "Ferry line approved")
    assert paragraphs == ("The council voted for the line on Monday.",)
    assert "Share on Facebook" in dropped


@pytest.mark.parametrize(
    "page",
    [
        "<h1><script>w</script>\x1dHeadline</h1>",
        "<p>a<style>x</style>&#29;Headline</p>",
        "<div><svg>s</svg>\x01Headline<template>t</template>\x7f</div>",
    ],
)
def test_visible_text_reads_a_page_whose_dropped_element_is_followed_by_a_control_character(page):
    assert "Headline" in visible_text(page)


def test_visible_text_puts_blocks_on_lines_and_skips_scripts():
    text = visible_text(
        "<html><body><script>var x=1;</script><p>One line.</p><div>Two<br>Three</div></body></html>"
    )
    assert [line for line in text.splitlines() if line] == ["One line.", "Two", "Three"]


def test_extract_html_gives_a_yearless_date_when_the_page_has_no_date():
    html = (
        "<html><body><article><h1>Ferry line approved</h1><p>On March 14, the harbour council voted to "
        "open a ferry line between the old pier and the island of Tarn, ending a long debate.</p>"
        "<p>Councillors approved the plan by nine votes to four after a long session.</p>"
        "</article></body></html>"
    )
    page = extract_html(html)
    assert page.published is None
    assert page.yearless_date == YearlessDate(3, 14)


def _page(body: str) -> str:
    return (
        f"<html><head><title>Ferry line approved</title></head><body><article>{body}</article></body></html>"
    )


PROSE = (
    "<p>The harbour council voted on Monday to open a ferry line between the old pier and the island of Tarn, "
    "ending a debate that had lasted three years.</p>"
    "<p>Councillors approved the plan by nine votes to four after a long session in which residents of the "
    "island spoke for and against the service.</p>"
    "<p>The first boats are due to sail next spring, and the council expects the line to cost about two "
    "million a year to run, most of it covered by fares.</p>"
)


def test_read_blocks_splits_line_breaks_and_measures_link_text():
    body = etree.fromstring(
        "<body><p>One line<lb/><ref>All linked</ref></p><row><cell>a</cell><cell>b</cell></row></body>"
    )
    blocks = read_blocks(body)
    assert [block.text for block in blocks] == ["One line", "All linked", "a b"]
    assert (blocks[0].link_share, blocks[1].link_share) == (0.0, 1.0)


def test_a_linked_headline_inside_the_body_is_a_teaser():
    page = extract_html(
        _page(PROSE + '<p><a href="/other">STORM DAMAGE SURVEY PUBLISHED FOR THE ISLAND</a></p>' + PROSE)
    )
    assert not any("STORM DAMAGE" in paragraph for paragraph in page.paragraphs)
    assert "STORM DAMAGE SURVEY PUBLISHED FOR THE ISLAND" in page.dropped


def test_a_linked_paragraph_of_prose_is_text():
    linked = '<p><a href="/deal">The ferry company cut its fares by a third for island residents, the council said on Monday.</a></p>'
    page = extract_html(_page(PROSE + linked))
    assert page.paragraphs[-1].startswith("The ferry company cut its fares")


def test_a_teaser_title_printed_twice_is_dropped():
    page = extract_html(
        _page(PROSE + "<p>Bridge repairs delayed again Bridge repairs delayed again</p>" + PROSE)
    )
    assert "Bridge repairs delayed again Bridge repairs delayed again" in page.dropped


def test_sign_off_is_a_closing_promotion_or_the_authors_biography():
    assert is_sign_off(
        "Sign up for our newsletter to get the best of the Courier in your inbox every morning.", None
    )
    assert is_sign_off("Mira Okonkwo is a reporter for the Courier covering the harbour.", "Mira Okonkwo")
    assert not is_sign_off("Tom Lind is the ferry company's chief executive.", "Mira Okonkwo")


def test_trim_edges_drops_the_authors_biography_at_the_end():
    lines = ["The council voted for the line on Monday.", "Mira Okonkwo covers the harbour for the Courier."]
    paragraphs, dropped = trim_edges(lines, None, "Mira Okonkwo")
    assert paragraphs == ("The council voted for the line on Monday.",)
    assert dropped == ("Mira Okonkwo covers the harbour for the Courier.",)


def test_a_short_fast_reading_gets_a_second_opinion(monkeypatch):
    calls = []

    def fake_run(tree, fast):
        calls.append(fast)
        return None

    monkeypatch.setattr(html_module, "_run_trafilatura", fake_run)
    assert read_body(parse_page("<html><body><p>x</p></body></html>")) is None
    assert calls == [True, False]


def test_real_author_refuses_buttons_and_labels():
    assert real_author("Mira Okonkwo and Tom Lind") == "Mira Okonkwo and Tom Lind"
    assert real_author("Email the author") is None
    assert real_author(None) is None


def test_published_is_the_original_date_not_the_update():
    ld = '{"@type": "NewsArticle", "datePublished": "2022-03-14T09:30:00Z", "dateModified": "2022-03-20T10:00:00Z"}'
    head = f'<meta name="author" content="Email the author"><script type="application/ld+json">{ld}</script>'
    page = extract_html(_page("<h1>Ferry line approved</h1>" + PROSE).replace("<head>", "<head>" + head))
    assert page.published == datetime(2022, 3, 14, 9, 30, tzinfo=UTC)
    assert page.author is None


def test_a_future_date_is_never_the_published_date():
    head = '<meta property="article:published_time" content="2099-03-14T09:30:00Z">'
    assert extract_html(_page(PROSE).replace("<head>", "<head>" + head)).published is None


def test_the_headline_atop_the_text_is_dropped_when_the_title_adds_a_section_or_a_site():
    lines = ["Harbour council approves new ferry line", "The council voted for the line on Monday."]
    paragraphs, dropped = trim_edges(list(lines), "Opinion | Harbour council approves new ferry line")
    assert paragraphs == ("The council voted for the line on Monday.",)
    assert dropped == ("Harbour council approves new ferry line",)


def test_headline_forms_keep_long_parts_of_the_title_only():
    forms = headline_forms("Opinion | Harbour council approves new ferry line - Lakeside Courier")
    assert "harbour council approves new ferry line" in forms
    assert "opinion" not in forms


STORY = [
    Block("The harbour council voted on Monday to open a ferry line between the old pier and the island."),
    Block("Councillors approved the plan by nine votes to four after a long session with the residents."),
]


def test_an_end_heading_late_in_the_text_drops_the_teasers_after_it():
    teasers = [Block("More from the Courier"), Block("The bridge repairs were postponed again this winter.")]
    paragraphs, dropped = select_blocks(STORY + teasers, None, None)
    assert paragraphs == tuple(block.text for block in STORY)
    assert dropped == tuple(block.text for block in teasers)


def test_an_end_heading_early_in_the_text_drops_only_itself():
    paragraphs, dropped = select_blocks([Block("More from the Courier"), *STORY], None, None)
    assert paragraphs == tuple(block.text for block in STORY)
    assert dropped == ("More from the Courier",)


def test_a_closing_invitation_to_follow_the_outlet_on_social_media_is_a_sign_off():
    assert is_sign_off("Follow the Courier's opinion section on Facebook, Twitter and Instagram.", None)
    assert not is_sign_off("The mayor posted the timetable on Facebook on Monday.", None)


def test_a_wire_storys_closing_credits_are_a_sign_off():
    lines = ["The council voted for the line on Monday.", "(Reporting by Mira Okonkwo; Editing by Tom Lind)"]
    paragraphs, dropped = trim_edges(list(lines), None)
    assert paragraphs == ("The council voted for the line on Monday.",)
    assert dropped == ("(Reporting by Mira Okonkwo; Editing by Tom Lind)",)


def test_author_from_markup_when_no_meta_tag_or_byline_names_one():
    page = extract_html(_page('<p class="article-byline"><span>Mira Okonkwo</span></p>' + PROSE))
    assert page.author == "Mira Okonkwo"


def test_a_short_reading_of_a_short_page_needs_no_second_opinion():
    short_page = parse_page(_page("<p>The ferry line opens in spring, the council said.</p>"))
    long_page = parse_page(_page(PROSE * 3))
    assert not needs_second_opinion(short_page, found=50)
    assert needs_second_opinion(long_page, found=50)
    assert needs_second_opinion(short_page, found=0)
    assert not needs_second_opinion(long_page, found=5000)


def test_parse_page_reads_a_page_that_declares_its_encoding_and_refuses_plain_text():
    declared = '<?xml version="1.0" encoding="utf-8"?>' + _page(PROSE)
    assert parse_page(declared) is not None
    assert parse_page("Just a line of text, no markup at all.") is None


def test_repair_markup_repairs_as_trafilatura_does():
    from trafilatura.utils import repair_faulty_html

    doctype = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/x.dtd">'
    )
    pages = [
        doctype + "<html><body><p>" + "long first line " * 400 + "</p></body></html>",  # past the head
        doctype + "\n<html lang='en'/>\n<body><p>Bells\x0b rang\ufffe.</p></body>",
        "<html><body><p>" + "a line\n" * 900 + "control\x01 \x1f here \uffff</p></body></html>",
    ]
    for page in pages:
        beginning = page[:50].lower()
        assert repair_markup(page, beginning) == repair_faulty_html(page, beginning).encode("utf-8")
