import re
import zlib

import numpy as np

from storyline.brief.summary import build_pool, cite_summary, highlights, summarise
from storyline.records import Article, Quote

WORD = re.compile(r"\w+")


class WordsEmbedder:
    """Hashed bag of words: sentences sharing words are alike, enough to test selection."""

    name = "words"

    def embed(self, texts):
        rows = np.zeros((len(texts), 256), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            for word in WORD.findall(text.lower()):
                row[zlib.crc32(word.encode()) % 256] += 1
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


def article(article_id: str, *paragraphs: str) -> Article:
    text = "\n\n".join(paragraphs)
    return Article(id=article_id, raw_id=article_id, source=f"{article_id}.txt", text=text)


STRIKE = article(
    "a1",
    "VALMORA (Wire) — Dock workers in Valmora stopped work on Tuesday after pay talks with the port authority collapsed.",
    "He said the members had waited three years for a contract and would not wait any longer.",
    "Eleven container ships were left waiting offshore near the harbour mouth on Wednesday morning.",
    "The authority must resign over the most shameful episode in the long history of the port.",
    "Related video: dockers march through the old town of Valmora after the talks ended",
)
FOLLOW_UP = article(
    "a2",
    "The port authority of Valmora offered dock workers a new pay deal on Thursday to end the strike.",
    "Union members will vote on the offer from the port authority at a meeting on Friday evening.",
    "Shipping lines said the delays at the harbour of Valmora were costing them millions of euros a day.",
)


def brief_parts(articles, quotes=None):
    pool = build_pool(articles, quotes or {}, WordsEmbedder())
    chosen = summarise(pool, articles, 4)
    return cite_summary(pool, chosen, articles), highlights(pool, chosen, 3)


def test_the_summary_opens_with_a_lead_without_its_dateline():
    summary, _ = brief_parts((STRIKE, FOLLOW_UP))
    assert summary[0].text.startswith(("Dock workers in Valmora stopped", "The port authority of Valmora"))


def test_no_summary_sentence_dangles_is_furniture_or_an_unsourced_view():
    summary, lines = brief_parts((STRIKE, FOLLOW_UP))
    printed = [cited.text for cited in (*summary, *lines)]
    assert not any(text.startswith(("He ", "This ", "Related")) for text in printed)
    assert not any("shameful" in text for text in printed)


def test_highlights_are_cited_and_never_a_summary_sentence():
    summary, lines = brief_parts((STRIKE, FOLLOW_UP))
    assert lines and all(line.cites for line in lines)
    assert not {line.text for line in lines} & {cited.text for cited in summary}


def test_a_resolved_pronoun_speaker_is_named_in_the_sentence():
    start = STRIKE.text.index("He said")
    quote = Quote("a1", "Petra Olsen", "the members had waited", "said", "reported",
                  speaker_mention="He", speaker_span=(start, start + 2),
                  cue_span=(start + 3, start + 7), content_span=(start + 8, start + 60))  # fmt: skip
    pool = build_pool((STRIKE,), {"a1": (quote,)}, WordsEmbedder())
    assert any(item.text.startswith("Petra Olsen said the members") for item in pool.items)


def test_a_quotation_opening_a_sentence_that_names_its_speaker_is_printed():
    named = "“Nobody will leave the gate until the port offers a fair deal,” said union leader Petra Olsen."
    leaning = (
        "“They will not leave the gate until the port offers a fair deal,” said union leader Petra Olsen."
    )
    assert printed_alone(named) == [named]
    assert printed_alone(leaning) == []  # the quotation itself opens on a pronoun
    own = "“We will not leave the gate until the port offers a fair deal,” said union leader Petra Olsen."
    assert printed_alone(own) == [own]  # "we" is the named speaker's side


def printed_alone(text: str) -> list[str]:
    cue = text.index("said")
    quote = Quote("a1", "Petra Olsen", "…", "said", "direct", speaker_mention="Petra Olsen",
                  cue_span=(cue, cue + 4), content_span=(1, text.index("”")))  # fmt: skip
    pool = build_pool((article("a1", text),), {"a1": (quote,)}, WordsEmbedder())
    return [item.text for item in pool.items]


def test_markup_left_in_a_sentence_is_dropped_from_it():
    text = 'Dockers held a rally <img src=x onerror="alert(1)"> outside the port as the pay talks resumed.'
    pool = build_pool((article("a1", text),), {}, WordsEmbedder())
    assert [item.text for item in pool.items] == [
        "Dockers held a rally outside the port as the pay talks resumed."
    ]


def test_the_title_printed_again_atop_the_text_and_lead_ins_are_not_sentences():
    titled = Article(id="a1", raw_id="a1", source="a1.txt", title="Dockers strike in Valmora over pay",
                     text="Dockers strike in Valmora over pay.\n\nThe union listed its demands for the port:"
                     "\n\nDock workers in Valmora stopped work on Tuesday after pay talks collapsed.")  # fmt: skip
    pool = build_pool((titled,), {}, WordsEmbedder())
    assert [item.text for item in pool.items] == [
        "Dock workers in Valmora stopped work on Tuesday after pay talks collapsed."
    ]
