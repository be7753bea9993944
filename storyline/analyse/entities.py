"""Named entities of an article, one `Entity` per thing however the text spells it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from storyline.analyse.lexicon import ENTITY_LABELS
from storyline.analyse.names import (
    acronym_of,
    apply_alias,
    clean_name,
    fold,
    is_surname_of,
    strip_titles,
)
from storyline.records import Entity


def extract_entities(doc) -> tuple[Entity, ...]:
    """Grouped entities, most mentioned first."""
    mentions = [(name_entity(ent), ent.label_) for ent in doc.ents if ent.label_ in ENTITY_LABELS]
    mentions = [(name, label) for name, label in mentions if any(char.isalpha() for char in name)]
    groups = group_mentions(mentions)
    entities = [make_entity(forms) for forms in groups.values()]
    return tuple(sorted(entities, key=lambda entity: (-entity.count, entity.name)))


def name_entity(ent) -> str:
    """The cleaned name of one entity mention: no article, possessive, or title before a person."""
    name = clean_name(ent.text)
    return strip_titles(name) if ent.label_ == "PERSON" else apply_alias(name)


def group_mentions(mentions: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """Mentions keyed by the canonical form they merge into."""
    names = {name for name, _ in mentions}
    persons = Counter(name for name, label in mentions if label == "PERSON")
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, label in mentions:
        groups[find_canonical(name, names, persons)].append((name, label))
    return groups


def find_canonical(name: str, names: Iterable[str], persons: Mapping[str, int]) -> str:
    """The key a name merges under: a person's full name, or the full form of an acronym. Of several full
    names, the longest; of equally long ones the most mentioned ("Clinton" beside "Hillary Clinton" and
    "Chelsea Clinton"), then the first in code-point order, never the first a set happens to give."""
    longer = [person for person in persons if is_surname_of(name, person)]
    if longer:
        return fold(min(longer, key=lambda person: (-len(person), -persons[person], person)))
    if name.isupper() and len(name) > 1:
        full_forms = [other for other in names if acronym_of(other) == name]
        if full_forms:
            return fold(min(full_forms))  # the first in code-point order, not in the set's order
    return fold(name)


def make_entity(forms: list[tuple[str, str]]) -> Entity:
    """Persons show their longest name; other things their most used spelling."""
    labels = Counter(label for _, label in forms)
    label = "PERSON" if "PERSON" in labels else labels.most_common(1)[0][0]
    spellings = Counter(name for name, _ in forms)
    if label == "PERSON":
        name = max(spellings, key=lambda spelling: (len(spelling.split()), spellings[spelling]))
    else:
        name = max(spellings, key=lambda spelling: (spellings[spelling], len(spelling)))
    return Entity(name=name, label=label, count=len(forms))
