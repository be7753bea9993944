"""Dates as news pages print them: full datelines and the yearless "On July 9" of a body.

Regexes do the common forms (fast, thousands of pages); `dateparser` is only a last resort
for short strings in forms the regexes do not know. Every datetime returned is
timezone-aware (UTC when the text gives no zone) and never in the future.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache

from storyline.records import YearlessDate

_MONTH_NAMES = {
    1: "january jan januar janvier enero gennaio janeiro januari janv ene gen",
    2: "february feb februar février fevrier febrero febbraio fevereiro februari févr fév fev",
    3: "march mar märz maerz mars marzo março maart maret mär",
    4: "april apr avril abril aprile avr",
    5: "may mai mayo maggio maio mei",
    6: "june jun juni juin junio giugno junho",
    7: "july jul juli juillet julio luglio julho juil",
    8: "august aug août aout agosto augustus agustus ago",
    9: "september sep sept septembre septiembre setiembre settembre setembro set",
    10: "october oct oktober octobre octubre ottobre outubro okt",
    11: "november nov novembre noviembre novembro",
    12: "december dec dezember décembre diciembre dicembre dezembro desember déc dez dic",
}
MONTHS: dict[str, int] = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}

_WEEKDAY_NAMES = (
    "monday mon montag lundi lunes lunedì lunedi segunda senin maandag",
    "tuesday tue tues dienstag mardi martes martedì martedi terça terca selasa dinsdag",
    "wednesday wed mittwoch mercredi miércoles miercoles mercoledì mercoledi quarta rabu woensdag",
    "thursday thu thur thurs donnerstag jeudi jueves giovedì giovedi quinta kamis donderdag",
    "friday fri freitag vendredi viernes venerdì venerdi sexta jumat jum'at vrijdag",
    "saturday sat samstag samedi sábado sabado sabato sabtu zaterdag",
    "sunday sun sonntag dimanche domingo domenica minggu zondag",
)
WEEKDAYS: dict[str, int] = {
    name: number for number, names in enumerate(_WEEKDAY_NAMES) for name in names.split()
}

# Offsets of the zone abbreviations news sites print most; anything else is read as UTC.
_ZONES = {
    "utc": 0, "gmt": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
    "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
    "pst": -480, "pdt": -420, "ist": 330, "wib": 420, "sgt": 480, "hkt": 480, "jst": 540,
    "kst": 540, "aest": 600, "aedt": 660, "msk": 180,
}  # fmt: skip


def _alternation(names: object) -> str:
    # Longest first so "sept" wins over "sep" and "june" over "jun".
    return "|".join(sorted((re.escape(name) for name in names), key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternation(MONTHS)})"
_WEEKDAY = rf"(?P<weekday>{_alternation(WEEKDAYS)})"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<year>(?:19|20)[0-9]{2})"
_ZONE = (
    rf"(?P<zone>[+-][0-9]{{2}}:?[0-9]{{2}}|(?:UTC|GMT)\s?[+-][0-9]{{1,2}}(?::?[0-9]{{2}})?"
    rf"|{_alternation(_ZONES)})"
)
_TIME = (
    r"(?:(?:,|\s|T|\bat\b|\bum\b|\bà\b|\ba las\b|\bpukul\b|\balle\b|\bom\b|-)*"
    r"(?P<hour>[0-2]?[0-9])[:h.](?P<minute>[0-5][0-9])(?::(?P<second>[0-5][0-9])(?:\.[0-9]+)?)?"
    rf"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?(?:\s*{_ZONE}\b)?)?"
)
_END = r"(?![0-9])"

_PATTERNS = [
    # 2023-07-14, 2023-07-14 03:40, 2023-07-14T03:40:00+02:00, 2023/07/14
    re.compile(rf"(?<![0-9]){_YEAR}[-/.](?P<mnum>[01]?[0-9])[-/.]{_DAY}{_END}{_TIME}", re.IGNORECASE),
    # Jul 11, 2024, 12:00 AM / Tuesday, July 11th 2023 / Jul. 11, 2024
    re.compile(
        rf"(?:\b{_WEEKDAY}\.?,?\s+)?\b{_MONTH}\.?\s+{_DAY},?\s+{_YEAR}{_END}{_TIME}",
        re.IGNORECASE,
    ),
    # 12 July 2023 / 12. Juli 2023, 14:30 / 12 de julio de 2023 / Monday, 3 March 2025
    re.compile(
        rf"(?:\b{_WEEKDAY}\.?,?\s+)?(?<![0-9]){_DAY}\.?\s+(?:de\s+)?\b{_MONTH}\.?,?\s+(?:de\s+)?{_YEAR}{_END}{_TIME}",
        re.IGNORECASE,
    ),
    # 14.07.2023 and 14/07/2023 (day first, as outside the US; month first when the day cannot be)
    re.compile(rf"(?<![0-9.]){_DAY}[./](?P<mnum>[01]?[0-9])[./]{_YEAR}{_END}{_TIME}", re.IGNORECASE),
    # 2023年7月14日
    re.compile(rf"{_YEAR}\s*年\s*(?P<mnum>[01]?[0-9])\s*月\s*{_DAY}\s*日{_TIME}"),
]

_A_YEAR = re.compile(r"(?:19|20)[0-9]{2}")

# "On July 9", "Tuesday (July 11)", "Jul. 11" -- but not "July 9, 2024".
_YEARLESS_PATTERNS = [
    re.compile(
        rf"(?:\b{_WEEKDAY}\.?,?\s*\(?\s*)?\b{_MONTH}\.?\s+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?\b\)?"
        r"(?!\s*,?\s*[0-9]{4})",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:\b{_WEEKDAY}\.?,?\s*\(?\s*)?(?<![0-9.,])\b(?P<day>[0-3]?[0-9])(?:st|nd|rd|th|er)?\.?\s+"
        rf"(?:de\s+)?{_MONTH}\b\.?\)?(?!\.?,?\s*(?:de\s+)?[0-9]{{4}})",
        re.IGNORECASE,
    ),
]


@dataclass(frozen=True)
class FoundDate:
    """A date found in a string, with where it was."""

    value: datetime
    start: int
    end: int


def _now() -> datetime:
    return datetime.now(UTC)


def _zone_of(text: str | None) -> timezone:
    if not text:
        return UTC
    lowered = text.lower().replace(" ", "")
    if lowered in _ZONES:
        return timezone(timedelta(minutes=_ZONES[lowered]))
    match = re.search(r"([+-])([0-9]{1,2}):?([0-9]{2})?$", lowered)
    if not match:
        return UTC
    minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
    if minutes >= 24 * 60:
        return UTC
    return timezone(timedelta(minutes=-minutes if match.group(1) == "-" else minutes))


def _hour_of(groups: dict[str, str | None]) -> int:
    hour = int(groups["hour"] or 0)
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        return hour + 12
    if ampm == "am" and hour == 12:
        return 0
    return hour


def _month_of(groups: dict[str, str | None]) -> int | None:
    if groups.get("mnum"):
        return int(groups["mnum"] or 0)
    return MONTHS.get((groups.get("month") or "").lower())


def _build(groups: dict[str, str | None]) -> datetime | None:
    """The datetime a regex match names, or None when its parts make no date."""
    month = _month_of(groups)
    if month is None:
        return None
    day = int(groups["day"] or 0)
    if groups.get("mnum") and month > 12 and day <= 12:
        month, day = day, month  # 07/14/2023: the US order, since 14 cannot be a month
    year = int(groups["year"] or 0)
    try:
        day_only = datetime(year, month, day, tzinfo=UTC)
    except ValueError:  # 31 June and the like: not a date
        return None
    try:
        return datetime(
            year, month, day, _hour_of(groups), int(groups["minute"] or 0), int(groups["second"] or 0),
            tzinfo=_zone_of(groups["zone"]),
        ).astimezone(UTC)  # fmt: skip
    except ValueError:  # "25.70" after a date is not a time: keep the day
        return day_only


# An article gives the day of its events near the top; a runaway page (megabytes of text) is not
# scanned to its end for one, which cost ~3 µs a character.
YEARLESS_SEARCH_CHARACTERS = 20_000
FULL_DATE_CHARACTERS = 64  # longer than any full date with its time and zone


def find_dates(text: str) -> list[FoundDate]:
    """Every full (day, month, year) date in `text` that is not in the future, in text order."""
    if not _A_YEAR.search(text):
        return []  # every pattern needs a year: most lines are ruled out by one cheap scan
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    now = _now()
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue  # "2023-07-14" also matches the day-first pattern inside it
            value = _build(match.groupdict())
            if value is not None and value <= now:
                found.append(FoundDate(value, match.start(), match.end()))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda item: item.start)


@lru_cache(maxsize=1)
def _dateparser_settings() -> dict[str, object]:
    return {
        "RETURN_AS_TIMEZONE_AWARE": True,
        "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC",
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        # Relative dates ("2 hours ago") would be read against today, not the page's day.
        "PARSERS": ["custom-formats", "absolute-time"],
    }


def _parse_with_dateparser(text: str) -> datetime | None:
    """The slow, multilingual fallback, only for short strings that carry a year."""
    if len(text) > 60 or not re.search(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", text):
        return None
    if not re.search(r"[^\W\d_]{3}", text):
        return None  # only digits and signs: the regexes have already said no
    import dateparser  # deferred: importing it costs about a second

    try:
        value = dateparser.parse(text, settings=_dateparser_settings())
    except Exception:  # dateparser raises many kinds of error on odd input; none matters here
        return None
    if value is None or value.tzinfo is None:
        return None
    value = value.astimezone(UTC)
    return value if value <= _now() else None


def parse_date(text: str) -> datetime | None:
    """The first full date in `text`, timezone-aware, never in the future; None if there is none."""
    if not isinstance(text, str) or not text.strip():
        return None
    found = find_dates(text)
    if found:
        return found[0].value
    return _parse_with_dateparser(text.strip())


def _yearless_matches(text: str) -> Iterator[tuple[int, YearlessDate]]:
    for pattern in _YEARLESS_PATTERNS:
        for match in pattern.finditer(text):
            month_word = match.group("month")
            if not month_word[0].isupper():
                continue  # "may 5" is a verb more often than a date; month names are capitalised
            if month_word.lower() == "may" and not match.group("day"):
                continue
            month = MONTHS.get(month_word.lower())
            day = int(match.group("day"))
            weekday_word = match.group("weekday")
            weekday = WEEKDAYS.get(weekday_word.lower()) if weekday_word else None
            if month is None or not _is_valid_day(month, day):
                continue
            yield match.start(), YearlessDate(month, day, weekday)


def _is_valid_day(month: int, day: int) -> bool:
    try:
        datetime(2000, month, day)  # a leap year, so 29 February is allowed
    except ValueError:
        return False
    return True


def find_yearless_date(text: str) -> YearlessDate | None:
    """The first date `text` gives without a year ("On July 9", "Tuesday (July 11)", "3 March"), read in
    its first YEARLESS_SEARCH_CHARACTERS characters."""
    if not isinstance(text, str):
        return None
    head = text_start(text, YEARLESS_SEARCH_CHARACTERS)
    # Full dates a little past the cut too: "July 9, | 2023" split by it is still a full date.
    full_spans = [(found.start, found.end) for found in find_dates(text[: len(head) + FULL_DATE_CHARACTERS])]
    matches = [
        (start, value)
        for start, value in _yearless_matches(head)
        if not any(begin <= start < end for begin, end in full_spans)
    ]
    return min(matches, key=lambda item: item[0])[1] if matches else None


def text_start(text: str, characters: int) -> str:
    """The first `characters` of `text`, cut at a line break, else a space (so no word is split)."""
    if len(text) <= characters:
        return text
    head = text[:characters]
    cut = head.rfind("\n")
    return head[:cut] if cut > 0 else head[: max(head.rfind(" "), 0)]
