from storyline.analyse.words import inflect, verb_forms


def test_inflect_regular_and_irregular_verbs():
    assert {"said", "says", "saying"} <= inflect("say")
    assert {"noted", "notes", "noting"} <= inflect("note")
    assert {"denied", "denies"} <= inflect("deny")
    assert {"admitted", "admitting"} <= inflect("admit")


def test_verb_forms_map_back_to_base():
    assert verb_forms()["emphasized"] == "emphasize"
    assert verb_forms()["told"] == "tell"
