from storyline.analyse.names import (
    acronym_of,
    apply_alias,
    clean_name,
    extends_name,
    given_names,
    is_surname_of,
    longest,
    strip_titles,
)


def test_clean_name_strips_article_and_possessive():
    assert clean_name("the Alliance’s") == "Alliance"
    assert clean_name("The Harbour Authority's") == "Harbour Authority"


def test_clean_name_drops_bracketed_acronym():
    assert clean_name("the Coastal Union (CU)") == "Coastal Union"


def test_strip_titles_before_a_person_name():
    assert strip_titles("Prime Minister Ana Veltri") == "Ana Veltri"
    assert strip_titles("Brazilian Foreign Minister Ana Veltri") == "Ana Veltri"


def test_aliases_map_country_names():
    assert apply_alias("DPRK") == "North Korea"
    assert apply_alias("U.S.") == "United States"
    assert apply_alias("Ruritania") == "Ruritania"


def test_acronym_of_capitalised_words():
    assert acronym_of("Coastal Fisheries Board") == "CFB"
    assert acronym_of("Oslo") == ""


def test_surname_matches_first_or_last_word():
    assert is_surname_of("Veltri", "Ana Veltri")
    assert not is_surname_of("Ana Veltri", "Ana Veltri")


def test_extends_name_needs_a_preposition():
    assert extends_name("Harbour Mission", "Harbour Mission to the Islands")
    assert not extends_name("Council", "Council Secretary General")


def test_given_names_leave_out_titles_and_common_words():
    text = "Dario Pell and Senator Pell met. When Pell spoke, Geri Pell left; when they met, no one spoke."
    assert given_names("Pell", text) == {"Dario", "Geri"}


def test_longest_breaks_a_tie_by_the_names_not_by_the_order_they_come_in():
    names = ["Gerta Pell", "Dario Pell", "Ana Pell"]
    assert longest(names) == longest(names[::-1]) == "Dario Pell"


def test_given_names_are_read_off_a_text_once_per_surname():
    text = "Dario Pell spoke. Pell left."
    assert given_names("Pell", text) is given_names("Pell", text)
