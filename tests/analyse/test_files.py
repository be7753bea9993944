import pytest

pytestmark = pytest.mark.slow


def test_quotes_of_files_gives_spans_into_each_file(tmp_path):
    from storyline.analyse.files import quotes_of_files

    text = "Carla Montez arrived late. She said, “The budget is balanced.”"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    [record] = quotes_of_files([path])
    assert record["source"] == str(path)
    assert (record["speaker"], record["kind"], record["content"]) == (
        "Carla Montez",
        "direct",
        "The budget is balanced.",
    )
    assert text[slice(*record["speaker_span"])] == "She"
    assert text[slice(*record["cue_span"])] == "said"
    assert text[slice(*record["content_span"])] == record["content"]
