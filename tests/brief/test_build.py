from collections import Counter

import pytest

from storyline.brief import EventMaterial, build_brief
from storyline.brief.quotes import canonical_speakers, drop_nested
from storyline.embed import load_embedder
from storyline.records import Article, Event, Quote


def test_a_surname_is_the_speaker_of_the_full_name():
    canonical = canonical_speakers(Counter({"Okafor": 1, "Grace Okafor": 2, "Union": 1}))
    assert canonical == {"Okafor": "Grace Okafor", "Grace Okafor": "Grace Okafor", "Union": "Union"}


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
        "a1": (Quote("a1", "Okafor", "We are done", "said", "direct"),),
        "a2": (Quote("a2", "Grace Okafor", "No more waiting", "said", "direct"),),
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


def test_a_name_that_only_begins_a_longer_one_is_another_speaker():
    canonical = canonical_speakers(Counter({"Harbour Board": 1, "Harbour Board chair Ines Moreau": 1}))
    assert canonical["Harbour Board"] == "Harbour Board"


def said(cue_span: tuple[int, int], content_span: tuple[int, int], speaker: str = "Harbour Union") -> Quote:
    return Quote(article_id="a1", speaker=speaker, text="…", cue="said", kind="reported",
                 cue_span=cue_span, content_span=content_span)  # fmt: skip


def test_a_quote_inside_a_speakers_other_quote_with_its_own_cue_replaces_it():
    outer, inner = said((10, 16), (17, 90)), said((30, 36), (37, 90))  # "issued a statement saying that …"
    assert drop_nested((outer, inner)) == [inner]


def test_quoted_words_inside_a_reported_clause_with_the_same_cue_go():
    clause, words = said((10, 14), (15, 90)), said((10, 14), (40, 80))
    assert drop_nested((clause, words)) == [clause]


def test_another_speakers_nested_quote_stays():
    outer, inner = said((10, 16), (17, 90)), said((30, 36), (37, 90), speaker="Port Authority")
    assert drop_nested((outer, inner)) == [outer, inner]


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
