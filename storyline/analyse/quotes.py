"""Who said what: direct, partial and reported quotes with their cue and resolved speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from storyline.analyse.cues import is_cue_verb
from storyline.analyse.lexicon import (
    CLAIM_NOUNS,
    DOCUMENT_NOUNS,
    NON_SPEAKERS,
    QUOTE_CUES,
    SOURCE_NOUNS,
    STANCE_ADJECTIVES,
    STATEMENT_CUES,
)
from storyline.analyse.mentions import NAMED_LABELS, find_nearest_subject
from storyline.analyse.names import extends_name, full_names_of, longest
from storyline.analyse.nouns import CLAUSE_DEPS, read_misread_verb, read_noun_cue
from storyline.analyse.quotemarks import QuoteSpan, find_quotes, split_paragraphs
from storyline.analyse.speakers import Resolver, Speaker
from storyline.analyse.words import is_noun, is_proper, noun_in, verb_base
from storyline.records import Article, Quote

# A sentence ends at . ! ? (and closing marks) before a space, except after a title or an initial.
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Rev|Ave|Fla|Ala))"
    r"[.!?][\"”’»)\]]*\s+"
)
_QUESTION = re.compile(r"\s*(Question|Q)\s*[:：]\s*")
_ANSWER = re.compile(r"\s*(Answer|A)\s*[:：]\s*")
_BETWEEN_DIRECT = re.compile(r"^[\s,:;—–-]*$")
_SIGNATURE = re.compile(r"[\s\u00a0]*([―—–])[\s\u00a0]*")
# A short label before a colon at a paragraph's start: up to 60 characters, no sentence inside it
# (the full stop of an initial or a title, "Dr. Ana B. Veltri:", ends none).
_LABEL = re.compile(
    r"\s*([^\s:.!?“\"](?:[^:.!?“\"\n]|(?<=\b[A-Z])\.|(?<=\b(?:Mr|Ms|Dr|Jr|Sr))\.|(?<=\bMrs)\.){0,60}?)"
    r"\s*:\s+(?=\S)"
)
# The part of a label after its last dash, as digests sign a headline: "A headline - Ana Veltri: …".
_LABEL_DASH = re.compile(r".*\s[-—–]\s+")
# Lower-case prepositions after which a label names the audience or the setting, not the speaker.
LABEL_SETTINGS = frozenset("to at on in with before".split())
# Words a speaker's name can take between a quotation and the verb after it ("“…,” Ana B. Veltri quipped").
MAX_SUBJECT_WORDS = 4
# Words of a label that can still be a name ("Rep. Ana Beatriz Veltri Ortiz").
MAX_LABEL_WORDS = 5
# "that" right before a quotation mark, as in "said that “…”".
_THAT_BEFORE = re.compile(r"\bthat[\s\u00a0]*$")
# Words of letters: a label's content needs two, so that a tally ("Ana Veltri: 1,769.") says nothing.
_LETTERS = re.compile(r"[^\W\d_]+")
_INTRODUCES_QUOTE = re.compile(r"\s*[,:]?\s*[“\"„«]")
_TRAILING_PUNCT = ".,;: \n\t"
# What opens a reported clause in the writer's voice, not the source's: a dateline ("PARIS, May 2
# (AP) — ") or a connective set off by a comma or a dash, linking the sentence to the one before.
_WRITERS_LEAD = re.compile(
    r"[A-Z][A-Z.'’ ]{2,}(?:,[^\n—–]{0,40}?)?\s+[—–-]{1,2}\s+"
    r"|(?i:in fact|in contrast|by contrast|still|however|meanwhile|indeed|instead|moreover|furthermore"
    r"|nonetheless|nevertheless|in addition|as it happens)\s*[,—–]\s*"
)
_WORD = re.compile(r"\w+")
# Words of a quoted heading that ends in a colon ("“See also:”"), which introduces links, not speech.
MAX_HEADING_WORDS = 3
# Lower-case words of a title ("Meet the Press", "Guardians of the Galaxy").
TITLE_SMALL_WORDS = frozenset("a an the and or of in on to for with at by from as s".split())
# Where a quoted title sits: in a noun phrase or a preposition's object, not as what a verb says.
NAME_DEPS = frozenset("pobj pcomp compound nmod poss nsubj nsubjpass appos npadvmod dep".split())
# Dependents that give a clause a subject of its own.
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl")
COMPLEMENT_DEPS = ("dobj", "oprd", "xcomp", "ccomp", "attr", "acomp")
# Forms of "be" and "have", which link a quotation to a description, not to a speaker.
NOT_FRAMING = frozenset("be is are was were been being am 's 're have has had having 've".split())
# Words that stand for a whole reported clause ("half said so", "voters said yes").
PRO_CLAUSES = frozenset(("so", "yes", "no"))
# Penn tags of a relative pronoun ("which", "that", "who", "whom").
RELATIVE_TAGS = ("WDT", "WP")
# Marks that set a relative clause off as the writer's aside (", who …", "— which …").
ASIDE_MARKS = (",", "—", "–", "--")
# Verbs that say how their subject looks ("the plan seems to work", "she appeared calm"), not what
# anyone says: what they attribute holds the subject.
RAISING_VERBS = frozenset("seem seems seemed seeming appear appears appeared appearing".split())
# Nouns of saying or feeling that a verb makes into a statement ("raised questions", "voiced concern").
MESSAGE_NOUNS = CLAIM_NOUNS | frozenset(
    """question criticism attack testimony thought tale doubt praise support opposition objection
    amusement frustration anger outrage disappointment skepticism confidence
    case congratulations thanks condolences apology advocacy attention""".split()
)
# Prepositions that give the topic of such a noun ("questions about", "criticism of", "support for").
TOPIC_PREPOSITIONS = frozenset("about of for against over".split())
# Where words are said ("in an interview", "on social media", "during a news conference").
OCCASION_PREPOSITIONS = frozenset("in on during at".split())
OCCASION_NOUNS = frozenset(
    """interview statement speech show broadcast podcast appearance media tweet post
    op-ed column letter email release conference briefing remarks""".split()
)
# Prepositions that carry what a stance is about ("accused him of", "called for", "criticized … over");
# "in", "at", "during" and the like give only when or where.
CONTENT_PREPOSITIONS = frozenset("for of on as about against with to over into from".split())


@dataclass(frozen=True)
class Event:
    """Something to attribute, in text order: a quotation, a reported clause or an answer."""

    offset: int
    kind: str  # "marks", "reported", "partial" or "answer"
    quote: QuoteSpan | None = None
    cue: object = None  # spaCy Token
    subject: object = None  # spaCy Token; None for a cued view the writer gives no source for
    content: tuple[int, int] | None = None
    paragraph: int = 0
    gap: tuple[int, int] | None = None  # the cue's own words inside the content ("…, she said, …")


class QuoteFinder:
    """Finds and attributes every quote of one parsed article."""

    def __init__(self, doc, article: Article) -> None:
        self.doc, self.article, self.text = doc, article, article.text
        self.spans = find_quotes(self.text)
        self.paragraphs = split_paragraphs(self.text)
        self.resolver = Resolver(doc, self.spans)
        self.quotes: list[tuple[int, Quote]] = []  # (paragraph index, quote)

    def find(self) -> list[Quote]:
        events = self.collect_events()
        for event in sorted(events, key=lambda event: event.offset):
            self.attribute(event)
        bodies = {mention.name for mention in self.resolver.mentions if mention.kind == "group"}
        return unify_speakers([quote for _, quote in self.quotes], self.resolver.persons, bodies, self.text)

    # -- collecting -------------------------------------------------------------------------

    def collect_events(self) -> list[Event]:
        labels = self.label_paragraphs()
        reported = self.find_reported()
        # A quotation inside a reported clause is part of that (partial) quote, not one of its own.
        partial = [event for event in reported if event.kind == "partial"]
        events = [
            self.make_marks_event(span)
            for span in self.spans
            if not any(holds_quote(event, span) for event in partial) and not self.is_title(span)
        ]
        # "X said on “Morning Show” that the plan was “dead”": the cue reports the clause with its
        # quoted words; a quotation of its own outside that clause is a title or a name, not speech.
        reporting = {event.cue.i for event in reported if event.kind == "partial"}
        events = [event for event in events if event.cue is None or event.cue.i not in reporting]
        used = {event.cue.i for event in events if event.cue is not None}
        events += [event for event in reported if event.cue.i not in used or event.kind == "partial"]
        events += self.find_answers(labels) + self.find_labelled(labels)
        return [event for event in events if labels[event.paragraph] != "question" or event.cue is not None]

    def label_paragraphs(self) -> list[str | None]:
        """Q&A layout: "question", "answer" (also the paragraphs after an answer) or None."""
        labels: list[str | None] = []
        current = None
        for start, end in self.paragraphs:
            paragraph = self.text[start:end]
            if _QUESTION.match(paragraph):
                current = "question"
            elif _ANSWER.match(paragraph):
                current = "answer"
            elif current == "question":
                current = None
            labels.append(current)
        return labels

    def paragraph_of(self, offset: int) -> int:
        for index, (start, end) in enumerate(self.paragraphs):
            if offset < end or index == len(self.paragraphs) - 1:
                return index if offset >= start or index == 0 else index - 1
        return 0

    def is_title(self, span: QuoteSpan) -> bool:
        """Whether a quotation names a show, a book or a nickname ("on the network's “Morning Hour”",
        "the “Blue Sky” star"): its words are capitalised like a title and it sits in a noun phrase,
        not where a verb takes what is said."""
        words = _WORD.findall(self.text, *span.content)
        if not words or any(word[0].islower() and word not in TITLE_SMALL_WORDS for word in words):
            return False
        tokens = self.doc.char_span(*span.content, alignment_mode="expand")
        if not tokens:
            return False
        root = tokens.root
        while root.dep_ == "conj":
            root = root.head  # "starred in “A” and “B”"
        return root.dep_ in NAME_DEPS

    def make_marks_event(self, span: QuoteSpan) -> Event:
        cue, subject = self.find_cue(span)
        if cue is None:
            cue, subject = self.find_signature(span)
        if cue is None:
            cue, subject = self.find_adjacent_verb(span)
        if cue is None:
            cue, subject = self.find_verb_after(span)
        content = self.with_leading_words(span, cue)
        return Event(span.start, "marks", span, cue, subject, content, self.paragraph_of(span.start))

    def with_leading_words(self, span: QuoteSpan, cue) -> tuple[int, int]:
        """ "X said that “…”", "X says the mayor “knows …”": the quotation with the words that open the
        clause the cue reports before it ("that", a subject, an object), unless a comma or a colon
        sets the quotation off ("X told them: “…”"). A quotation nested in another keeps to its marks:
        the words around it are the outer quote's."""
        if cue is None or cue.idx > span.start or span.nested:
            return span.content
        that = _THAT_BEFORE.search(self.text, cue.idx + len(cue), span.start)
        if that:
            return (that.start(), span.content[1])
        if self.text[cue.idx : span.start].rstrip().endswith((",", ":")):
            return span.content
        opening = find_opening_words(cue, span.start)
        return (opening.idx, span.content[1]) if opening is not None else span.content

    def find_signature(self, span: QuoteSpan):
        """ "“…” ― Ana Veltri": a dash after the quotation, then a name, signs it."""
        match = _SIGNATURE.match(self.text, span.end)
        name = self.doc.char_span(match.end(), match.end() + 1, alignment_mode="expand") if match else None
        if not name or name[0].ent_type_ not in NAMED_LABELS or name[0].ent_iob_ != "B":
            return None, None
        dash = self.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        return dash[0], find_entity_end(name[0])

    def find_adjacent_verb(self, span: QuoteSpan):
        """ "she yelled “…”" / "Ana continued: “…”": a verb outside the lexicon frames a quotation
        it leads into, with at most a comma or a colon between them, or when a colon ends its clause."""
        before = self.doc.char_span(0, span.start, alignment_mode="expand") or ()
        words = [token for token in before[-3:] if not token.is_space]
        if words and words[-1].text == ":" and is_framing_verb(words[-1].head):
            verb = words[-1].head  # "She addressed the crowd again: “…”": the clause the colon ends
        else:
            words = [token for token in words if token.text not in (",", ":")]
            if not words or not is_framing_verb(words[-1]):
                return None, None
            verb = words[-1]
        subject = find_subject(verb)
        return (verb, subject) if subject is not None else (None, None)

    def find_verb_after(self, span: QuoteSpan):
        """ "“…,” she quipped" / "“…!” beamed Ana": a verb outside the lexicon right after a quotation
        that its sentence goes on from (a comma, "!" or "?" before the closing mark) frames it, with its
        subject just before or just after it."""
        if not self.opens_sentence(span) or self.text[span.start : span.end - 1].rstrip()[-1:] not in ",!?":
            return None, None  # a quoted name or title inside a sentence ("the “Gang,” which …")
        end = self.paragraphs[self.paragraph_of(span.start)][1]
        after = self.doc.char_span(span.end, end, alignment_mode="expand")
        words = [token for token in (after or ())[: MAX_SUBJECT_WORDS + 1] if not token.is_space]
        verb = next((token for token in words if is_framing_verb(token)), None)
        subject = find_subject(verb) if verb is not None else None
        if subject is None:
            return None, None
        # the subject's words, or none, come between the quotation and the verb ("beamed Ana")
        between = words[: words.index(verb)]
        if any(token.i not in range(subject.left_edge.i, subject.right_edge.i + 1) for token in between):
            return None, None
        return verb, subject

    def opens_sentence(self, span: QuoteSpan) -> bool:
        """Whether a quotation starts its paragraph or follows the end of a sentence or a colon."""
        start, _ = self.paragraphs[self.paragraph_of(span.start)]
        before = self.text[start : span.start].rstrip().rstrip("”’\"'")
        return not before or before[-1] in ".!?:"

    def find_labelled(self, labels: list[str | None]) -> list[Event]:
        """ "Ana Veltri: Talks Will Resume" — a paragraph led by a name and a colon, as headlines and
        transcripts attribute."""
        events = []
        for index, (start, end) in enumerate(self.paragraphs):
            match = _LABEL.match(self.text, start, end)
            if labels[index] or not match:
                continue
            speaker = self.find_label_speaker(start, match.end(1))
            colon = self.doc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
            content = self.trim(match.end(), end)
            if speaker is not None and colon and len(_LETTERS.findall(self.text, *content)) > 1:
                events.append(Event(start, "reported", None, colon[0], speaker, content, index))
        return events

    def find_label_speaker(self, start: int, end: int):
        """The speaker a label names, when the label is name-like (a few capitalised words, not a
        sentence such as "Turnout rose in three states:"): its last named-entity token, else its last
        word when the tagger takes all its words for proper nouns ("Pollster:") or the article names a
        person with it. After a dash only the part after it counts, as digests sign a headline
        ("A digest headline - Ana Veltri:")."""
        dash = _LABEL_DASH.match(self.text, start, end)
        label = self.doc.char_span(dash.end() if dash else start, end, alignment_mode="expand") or ()
        # "Ana Veltri to the Senate:", "Ana Veltri at the Summit:": the speaker comes before the setting
        setting = next((token for token in label if token.text in LABEL_SETTINGS), None)
        label = label[: setting.i - label.start] if setting is not None else label
        words = [token for token in label if token.is_alpha]
        if not words or len(words) > MAX_LABEL_WORDS or not all(word.text[0].isupper() for word in words):
            return None
        named = [token for token in label if token.ent_type_ in NAMED_LABELS]
        if named:
            return named[-1]
        if all(is_proper(word) for word in words) or self.is_known_name(words[-1]):
            return words[-1]
        if noun_in(words[-1], SOURCE_NOUNS) or noun_in(words[-1], DOCUMENT_NOUNS):
            return words[-1]  # "Poll:", "New Report:": a source that is no name
        return None

    def is_known_name(self, word) -> bool:
        """Whether the article names a person with this word elsewhere: headlines fool the tagger
        ("Mathers: …" read as a plural noun), the body's sentences name the same speaker properly."""
        return any(word.text in name.split() for name in self.resolver.persons)

    def find_answers(self, labels: list[str | None]) -> list[Event]:
        """One event per paragraph of an answer in a Q&A transcript."""
        events = []
        for index, (start, end) in enumerate(self.paragraphs):
            if labels[index] == "answer":
                match = _ANSWER.match(self.text, start)
                content_start = match.end() if match else start
                events.append(Event(start, "answer", content=(content_start, end), paragraph=index))
        return events

    # -- cues for quotation marks -----------------------------------------------------------

    def find_cue(self, span: QuoteSpan):
        """The speech verb (or "according to") framing a quotation, and its subject token."""
        best = None
        for distance, token in self.candidate_cues(span):
            subject = find_subject(token)
            if subject is None:
                continue
            if token.lower_ == "according" and noun_in(subject, NON_SPEAKERS):
                continue
            # A cue after a quotation that ends its sentence opens the next sentence; one before wins.
            after_end = token.idx > span.end and self.ends_sentence(span)
            rank = (token.lower_ == "according", after_end, distance)
            if best is None or rank < best[0]:
                best = (rank, token, subject)
        return (best[1], best[2]) if best else (None, None)

    def candidate_cues(self, span: QuoteSpan):
        """Cue words in the same sentence as the quotation, outside any other quotation."""
        low, high = self.container(span)
        before = max([low] + [m.end() for m in _SENTENCE_END.finditer(self.text, low, span.start)])
        after = self.find_frame_end(span, high)
        for token in self.doc.char_span(before, after, alignment_mode="expand") or []:
            if verb_base(token) not in QUOTE_CUES and token.lower_ != "according":
                continue
            if span.contains(token.idx) or self.in_other_quote(token.idx, span):
                continue
            if (
                token.idx > span.end
                and self.ends_sentence(span)
                and _INTRODUCES_QUOTE.match(self.text, token.idx + len(token))
            ):
                continue  # "“….” He added, “…”": the cue belongs to the next quotation (not so after "“…,”")
            distance = span.start - token.idx if token.idx < span.start else token.idx - span.end
            yield distance, token

    def ends_sentence(self, span: QuoteSpan) -> bool:
        return self.text[span.content[1] - 1 : span.content[1]] in (".", "!", "?")

    def find_frame_end(self, span: QuoteSpan, high: int) -> int:
        """Where the cue frame after a quotation ends: the sentence end or the next quotation."""
        following = _SENTENCE_END.search(self.text, span.end, high)
        end = following.start() + 1 if following else high
        later = [other.start for other in self.spans if span.end <= other.start < end and not other.nested]
        return min([end, *later])

    def container(self, span: QuoteSpan) -> tuple[int, int]:
        """Where to look for a cue: the enclosing quotation for a nested one, else the paragraph."""
        if span.nested:
            outer = next(other for other in self.spans if not other.nested and other.contains(span.start))
            return outer.content
        return self.paragraphs[self.paragraph_of(span.start)]

    def in_other_quote(self, offset: int, span: QuoteSpan) -> bool:
        return any(
            other.contains(offset) and other != span and not (span.nested and not other.nested)
            for other in self.spans
        )

    # -- reported speech --------------------------------------------------------------------

    def find_reported(self) -> list[Event]:
        """ "X said that …", "X wants to …", "X criticized …" and "according to X, …" outside quotations."""
        events = []
        quoted = quoted_characters(self.text, self.spans)
        for token in self.doc:
            if token.lower_ != "according" and not token.tag_.startswith(("VB", "NN", "JJ")):
                continue  # only a verb, a noun, a stance adjective or "according to" can cue reported speech
            if quoted[token.idx]:
                continue
            if token.lower_ == "according":
                event = self.make_according(token)
            elif token.tag_.startswith("NN"):
                event = self.make_noun_reported(token)
            elif is_cue_verb(token) or is_stance_adjective(token):
                event = self.make_reported(token)
            else:
                continue
            if event is not None:
                events.append(event)
        return events

    def make_reported(self, cue) -> Event | None:
        subject = find_subject(cue)
        if subject is None:
            return self.make_unsourced(cue)
        if subject.lower_ == "it" and cue.dep_ == "ROOT" and is_expletive(cue):
            return None
        tokens = cut_statement_tail(find_complement(cue)) or find_relative_object(cue)
        tokens = with_relative_pronoun(cue, with_raised_subject(cue, tokens))
        if not tokens:
            return None
        event = self.make_tokens_event(cue, subject, tokens[0], tokens[-1])
        return replace(event, gap=find_gap(tokens, cue)) if event is not None else None

    def make_unsourced(self, cue) -> Event | None:
        """A cue with no subject still attributes something, to a source the writer leaves out. A passive
        with no agent gives a view ("The bill is expected to pass"): its subject and complement, without
        the cue's own words. A fronted participle gives a question ("Asked whether …, she …")."""
        if cue.dep_ == "advcl" and cue.tag_ == "VBN":
            return self.make_asked(cue)
        subject = next((child for child in cue.children if child.dep_ == "nsubjpass"), None)
        parts = [child for child in cue.rights if child.dep_ in ("xcomp", "oprd") or is_content_prep(child)]
        if cue.dep_ not in ("ROOT", "ccomp") or subject is None or subject.lower_ == "it" or not parts:
            return None
        first, last = subject.left_edge, max(part.right_edge for part in parts)
        event = self.make_tokens_event(cue, None, first, last)
        # the cue's words: from after the subject to the preposition that opens the complement
        end = parts[0] if parts[0].dep_ == "prep" else cue
        gap = (subject.right_edge.idx + len(subject.right_edge), end.idx + len(end))
        return replace(event, gap=gap) if event is not None else None

    def make_asked(self, cue) -> Event | None:
        """ "Asked whether the port will close, she said …": the participle reports a question whose
        asker the writer leaves out. The question runs to the comma that ends the participle's phrase,
        however the parser splits it."""
        tokens = find_complement(cue)
        comma = next((token for token in cue.doc[cue.i + 1 : cue.sent.end] if token.text == ","), None)
        if not tokens or comma is None or comma.i <= tokens[0].i:
            return None
        return self.make_tokens_event(cue, None, tokens[0], cue.doc[comma.i - 1])

    def make_noun_reported(self, cue) -> Event | None:
        """ "X's claim that …": the clause of a claim noun, attributed to its possessor."""
        found = read_noun_cue(cue) or read_misread_verb(cue)
        if found is None:
            return None
        subject, tokens = found
        return self.make_tokens_event(cue, subject, tokens[0], tokens[-1])

    def make_tokens_event(self, cue, subject, first, last) -> Event | None:
        """A reported clause running from token `first` through token `last`."""
        return self.make_clause_event(cue, subject, self.trim(*char_range(first, last)))

    def make_clause_event(self, cue, subject, content: tuple[int, int]) -> Event | None:
        """A reported clause; "partial" when it holds a quotation and words of the writer's own."""
        paragraph = self.paragraphs[self.paragraph_of(cue.idx)]
        content = (max(content[0], paragraph[0]), min(content[1], paragraph[1]))
        lead = _WRITERS_LEAD.match(self.text, *content)
        content = (lead.end(), content[1]) if lead else content
        content = self.before_quoted_sentence(content)
        opened = [span.content[1] for span in self.spans if content[0] <= span.start < content[1]]
        content = (content[0], max([content[1], *opened]))
        if content[1] <= content[0]:
            return None
        kind = "reported"
        overlapping = [span for span in self.spans if span.start < content[1] and content[0] < span.end]
        if overlapping:
            outside = self.count_words_outside(content, overlapping)
            holds = all(content[0] <= span.start and span.content[1] <= content[1] for span in overlapping)
            if outside < 2 or not holds:
                return None  # the quotation is the content: its own event attributes it
            kind = "partial"
        return Event(cue.idx, kind, None, cue, subject, content, self.paragraph_of(cue.idx))

    def before_quoted_sentence(self, content: tuple[int, int]) -> tuple[int, int]:
        """A reported clause ends before a quotation that opens a sentence of its own ("X said the
        plan failed. “We tried,” …"), which the parser can join to the clause."""
        for span in self.spans:
            if content[0] < span.start < content[1] and any(
                end.end() == span.start for end in _SENTENCE_END.finditer(self.text, content[0], span.start)
            ):
                return self.trim(content[0], span.start)
        return content

    def count_words_outside(self, content: tuple[int, int], spans: list[QuoteSpan]) -> int:
        text = list(self.text[content[0] : content[1]])
        for span in spans:
            for offset in range(max(span.start, content[0]), min(span.end, content[1])):
                text[offset - content[0]] = " "
        return len(_WORD.findall("".join(text)))

    def make_according(self, cue) -> Event | None:
        """ "According to X, …" / "…, according to X": the clause the phrase hangs on, without it."""
        subject = find_subject(cue)
        if subject is None or noun_in(subject, NON_SPEAKERS):
            return None
        phrase = list(cue.subtree)
        clause = list(cue.head.subtree) if cue.dep_ != "ROOT" else phrase
        if cue.head.i > cue.i:  # the phrase leads its clause
            content = (phrase[-1].idx + len(phrase[-1]), clause[-1].idx + len(clause[-1]))
        else:
            # "That is according to X": the "is" only links the phrase, it is not what X says
            linked = cue.head.lower_.replace("’", "'") in NOT_FRAMING and cue.head.i == phrase[0].i - 1
            content = (clause[0].idx, cue.head.idx if linked else phrase[0].idx)
        return self.make_clause_event(cue, subject, self.trim(*content))

    def trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in _TRAILING_PUNCT:
            start += 1
        while end > start and self.text[end - 1] in _TRAILING_PUNCT:
            end -= 1
        return start, end

    # -- attribution ------------------------------------------------------------------------

    def attribute(self, event: Event) -> None:
        if event.kind == "answer":
            self.add_answer(event)
        elif event.cue is not None:
            self.add_cued(event)
        elif event.quote is not None and self.starts_paragraph(event.quote):
            self.add_continuation(event)

    def add_cued(self, event: Event) -> None:
        cue = event.cue
        if event.subject is None:  # an unsourced view ("… is expected to …")
            self.emit(event, None, cue.text, event.kind, None, char_range(cue, cue))
            return
        speaker = self.resolver.resolve(event.subject)
        if speaker.dropped and event.kind != "reported":
            return  # a journalist's question is no quote; what a journalist reports or asks is news
        self.resolver.remember(speaker, event.content)
        kind = self.marks_kind(event.quote, cue) if event.kind == "marks" else event.kind
        self.emit(event, speaker.name, cue.text, kind, speaker, char_range(cue, cue))

    def add_continuation(self, event: Event) -> None:
        """A paragraph opening with an uncued quotation continues the previous speaker; it keeps that
        quote's cue, since one cue can introduce a quotation that runs over several paragraphs.
        A quoted heading ("“See also:”") continues nothing: a few words that end in a colon."""
        if self.is_heading(event.content):
            return
        found = self.find_continued()
        if found is None or found[0] < event.paragraph - 1:
            return
        paragraph, previous = found
        if previous.speaker is None:
            return
        if paragraph == event.paragraph and previous.kind == "direct":
            # "“…,” X said. “…”": one attribution in two pieces, sharing the speaker and cue
            self.quotes.append(
                (
                    paragraph,
                    replace(previous, text=self.text[slice(*event.content)], content_span=event.content),
                )
            )
            return
        self.emit(event, previous.speaker, previous.cue, "direct", None, previous.cue_span)

    def is_heading(self, content: tuple[int, int]) -> bool:
        """Whether a quotation is a heading: a few words ending in a colon."""
        words = _WORD.findall(self.text, *content)
        return self.text[content[1] - 1 : content[1]] == ":" and len(words) <= MAX_HEADING_WORDS

    def find_continued(self) -> tuple[int, Quote] | None:
        """The quote an uncued quotation continues: the last one, passing over quotes nested in a
        quotation ("“My friends tell me ‘…’”") and clauses the writer reports after a quotation in
        its paragraph ("“…,” she said when asked if …")."""
        nested = {span.content for span in self.spans if span.nested}
        reported = None
        for paragraph, quote in reversed(self.quotes):
            if quote.content_span in nested:
                continue
            if quote.kind != "reported":
                return (paragraph, quote) if reported is None or reported[0] == paragraph else reported
            reported = reported or (paragraph, quote)
        return reported

    def add_answer(self, event: Event) -> None:
        self.emit(event, self.article.author, "Answer", "direct", None, None)

    def emit(self, event: Event, name, cue: str, kind: str, speaker: Speaker | None, cue_span) -> None:
        """One quote, or one per piece when the cue stands inside the content; pieces share the cue."""
        for start, end in self.pieces(event):
            quote = Quote(
                article_id=self.article.id,
                speaker=name,
                text=self.text[start:end],
                cue=cue,
                kind=kind,
                speaker_mention=speaker.mention if speaker else None,
                speaker_span=speaker.span if speaker else None,
                cue_span=cue_span,
                content_span=(start, end),
            )
            self.quotes.append((event.paragraph, quote))

    def pieces(self, event: Event) -> list[tuple[int, int]]:
        start, end = event.content
        if event.gap is None:
            return [(start, end)]
        pieces = (self.trim(start, event.gap[0]), self.trim(event.gap[1], end))
        return [piece for piece in pieces if piece[1] > piece[0]]

    def marks_kind(self, span: QuoteSpan, cue) -> str:
        """Direct when the quotation is the whole complement of its cue, partial when inside a clause."""
        if cue.idx > span.start:
            return "direct"
        return "direct" if _BETWEEN_DIRECT.match(self.text[cue.idx + len(cue) : span.start]) else "partial"

    def starts_paragraph(self, span: QuoteSpan) -> bool:
        """Whether a quotation opens its paragraph, or a sentence right after another quotation."""
        start, _ = self.paragraphs[self.paragraph_of(span.start)]
        before = self.text[start : span.start].rstrip()
        if span.nested:
            return False
        if not before:
            return True
        earlier = [
            quote for _, quote in self.quotes if quote.content_span and quote.content_span[1] <= span.start
        ]
        # the sentence before can end inside its closing mark ("… said: “It opens.” “It …”")
        return (
            bool(earlier)
            and earlier[-1].content_span[0] >= start
            and before.rstrip('”"’').endswith((".", "!", "?"))
        )


