from storyline.brief.sentences import article_sentences, split_sentences


def test_splits_on_sentence_ends():
    assert split_sentences("Talks failed. Workers walked out!") == ["Talks failed.", "Workers walked out!"]


def test_keeps_abbreviations_and_initials_whole():
    text = "The vote on Jul. 11 was close. Dr. Ruiz and the U.S. delegation left."
    assert split_sentences(text) == [
        "The vote on Jul. 11 was close.",
        "Dr. Ruiz and the U.S. delegation left.",
    ]


def test_keeps_a_closing_quote_with_its_sentence():
    assert split_sentences("She said “we are done.” Then she left.") == [
        "She said “we are done.”",
        "Then she left.",
    ]


def test_article_sentences_number_positions_and_drop_qa_labels():
    sentences = article_sentences("a1", ["Question: Will it end? Answer: Soon.", "Next paragraph here."])
    assert [s.text for s in sentences] == ["Will it end?", "Soon.", "Next paragraph here."]
    assert [s.position for s in sentences] == [0, 1, 2]


def test_keeps_a_quotation_of_several_sentences_whole():
    text = "Ana said, “We lost. We will return.” The crowd left."
    assert split_sentences(text) == ["Ana said, “We lost. We will return.”", "The crowd left."]


def test_sentences_opening_on_a_pronoun_or_quote_need_context():
    first, second, third = article_sentences("a", ["Ana Ruiz won. He conceded. “Fine,” he said."])
    assert not first.needs_context
    assert second.needs_context and third.needs_context


def test_numbered_sentences_count_across_paragraphs():
    from storyline.brief.sentences import numbered_sentences

    assert numbered_sentences(["One. Two.", "Three."]) == [[(0, "One."), (1, "Two.")], [(2, "Three.")]]


def test_datelines_and_labels_are_cut_from_a_sentence():
    from storyline.brief.sentences import strip_dateline

    assert strip_dateline("PHILADELPHIA (AP) — Voters lined up.") == "Voters lined up."
    assert strip_dateline("LONDON, March 3 (Reuters) - Oil fell.") == "Oil fell."
    assert strip_dateline("(CNN) The vote was close.") == "The vote was close."
    assert strip_dateline("REYKJAVÍK — Flights resumed.") == "Flights resumed."
    assert strip_dateline("PARIS, 4 mars (Reuters) - Les marchés ont ouvert.") == "Les marchés ont ouvert."
    assert strip_dateline("CLAIM: The bridge was sold.") == "The bridge was sold."
    assert strip_dateline("U.S. officials met on Monday.") == "U.S. officials met on Monday."


def test_page_furniture_is_recognised_in_a_sentence():
    from storyline.brief.sentences import is_furniture

    assert is_furniture("The post Dockers strike appeared first on Harbour News.")
    assert is_furniture("Crowds gathered pic.twitter.com/abc123")
    assert is_furniture("Editor’s note: This column reflects the writer's views.")
    assert not is_furniture("Dock workers stopped work on Tuesday.")


def test_a_connective_or_pronoun_opening_needs_context():
    from storyline.brief.sentences import needs_context

    assert needs_context("However, the talks resumed.") and needs_context("They left.")
    assert not needs_context("Thousands left the city.")


def test_keeps_titles_before_a_name_whole():
    text = "In an interview, Pres. Varga said the port would reopen. Capt. Olsen and Rev. Mbeki agreed."
    assert split_sentences(text) == [
        "In an interview, Pres. Varga said the port would reopen.",
        "Capt. Olsen and Rev. Mbeki agreed.",
    ]


def test_a_clock_time_before_its_zone_ends_no_sentence_but_before_a_new_sentence_does():
    text = "The officer was shot at 5:45 a.m. ET while on patrol. The road opened at 9 a.m. Traffic resumed."
    assert split_sentences(text) == [
        "The officer was shot at 5:45 a.m. ET while on patrol.",
        "The road opened at 9 a.m.",
        "Traffic resumed.",
    ]
