"""The quotes of a brief: which are kept, in what order, and how many."""

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.analyse.names import fold
from storyline.brief.quotes import (
    QUOTE_LIMIT,
    canonical_speakers,
    drop_nested,
    is_named,
    key_quotes,
    mid_sentence_capitals,
)
from storyline.records import Article, Quote, content_hash
from tests.brief.quote_sample import QUIET, SAMPLE
from tests.conftest import SHARED

TEXT = (
    "Port officials met on Monday. Later, Grace Okafor of the Harbour Union spoke, and the union "
    "backed her. The chair, Ronald R. Fieldstone, agreed."
)
LINE = "We will stay out until the port authority signs the contract"


def article(text: str = TEXT, article_id: str = "a1", author: str | None = None) -> Article:
    return Article(id=article_id, raw_id=article_id, source=f"{article_id}.txt", text=text, author=author)


def quote(speaker: str | None = "Grace Okafor", text: str = LINE, **fields) -> Quote:
    return Quote(
        **{"article_id": "a1", "speaker": speaker, "text": text, "cue": "said", "kind": "direct", **fields}
    )


def line(n: int) -> str:
    """A statement sharing no word with line(m) for m != n, so that none is a repeat of another."""
    return " ".join(f"word{n}x{i}" for i in range(8))


def kept(*quotes: Quote, source: Article | None = None) -> list[Quote]:
    source = source or article()
    return list(key_quotes({source.id: quotes}, (source,)))


def test_a_named_speaker_with_a_speech_cue_is_kept():
    assert kept(quote()) == [quote()]


def test_a_common_noun_speaker_goes():
    assert kept(quote("lawsuit"), quote("social media users")) == []


def test_a_word_capitalised_only_at_a_sentence_start_is_no_name():
    assert kept(quote("Port officials")) == []


def test_a_role_of_a_named_body_speaks():
    assert is_named("spokesperson for Harbour Union", TEXT)


def test_a_named_thing_that_is_no_speaker_goes():
    assert not is_named("Harbour Union's seasonally adjusted index", TEXT)


def test_an_unresolved_pronoun_goes():
    assert kept(quote("They")) == [] and kept(quote("This")) == []


def test_a_speaker_with_quotation_marks_is_a_misread_phrase():
    assert kept(quote("Another post called Okafor “an idiot")) == []


def test_a_non_speech_cue_goes():
    assert kept(quote(cue="appeared", kind="reported", text="that the port will reopen next week")) == []


def test_a_fragment_goes():
    assert kept(quote(text="who")) == []


def test_a_title_goes():
    assert kept(quote(text="The Art Of The Harbour Deal")) == []


def test_a_reported_phrase_that_is_no_clause_goes():
    assert kept(quote(cue="urged", kind="partial", text="them to stop creating imaginary enemies")) == []


def test_a_reported_that_clause_stays():
    said = quote(cue="warned", kind="reported", text="that the port will stay closed for a month")
    assert kept(said) == [said]


def test_a_seeming_statement_goes():
    text = TEXT + " Okafor appeared to suggest that the strike would last."
    cue_start = text.index("suggest")
    seeming = quote(
        cue="suggest", kind="reported", text="that the strike would last", cue_span=(cue_start, cue_start + 7)
    )
    assert kept(seeming, source=article(text)) == []


def test_a_speaker_found_inside_the_quoted_words_goes():
    assert kept(quote("Harbour Union", speaker_span=(20, 22), content_span=(10, 60))) == []


def test_a_speaker_inside_quotation_marks_goes():
    text = TEXT + "\n\n“I promise you: we will stay out,” the chief said. “We mean it.”"
    start = text.index("we will")
    assert kept(quote("Harbour Union", speaker_span=(start, start + 2)), source=article(text)) == []


def test_the_journalist_of_the_byline_is_no_speaker():
    assert kept(quote("Grace Okafor"), source=article(author="Grace Okafor and Ines Moreau")) == []


def test_a_name_hidden_inside_a_byline_word_is_not_the_byline():
    assert kept(quote("Okafor"), source=article(author="Grace Okaforth")) == [quote("Okafor")]