def holds_quote(event: Event, span: QuoteSpan) -> bool:
    """Whether a partial clause holds a quotation: the clause runs to its closing mark or, when the cue
    leads into the clause, to the end of its words (the comma and mark after them are left out:
    "insisted that he “won big,” adding …")."""
    start, end = event.content
    if span.start < start:
        return False
    return span.end <= end + 1 or (event.cue.idx < span.start and span.content[1] <= end)


def find_subject(cue):
    """The subject of a speech verb, following conjuncts ("X criticized Y and noted"), adjectives
    ("X is likely to say"), clauses hanging off a noun ("a declaration saying"), participles the
    parser hangs on a reported clause (the speaker's, not the clause's) and verbs it leaves loose after a
    long subject ("Sources close to the talks say …"); the object of "according to"."""
    if cue.lower_ == "according":
        to = next((child for child in cue.children if child.lower_ == "to"), None)
        return (
            next((child for child in to.children if child.dep_ == "pobj"), None) if to is not None else None
        )
    agent = find_passive_agent(cue)
    if agent is not None:
        return agent
    token = cue
    if cue.dep_ == "advcl" and cue.tag_ == "VBG" and cue.head.dep_ == "ccomp":
        token = cue.head.head  # "X said the council failed, claiming …": the participle is X's
    for _ in range(4):
        subject = (
            find_nearest_subject(token)
            or find_number_subject(token)
            or find_stray_subject(token)
            or find_compound_subject(token)
        )
        if subject is not None:
            if subject.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                return token.head
            return subject
        if describes_noun(token):
            return token.head
        if token.dep_ == "pcomp" and token.head.dep_ == "prep":
            token = token.head  # "in defending the plan": the subject of the clause the phrase is in
        elif token.dep_ not in ("conj", "xcomp", "advcl", "acomp", "dep") or token.head is token:
            return None
        token = token.head
    return None


