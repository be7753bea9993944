import pytest

from storyline.records import Analysis
from tests.analyse.conftest import make_article

pytestmark = pytest.mark.slow


def test_analyse_many_keeps_input_order():
    from storyline.analyse import analyse_many

    articles = [make_article(f"Maria Castell visited Oslo on day {n}.", article_id=f"a{n}") for n in range(5)]
    results = list(analyse_many(articles))
    assert [result.article_id for result in results] == [article.id for article in articles]
    assert all(isinstance(result, Analysis) for result in results)


def test_analyse_gives_entities_and_quotes():
    from storyline.analyse import analyse

    result = analyse(make_article("Maria Castell said, “Oslo is ready.”"))
    assert [entity.name for entity in result.entities] == ["Maria Castell", "Oslo"]
    assert [quote.speaker for quote in result.quotes] == ["Maria Castell"]


def test_empty_text_gives_an_empty_analysis():
    from storyline.analyse import analyse

    assert analyse(make_article("")) == Analysis(article_id="a1")


def test_stances_are_not_statements_but_reported_speech_is():
    from storyline.analyse import is_statement
    from storyline.records import Quote

    assert is_statement(Quote("a", "Ana", "that the talks failed", "said", "reported"))
    assert is_statement(Quote("a", "Ana", "we lost", "said", "direct"))
    assert not is_statement(Quote("a", "Ana", "the plan", "criticized", "reported"))
