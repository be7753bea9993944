"""Noun cues: "X's claim that …", "a warning from X that …", "her promise to …".

A noun of saying or believing attributes its clause to the possessor, or to the object of "from" or
"by"; without a named source, or without a clause, the noun is just a topic ("the claim was false").
"""

from __future__ import annotations

from storyline.analyse.lexicon import CLAIM_NOUNS
from storyline.analyse.words import noun_in, verb_forms

# Prepositions whose object is who made the statement ("a warning from X", "a claim by X").
SOURCE_PREPOSITIONS = ("from", "by")
# How a noun's clause hangs off it: "claim that …" parses as acl or ccomp, "promise to …" as acl.
CLAUSE_DEPS = ("acl", "ccomp")
# Entities whose names hold words that are also verb forms ("United States", "Associated Press").
PLACE_AND_BODY_LABELS = ("GPE", "ORG", "LOC", "FAC")


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


def read_misread_verb(token):
    """(subject, content tokens) when the tagger took a speech verb for a noun: headlines and terse
    leads ("Council Chief Praises New Bridge", "The ad slams the mayor for …") parse with no verb
    at all, so the verb's form, the word before it and the words after it are all there is to read."""
    sentence = token.sent
    if sentence.root.tag_.startswith("VB") or not is_misread_verb_form(token, sentence):
        return None
    subject = token.doc[token.i - 1] if token.i > sentence.start else None
    if subject is None or not subject.tag_.startswith(("NN", "PRP")) or "\n" in subject.whitespace_:
        return None
    content = [word for word in token.doc[token.i + 1 : sentence.end] if not word.is_space]
    return (subject, content) if len(content) > 1 or (content and content[0].is_alpha) else None


def is_misread_verb_form(token, sentence) -> bool:
    """A lexicon verb's "-s" form ("praises", "slams"), any of its forms right before "that", or any of
    its forms in a Title Case headline ("Mayor Questioned …", "Unions Support …"), where every word is
    capitalised like a name."""
    base = verb_forms().get(token.lower_)
    if base is None or (token.ent_iob_ == "I" and token.ent_type_ in PLACE_AND_BODY_LABELS):
        return False  # a word of a name ("United States"); a person's name often runs over the verb
    if token.lower_ != base and token.lower_.endswith("s"):
        return True
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "that":
        return True  # "Billing records show that …": the verb form opens a reported clause
    words = [word for word in sentence if word.is_alpha and len(word) > 3]
    return token.text[0].isupper() and all(word.text[0].isupper() for word in words)