def find_number_subject(verb):
    """A poll share the parser hangs on the verb as a number ("About 4 in 10 say …"): it is the subject."""
    return next(
        (
            child
            for child in verb.children
            if child.dep_ == "nummod" and child.tag_ == "CD" and child.i < verb.i
        ),
        None,
    )


def find_compound_subject(verb):
    """ "“…,” Ana answers.": a name right before a verb with no subject, which the parser reads as a
    compound of the verb (it takes the verb for a noun), is the verb's subject."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    is_name = before.dep_ == "compound" and before.tag_ in ("NNP", "NNPS")
    return before if is_name and before.head == verb else None


def find_stray_subject(verb):
    """A subject the parser hangs under a participle it takes for the verb's clausal subject when a long
    phrase comes between them ("Voters going to the polls on Tuesday said …")."""
    clause = next(
        (child for child in verb.lefts if child.dep_ == "csubj" and child.tag_ in ("VBG", "VBN")), None
    )
    return find_nearest_subject(clause) if clause is not None else None


def find_passive_agent(cue):
    """ "… was reported by X" -> X."""
    agent = next((child for child in cue.children if child.dep_ == "agent"), None)
    return next((child for child in agent.children if child.dep_ == "pobj"), None) if agent else None


def find_entity_end(token):
    """The last token of the named entity `token` starts."""
    while token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I":
        token = token.doc[token.i + 1]
    return token


def find_complement(cue) -> list:
    """The tokens a cue attributes: its clause ("said that …"), the clause it follows ("…, he said"),
    or for a stance verb its object and complements ("accused him of lying", "called for a ban")."""
    clauses = [child for child in cue.children if child.dep_ == "ccomp"]
    if clauses:
        # "Because …, she said the plan works": the clause after the cue, when there is one
        tokens = list(next((clause for clause in clauses if clause.i > cue.i), clauses[0]).subtree)
        joined = find_joined_clause(cue, tokens) or find_but_part(cue, tokens)
        return without_leading_date(cue, tokens) + joined
    if find_passive_agent(cue) is not None:
        return find_passive_content(cue)
    if cue.dep_ == "parataxis":
        # "Prices, she said, will rise": the clause the cue interrupts, without the cue's own words
        tokens = clause_around(cue)
        return tokens[1:] if tokens and tokens[0].dep_ == "mark" else tokens
    parts = [child for child in cue.rights if is_complement(child)]
    if not parts and is_as_clause(cue):
        return clause_around(cue)  # "As the report noted, prices rose": the clause the as-clause hangs on
    if not parts:
        return find_stranded_clause(cue)
    topic = find_message_topic(parts[0]) if len(parts) == 1 else []
    if topic:
        return topic
    tokens = list(cue.doc[parts[0].left_edge.i : max(part.right_edge.i for part in parts) + 1])
    if is_cue_particle(tokens[0], parts[0]) and not any(
        t.dep_ not in ("prt", "advmod") for t in cue.doc[cue.i + 1 : tokens[0].i]
    ):
        tokens = tokens[1:]  # "called for", "pointed to": the preposition belongs to the cue
    return tokens


def clause_around(cue) -> list:
    """The clause the cue's phrase hangs on, without the phrase."""
    return [token for token in cue.head.subtree if not cue.left_edge.i <= token.i <= cue.right_edge.i]


