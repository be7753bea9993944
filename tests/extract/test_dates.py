from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.extract import dates
from storyline.extract.dates import (
    YEARLESS_SEARCH_CHARACTERS,
    find_dates,
    find_yearless_date,
    parse_date,
    text_start,
)
from storyline.records import YearlessDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jul 11, 2024, 12:00 AM", datetime(2024, 7, 11, 0, 0, tzinfo=UTC)),
        ("Jul 13, 2024, 4:00 PM", datetime(2024, 7, 13, 16, 0, tzinfo=UTC)),
        ("2023-07-14 03:40", datetime(2023, 7, 14, 3, 40, tzinfo=UTC)),
        ("July 12, 2023, 02:12 PM", datetime(2023, 7, 12, 14, 12, tzinfo=UTC)),
        ("12 July 2023", datetime(2023, 7, 12, tzinfo=UTC)),
        ("Monday, 3 March 2025", datetime(2025, 3, 3, tzinfo=UTC)),
        ("2023-07-14T03:40:00+02:00", datetime(2023, 7, 14, 1, 40, tzinfo=UTC)),
        ("12. Juli 2023, 14:30 Uhr", datetime(2023, 7, 12, 14, 30, tzinfo=UTC)),
        ("3 juillet 2023 à 14h30", datetime(2023, 7, 3, 14, 30, tzinfo=UTC)),
        ("12 de julio de 2023", datetime(2023, 7, 12, tzinfo=UTC)),
        ("14.07.2023", datetime(2023, 7, 14, tzinfo=UTC)),
        ("2023年7月14日", datetime(2023, 7, 14, tzinfo=UTC)),
        ("Posted on 5 May 2021 at 10:00 GMT+8", datetime(2021, 5, 5, 2, 0, tzinfo=UTC)),
    ],
)
def test_parse_date_reads_common_forms(text, expected):
    assert parse_date(text) == expected


def test_parse_date_is_timezone_aware_utc_when_no_zone():
    assert parse_date("2020-01-02 10:00").tzinfo is not None


def test_parse_date_rejects_future_dates():
    assert parse_date("July 9, 2099") is None


@pytest.mark.parametrize("text", ["", "hello", "300", "Comments0", "31 June 2023", "Story"])
def test_parse_date_returns_none_without_a_date(text):
    assert parse_date(text) is None


def test_find_dates_gives_every_date_in_order():
    found = find_dates("Updated Jul 13, 2024, 4:00 PM / first Jul 11, 2024, 12:00 AM")
    assert [item.value.day for item in found] == [13, 11]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On July 9, the ministry said", YearlessDate(7, 9)),
        ("a statement on Tuesday (July 11).", YearlessDate(7, 11, 1)),
        ("It met on Monday, 3 March, in the capital.", YearlessDate(3, 3, 0)),
        ("issued on Jul. 11 at the summit", YearlessDate(7, 11)),
        ("am 4. Oktober in Wien", YearlessDate(10, 4)),
    ],
)
def test_find_yearless_date(text, expected):
    assert find_yearless_date(text) == expected


@pytest.mark.parametrize("text", ["on July 9, 2024 it said", "It may 5 times", "In May 2023", "June 31"])
def test_find_yearless_date_ignores_full_and_impossible_dates(text):
    assert find_yearless_date(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_parse_date_never_raises_and_never_returns_the_future(text):
    value = parse_date(text)
    assert value is None or (value.tzinfo is not None and value <= datetime.now(UTC))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_find_yearless_date_never_raises(text):
    value = find_yearless_date(text)
    assert value is None or (1 <= value.month <= 12 and 1 <= value.day <= 31)


FORMATS = [
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S%z",
    "%b %d, %Y, %I:%M %p",
    "%B %d, %Y, %I:%M %p",
    "%d %B %Y %H:%M",
    "%A, %B %d, %Y %H:%M",
]


@settings(max_examples=200, deadline=None)
@given(
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2025, 12, 31)).map(
        lambda value: value.replace(second=0, microsecond=0, tzinfo=UTC)
    ),
    st.sampled_from(FORMATS),
)
def test_parse_date_round_trips_formatted_datetimes(value, pattern):
    assert parse_date(value.strftime(pattern)) == value


@given(st.integers(min_value=-12, max_value=14))
def test_parse_date_reads_offsets(hours):
    value = datetime(2021, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=hours)))
    assert parse_date(value.isoformat()) == value


def test_find_dates_needs_a_year():
    assert find_dates("Published on 14 July at 09:30") == []


def test_find_yearless_date_reads_only_the_start_of_a_runaway_text():
    filler = "The quay was quiet.\n" * (YEARLESS_SEARCH_CHARACTERS // 20)
    assert find_yearless_date("On July 9 the port shut.\n" + filler) == YearlessDate(7, 9)
    assert find_yearless_date(filler + "On July 9 the port shut.") is None


def test_text_start_cuts_at_a_line_break_else_a_space():
    assert text_start("Calm.\nOn July 19 it shut.", 19) == "Calm."
    assert text_start("On July 19 it shut.", 9) == "On July"


def test_a_full_date_split_by_the_cut_is_no_yearless_date(monkeypatch):
    monkeypatch.setattr(dates, "YEARLESS_SEARCH_CHARACTERS", 14)
    assert find_yearless_date("On July 9, 2023 it shut.") is None
