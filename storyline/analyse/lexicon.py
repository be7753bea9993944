"""Word lists the analyse stage matches against: generic English, never tied to one story."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A set from a whitespace-separated list (easier to read and edit than quoted items)."""
    return frozenset(words.split())


# Verbs that introduce speech next to a quotation ("X noted, “…”", "“…,” X added").
QUOTE_CUES = word_set(
    """
    say tell state add note claim emphasize emphasise stress insist argue warn explain declare
    announce mention remark assert acknowledge admit deny reiterate write reply respond comment
    conclude suggest contend maintain report confirm indicate predict promise allege observe
    caution ask answer continue urge call describe accuse criticize criticise condemn vow pledge
    recall tweet post charge complain concede counter demand lament praise question retort
    signal stress underline underscore highlight point"""
)

# Verbs whose clause is reported speech or a reported belief ("X said that …", "X thinks …",
# "the poll shows …"); narrower than QUOTE_CUES because "call", "describe", "urge" take no such clause.
REPORT_CUES = word_set(
    """
    say tell state add note claim emphasize emphasise stress insist argue warn explain declare
    announce mention remark assert acknowledge admit deny reiterate write reply respond comment
    conclude suggest contend maintain report confirm indicate predict promise allege observe
    caution vow pledge recall tweet post charge complain concede counter lament retort signal
    underline underscore highlight point think believe know feel fear hope expect find show
    reveal estimate learn hear see agree doubt worry realize realise understand recognize
    recognise assume guess wonder prove demonstrate determine discover decide imply hint boast
    brag joke quip testify swear assure inform remind advise speculate forecast project reckon
    mean read ask question suspect rule threaten"""
)

# Verbs that take a stance on what follows them, whose object, infinitive or prepositional
# complement is what is attributed ("X criticized the plan", "X wants to win", "X called for …").
STANCE_CUES = word_set(
    """
    want plan intend refuse decline promise pledge vow threaten seek aim try hope expect agree
    urge call criticize criticise accuse blame praise support oppose back endorse reject dismiss
    deny defend attack slam blast condemn denounce cite mention describe question challenge demand
    propose recommend welcome applaud thank mock ridicule dispute fault credit hail favor favour
    prefer tout discuss address acknowledge highlight warn ask announce reference label dub brand
    decry lambast chide rebuke scold fault push press vote predict estimate disclose reveal"""
)

# Adjectives of a stance after "be", whose clause or prepositional object is the view held ("X is
# skeptical of …", "X was eager to …", "X is confident that …").
STANCE_ADJECTIVES = word_set(
    """
    eager quick hopeful confident worried angry skeptical sceptical supportive reluctant enamored
    inclined wary outspoken keen upset vocal adamant convinced leery critical optimistic pessimistic
    dismissive doubtful unhappy frustrated furious hesitant"""
)

# Cues whose reported clause is a statement even without "that" ("X said the talks failed").
STATEMENT_CUES = word_set("say tell state add according")

# Stance verbs by direction, for perspectives: what the actor does to the target.
AGAINST = word_set(
    """
    oppose criticize criticise condemn accuse attack slam blast reject denounce blame deny dispute
    challenge mock ridicule decry lambast rebuke scold chide fault warn threaten dismiss question
    protest sanction punish accuse undermine provoke"""
)
FOR = word_set(
    """
    support praise welcome back endorse applaud thank hail credit favor favour agree defend
    commend congratulate embrace cooperate"""
)

# Nouns for documents that "speak" on behalf of whoever issued them.
DOCUMENT_NOUNS = word_set(
    """
    statement communique communiqué declaration release report letter readout memo memorandum
    resolution note notice document text transcript"""
)

# Sources that are no name and no document, as headlines label them ("Poll: …", "Officials: …").
SOURCE_NOUNS = word_set("poll survey study newspaper source official expert analyst witness")

# Verbs by which a body issues a document ("X issued a statement").
ISSUE_VERBS = word_set("issue release publish adopt make sign send circulate put")

# Gatherings: a document "issued at X's summit" belongs to X, since a summit does not speak.
GATHERING_NOUNS = word_set("summit meeting conference session congress assembly forum talks")

# Heads that are never the speaker of what a text quotes (the interviewer, the question itself).
NON_SPEAKERS = word_set(
    """
    journalist journalists reporter reporters question questions interviewer correspondent
    host moderator translation translations transcript anchor"""
)

PERSON_PRONOUNS = word_set("he she him her")
GROUP_PRONOUNS = word_set("it they them we its their")

# Words that make up a title or a role before a name ("Prime Minister", "spokesperson").
TITLE_WORDS = word_set(
    """
    president vice prime minister secretary general spokesperson spokesman spokeswoman
    chancellor senator sen. rep. representative governor mayor king queen prince princess
    ambassador chairman chairwoman chair director chief executive ceo cfo dr dr. mr mr. mrs mrs.
    ms ms. prof prof. professor gen. col. lt. captain capt. judge justice pope premier deputy
    envoy commissioner leader foreign defence defense interior finance state head former acting
    lord lady sir sheikh emir general-secretary secretary-general speaker commander admiral
    sergeant officer official spokesperson's president-elect"""
)

# Role nouns a pronoun "he"/"she" may stand for, so a role speaker counts as a person.
PERSON_ROLES = word_set(
    """
    spokesperson spokesman spokeswoman representative official minister president secretary
    ambassador envoy diplomat leader chief director chairman chairwoman general premier
    chancellor senator governor mayor commissioner adviser advisor aide analyst expert
    officer lawmaker"""
)

# A generic alias table: names for countries and unions that a text may use interchangeably.
ALIASES = {
    "dprk": "North Korea",
    "democratic people's republic of korea": "North Korea",
    "rok": "South Korea",
    "republic of korea": "South Korea",
    "prc": "China",
    "people's republic of china": "China",
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "eu": "European Union",
    "e.u.": "European Union",
    "un": "United Nations",
    "u.n.": "United Nations",
    "uae": "United Arab Emirates",
    "russian federation": "Russia",
    "roc": "Taiwan",
    "republic of china": "Taiwan",
    "the netherlands": "Netherlands",
    "holland": "Netherlands",
}

ENTITY_LABELS = word_set("PERSON ORG GPE NORP LOC FAC EVENT")

# Nouns naming something said or held, whose clause is what is attributed ("her claim that …",
# "his promise to …"); a possessive or "from"/"by" phrase names the source.
CLAIM_NOUNS = word_set(
    """
    statement claim assertion suggestion argument contention insistence view belief warning
    promise pledge vow call demand allegation accusation announcement remark comment complaint
    proposal concern hope fear admission denial threat request plea prediction boast
    acknowledgment acknowledgement declaration message assurance conviction suspicion"""
)
