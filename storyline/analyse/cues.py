"""Whether a verb outside quotation marks attributes something: a small logistic model over the verb's
form and its place in the parse, learned on news text by bench/attribution_train.py.

A list of speech verbs misses the long tail of attributions ("X hailed …", "X balked at …") and takes
every "want" and "think" the same, though a first person or a question changes what they do. The model
weighs the verb form together with its subject, dependents and role in the sentence.
"""

from __future__ import annotations

from storyline.analyse.cue_model import BIAS, WEIGHTS
from storyline.analyse.lexicon import AGAINST, FOR, PERSON_ROLES, REPORT_CUES, STANCE_CUES
from storyline.analyse.mentions import find_nearest_subject
from storyline.analyse.words import is_proper, noun_in, verb_base

# Dependents whose presence says how a verb is used ("said that …", "wants to …", "was reported by …").
TELLING_CHILDREN = frozenset("ccomp xcomp dobj agent prep neg nsubjpass mark advmod dative oprd".split())
# Dependents whose own word tells the use: "made comments", "expressed support", "spoke about".
WORD_CHILDREN = ("dobj", "prep")
# The word feature of every verb form too rare in the training news to have a weight of its own.
RARE_FORM = "w=<rare>"
# Verbs that take a stance, with those of support or opposition ("congratulated", "commended").
STANCE_VERBS = STANCE_CUES | FOR | AGAINST
# Links by which a verb hangs on another that frames it ("wants to back", "said she backs", "by backing").
GOVERNED_DEPS = frozenset("xcomp ccomp advcl conj pcomp".split())
# Endings stripped, longest first, so "praised", "praises" and "praising" give "prais".
STEM_ENDINGS = ("ing", "ed", "es", "s", "e")
# Score above which a verb is taken as a cue (a logit; 0 is even odds), tuned on held-out train articles.
MIN_SCORE = -0.5


def cue_features(token) -> list[str]:
    """The features of one verb token, as names (each present feature counts once); the word comes first."""
    subject = find_nearest_subject(token)
    stem = crude_stem(token.lower_)
    features = [f"w={token.lower_}", f"stem={stem}", f"lexicon={lexicon_class(token)}"]
    features += [f"dep={token.dep_}", f"tag={token.tag_}", f"subj={subject_class(subject)}"]
    children = list(token.children)
    features += sorted({f"child={child.dep_}" for child in children if child.dep_ in TELLING_CHILDREN})
    features += sorted({f"{c.dep_}={word_class(c)}" for c in children if c.dep_ in WORD_CHILDREN})
    # A verb inside a relative or adverbial clause often only describes ("those who said …").
    if token.dep_ != "ROOT":
        features.append(f"head_dep={token.head.dep_}")
    features += governor_features(token)
    # The verb with its particle or preposition: "voted for", "took aim at", "backed away from".
    features += sorted({f"phrase={stem}+{c.lower_}" for c in children if c.dep_ in ("prep", "prt")})
    # A person or a body speaks; a date or an amount as subject seldom does.
    if subject is not None and subject.ent_type_:
        features.append(f"subj_ent={subject.ent_type_}")
    if subject is not None and noun_in(subject, PERSON_ROLES):
        features.append("subj_role")
    if is_inverted(token, subject, children):
        features.append("inverted")
    # A verb inside what a report or stance verb governs is mostly part of that statement, seldom a
    # second attribution of its own ("she said those who objected would lose").
    features += sorted({f"under={lexicon_class(a)}" for a in token.ancestors} - {"under=none"})
    if any(word.text == "?" for word in token.sent[-2:]):
        features.append("question")
    return features


def governor_features(token) -> list[str]:
    """The word that frames the verb, with the link: "want to back" attributes a stance, "said she
    backs" makes the verb part of what is said, "by backing" rides on another act."""
    head = token.head
    if token.dep_ not in GOVERNED_DEPS or not head.text.islower() or head.ent_type_:
        return []
    return [f"gov={token.dep_}:{crude_stem(head.lower_)}"]


def is_inverted(token, subject, children) -> bool:
    """ "…, fundraising documents show.": a subject and verb after a comma, with no clause or object of
    their own, follow what they report, however the parser hangs them."""
    if subject is None or subject.i > token.i or subject.left_edge.i == 0:
        return False
    before = token.doc[subject.left_edge.i - 1]
    return before.text == "," and not any(child.dep_ in ("ccomp", "dobj", "xcomp") for child in children)


def crude_stem(word: str) -> str:
    """A verb form without its ending, so that the forms of one verb share a weight."""
    for ending in STEM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def word_class(token) -> str:
    """A dependent's word, with names and numbers as classes: a weight is never tied to one person."""
    if is_proper(token):
        return "<name>"
    return "<number>" if token.tag_ == "CD" else token.lower_


def lexicon_class(token) -> str:
    """Which hand-written list the verb is in: what the model falls back on for a form it never saw."""
    base = verb_base(token)
    return "report" if base in REPORT_CUES else "stance" if base in STANCE_VERBS else "none"


def subject_class(subject) -> str:
    """The kind of a verb's subject: the pronoun itself, a name, another noun phrase or none."""
    if subject is None:
        return "none"
    if subject.tag_ in ("PRP", "WP", "DT", "EX"):
        return subject.lower_
    return "name" if is_proper(subject) else "noun"


def cue_score(token) -> float:
    """The model's logit that a verb token is an attribution cue."""
    word, *context = cue_features(token)
    return BIAS + WEIGHTS.get(word, WEIGHTS.get(RARE_FORM, 0.0)) + sum(WEIGHTS.get(f, 0.0) for f in context)


def is_cue_verb(token) -> bool:
    return token.tag_.startswith("VB") and cue_score(token) > MIN_SCORE
