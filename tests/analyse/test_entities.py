import pytest

from storyline.analyse.entities import find_canonical
from tests.analyse.conftest import make_article

pytestmark = pytest.mark.slow


def entities_of(text: str) -> dict[str, tuple[str, int]]:
    from storyline.analyse import analyse

    return {entity.name: (entity.label, entity.count) for entity in analyse(make_article(text)).entities}


def test_surname_merges_under_the_full_name():
    entities = entities_of("Maria Castell met David Orwin in Oslo on Monday. Castell said she was pleased.")
    assert entities["Maria Castell"] == ("PERSON", 2)
    assert "Castell" not in entities


def test_titles_are_stripped_from_person_entities():
    entities = entities_of(
        "Maria Castell met David Orwin in Oslo on Monday. Later, Mrs. Castell flew to Rome."
    )
    assert entities["Maria Castell"] == ("PERSON", 2)


def test_article_and_possessive_are_stripped():
    entities = entities_of("The United Nations met in Geneva. Peru's envoy spoke at the United Nations.")
    assert entities["United Nations"][1] == 2
    assert "Peru" in entities


def test_country_aliases_merge():
    entities = entities_of("The DPRK fired a missile. North Korea said the test was a success.")
    assert entities["North Korea"][1] == 2


def test_acronym_merges_with_its_full_name():
    entities = entities_of(
        "The World Health Organization (WHO) warned on Monday. The WHO said cases were rising in Peru."
    )
    names = [name for name in entities if name in ("WHO", "World Health Organization")]
    assert len(names) == 1
    assert entities[names[0]][1] >= 2


def test_only_named_entity_labels_are_kept():
    entities = entities_of("Maria Castell paid 300 dollars on Monday in Oslo.")
    assert set(entities) == {"Maria Castell", "Oslo"}


def test_a_surname_two_persons_share_merges_into_the_one_mentioned_more_whatever_order_they_come_in():
    # The names come from a set, whose order changes with the process's hash seed.
    for counts in ({"Dario Pell": 1, "Gerta Pell": 2}, {"Gerta Pell": 2, "Dario Pell": 1}):
        assert find_canonical("Pell", list(counts), counts) == "gerta pell"


def test_a_surname_two_persons_share_as_often_merges_by_their_names_whatever_order_they_come_in():
    for counts in ({"Dario Pell": 1, "Gerta Pell": 1}, {"Gerta Pell": 1, "Dario Pell": 1}):
        assert find_canonical("Pell", list(counts), counts) == "dario pell"


def test_an_acronym_of_two_names_merges_the_same_way_whatever_order_they_come_in():
    names = ["World Health Organization", "World Heritage Organisation", "WHO"]
    assert find_canonical("WHO", names, {}) == find_canonical("WHO", names[::-1], {})
