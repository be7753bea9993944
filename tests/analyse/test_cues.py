"""The cue model's features and the complement rules, on hand-built parses (no model needed)."""

import spacy
from spacy.tokens import Doc, Span

from storyline.analyse.cues import crude_stem, cue_features, is_cue_verb, subject_class
from storyline.analyse.mentions import find_nearest_subject
from storyline.analyse.quotes import find_complement, find_passive_agent, find_subject

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case), with no model


def parse(words: str, heads: list[int], deps: str, tags: str) -> Doc:
    return Doc(VOCAB, words=words.split(), heads=heads, deps=deps.split(), tags=tags.split())


def said_twice() -> Doc:
    """ "Prices rose , she said they will fall": a clause before the cue and one after it."""
    return parse(
        "Prices rose , she said they will fall",
        [1, 4, 4, 4, 4, 7, 7, 4],
        "nsubj ccomp punct nsubj ROOT nsubj aux ccomp",
        "NNS VBD , PRP VBD PRP MD VB",
    )


def test_the_clause_after_the_cue_is_its_content():
    doc = said_twice()
    assert [token.text for token in find_complement(doc[4])] == ["they", "will", "fall"]


def test_features_name_the_form_first_then_its_use():
    features = cue_features(said_twice()[4])
    assert features[0] == "w=said"
    assert {"subj=she", "child=ccomp", "dep=ROOT", "lexicon=report"} <= set(features)


def test_a_speech_verb_with_a_clause_is_a_cue():
    assert is_cue_verb(said_twice()[4])


def test_a_subject_is_classed_as_name_noun_pronoun_or_none():
    doc = parse(
        "Ana Ruiz left and prices fell",
        [1, 2, 2, 2, 5, 2],
        "compound nsubj ROOT cc nsubj conj",
        "NNP NNP VBD CC NNS VBD",
    )
    subject_of = find_nearest_subject
    assert (subject_class(subject_of(doc[2])), subject_class(subject_of(doc[5]))) == ("name", "noun")
    assert subject_class(subject_of(said_twice()[4])) == "she"


def test_a_passive_agent_is_found_through_by():
    doc = parse(
        "The plan was praised by Ana",
        [1, 3, 3, 3, 3, 4],
        "det nsubjpass auxpass ROOT agent pobj",
        "DT NN VBD VBN IN NNP",
    )
    assert find_passive_agent(doc[3]).text == "Ana"
    assert [token.text for token in find_complement(doc[3])] == ["The", "plan"]


def test_features_name_the_clause_a_verb_hangs_on_and_its_subjects_entity():
    doc = said_twice()
    doc.ents = [Span(doc, 3, 4, label="PERSON")]  # "she", as an entity for the test
    assert "head_dep=ROOT" in cue_features(doc[1])
    assert not any(feature.startswith("subj_ent=") for feature in cue_features(doc[1]))
    assert "subj_ent=PERSON" in cue_features(doc[4])


def test_a_verb_inside_what_a_speech_verb_reports_is_marked_as_such():
    doc = said_twice()
    assert "under=report" in cue_features(doc[7])  # "fall", in what "said" reports
    assert not any(feature.startswith("under=") for feature in cue_features(doc[4]))


def test_the_subject_of_an_adjective_phrase_speaks_for_its_verb():
    doc = parse(
        "Voters are likely to say prices rose",
        [1, 1, 1, 4, 2, 6, 4],
        "nsubj ROOT acomp aux xcomp nsubj ccomp",
        "NNS VBP JJ TO VB NNS VBD",
    )
    assert find_subject(doc[4]).text == "Voters"


def test_the_forms_of_one_verb_share_a_stem_feature():
    assert {crude_stem(form) for form in ("praise", "praised", "praises", "praising")} == {"prais"}
    doc = parse("She praised it", [1, 1, 1], "nsubj ROOT dobj", "PRP VBD PRP")
    assert "stem=prais" in cue_features(doc[1])


def test_a_verb_of_support_or_opposition_is_a_stance_verb():
    doc = parse("She congratulated him", [1, 1, 1], "nsubj ROOT dobj", "PRP VBD PRP")
    assert "lexicon=stance" in cue_features(doc[1])


def test_a_role_noun_as_subject_is_a_feature():
    doc = parse("The spokesman denied it", [1, 2, 2, 2], "det nsubj ROOT dobj", "DT NN VBD PRP")
    assert "subj_role" in cue_features(doc[2])


def test_a_subject_and_verb_after_a_comma_are_inverted():
    doc = parse(
        "Costs rose , records show", [1, 1, 1, 4, 1], "nsubj ROOT punct nsubj ccomp", "NNS VBD , NNS VBP"
    )
    assert "inverted" in cue_features(doc[4])
    assert "inverted" not in cue_features(doc[1])


def test_the_verb_a_verb_hangs_on_is_a_feature_with_the_link():
    doc = parse("She wants to back him", [1, 1, 3, 1, 3], "nsubj ROOT aux xcomp dobj", "PRP VBZ TO VB PRP")
    assert "gov=xcomp:want" in cue_features(doc[3])
    assert not any(feature.startswith("gov=") for feature in cue_features(doc[1]))


def test_a_verb_and_its_preposition_make_a_phrase_feature():
    doc = parse("She voted for him", [1, 1, 1, 2], "nsubj ROOT prep pobj", "PRP VBD IN PRP")
    assert "phrase=vot+for" in cue_features(doc[1])


def test_a_subject_is_found_across_a_loose_dep_link():
    doc = parse(
        "Sources close to talks say costs rose",
        [1, 1, 1, 2, 1, 6, 4],
        "nsubj ROOT prep pobj dep nsubj ccomp",
        "NNS VBP IN NNS VBP NNS VBD",
    )
    assert find_subject(doc[4]).text == "Sources"
