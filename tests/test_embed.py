from collections.abc import Sequence

import numpy as np
import pytest

from storyline.embed import RememberingEmbedder, load_embedder


class CountingEmbedder:
    """A stand-in model: a text's vector is its length, and every text it is asked for is counted."""

    name = "counting"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.asked += texts
        return np.array([[float(len(text))] for text in texts], dtype=np.float32)


def test_a_remembered_text_is_not_embedded_again():
    inner = CountingEmbedder()
    remembering = RememberingEmbedder(inner, capacity=10)
    remembering.embed(["a", "bb"])
    vectors = remembering.embed(["bb", "ccc", "ccc"])
    assert inner.asked == ["a", "bb", "ccc"]
    assert vectors.ravel().tolist() == [2.0, 3.0, 3.0]


def test_the_least_recently_used_text_is_forgotten_past_the_capacity():
    inner = CountingEmbedder()
    remembering = RememberingEmbedder(inner, capacity=2)
    remembering.embed(["a", "bb"])
    remembering.embed(["a"])  # "a" is now the most recent
    remembering.embed(["ccc"])  # over capacity: "bb" goes
    remembering.embed(["a", "bb"])
    assert inner.asked == ["a", "bb", "ccc", "bb"]


@pytest.mark.slow
def test_a_texts_vector_does_not_depend_on_the_texts_embedded_with_it():
    # Which texts share a batch changes with what a run finds new; a last bit can tip a score.
    texts = [
        "Harbour strike ends",
        "Dock workers in Valmora walked out on Monday after pay talks with the port authority collapsed.",
        "Floods in Nairobi: 12 dead, 4,000 displaced as the river bursts its banks after a night of rain. "
        * 6,
        "Kisumu Lakeside beat Nairobi Rovers 2-1 after extra time in the Kenyan Cup final.",
    ]
    embedder = load_embedder()
    alone = np.concatenate([embedder.embed([text]) for text in texts])
    assert np.array_equal(embedder.embed(texts), alone)
    assert np.array_equal(embedder.embed(texts[::-1])[::-1], alone)
