from storyline.analyse.perspectives import find_perspectives
from storyline.records import Perspective, Quote


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
