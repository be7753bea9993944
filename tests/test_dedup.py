from storyline.dedup import NearDuplicateIndex, minhash_from_bytes, minhash_of, minhash_to_bytes, shingles

STORY = (
    "The harbour authority of Valmora said on Monday that the night shift of dock workers would stop "
    "work for two days after talks on pay broke down, leaving eleven container ships waiting offshore. "
    "Union leader Petra Olsen told reporters the workers had waited three years for a new contract."
)


def test_shingles_ignore_case_and_punctuation():
    assert shingles("Ships, ships!") == shingles("ships ships")


def test_signature_survives_bytes_round_trip():
    signature = minhash_of(STORY)
    assert minhash_from_bytes(minhash_to_bytes(signature)).jaccard(signature) == 1.0


def test_near_copy_finds_its_original():
    index = NearDuplicateIndex(threshold=0.8)
    index.add("original", minhash_of(STORY))
    copy = STORY.replace("on Monday", "on Monday evening")
    assert index.original_of(minhash_of(copy)) == "original"


def test_different_story_has_no_original():
    index = NearDuplicateIndex(threshold=0.8)
    index.add("original", minhash_of(STORY))
    other = "The national football final in Valmora ended in a draw after extra time on Sunday night."
    assert index.original_of(minhash_of(other)) is None


def test_load_indexes_stored_signatures():
    index = NearDuplicateIndex(threshold=0.8)
    index.load([("a", minhash_to_bytes(minhash_of(STORY)))])
    assert index.original_of(minhash_of(STORY)) == "a"
