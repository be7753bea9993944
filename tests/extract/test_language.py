import pytest

from storyline.extract.language import detect_language, get_detector, is_plainly_english


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The harbour council voted on Monday to open a new ferry line to the island.", "en"),
        ("Der Stadtrat hat am Montag beschlossen, eine neue Fährlinie zur Insel zu eröffnen.", "de"),
        ("Le conseil municipal a décidé lundi d'ouvrir une nouvelle ligne de ferry vers l'île.", "fr"),
        ("Dewan kota memutuskan pada hari Senin untuk membuka jalur feri baru ke pulau itu.", "id"),
    ],
)
def test_detect_language_gives_iso_639_1(text, code):
    assert detect_language(text) == code


def test_detect_language_is_none_for_short_text():
    assert detect_language("Ferry") is None
    assert detect_language("  12 34 !!  ") is None


def test_detector_is_built_once():
    assert get_detector() is get_detector()


def test_plain_english_is_known_without_the_detector():
    sample = "The council said that the ferry, which had been late all week, would sail from the harbour."
    assert is_plainly_english(sample)


@pytest.mark.parametrize(
    "sample",
    [
        "Der Stadtrat hat am Montag beschlossen, eine neue Fährlinie zur Insel zu eröffnen.",
        "The ferry 東京 and the harbour, which the council have opened, were busy this week.",
        "Council votes ferry plan: harbour line opens Monday, island links weekly.",
    ],
)
def test_other_scripts_accents_and_headline_english_go_to_the_detector(sample):
    assert not is_plainly_english(sample)


def test_english_with_another_script_is_still_read_by_the_detector():
    text = "東京の市議会は月曜日、島への新しいフェリー航路を開くことを決めた。The ferry."
    assert detect_language(text) == "ja"
