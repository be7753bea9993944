"""Resolve the subject of a speech verb to a speaker name within one article.

Pronouns go to the most recent compatible speaker or subject, vague roles ("the Ministry")
to the latest named mention containing the same noun, documents ("the statement") to
whoever issued them, and surnames to the full name used elsewhere in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.analyse.lexicon import GROUP_PRONOUNS, NON_SPEAKERS, PERSON_PRONOUNS
from storyline.analyse.mentions import Mention, collect_mentions, find_issuer_token, make_mention
from storyline.analyse.names import clean_name, fold, full_names_of, is_surname_of, longest
from storyline.analyse.quotemarks import QuoteSpan
from storyline.analyse.words import noun_in

WORD = re.compile(r"\w+")

# Which mention kinds a pronoun may stand for.
COMPATIBLE = {
    "person": ("person", "role"),
    "group": ("group", "document"),
    "any": ("person", "role", "group"),
}


@dataclass(frozen=True)
class Speaker:
    name: str | None
    kind: str
    mention: str
    span: tuple[int, int]
    dropped: bool = False  # a journalist or "the question": such quotes are not kept


class Resolver:
    """Speaker resolution for one parsed article; remembers the speakers found so far."""

    def __init__(self, doc, quotes: list[QuoteSpan]) -> None:
        # Doc.text joins every token anew on each read: read once, since surnames are looked up often.
        self.doc, self.text = doc, doc.text
        self.mentions: list[Mention] = collect_mentions(doc)
        # The quotation each mention sits in (None outside quotations), found once: `visible` asks often.
        self.enclosing = [find_enclosing(mention.start, quotes) for mention in self.mentions]
        self.persons = {mention.name for mention in self.mentions if mention.kind == "person"}
        self.history: list[tuple[int, str, str]] = []  # (offset, name, kind) of resolved speakers
        self.said: list[tuple[int, int]] = []  # what earlier attributions said (character spans)

    def remember(self, speaker: Speaker, content: tuple[int, int] | None = None) -> None:
        if speaker.name and not speaker.dropped:
            self.history.append((speaker.span[0], speaker.name, speaker.kind))
        if content is not None:
            self.said.append(content)

    def resolve(self, token, depth: int = 0) -> Speaker:
        """The speaker a subject token refers to."""
        if token.lower_ in PERSON_PRONOUNS or token.lower_ in GROUP_PRONOUNS:
            return self.resolve_pronoun(token)
        mention = make_mention(token)
        span = (mention.start, mention.end)
        if noun_in(token, NON_SPEAKERS):
            return Speaker(None, "role", mention.text, span, dropped=True)
        if mention.kind == "document" and depth < 3:
            return self.resolve_document(token, mention, depth)
        if mention.vague:
            return self.resolve_vague(token, mention, depth)
        name = self.expand_surname(mention.name)
        kind = "person" if self.is_person(name) else mention.kind
        return Speaker(name, kind, mention.text, span)

    def resolve_pronoun(self, token) -> Speaker:
        """The most recent compatible speaker, or subject mentioned outside other quotes."""
        want = "person" if token.lower_ in PERSON_PRONOUNS else "group" if token.lower_ == "it" else "any"
        kinds = COMPATIBLE[want]
        best: tuple[int, str, str] | None = None
        for offset, name, kind in self.history:
            if offset < token.idx and kind in kinds and (best is None or offset > best[0]):
                best = (offset, name, kind)
        for mention in self.visible(token.idx):
            # "The statement said that the ministry … . It also claimed …": "it" is the statement, not a
            # subject inside what the statement said.
            if not mention.subject or mention.kind not in kinds or self.was_said(mention.start):
                continue
            if best is None or mention.start > best[0]:
                best = (mention.start, *self.name_mention(mention))
        span = (token.idx, token.idx + len(token))
        if best is None:
            return Speaker(None, want, token.text, span)
        return Speaker(best[1], best[2], token.text, span)

    def was_said(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.said)

    def name_mention(self, mention: Mention) -> tuple[str, str]:
        """(name, kind) for a candidate antecedent; documents stand for their issuer."""
        if mention.kind == "document":
            speaker = self.resolve(self.doc[mention.head], depth=2)
            return speaker.name or mention.name, speaker.kind
        return self.expand_surname(mention.name), mention.kind

    def resolve_document(self, token, mention: Mention, depth: int) -> Speaker:
        """A document speaks for its issuer; "the statement" for the last one whose issuer is known."""
        span = (mention.start, mention.end)
        issuer = find_issuer_token(token)
        if issuer is None and any(child.dep_ == "det" for child in token.children):
            issuer = self.find_last_issuer(token.idx)
        if issuer is None:
            return Speaker(mention.name, "group", mention.text, span)
        owner = self.resolve(issuer, depth + 1)
        return Speaker(owner.name or mention.name, owner.kind, mention.text, span, owner.dropped)

    def find_last_issuer(self, offset: int):
        """The issuer token of the most recent document mentioned before `offset`."""
        for mention in reversed(self.visible(offset)):
            if mention.kind == "document":
                issuer = find_issuer_token(self.doc[mention.head])
                if issuer is not None:
                    return issuer
        return None

    def resolve_vague(self, token, mention: Mention, depth: int) -> Speaker:
        """ "the Ministry" -> the latest named mention with all its words ("ministry"); else its owner."""
        span = (mention.start, mention.end)
        found = self.find_containing(mention.text, token.idx)
        if found is not None:
            name, kind = self.name_mention(found)
            return Speaker(name, kind, mention.text, span)
        owner = next((child for child in token.children if child.dep_ == "poss"), None)
        if owner is not None and depth < 3 and owner.lower_ not in PERSON_PRONOUNS:
            resolved = self.resolve(owner, depth + 1)
            if resolved.name:
                return Speaker(resolved.name, resolved.kind, mention.text, span)
        return Speaker(clean_name(mention.text), mention.kind, mention.text, span)

    def find_containing(self, phrase: str, offset: int) -> Mention | None:
        """The most recent named mention that holds every word of `phrase` ("the Miami Police
        Department" is not the "Department of Agriculture" named before it)."""
        words = set(WORD.findall(fold(clean_name(phrase)))) - {"s"}
        patterns = [re.compile(rf"\b{re.escape(word)}\b") for word in words]
        for mention in reversed(self.visible(offset)):
            if mention.vague or mention.kind == "document":
                continue
            if all(pattern.search(fold(mention.text)) for pattern in patterns):
                return mention
        return None

    def visible(self, offset: int) -> list[Mention]:
        """Mentions before `offset` that are not inside a quotation (unless it encloses `offset`)."""
        return [
            mention
            for mention, quote in zip(self.mentions, self.enclosing, strict=True)
            if mention.start < offset and (quote is None or quote.contains(offset))
        ]

    def expand_surname(self, name: str) -> str:
        """ "Pell" -> "Dario Pell" when the article names that person in full, and no one else of that
        surname ("Dario Pell" beside "Geri Pell" leaves "Pell" as it is, even where the parser missed one)."""
        longer = full_names_of(name, self.persons, self.text)
        return longest(longer) if longer else name

    def is_person(self, name: str) -> bool:
        return name in self.persons or any(is_surname_of(name, person) for person in self.persons)


def find_enclosing(offset: int, quotes: list[QuoteSpan]) -> QuoteSpan | None:
    """The outer quotation holding `offset`, if any."""
    return next((span for span in quotes if not span.nested and span.contains(offset)), None)
