from storyline.analyse.perspectives import find_perspectives
from storyline.records import Perspective, Quote
from tests.conftest import outputs_under_hash_seeds


def make_quote(speaker: str, cue: str, text: str, span=(0, 10)) -> Quote:
    return Quote(article_id="a1", speaker=speaker, text=text, cue=cue, kind="reported", content_span=span)


def test_a_stance_cue_gives_the_actor_its_target():
    quote = make_quote("Ruritania", "condemned", "the Harbour League's blockade")
    assert find_perspectives([quote], ["Harbour League", "Ruritania"]) == (
        Perspective("Ruritania", "condemn", "Harbour League", -1, (("a1", (0, 10)),)),
    )


def test_a_stance_verb_inside_what_was_said_counts():
    quote = make_quote("Ana Veltri", "said", "we firmly support the Harbour League in this dispute")
    [found] = find_perspectives([quote], ["Harbour League"])
    assert (found.actor, found.action, found.target, found.stance) == (
        "Ana Veltri",
        "support",
        "Harbour League",
        1,
    )


def test_a_subject_named_in_the_quote_is_the_actor():
    quote = make_quote("Harbour League", "said", "Ruritania's policies challenge the Harbour League")
    [found] = find_perspectives([quote], ["Ruritania", "Harbour League"])
    assert (found.actor, found.target) == ("Ruritania", "Harbour League")


def test_same_position_from_two_quotes_is_one_record():
    quotes = [
        make_quote("Ruritania", "criticized", "the Harbour League", (0, 18)),
        make_quote("Ruritania", "criticised", "the Harbour League again", (40, 64)),
    ]
    [found] = find_perspectives(quotes, ["Harbour League"])
    assert found.quotes == (("a1", (0, 18)), ("a1", (40, 64)))


def test_no_target_no_record():
    assert find_perspectives([make_quote("Ruritania", "said", "prices will fall")], ["Harbour League"]) == ()


def stance_of_said(text: str, names: list[str]) -> tuple[str, str, str] | None:
    found = find_perspectives([make_quote("Ana Veltri", "said", text)], names)
    return (found[0].actor, found[0].action, found[0].target) if found else None


def test_a_stance_word_after_a_determiner_is_a_noun():
    assert (
        stance_of_said("Ruritania does not pose a challenge to the Harbour League", ["Harbour League"])
        is None
    )


def test_a_negated_stance_verb_is_no_position():
    assert (
        stance_of_said("Ruritania refused to condemn the Harbour League", ["Ruritania", "Harbour League"])
        is None
    )


def test_a_passive_stance_verb_gives_the_agent_the_stance():
    found = stance_of_said("the Harbour League was criticized by Ruritania", ["Ruritania", "Harbour League"])
    assert found == ("Ruritania", "criticize", "Harbour League")


def test_a_passive_stance_towards_a_thing_is_no_record():
    assert (
        stance_of_said(
            "a plan rejected by Ruritania and backed by the Harbour League", ["Ruritania", "Harbour League"]
        )
        is None
    )


def test_the_target_is_named_in_the_verbs_clause():
    text = "Ruritania's fleets challenge our interests. Later the Harbour League met"
    assert stance_of_said(text, ["Ruritania", "Harbour League"]) is None


def test_a_participle_clause_keeps_its_own_object():
    text = "Ruritania was challenging the old order, threatening the Harbour League"
    assert stance_of_said(text, ["Ruritania", "Harbour League"]) is None


def test_a_stance_word_opening_what_was_said_is_a_noun():
    # "answered questions about Ruritania's budget": the questions are the object, not a stance.
    assert stance_of_said("questions about Ruritania's budget", ["Ruritania"]) is None


def test_a_subject_that_is_no_actor_is_not_the_speaker():
    # Said by Ana Veltri: the stance is the storm's, not hers.
    assert stance_of_said("the storm threatened the Harbour League", ["Harbour League"]) is None


def test_no_longer_negates_a_stance():
    assert (
        stance_of_said("Ruritania no longer opposes the Harbour League", ["Ruritania", "Harbour League"])
        is None
    )


def test_a_negated_cue_takes_no_stance():
    text = "The council did not criticize the Harbour League."
    quote = Quote(article_id="a1", speaker="council", text="the Harbour League", cue="criticize",
                  kind="reported", cue_span=(20, 29), content_span=(30, 48))  # fmt: skip
    assert find_perspectives([quote], ["Harbour League"]) != ()
    assert find_perspectives([quote], ["Harbour League"], {"a1": text}) == ()


def test_refraining_from_a_stance_is_no_stance():
    assert (
        stance_of_said(
            "Ruritania is refraining from condemning the Harbour League", ["Ruritania", "Harbour League"]
        )
        is None
    )


def test_a_target_spelt_two_ways_is_the_same_in_every_process():
    # The actors are a set inside, whose order changes with the process's hash seed.
    code = """
from storyline.analyse.perspectives import find_perspectives
from storyline.records import Quote
quote = Quote("a1", "Ana Veltri", "the Harbour league and its blockade", "condemned", "reported",
              content_span=(0, 10))
print(find_perspectives([quote], ["Harbour League", "Harbour league"])[0].target)
"""
    assert outputs_under_hash_seeds(code) == {"Harbour League\n"}
