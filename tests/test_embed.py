from collections.abc import Sequence

import numpy as np
import pytest

from storyline.embed import (
    SentenceTransformerEmbedder,
    StoredEmbedder,
    choose_device,
    choose_precision,
    has_native_bf16_cpu,
    load_embedder,
    torch_threads,
)
from storyline.errors import ModelError


def torch_sees_gpu() -> bool:
    import torch

    return torch.cuda.is_available()


class CountingEmbedder:
    """A stand-in model: a text's vector is its length, and every text it is asked for is counted."""

    name = "counting"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.asked += texts
        return np.array([[float(len(text))] for text in texts], dtype=np.float32)


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


def test_a_cpu_with_bfloat16_instructions_is_seen_to_have_them(tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor : 0\nflags : fpu sse2 avx2 avx512f avx512_bf16\n", encoding="ascii")
    assert has_native_bf16_cpu(cpuinfo)


def test_a_cpu_without_them_or_unreadable_flags_has_none(tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor : 0\nflags : fpu sse2 avx2 avx512f\n", encoding="ascii")
    assert not has_native_bf16_cpu(cpuinfo)
    assert not has_native_bf16_cpu(tmp_path / "missing")


@pytest.mark.parametrize("asked", ["float32", "bfloat16"])
def test_a_precision_asked_for_is_kept(asked):
    assert choose_precision(asked, "cpu") == asked


def test_auto_precision_on_the_cpu_follows_its_instructions():
    expected = "bfloat16" if has_native_bf16_cpu() else "float32"
    assert choose_precision("auto", "cpu") == expected


@pytest.mark.skipif(torch_sees_gpu(), reason="this machine has a GPU")
def test_auto_device_without_a_gpu_is_the_cpu():
    assert choose_device("auto") == "cpu"


@pytest.mark.skipif(torch_sees_gpu(), reason="this machine has a GPU")
def test_a_gpu_asked_for_where_there_is_none_is_refused_with_the_way_out():
    with pytest.raises(ModelError, match=r"'cuda'.*no CUDA GPU.*--device cpu"):
        choose_device("cuda")


@pytest.mark.parametrize("device", ["tpu", "mps", "cpu:banana"])
def test_a_device_torch_does_not_know_or_we_do_not_embed_on_is_refused(device):
    with pytest.raises(ModelError, match="--device cpu"):
        choose_device(device)


@pytest.mark.slow
def test_bfloat16_vectors_agree_with_float32_ones():
    texts = ["Dock workers in Valmora walked out on Monday after pay talks collapsed.", "Harbour strike ends"]
    exact = SentenceTransformerEmbedder(precision="float32").embed(texts)
    fast = SentenceTransformerEmbedder(precision="bfloat16").embed(texts)
    assert fast.dtype == np.float32
    assert np.all((exact * fast).sum(axis=1) > 0.999)
    assert not np.array_equal(exact, fast)  # the switch changes the arithmetic


@pytest.mark.slow
def test_torch_threads_are_set_within_the_block_and_restored_after():
    import torch

    before = torch.get_num_threads()
    with torch_threads(1):
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == before


def test_a_stored_embedder_embeds_only_what_its_store_lacks_across_runs(tmp_path):
    from storyline.store import open_store

    texts = ["Ships wait offshore.", "The port is closed."]
    first = CountingEmbedder()
    StoredEmbedder(first, open_store(tmp_path / "s.db")).embed(texts)
    later = CountingEmbedder()  # another run: nothing remembered in memory
    vectors = StoredEmbedder(later, open_store(tmp_path / "s.db")).embed(
        [texts[1], "Talks resume.", texts[0]]
    )
    assert later.asked == ["Talks resume."]
    assert vectors.ravel().tolist() == [19.0, 13.0, 20.0]
