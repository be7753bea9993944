from storyline.brief.concepts import concept_worth, concepts_of


def test_concepts_are_stemmed_word_pairs_without_stop_word_pairs():
    assert concepts_of("Protesters marched to the port") == {
        ("prote", "march"),
        ("march", "to"),
        ("the", "port"),
    }
    assert concepts_of("protester marches") == {("prote", "march")}


def test_a_concept_is_worth_the_sources_using_it_and_nothing_used_once():
    pair = ("dock", "strik")
    worth = concept_worth([{pair}, {pair, ("ship", "wait")}, {pair}], ["a1", "a2", "a2"])
    assert worth == {pair: 2}


def test_in_a_lone_source_a_concept_is_worth_its_uses():
    pair = ("dock", "strik")
    assert concept_worth([{pair}, {pair}], ["a1", "a1"]) == {pair: 2}
