"""The language of an article's text, as an ISO 639-1 code, with one cached lingua detector."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# The languages the product meets; a small set keeps the detector fast and its guesses sane.
LANGUAGES = (
    Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
    Language.PORTUGUESE, Language.DUTCH, Language.INDONESIAN, Language.RUSSIAN, Language.CHINESE,
    Language.JAPANESE, Language.KOREAN, Language.ARABIC, Language.TURKISH, Language.POLISH,
    Language.SWEDISH,
)  # fmt: skip

MIN_CHARACTERS = 20  # below this a guess is noise
SAMPLE_CHARACTERS = 300  # a paragraph says the language as well as the whole, at a third of the cost


@lru_cache(maxsize=1)
def get_detector() -> LanguageDetector:
    """Built once: loading the language models is the costly part."""
    # Low-accuracy mode reads trigrams only: several times faster, and as good on paragraphs.
    # Preloaded: lingua otherwise loads a language's model the first time a text might be in it,
    # a cost that lands on whichever article comes first.
    builder = LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode()
    return builder.with_preloaded_language_models().build()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language ("en"), or None when the text is too short to say."""
    sample = text.strip()[:SAMPLE_CHARACTERS]
    if sum(character.isalpha() for character in sample) < MIN_CHARACTERS:
        return None
    language = get_detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None
