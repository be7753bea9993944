"""Clean and merge names: articles, possessives, titles, aliases, surnames and acronyms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from storyline.analyse.lexicon import ALIASES, TITLE_WORDS

_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_ARTICLE = re.compile(r"^(the|a|an|this|that)\s+", re.IGNORECASE)
_EDGE_PUNCT = "\"'“”‘’«»„()[],.;:!? \n\t"
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,9})\)?$")


@lru_cache(maxsize=8192)  # names are compared pairwise, so the same few are folded again and again
def fold(text: str) -> str:
    """A comparison key: NFKC, curly quotes straight, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.lower().split())


def clean_name(text: str) -> str:
    """Strip a leading article, surrounding punctuation, a possessive and bracketed acronym."""
    name = " ".join(text.split()).strip(_EDGE_PUNCT)
    name = _ACRONYM_IN_BRACKETS.sub("", name)
    name = _LEADING_ARTICLE.sub("", name)
    name = _POSSESSIVE.sub("", name) if name.endswith(("'s", "’s", "s'", "s’")) else name
    return name.strip(_EDGE_PUNCT)


def apply_alias(name: str) -> str:
    """The common name for a country written another way ("DPRK" -> "North Korea")."""
    return ALIASES.get(fold(name), name)


def strip_titles(name: str) -> str:
    """A person's name without the titles and roles before it ("Prime Minister X Y" -> "X Y")."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in TITLE_WORDS or is_adjectival(words[0])):
        words.pop(0)
    return " ".join(words)


def is_adjectival(word: str) -> bool:
    """Nationality-style words that precede a title ("Peruvian", "Maltese", "French")."""
    return word[:1].isupper() and word.lower().endswith(("ese", "ian", "ish", "ean", "can", "ch"))


def acronym_of(name: str) -> str:
    """Initials of the capitalised words ("World Health Organization" -> "WHO")."""
    words = [word for word in re.split(r"[\s\-]+", name) if word[:1].isupper()]
    return "".join(word[0] for word in words) if len(words) > 1 else ""


def longest(names: Iterable[str]) -> str:
    """The longest of the names; of equally long ones the first in code-point order, so that the choice
    never rests on the order a set of strings iterates in, which changes from process to process."""
    return min(names, key=lambda name: (-len(name), name))


def is_surname_of(short: str, full: str) -> bool:
    """Whether a one-word name is the first or last word of a longer person name."""
    words = full.split()
    return len(words) > 1 and " " not in short and short.lower() in (words[0].lower(), words[-1].lower())


def full_names_of(surname: str, persons: set[str], text: str) -> list[str]:
    """The full names of the persons `surname` may stand for: none when the text gives two people that
    surname ("Dario Pell" and "Geri Pell", even where the parser named only one of them)."""
    longer = [person for person in persons if is_surname_of(surname, person)]
    if not longer:
        return []  # nothing to expand to: the text need not be searched
    return longer if len(given_names(surname, text) | {word_before(surname, p) for p in longer}) == 1 else []


def word_before(surname: str, person: str) -> str:
    """The word before the surname in a full name ("Davis" in "Victor Davis Hanson"), as
    `given_names` reads it off the text; the name itself when the surname comes first."""
    words = person.split()
    return words[-2] if words[-1].lower() == surname.lower() else person


@lru_cache(maxsize=32)  # each quote of a speaker asks again for the same surname in the same text
def given_names(surname: str, text: str) -> frozenset[str]:
    """The capitalised words a text puts before `surname` that are no title and no common word (a word
    the text also writes in lower case: "When Pell …"): the first names of the people so called."""
    before = re.findall(rf"\b([A-Z][\w’'-]*)\s+{re.escape(surname)}\b", text)
    lower = lower_case_words(text)
    return frozenset(word for word in before if word.lower() not in TITLE_WORDS and word.lower() not in lower)


@lru_cache(maxsize=4)  # one article's text, asked for every surname it resolves
def lower_case_words(text: str) -> frozenset[str]:
    """The words a text writes starting in lower case."""
    return frozenset(re.findall(r"\b[a-z][\w’'-]*", text))


def extends_name(short: str, full: str) -> bool:
    """Whether `full` is `short` plus a trailing "of/to/in/for …" ("X Mission" -> "X Mission to Y")."""
    short_key, full_key = fold(short), fold(full)
    if not full_key.startswith(short_key + " "):
        return False
    return full_key[len(short_key) + 1 :].split()[0] in ("of", "to", "in", "for", "at", "on")
