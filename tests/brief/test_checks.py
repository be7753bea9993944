from datetime import UTC, datetime

import pytest

from storyline.brief import checks
from storyline.records import Brief, Cited, Quote, Source

FACT = "The council of Valmora approved the harbour budget on Tuesday by nine votes to four."
PUBLISHED = datetime(2026, 3, 3, 9, tzinfo=UTC)


def brief(
    summary: tuple[str, ...] = (FACT,),
    highlights: tuple[str, ...] = (),
    quotes: tuple[tuple[str, str], ...] = (),
    timeline: tuple[Cited, ...] = (),
) -> Brief:
    return Brief(
        event_id="e1",
        headline="Valmora budget",
        start=PUBLISHED,
        end=PUBLISHED,
        highlights=highlights,
        summary=tuple(Cited(text, ("a1",), PUBLISHED, (0,)) for text in summary),
        timeline=timeline,
        quotes=tuple(Quote("a1", speaker, text, "said", "direct") for speaker, text in quotes),
        sources=(Source("a1", "Valmora Post", "Budget passes", PUBLISHED, "a1.txt"),),
    )


def test_every_check_passes_a_clean_brief():
    clean = brief(
        highlights=("Harbour dredging starts in May, the port authority said.",),
        quotes=(("Ana Ruiz", "We will finish the dredging before the autumn storms."),),
    )
    assert {name: found for name, found in checks.find_defects(clean).items() if found} == {
        "uncited highlight": ["Harbour dredging starts in May, the port authority said."]
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "DENVER (AP) — The council approved the harbour budget on Tuesday.",
        "WASHINGTON — The council approved the harbour budget on Tuesday.",
        "Related video: the council votes on the harbour budget",
        "The vote is over pic.twitter.com/abc123",
        '<tweet id="123">The council has voted</tweet>',
        "The post Council passes budget appeared first on Valmora Post.",
        "Editor's note: this story contains details some readers may find upsetting.",
        "Follow our live coverage of the council vote as the updates come in.",
        "Share this article on Facebook and tell your friends about the vote.",
    ],
)
def test_furniture_in_the_summary_counts_as_boilerplate(sentence):
    assert checks.boilerplate_sentences(brief(summary=(sentence,))) == [sentence]


def test_a_news_sentence_is_not_boilerplate():
    assert (
        checks.boilerplate_sentences(brief(summary=(FACT, "NATO leaders met in Vilnius on Tuesday."))) == []
    )


@pytest.mark.parametrize("opening", ["He", "She", "They", "It", "This", "But", "However,", "“He", "We"])
def test_a_summary_sentence_opening_on_a_pronoun_or_connective_dangles(opening):
    sentence = f"{opening} did not give details of the harbour budget."
    assert checks.dangling_openers(brief(summary=(sentence,))) == [sentence]


def test_a_quotation_opening_on_we_is_the_speakers_side_and_does_not_dangle():
    sentence = "“We did not get details of the harbour budget,” the union leader Petra Olsen said."
    assert checks.dangling_openers(brief(summary=(sentence,))) == []


def test_a_sentence_opening_on_a_name_does_not_dangle():
    assert checks.dangling_openers(brief(summary=("Heathrow reopened on Tuesday after the storm.",))) == []


def test_a_quotation_without_its_source_is_an_unattributed_opinion():
    sentence = "“Whatever the council claims about the harbour is simply untrue.”"
    assert checks.unattributed_opinions(brief(summary=(sentence,))) == [sentence]


def test_a_judgement_without_its_source_is_an_unattributed_opinion():
    sentence = "The harbour plan is a disgraceful waste of public money."
    assert checks.unattributed_opinions(brief(summary=(sentence,))) == [sentence]


def test_a_quoted_title_is_not_an_opinion():
    sentence = "The festival opens with a programme of dances, “Max Roach 100”, in April."
    assert checks.unattributed_opinions(brief(summary=(sentence,))) == []


def test_an_attributed_quotation_is_not_an_unattributed_opinion():
    sentence = "“The plan is a disgraceful waste,” the opposition leader said on Tuesday."
    assert checks.unattributed_opinions(brief(summary=(sentence, FACT))) == []