def find_stranded_clause(cue) -> list:
    """ "She said in a statement that the plan works": the parser hangs the "that"-clause on the noun
    of the phrase between, but it is what the cue reports."""
    for prep in (child for child in cue.rights if child.dep_ == "prep"):
        for pobj in (grand for grand in prep.children if grand.dep_ == "pobj"):
            for clause in pobj.rights:
                first = clause.left_edge
                if (
                    clause.dep_ in ("acl", "ccomp", "relcl")
                    and first.lower_ == "that"
                    and first.dep_ == "mark"
                ):
                    return list(clause.subtree)
    return []


def is_as_clause(cue) -> bool:
    """ "as the report noted": an adverbial clause whose "as" stands for the clause it hangs on."""
    return cue.dep_ == "advcl" and any(
        child.dep_ == "mark" and child.lower_ == "as" for child in cue.children
    )


def find_opening_words(cue, quote_start: int):
    """ "X says the mayor “knows …”", "X called him “a liar”": the first word of the cue's complement when
    the complement opens between the cue and a quotation and runs into it, else None."""
    tokens = find_complement(cue)
    if not tokens or not cue.i < tokens[0].i or not tokens[0].idx < quote_start <= tokens[-1].idx:
        return None
    inside = {token.i for token in tokens}
    before_quote = [token for token in cue.doc[tokens[0].i :] if token.idx < quote_start]
    return tokens[0] if all(token.i in inside for token in before_quote) else None


