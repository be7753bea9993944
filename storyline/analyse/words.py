"""Word-class and base-form tests on spaCy tokens without the lemmatizer.

The lemmatizer and attribute ruler cost about a quarter of the pipeline's time, and the
stage only needs base forms of a few hundred lexicon words, so it inflects those itself
and reads Penn tags (tag_) instead of universal POS.
"""

from __future__ import annotations

from functools import lru_cache

from storyline.analyse.lexicon import AGAINST, FOR, ISSUE_VERBS, QUOTE_CUES, REPORT_CUES, STANCE_CUES

IRREGULAR = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "make": ("made",),
    "send": ("sent",),
    "put": ("put",),
    "hold": ("held",),
    "think": ("thought",),
    "know": ("knew", "known"),
    "find": ("found",),
    "feel": ("felt",),
    "see": ("saw", "seen"),
    "show": ("shown",),
    "seek": ("sought",),
    "hear": ("heard",),
    "mean": ("meant",),
    "swear": ("swore", "sworn"),
    "read": ("read",),
    "understand": ("understood",),
}
VOWELS = "aeiou"


def inflect(verb: str) -> set[str]:
    """Regular English forms of a verb, plus the known irregular ones."""
    forms = {verb, *IRREGULAR.get(verb, ())}
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2] not in VOWELS:
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    else:
        plural = verb + "es" if verb.endswith(("s", "sh", "ch", "x", "z")) else verb + "s"
        forms |= {plural, verb + "ed", verb + "ing"}
        if len(verb) > 2 and verb[-1] not in VOWELS + "wxy" and verb[-2] in VOWELS and verb[-3] not in VOWELS:
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # admit -> admitted
    return forms


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, str]:
    """Inflected form -> base form for every verb in the lexicons."""
    table: dict[str, str] = {}
    for verb in sorted(QUOTE_CUES | REPORT_CUES | STANCE_CUES | ISSUE_VERBS | AGAINST | FOR):
        for form in inflect(verb):
            table.setdefault(form, verb)
    return table


def verb_base(token) -> str | None:
    """The lexicon verb a token is a form of, if it is tagged as a verb."""
    return verb_forms().get(token.lower_) if token.tag_.startswith("VB") else None


def noun_in(token, words: frozenset[str]) -> bool:
    """Whether a token is one of `words`, singular or plural ("statements" -> "statement")."""
    word = token.lower_
    return word in words or (word.endswith("s") and (word[:-1] in words or word[:-2] in words))


def is_noun(token) -> bool:
    return token.tag_.startswith("NN")


def is_proper(token) -> bool:
    return token.tag_ in ("NNP", "NNPS")


def is_pronoun(token) -> bool:
    return token.tag_ in ("PRP", "PRP$", "WP", "WP$", "EX")
