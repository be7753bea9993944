import pytest

from storyline.extract.language import detect_language, get_detector


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
