"""A generated corpus of a few hundred plain-text news pages about distinct invented events."""

from __future__ import annotations

import random
from pathlib import Path

PLACES = [
    "Valmora",
    "Lakeside",
    "Northport",
    "Kestrel Bay",
    "Amberfield",
    "Old Quay",
    "Ridgeway",
    "Fenmoor",
    "Saltmarsh",
    "Greyhaven",
    "Brightwater",
    "Thornfield",
    "Marrowby",
    "Cinderford",
    "Wexley",
    "Hollin",
    "Duneholm",
    "Ashcombe",
    "Redcliff",
    "Elmstead",
]
TOPICS = [
    ("dock workers strike over pay", "the dock workers' union", "port authority", "ships waiting offshore"),
    ("river floods low-lying streets", "the mayor", "emergency services", "families moved to shelters"),
    ("council approves new tram line", "the council leader", "transport board", "construction to start"),
    ("hospital nurses vote to walk out", "the nurses' union", "health trust", "operations postponed"),
    ("wildfire forces evacuation of hill villages", "the fire chief", "regional government", "homes lost"),
]
SURNAMES = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Alvarez",
    "Petrova",
    "Mensah",
    "Kowalski",
    "Haddad",
    "O'Brien",
    "Nakamura",
    "Silva",
]
FIRST = ["Grace", "Erik", "Ines", "Kenji", "Lucia", "Daria", "Kofi", "Marek", "Samir", "Aoife", "Yuki", "Rui"]


def write_corpus(folder: Path, events: int = 20, per_event: int = 10, seed: int = 3) -> int:
    """Write `events` x `per_event` pages into `folder`; returns how many."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for event in range(events):
        place, topic = PLACES[event % len(PLACES)], TOPICS[event % len(TOPICS)]
        speaker = f"{FIRST[event % len(FIRST)]} {SURNAMES[(event * 7) % len(SURNAMES)]}"
        for part in range(per_event):
            page = write_page(rng, event, part, place, topic, speaker)
            (folder / f"event{event:02d}-{part:02d}.txt").write_text(page, encoding="utf-8")
    return events * per_event


def write_page(
    rng: random.Random, event: int, part: int, place: str, topic: tuple[str, ...], speaker: str
) -> str:
    headline, actor, body, consequence = topic
    reporter = f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"
    month, day = 1 + event // 4, 1 + (event % 4) * 7
    paragraphs = [
        f"In {place}, {headline} on {_weekday(rng)}, as {actor} and the {body} failed to agree, "
        f"with {rng.randint(2, 90)} {consequence} by the evening, officials said.",
        f"“We have done everything we can and we will keep going until {place} is safe,” said {speaker}, "
        f"who spoke to reporters outside the {body} offices.",
        f"{speaker.split()[1]} added that the next {rng.randint(2, 9)} days would decide whether the "
        f"{consequence} situation in {place} improved, and said that {actor} wanted talks to resume.",
        f"The {body} said in a statement that it regretted the disruption and that {rng.randint(10, 500)} "
        f"people in {place} had been affected so far, report number {event}-{part} notes.",
    ]
    lines = [
        "Skip to main content",
        f"{place} {headline}".capitalize(),
        "",
        f"By {reporter} | 2026-{month:02d}-{day + part % 3:02d} {8 + part:02d}:15",
        "",
    ]
    return "\n".join(
        [*lines, *(p + "\n" for p in paragraphs), "Share this article", f"Comments ({part})", ""]
    )


def _weekday(rng: random.Random) -> str:
    return rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
