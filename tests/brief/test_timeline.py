from datetime import UTC, date, datetime

import pytest

from storyline.brief.sentences import strip_dateline
from storyline.brief.timeline import MAX_ITEMS, build_timeline, is_page_text, sentence_day
from storyline.records import Article


def article(
    article_id: str,
    published: datetime | None,
    *paragraphs: str,
    outlet: str | None = None,
    inferred: bool = False,
) -> Article:
    return Article(
        id=article_id,
        raw_id=article_id,
        source=f"{article_id}.txt",
        text="\n\n".join(paragraphs),
        title=f"Title {article_id}",
        outlet=outlet,
        published=published,
        published_inferred=inferred,
    )


MARCH_2 = datetime(2024, 3, 2, 10, tzinfo=UTC)
NO_DATE = "The harbour board met again to discuss the ferry contract with the union."


def test_a_yearless_day_takes_the_year_nearest_its_article():
    assert sentence_day("Crowds gathered at the Capitol on Jan 6 to protest.", date(2021, 1, 8)) == date(
        2021, 1, 6
    )
    assert sentence_day("The debate was held on October 7 in the town hall.", date(2016, 10, 9)) == date(
        2016, 10, 7
    )


def test_a_full_date_in_a_sentence_dates_it():
    day = sentence_day("The ferry line opened on 11 July 2023 after years of delays.", date(2024, 3, 2))
    assert day == date(2023, 7, 11)


def test_a_sentence_naming_a_day_is_an_item_of_that_day():
    timeline = build_timeline((article("a", MARCH_2, "Dock workers walked out on February 27 over pay."),))
    assert [(item.date.date(), item.cites, item.passages) for item in timeline] == [
        (date(2024, 2, 27), ("a",), (0,))
    ]


def test_no_publication_stub_when_a_sentence_dates_the_event():
    dated = article("a", MARCH_2, "Dock workers walked out on February 27 over pay.")
    undated = article("b", MARCH_2, NO_DATE, outlet="Harbour Herald")
    assert [item.cites for item in build_timeline((dated, undated))] == [("a",)]


def test_publications_are_the_timeline_when_nothing_else_dates_the_event():
    timeline = build_timeline((article("b", MARCH_2, NO_DATE, outlet="Harbour Herald"),))
    assert [item.text for item in timeline] == ["Harbour Herald publishes: Title b"]


def test_a_day_after_its_articles_publication_is_no_development():
    timeline = build_timeline(
        (article("a", MARCH_2, "The primary election takes place on March 5 across the state."),)
    )
    assert [item.text for item in timeline] == ["Published: Title a"]


def test_an_inferred_publication_lets_a_day_up_to_the_events_latest_report_stand():
    inferred = article("a", MARCH_2, "The union voted to strike on March 4 at the depot.", inferred=True)
    reported = article("b", datetime(2024, 3, 5, tzinfo=UTC), NO_DATE)
    assert [item.date.date() for item in build_timeline((inferred, reported))] == [date(2024, 3, 4)]


@pytest.mark.parametrize(
    "listing",
    [
        "Easter adventure trail 16 March–7 April at the abbey gardens.",
        "Craft workshops run 23–27 March in the old barn.",
        "The dance company returns (February 20-23) for its yearly run.",
    ],
)
def test_a_range_of_days_is_a_listing_not_a_development(listing: str):
    assert sentence_day(listing, date(2024, 3, 2)) is None


def test_an_older_day_used_as_a_name_is_not_a_development():
    sentence = "Kim was seen cleaning up after the Jan. 6 Capitol riot three years ago."
    assert sentence_day(sentence, date(2024, 3, 2)) is None


def test_a_recent_day_used_as_a_name_is_still_dated():
    sentence = "The spokesman repeated the line at the July 9 briefing in the capital."
    assert sentence_day(sentence, date(2024, 7, 12)) == date(2024, 7, 9)


@pytest.mark.parametrize(
    "line",
    [
        "Published on 11 July 2023, 10:00",
        "Updated: Jul 13, 2024, 4:00 PM",
        "Posted at 10:32 on March 1",
        "© 2024 Harbour Herald. All rights reserved.",
        "The post Ferry plan approved on March 1 appeared first on Harbour Herald.",
        "July 12, 2023, 02:12 PM",
    ],
)
def test_page_furniture_is_not_a_timeline_item(line: str):
    assert is_page_text(line)
    assert [item.text for item in build_timeline((article("a", MARCH_2, line),))] == ["Published: Title a"]


def test_a_reported_development_is_not_furniture():
    assert not is_page_text("The harbour board approved the ferry contract on March 1.")


def test_a_wire_dateline_is_taken_off_the_item():
    assert strip_dateline("PORTMOUTH, March 1 (Wire) - The board approved it.") == "The board approved it."
    assert strip_dateline("PORTMOUTH (Wire) — The board approved it.") == "The board approved it."
    assert strip_dateline("US (and allies) — Talks went on.") == "US (and allies) — Talks went on."


def test_the_same_development_in_two_sources_is_one_item_citing_both():
    sentence = "Dock workers in Valmora walked out on February 27 over pay."
    timeline = build_timeline((article("a", MARCH_2, sentence), article("b", MARCH_2, sentence)))
    assert [item.cites for item in timeline] == [("a", "b")]


def test_the_timeline_keeps_the_best_supported_items_in_date_order():
    days = [f"Talks resumed on February {day} at the port authority offices." for day in range(1, 20)]
    shared = "The harbour strike began on January 15 with a march to the docks."
    first = article("a", MARCH_2, *days, shared)
    second = article("b", MARCH_2, shared)
    timeline = build_timeline((first, second))
    assert len(timeline) == MAX_ITEMS
    assert timeline[0].cites == ("a", "b")
    assert [item.date for item in timeline] == sorted(item.date for item in timeline)


def test_an_articles_first_sentence_on_a_day_outranks_its_follow_ups():
    # Distinct sentences (distinct words), so that no two of them merge into one item.
    follow_ups = [f"Later on March 1 w{n}a w{n}b w{n}c w{n}d w{n}e." for n in range(MAX_ITEMS + 2)]
    first = article("a", MARCH_2, "The board approved the contract on March 1.", *follow_ups)
    other_day = article(
        "b", MARCH_2, *[f"Dockers rallied on February {n} at the gates." for n in range(1, 3)]
    )
    timeline = build_timeline((first, other_day))
    assert {item.date.date() for item in timeline} >= {date(2024, 2, 1), date(2024, 2, 2)}
    assert any(item.text.startswith("The board approved") for item in timeline)
