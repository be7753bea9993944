from datetime import UTC, datetime

from storyline.extract.html import extract_html, trim_edges, visible_text
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
