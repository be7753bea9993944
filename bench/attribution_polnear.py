"""Read PolNeAR (brat standoff) into gold attributions, at run time, from ../shared/data/polnear.

Each `.ann` line `T<n>\\t<Label> <start> <end>[;<start> <end>...]\\t<words>` is a span (Source, Cue,
Content, Attribution) and `E<n>\\tAttribution:T<a> Content:T<c> Cue:T<u> Source:T<s>` joins spans into one
attribution. An article annotated by several people is read from its first annotator's file (sorted by
annotator id), so each article counts once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear"
_SPAN_LINE = re.compile(r"^(T\d+)\t(\w[\w-]*) ([\d ;]+)\t", re.MULTILINE)
_EVENT_LINE = re.compile(r"^E\d+\t(.*)$", re.MULTILINE)

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    content: Fragments
    cue: Fragments = ()
    source: Fragments = ()


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def read_split(split: str, root: Path = DATA) -> list[GoldArticle]:
    """Every article of a split ("train" or "dev") that has an annotation file, by name."""
    folder = root / split
    articles = []
    for text_path in sorted((folder / "text").glob("*")):
        name = text_path.name.removesuffix(".txt")
        annotations = sorted((folder / "attributions").glob(f"{name}_*.ann"))
        if annotations:
            text = text_path.read_text(encoding="utf-8")
            attributions = parse_annotations(annotations[0].read_text(encoding="utf-8"))
            articles.append(GoldArticle(name, text, attributions))
    return articles


def parse_annotations(ann: str) -> tuple[GoldAttribution, ...]:
    """The attributions of one `.ann` file that have a content span."""
    spans = {match[1]: parse_fragments(match[3]) for match in _SPAN_LINE.finditer(ann)}
    attributions = []
    for match in _EVENT_LINE.finditer(ann):
        roles: dict[str, list[tuple[int, int]]] = {}
        for argument in match[1].split():
            role, _, span_id = argument.partition(":")
            roles.setdefault(role.rstrip("0123456789"), []).extend(spans.get(span_id, ()))
        if roles.get("Content"):
            attributions.append(
                GoldAttribution(
                    tuple(sorted(roles["Content"])),
                    tuple(roles.get("Cue", ())),
                    tuple(roles.get("Source", ())),
                )
            )
    return tuple(attributions)


def parse_fragments(offsets: str) -> Fragments:
    """ "12 20;25 30" -> ((12, 20), (25, 30))."""
    return tuple(tuple(map(int, fragment.split())) for fragment in offsets.split(";"))