def find_message_topic(part) -> list:
    """ "voiced doubts about the plan", "expressed concern that it fails": a noun of saying as the
    object only names the act (the verb and noun say together what "questioned" says alone); what is
    attributed is its topic (without the preposition) or its clause (with its "that" or "to"). A
    possessed noun is a thing talked about ("defended his support for the plan"), not the act; so is
    "the" noun "of" someone ("echoed the concerns of the crews")."""
    if part.dep_ != "dobj" or not noun_in(part, MESSAGE_NOUNS):
        return []
    if any(child.dep_ == "poss" for child in part.children):
        return []
    definite = any(child.lower_ == "the" for child in part.lefts)
    for child in part.rights:
        if child.dep_ in CLAUSE_DEPS and child.left_edge.lower_ in ("that", "to"):
            return list(part.doc[child.left_edge.i : part.right_edge.i + 1])
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS:
            if definite and child.lower_ == "of":
                return []
            return list(part.doc[child.i + 1 : part.right_edge.i + 1])
    return []


def without_leading_date(cue, tokens: list) -> list:
    """ "She said Tuesday the plan works", "said on Friday he met …": a date right after the cue tells
    when it was said (the parser often hangs it on the clause)."""
    first = tokens[0]
    if first.i != cue.i + 1:
        return tokens
    if first.dep_ == "prep" and is_date_object(first):
        end = first.right_edge.i
    elif first.ent_type_ in ("DATE", "TIME") and first.ent_iob_ == "B":
        end = find_entity_end(first).i
    else:
        return tokens
    if end + 1 < len(cue.doc) and cue.doc[end + 1].tag_ == "POS":
        return tokens  # "said Tuesday's vote …": the date belongs to the clause's subject
    return [token for token in tokens if token.i > end]


