"""Noun-phrase mentions of people, bodies and documents, in text order, for later resolution."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.analyse.lexicon import DOCUMENT_NOUNS, GATHERING_NOUNS, ISSUE_VERBS, PERSON_ROLES
from storyline.analyse.names import apply_alias, clean_name, strip_titles
from storyline.analyse.words import is_noun, is_pronoun, is_proper, noun_in, verb_base

NAMED_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
LEFT_DEPS = ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod")
RIGHT_PREPS = ("of", "to", "in", "for", "from", "at")
DATE_LABELS = ("DATE", "TIME")
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(frozen=True)
class Mention:
    """A phrase naming someone: `kind` is person, group, role (unnamed person) or document."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    vague: bool = False  # "the Ministry": a back-reference to be resolved, not a name
    subject: bool = False
    head: int = -1  # token index of the phrase's head


def mention_tokens(head) -> tuple[int, int]:
    """Token range [first, last] of the noun phrase headed by `head`, dates left out."""
    first = last = head.i
    for child in head.lefts:
        if child.dep_ in LEFT_DEPS:
            first = min(first, child.left_edge.i)
    for child in head.rights:
        is_name_part = child.dep_ in ("compound", "flat", "nmod")
        if is_name_part or (
            child.dep_ == "prep" and child.lower_ in RIGHT_PREPS and not is_date_phrase(child)
        ):
            last = max(last, child.right_edge.i)
    doc = head.doc
    for index in range(head.i - 1, first - 1, -1):
        if "\n" in doc[index].whitespace_ or doc[index].is_space:
            return index + 1, last  # a heading parsed into the next sentence is not part of the phrase
    return first, last


def is_date_phrase(prep) -> bool:
    """Whether a prepositional phrase is a date ("on Tuesday (July 11)")."""
    return any(token.ent_type_ in DATE_LABELS for token in prep.subtree)


def make_mention(head) -> Mention:
    """Describe the phrase headed by `head`: a named person, a named group, a role or a document."""
    doc = head.doc
    first, last = mention_tokens(head)
    span = doc[first : last + 1]
    subject = head.dep_ in SUBJECT_DEPS
    person = find_person(span, head)
    if person:
        # A name in apposition to the subject is the subject ("1:21 p.m. Donald Trump is drawing …",
        # "The chair, Ines Moreau, said …"), whichever of the two the parser made the head.
        subject = subject or (head.dep_ == "appos" and head.head.dep_ in SUBJECT_DEPS)
        return Mention(
            span.start_char, span.end_char, span.text, person, "person", subject=subject, head=head.i
        )
    name = clean_name(span.text)
    if noun_in(head, DOCUMENT_NOUNS):
        return Mention(
            span.start_char, span.end_char, span.text, name, "document", subject=subject, head=head.i
        )
    kind = "role" if noun_in(head, PERSON_ROLES) else "group"
    name = apply_alias(name) if kind == "group" else name
    if noun_in(head, GATHERING_NOUNS):
        name = find_owner_name(head) or name
    return Mention(
        span.start_char, span.end_char, span.text, name, kind, is_vague(span, head), subject, head.i
    )


def find_person(span, head) -> str | None:
    """The person a phrase names, titles stripped; only when the name is the phrase's head."""
    if head.ent_type_ != "PERSON":
        return None
    doc, start, end = head.doc, head.i, head.i + 1
    while doc[start].ent_iob_ != "B" and start > span.start:
        start -= 1
    while end < span.end and doc[end].ent_iob_ == "I":
        end += 1
    return strip_titles(clean_name(doc[start:end].text))


def is_vague(span, head) -> bool:
    """A definite phrase with no name of its own ("the Ministry", "the mission's spokesperson")."""
    words = [token for token in span if token.dep_ not in ("det", "case", "punct") and token.i != head.i]
    has_name = any(token.ent_type_ in NAMED_LABELS and token.ent_type_ != "NORP" for token in words)
    definite = any(token.dep_ in ("det", "poss") for token in head.lefts)
    return definite and not has_name and all(token.i < head.i for token in words)


def find_owner_name(head) -> str | None:
    """The named body a gathering belongs to ("the League's summit" -> "League")."""
    for child in head.children:
        if child.dep_ in ("poss", "compound") and is_proper(child):
            subtree = list(child.subtree)
            return clean_name(head.doc[subtree[0].i : subtree[-1].i + 1].text)
    return None


def find_issuer_token(head):
    """The token for who issued a document: its owner, "from/by X", or "X issued …"."""
    for child in head.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in NAMED_LABELS):
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            return next((grand for grand in child.children if grand.dep_ == "pobj"), None)
        if child.dep_ == "acl":
            found = find_agent(child)
            if found is not None:
                return found
    verb = head.head
    if head.dep_ == "dobj" and verb_base(verb) in ISSUE_VERBS:
        return find_nearest_subject(verb)
    if head.dep_ == "nsubjpass":
        return find_agent(verb)
    return None


def find_nearest_subject(verb):
    """The nsubj closest to a verb: a stray label ("Question: X issued …") may parse as a second one."""
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    return min(subjects, key=lambda child: abs(child.i - verb.i)) if subjects else None


def find_agent(verb):
    """ "… issued by X" -> X; "… issued at X's summit" -> the summit (its owner is read later)."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in ("at", "by")):
            pobj = next((grand for grand in child.children if grand.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def collect_mentions(doc) -> list[Mention]:
    """Every noun-phrase mention in the document, in text order."""
    # doc.noun_chunks needs universal POS, which the trimmed pipeline does not set.
    heads = {token.i for token in doc if is_noun(token) and token.dep_ not in ("compound", "flat", "amod")}
    heads |= {ent.root.i for ent in doc.ents if ent.label_ in NAMED_LABELS}
    return [make_mention(doc[index]) for index in sorted(heads) if not is_pronoun(doc[index])]