def test_a_byline_that_is_a_role_speaks():
    role = "Spokesperson of the Harbour Union"
    assert kept(quote(role), source=article(author=role)) == [quote(role)]


def test_initials_do_not_open_a_sentence():
    assert "Fieldstone" in mid_sentence_capitals(TEXT)


def test_the_same_words_from_two_sources_are_kept_once():
    first, second = article(article_id="a1"), article(article_id="a2")
    shorter = quote(text=LINE[:-13])
    fuller = replace(quote(), article_id="a2")
    chosen = key_quotes({"a1": (shorter,), "a2": (fuller,)}, (first, second))
    assert chosen == (fuller,)


def test_a_speaker_gets_at_most_three_quotes():
    assert len(kept(*(quote(text=line(n)) for n in range(5)))) == 3


def test_a_brief_holds_at_most_the_limit():
    quotes = [quote(f"Okafor{chr(65 + n)} Union", text=line(n)) for n in range(QUOTE_LIMIT + 5)]
    assert len(kept(*quotes)) == QUOTE_LIMIT


def test_the_speaker_most_sources_quote_comes_first():
    first, second = article(article_id="a1"), article(article_id="a2")
    often = [quote("Harbour Union", text=line(n)) for n in range(3)]
    widely = [quote(text="The strike is over for now and work resumes"), quote(article_id="a2")]
    chosen = key_quotes({"a1": (*often, widely[0]), "a2": (widely[1],)}, (first, second))
    assert chosen[0].speaker == "Grace Okafor"


def test_every_speakers_second_quote_comes_before_anyones_third():
    speakers = [f"Okafor{chr(65 + n)} Union" for n in range(6)]  # 6 x 3 quotes, more than the limit
    quotes = [quote(name, text=line(10 * s + n)) for s, name in enumerate(speakers) for n in range(3)]
    counts = Counter(chosen.speaker for chosen in kept(*quotes))
    assert set(counts) == set(speakers) and min(counts.values()) == 2


def test_a_surname_is_the_speaker_of_the_full_name():
    canonical = canonical_speakers(Counter({"Okafor": 1, "Grace Okafor": 2, "Union": 1}))
    assert canonical == {"Okafor": "Grace Okafor", "Grace Okafor": "Grace Okafor", "Union": "Union"}


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


# -- a hand-checked sample of real articles -------------------------------------------------------------

SAMPLE_MIN_RIGHT = 0.95


def sample_quotes(paths: list[Path]) -> list[tuple[str, str, str]]:
    """(file name, text hash, speaker) of every quote a one-article brief of each file would show."""
    from storyline.analyse import analyse_many
    from storyline.extract import extract
    from storyline.ingest import ingest_file

    articles = [extract(raw) for path in paths for raw in ingest_file(path)]
    names = {article.id: Path(article.source).name for article in articles}
    return [
        (names[analysis.article_id], content_hash(chosen.text)[:10], chosen.speaker or "")
        for analysis, one in zip(analyse_many(articles), articles, strict=True)
        for chosen in key_quotes({one.id: analysis.quotes}, (one,))
    ]


def same_speaker(found: str, expected: str) -> bool:
    """Whether two names are one speaker: equal, or one ends the other ("Clinton", "Hillary Clinton")."""
    short, full = sorted((fold(found).split(), fold(expected).split()), key=len)
    return bool(short) and full[-len(short) :] == short


@pytest.mark.slow
@pytest.mark.parametrize("split", sorted(SAMPLE))
def test_brief_quotes_name_the_right_speaker_on_hand_checked_articles(split):
    verdicts = SAMPLE[split]
    files = {(verdict.folder, verdict.file) for verdict in verdicts.values()} | set(QUIET[split])
    paths = [SHARED / folder / name for folder, name in files]
    if not all(path.is_file() for path in paths):
        pytest.skip("the hand-checked articles in ../shared are absent here")
    shown = sample_quotes(sorted(paths))
    wrong = [
        (name, key, speaker, verdicts.get((name, key)))
        for name, key, speaker in shown
        if (name, key) not in verdicts or not same_speaker(speaker, verdicts[(name, key)].speaker)
    ]
    assert 1 - len(wrong) / len(shown) >= SAMPLE_MIN_RIGHT, wrong