def find_joined_clause(cue, tokens: list) -> list:
    """ "She said the plan works, but the vote failed": a clause with its own subject that the parser
    joins to the cue right after its reported clause goes on with what is reported."""
    joined = next((child for child in cue.rights if child.dep_ == "conj" and child.i > tokens[-1].i), None)
    if joined is None or not has_own_subject(joined):
        return []  # no clause, or the speaker's next act ("… and left")
    between = cue.doc[tokens[-1].i + 1 : joined.left_edge.i]
    if any(token.dep_ not in ("cc", "punct") for token in between):
        return []
    # "… and added", "… but she did not say when" are new statements; "… but the board refused"
    # still answers the first one
    contrast = any(token.lower_ == "but" for token in between) and not has_pronoun_subject(joined)
    if is_cue_verb(joined) and (not contrast or verb_base(joined) in STATEMENT_CUES):
        return []
    return list(cue.doc[tokens[-1].i + 1 : joined.right_edge.i + 1])


def find_but_part(cue, tokens: list) -> list:
    """ "She said the goal was not to close the port but to open it": the "but" part of a "not … but …"
    in the reported clause, which the parser hangs on the cue."""
    if not any(token.dep_ == "neg" for token in tokens):
        return []
    following = [token for token in cue.doc[tokens[-1].i + 1 : cue.sent.end] if token.text != ","]
    if not following or following[0].lower_ != "but" or following[0].head != cue:
        return []
    part = next((child for child in cue.rights if child.i > following[0].i), None)
    if part is None or part.dep_ not in ("conj", "advcl", "xcomp", "ccomp"):
        return []
    if has_own_subject(part) and not any(child.dep_ == "mark" for child in part.children):
        return []  # "… not yet, but she said …": a clause of its own, not the other half
    return list(cue.doc[tokens[-1].i + 1 : part.right_edge.i + 1])


