import pytest

from storyline.brief import EventMaterial, build_brief
from storyline.embed import load_embedder
from storyline.records import Article, Event, Quote


def article(article_id: str, text: str) -> Article:
    return Article(
        id=article_id, raw_id=article_id, source=f"{article_id}.txt", text=text, title=f"Title {article_id}"
    )


@pytest.mark.slow
def test_brief_cites_every_sentence_and_credits_agreeing_sources():
    shared = (
        "Dock workers in Valmora stopped work on Tuesday after pay talks with the port authority collapsed."
    )
    first = article(
        "a1", shared + "\n\nEleven container ships were left waiting offshore near the harbour mouth."
    )
    second = article(
        "a2", shared + "\n\nThe union leader said members had waited three years for a new contract."
    )
    quotes = {
        "a1": (Quote("a1", "Okafor", "We are done waiting for the authority", "said", "direct"),),
        "a2": (Quote("a2", "Grace Okafor", "There will be no more waiting", "said", "direct"),),
    }
    material = EventMaterial(Event("e-1", ("a1", "a2"), None, None), (first, second), {}, quotes)
    brief = build_brief(material, load_embedder())
    assert all(cited.cites for cited in brief.summary)
    agreed = next(cited for cited in brief.summary if cited.text == shared)
    assert set(agreed.cites) == {"a1", "a2"}
    assert agreed.passages == (0, 0)  # the first sentence of each article carries it
    assert {quote.speaker for quote in brief.quotes} == {"Grace Okafor"}
    assert brief.headline in {"Title a1", "Title a2"}


def test_cited_merge_keeps_each_articles_passage():
    from storyline.records import Cited

    merged = Cited("x", ("a",), None, (3,)).merged_with(Cited("y", ("b", "a"), None, (None, 5)))
    assert merged.cites == ("a", "b")
    assert merged.passages == (3, None)


def test_event_entities_merge_casings_and_drop_shouted_labels():
    from storyline.brief import _merged_entities
    from storyline.records import Entity

    found = {
        "a1": (Entity("NATO", "ORG", 3), Entity("CLAIM", "PERSON", 1), Entity("Vilnius", "GPE", 1)),
        "a2": (Entity("VILNIUS", "ORG", 1), Entity("Vilnius", "GPE", 2), Entity("UNESCO", "ORG", 1)),
    }
    assert _merged_entities(found) == (
        Entity("Vilnius", "GPE", 4),
        Entity("NATO", "ORG", 3),
        Entity("UNESCO", "ORG", 1),
    )
