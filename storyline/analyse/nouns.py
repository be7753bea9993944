"""Noun cues: "X's claim that …", "a warning from X that …", "her promise to …".

A noun of saying or believing attributes its clause to the possessor, or to the object of "from" or
"by"; without a named source, or without a clause, the noun is just a topic ("the claim was false").
"""

from __future__ import annotations

from storyline.analyse.lexicon import CLAIM_NOUNS
from storyline.analyse.words import noun_in

# Prepositions whose object is who made the statement ("a warning from X", "a claim by X").
SOURCE_PREPOSITIONS = ("from", "by")
# How a noun's clause hangs off it: "claim that …" parses as acl or ccomp, "promise to …" as acl.
CLAUSE_DEPS = ("acl", "ccomp")


def find_noun_source(noun):
    """Who a claim noun belongs to: its possessor or the object of "from"/"by", else None."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPOSITIONS:
            pobj = next((grand for grand in child.children if grand.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def find_noun_clause(noun) -> list:
    """The "that"- or "to"-clause after a claim noun, with its "that" or "to", else []."""
    for child in noun.rights:
        if child.dep_ in CLAUSE_DEPS and child.left_edge.lower_ in ("that", "to"):
            return list(child.subtree)
    return []


def read_noun_cue(token):
    """(source, content tokens) when a noun attributes a clause to a source, else None."""
    if token.tag_ not in ("NN", "NNS") or not noun_in(token, CLAIM_NOUNS):
        return None
    source = find_noun_source(token)
    clause = find_noun_clause(token) if source is not None else []
    return (source, clause) if clause else None