def has_own_subject(verb) -> bool:
    """Whether a verb heads a clause with a subject of its own."""
    return any(child.dep_ in SUBJECT_DEPS for child in verb.children)


def has_pronoun_subject(verb) -> bool:
    """ "… but she also warned": a pronoun subject is mostly the speaker, going on to a new act."""
    return any(child.dep_ in SUBJECT_DEPS and child.tag_ == "PRP" for child in verb.children)


def is_cue_particle(first, part) -> bool:
    """A preposition that opens a complement right after its verb, or the "for" the parser makes the
    mark of a clause ("called for the allies to act"): in both it is a particle of the cue. Not the
    "as" after a relative object, which opens what the object is said to be ("which she described as
    a disaster")."""
    if part.dep_ == "prep":
        return first == part and not (first.lower_ == "as" and part.head.dep_ == "relcl")
    return first.dep_ == "mark" and first.lower_ == "for"


def find_gap(tokens: list, cue) -> tuple[int, int] | None:
    """The characters of the cue's phrase when the content runs on both sides of it, else None."""
    if not tokens or not tokens[0].i < cue.i < tokens[-1].i:
        return None
    inside = {token.i for token in tokens}
    missing = [i for i in range(tokens[0].i, tokens[-1].i + 1) if i not in inside]
    if cue.i not in missing:
        return None  # "the talks are expected by X to fail": the cue is inside the words reported
    return char_range(cue.doc[missing[0]], cue.doc[missing[-1]])


def char_range(first, last) -> tuple[int, int]:
    """The characters from token `first` through token `last`."""
    return first.idx, last.idx + len(last)


def with_raised_subject(cue, tokens: list) -> list:
    """ "The plan seems to work", "the talks are expected to fail": a raising verb says something of
    its subject, so what it attributes is the subject with the complement (the verb a gap between).
    Not so when a clause is reported ("it appears that …", "she seemed to imply that …")."""
    raising = cue.lower_ in RAISING_VERBS or (verb_base(cue) == "expect" and is_expletive(cue))
    subject = next((child for child in cue.lefts if child.dep_ in ("nsubj", "nsubjpass")), None)
    if not tokens or not raising or subject is None or tokens[0].i < cue.i:
        return tokens
    if any(token.dep_ == "ccomp" for token in tokens):
        return tokens
    return list(subject.subtree) + tokens


def with_relative_pronoun(cue, tokens: list) -> list:
    """ "the port, which he describes as a lifeline": the relative pronoun stands for what the
    cue says something of, so it goes with the complement (the speaker and cue a gap between)."""
    if cue.dep_ != "relcl" or not tokens or tokens[0].i < cue.i:
        return tokens
    pronoun = next(
        (c for c in cue.lefts if c.dep_ in ("dobj", "nsubjpass") and c.tag_ in RELATIVE_TAGS), None
    )
    return tokens if pronoun is None else [pronoun, *tokens]


def find_relative_object(cue) -> list:
    """ "the plan, which she criticized": a cue in a relative clause whose object is the relative
    pronoun attributes the pronoun, which stands for what the clause is about."""
    if cue.dep_ != "relcl":
        return []
    return [child for child in cue.lefts if child.dep_ == "dobj" and child.tag_ in RELATIVE_TAGS][:1]


def cut_statement_tail(tokens: list) -> list:
    """A cue's content without what the parser hangs on its end but the cue does not report: the
    writer's relative-clause asides (", who leads the union") and the speaker's next statement."""
    while tokens:
        aside = next((token for token in tokens if is_trailing_aside(token, tokens[-1])), None)
        if aside is None:
            break
        tokens = before(tokens, aside)
    occasion = next((token for token in tokens[1:] if is_saying_occasion(token, tokens[-1])), None)
    if occasion is not None:
        tokens = [token for token in tokens if token.i < occasion.left_edge.i]
    second = next((token for token in tokens[1:] if is_second_statement(token)), None)
    return tokens if second is None else before(tokens, second)


def before(tokens: list, part) -> list:
    """The tokens before a part of them and the comma or conjunction that joins it on."""
    return [token for token in tokens if token.i < part.left_edge.i - 1]