def test_a_highlight_equal_to_a_summary_sentence_repeats_it():
    assert checks.highlights_repeating_summary(brief(highlights=(FACT,))) == [FACT]


def test_a_highlight_sharing_most_words_with_a_summary_sentence_repeats_it():
    shortened = "The council of Valmora approved the harbour budget on Tuesday."
    assert checks.highlights_repeating_summary(brief(highlights=(shortened,))) == [shortened]


def test_a_distinct_highlight_does_not_repeat_the_summary():
    assert checks.highlights_repeating_summary(brief(highlights=("Dredging starts in May.",))) == []


def test_a_highlight_without_citations_is_uncited_and_one_with_them_is_not():
    as_dict = {
        "highlights": ["Dredging starts in May.", {"text": "Fees rise by a tenth.", "cites": ["a1"]}],
        "summary": [],
    }
    assert checks.uncited_highlights(as_dict) == ["Dredging starts in May."]


@pytest.mark.parametrize("text", ["who", "a waste of the", "which the council"])
def test_a_short_or_cut_quote_is_a_fragment(text):
    assert checks.quote_fragments(brief(quotes=(("Ana Ruiz", text),))) == [f"Ana Ruiz: {text}"]


@pytest.mark.parametrize(
    "text", ["The budget is too small.", "that the budget was too small", "any threat will be responded to"]
)
def test_a_whole_clause_is_not_a_fragment(text):
    assert checks.quote_fragments(brief(quotes=(("Ana Ruiz", text),))) == []


@pytest.mark.parametrize("speaker", ["some", "lawsuit", "the release", "He"])
def test_a_common_noun_or_pronoun_speaker_is_counted(speaker):
    found = checks.common_noun_speakers(brief(quotes=((speaker, "The budget is too small."),)))
    assert found == [f"{speaker}: The budget is too small."]


@pytest.mark.parametrize("speaker", ["Ana Ruiz", "NATO", "a spokesperson for the Valmora Port Authority"])
def test_a_named_speaker_is_not_a_common_noun(speaker):
    assert checks.common_noun_speakers(brief(quotes=((speaker, "The budget is too small."),))) == []


def test_quotes_past_the_limit_are_counted():
    quotes = tuple((f"Speaker {n}", f"Statement number {n} is made.") for n in range(checks.QUOTE_LIMIT + 1))
    assert checks.excess_quotes(brief(quotes=quotes)) == [
        f"Speaker {checks.QUOTE_LIMIT}: Statement number 15 is made."
    ]
    assert checks.excess_quotes(brief(quotes=quotes[:-1])) == []


def test_a_publication_stub_beside_a_dated_development_is_filler():
    stub = Cited("Valmora Post publishes: Budget passes", ("a1",), PUBLISHED, (None,))
    dated = Cited(FACT, ("a1",), PUBLISHED, (0,))
    assert checks.publication_stubs(brief(timeline=(stub, dated))) == [stub.text]


def test_a_publication_stub_alone_dates_its_article():
    stub = Cited("Valmora Post publishes: Budget passes", ("a1",), PUBLISHED, (None,))
    assert checks.publication_stubs(brief(timeline=(stub,))) == []


def test_a_timeline_item_after_the_latest_article_is_a_future_listing():
    listing = Cited("The festival runs from 16 March to 7 April.", ("a1",), datetime(2026, 3, 16, tzinfo=UTC))
    past = Cited(FACT, ("a1",), datetime(2026, 3, 2, tzinfo=UTC))
    assert checks.future_items(brief(timeline=(listing, past))) == [f"2026-03-16: {listing.text}"]


def test_the_dict_of_a_brief_is_checked_like_the_record():
    as_dict = {
        "summary": [{"text": "He did not say more.", "cites": ["a1"]}],
        "highlights": [],
        "quotes": [{"speaker": "some", "text": "The budget is too small."}],
        "timeline": [{"date": "2026-04-01T00:00:00+00:00", "text": "A concert.", "cites": ["a1"]}],
        "sources": [{"published": "2026-03-03T09:00:00+00:00"}],
    }
    found = {name: len(texts) for name, texts in checks.find_defects(as_dict).items() if texts}
    assert found == {"dangling opener": 1, "common-noun speaker": 1, "future timeline item": 1}
