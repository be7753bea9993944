from storyline.brief.voice import Located, is_view, voiced
from storyline.records import Quote

TEXT = "The port closed on Monday. “We will not move,” she said. “Our members are united.”"


def quote(content: tuple[int, int], cue: tuple[int, int], speaker: str = "Ines Moreau", **extra) -> Quote:
    return Quote("a1", speaker, TEXT[content[0] : content[1]], "said", "direct",
                 cue_span=cue, content_span=content, **extra)  # fmt: skip


def located(text: str) -> Located:
    return Located(text, TEXT.index(text))


def test_a_report_is_printed_as_it_is():
    assert voiced(located("The port closed on Monday."), ()).text == "The port closed on Monday."


def test_a_pronoun_speaker_of_the_sentences_own_quotation_is_named():
    start = TEXT.index("she")
    said = quote((28, 44), (TEXT.index("said"), TEXT.index("said") + 4),
                 speaker_mention="she", speaker_span=(start, start + 3))  # fmt: skip
    assert (
        voiced(located("“We will not move,” she said."), (said,)).text
        == "“We will not move,” Ines Moreau said."
    )


def test_a_sentence_inside_a_quotation_cued_elsewhere_gets_its_speaker():
    sentence = located("“Our members are united.”")
    held = quote((sentence.start, sentence.end), (TEXT.index("said"), TEXT.index("said") + 4))
    printed = voiced(sentence, (held,))
    assert printed.text == "Ines Moreau said: “Our members are united.”" and printed.quoted


def test_a_reported_clause_does_not_lend_its_speaker_to_the_next_sentence():
    sentence = located("“Our members are united.”")
    clause = Quote("a1", "Ines Moreau", "…", "said", "reported", cue_span=(0, 4),
                   content_span=(sentence.start, sentence.end))  # fmt: skip
    assert voiced(sentence, (clause,)) is None  # a quotation nobody is named as saying


def test_a_narrators_view_with_no_source_is_not_printed():
    assert voiced(Located("This is the complete opposite of the truth.", 0), ()) is None


def test_views_are_judgements_first_person_and_questions():
    assert is_view("NATO should stop its expansion.")
    assert is_view("What is the alliance really up to?")
    assert is_view("Our region needs no such bloc.")
    assert not is_view("The alliance met in Vilnius on Tuesday.")
    assert not is_view("Protesters chanted “we want our jobs back” outside.")


def test_an_attribution_with_no_speaker_does_not_source_a_view():
    text = "The port must tell its workers the truth."
    cue = Quote(
        "a1", None, "its workers the truth", "tell", "reported", cue_span=(14, 18), content_span=(19, 40)
    )
    assert voiced(Located(text, 0), (cue,)) is None