def is_second_statement(token) -> bool:
    """ "He says he respects her and calls her …", "… , saying …": a speech verb with no subject of
    its own, joined to the reported clause by the parser (as a conjunct or a participle), is the
    speaker's next statement, not part of this one."""
    return (
        (token.dep_ == "conj" or (token.dep_ == "advcl" and token.tag_ == "VBG"))
        and is_cue_verb(token)
        and find_nearest_subject(token) is None
        and not any(child.dep_ == "nsubjpass" for child in token.children)
    )


def is_saying_occasion(token, last) -> bool:
    """ "… in an interview with the radio", "… on social media": a phrase ending the content that
    says where the words were said, which the parser hangs on the reported clause, not on the cue."""
    if token.dep_ != "prep" or token.lower_ not in OCCASION_PREPOSITIONS or token.right_edge.i < last.i:
        return False
    return any(child.dep_ == "pobj" and noun_in(child, OCCASION_NOUNS) for child in token.children)


def is_trailing_aside(token, last) -> bool:
    """A relative clause that ends the content, set off by a comma or a dash, or an apposition set
    off by a comma (", a former mayor"): the writer explaining. An apposition after a dash or a colon
    ("… one issue: housing") is what the speaker names, so it stays."""
    start = token.left_edge.i
    if token.right_edge.i < last.i or start == 0:
        return False
    mark = token.doc[start - 1].text
    return (token.dep_ == "relcl" and mark in ASIDE_MARKS) or (mark == "," and is_described_aside(token))


def is_described_aside(token) -> bool:
    """An apposition that describes with a noun phrase of its own (", a former mayor", ", the
    party's nominee"); the parser also reads the next items of a list as appositions (", Ana and
    Luis"), which open with no article or hold a conjunction."""
    return (
        token.dep_ == "appos"
        and token.left_edge.lower_ in ("a", "an", "the")
        and not any(child.dep_ == "conj" for child in token.children)
    )


def find_passive_content(cue) -> list:
    """What a passive cue attributes: its subject ("the meeting was reported by X"), with the clause
    when the subject is raised ("the talks are expected by X to fail"), or the noun it describes
    ("an option seen by X as a lifeboat")."""
    subject = next((child for child in cue.children if child.dep_ == "nsubjpass"), None)
    if subject is None:
        return list(cue.head.subtree) if cue.dep_ == "acl" else []
    raised = next((child for child in cue.children if child.dep_ in ("xcomp", "oprd")), None)
    end = raised.right_edge.i if raised is not None else subject.right_edge.i
    return list(cue.doc[subject.left_edge.i : end + 1])


def is_date_object(prep) -> bool:
    """ "on Tuesday", but not "on night flights": the object itself is a date or time."""
    return any(child.dep_ == "pobj" and child.ent_type_ in ("DATE", "TIME") for child in prep.children)


def is_complement(child) -> bool:
    """Whether a dependent on the right of a stance verb is part of what is attributed."""
    if child.dep_ in COMPLEMENT_DEPS:
        return child.ent_type_ not in ("DATE", "TIME")  # "promised Sunday to …": when, not what
    if child.dep_ == "prep":
        return is_content_prep(child) or is_by_name(child)
    if child.lower_ in PRO_CLAUSES:
        return True  # "said so", "said no": the word stands for the clause
    # "pushed for …", "vowed to …", and the question of "asked if …", which the parser hangs as a condition
    return child.dep_ == "advcl" and child.left_edge.lower_ in ("for", "to", "if", "whether")


def is_by_name(prep) -> bool:
    """ "did not mention her rival by name": how the object is named is part of what is said of it."""
    return prep.lower_ == "by" and any(
        child.dep_ == "pobj" and child.lower_ == "name" for child in prep.children
    )


def is_stance_adjective(token) -> bool:
    """ "X is wary of …", "X was quick to …", "voters wary of …": an adjective after "be" or after its noun
    that holds a view of what it governs."""
    use = token.dep_ == "acomp" or (token.dep_ == "amod" and describes_noun(token))
    return token.tag_ == "JJ" and use and token.lower_ in STANCE_ADJECTIVES


def describes_noun(token) -> bool:
    """A clause or an adjective after a noun that describes it ("a group backing …", "voters wary of …"):
    the noun is its subject."""
    after_noun = token.dep_ == "amod" and token.head.i < token.i
    return (token.dep_ in ("acl", "relcl") or after_noun) and is_noun(token.head)


def quoted_characters(text: str, spans: list[QuoteSpan]) -> bytearray:
    """A flag per character of `text` (and one past its end): 1 inside an outer quotation, marks included.
    One look-up per token, where asking every quotation whether it holds the token grew with their number."""
    flags = bytearray(len(text) + 1)
    for span in spans:
        if not span.nested:
            flags[span.start : span.end] = b"\x01" * (span.end - span.start)
    return flags


def is_framing_verb(token) -> bool:
    """A full verb (not "be", "have" or an auxiliary) that can frame a quotation it touches."""
    return (
        token.tag_.startswith("VB")
        and token.dep_ not in ("aux", "auxpass")
        and token.lower_ not in NOT_FRAMING
    )


def is_content_prep(child) -> bool:
    """ "assured of winning", "known as the Fixer": a preposition carrying what a passive cue reports."""
    return child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS and not is_date_object(child)


def is_expletive(cue) -> bool:
    """ "It is said that …": no speaker."""
    return any(child.dep_ == "auxpass" for child in cue.children)


def unify_speakers(quotes: list[Quote], persons: set[str], bodies: set[str], text: str) -> list[Quote]:
    """One canonical name per speaker: the fullest of the names the article uses for them."""
    speakers = {quote.speaker for quote in quotes if quote.speaker}
    names = speakers | persons | bodies
    canonical = {name: find_fullest(name, names, persons, text) for name in speakers}
    return [replace_speaker(quote, canonical) for quote in quotes]


def find_fullest(name: str, names: set[str], persons: set[str], text: str) -> str:
    longer = [other for other in names if extends_name(name, other)]
    longer += full_names_of(name, persons, text)
    return longest(longer) if longer else name


def replace_speaker(quote: Quote, canonical: dict[str, str]) -> Quote:
    if not quote.speaker or canonical.get(quote.speaker, quote.speaker) == quote.speaker:
        return quote
    return replace(quote, speaker=canonical[quote.speaker])


def extract_quotes(doc, article: Article) -> tuple[Quote, ...]:
    """All quotes of an article, in text order."""
    quotes = QuoteFinder(doc, article).find()
    return tuple(sorted(quotes, key=lambda quote: quote.content_span or (0, 0)))
