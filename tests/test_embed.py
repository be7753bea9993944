from collections.abc import Sequence

import numpy as np

from storyline.embed import RememberingEmbedder


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
