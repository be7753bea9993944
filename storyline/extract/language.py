"""The language of an article's text, as an ISO 639-1 code, with one cached lingua detector."""

from __future__ import annotations

import re
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
# English words that no other language here writes the same way: a sample in plain ASCII letters
# where they make a tenth of the words is English without asking lingua, whose lookups in sixteen
# models cost a millisecond a page (a twentieth of the extraction) once the parsing has left the
# processor's caches cold.
ENGLISH_MARKERS = frozenset((
    "the", "and", "that", "with", "from", "which", "their", "this", "have", "were", "would", "been",
    "for", "they", "not", "who", "its", "about", "than", "there", "when", "what", "could", "should",
    "said", "she", "his",
))  # fmt: skip
ENGLISH_MARKER_SHARE = 0.1
_WORD = re.compile(r"[^\W\d_]+")


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
    if is_plainly_english(sample):
        return "en"
    language = get_detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None


def is_plainly_english(sample: str) -> bool:
    """Whether the sample is English beyond doubt: ASCII letters only (another script or an
    accented alphabet goes to lingua) and a tenth of its words among the English markers."""
    words = _WORD.findall(sample)
    if not words or not all(word.isascii() for word in words):
        return False
    markers = sum(word.lower() in ENGLISH_MARKERS for word in words)
    return markers >= ENGLISH_MARKER_SHARE * len(words)
