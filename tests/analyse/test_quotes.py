"""One behaviour per test, on short invented texts."""

import pytest

from storyline.analyse.quotemarks import find_quotes
from storyline.analyse.quotes import find_fullest, quoted_characters
from tests.analyse.conftest import find_quote

pytestmark = pytest.mark.slow


def test_direct_quote_after_speaker_and_cue(quotes_of):
    quote = find_quote(quotes_of("Tomas Rendell noted, “The bridge will open in May.”"), "The bridge")
    assert (quote.speaker, quote.cue, quote.kind) == ("Tomas Rendell", "noted", "direct")
    assert quote.text == "The bridge will open in May."


def test_spans_point_into_the_text(quotes_of):
    text = "Tomas Rendell noted, “The bridge will open in May.”"
    quote = find_quote(quotes_of(text), "The bridge")
    assert text[slice(*quote.content_span)] == quote.text
    assert text[slice(*quote.cue_span)] == "noted"
    assert text[slice(*quote.speaker_span)] == "Tomas Rendell"
    assert quote.article_id == "a1"


def test_inverted_cue_with_a_statement_from_a_body(quotes_of):
    text = "“We reject the ruling,” said a statement from the Harbour Workers Union on Friday."
    quote = find_quote(quotes_of(text), "We reject")
    assert quote.speaker == "Harbour Workers Union"


def test_the_statement_added_as_quoted_by_an_outlet(quotes_of):
    text = (
        "“We reject the ruling,” said a statement from the Harbour Workers Union on Friday.\n\n"
        "“Further action will follow,” the statement added, as quoted by the Daily Courier."
    )
    quote = find_quote(quotes_of(text), "Further action")
    assert (quote.speaker, quote.cue) == ("Harbour Workers Union", "added")


def test_partial_quote_is_the_whole_reported_clause(quotes_of):
    quotes = quotes_of("Carla Montez said the budget was “not a gamble” for the country.")
    assert [(quote.speaker, quote.kind, quote.text) for quote in quotes] == [
        ("Carla Montez", "partial", "the budget was “not a gamble” for the country")
    ]


def test_reported_speech_is_the_clause_with_its_that(quotes_of):
    quote = find_quote(quotes_of("Carla Montez said that the budget would pass next week."), "that")
    assert (quote.speaker, quote.kind, quote.text) == (
        "Carla Montez",
        "reported",
        "that the budget would pass next week",
    )


def test_according_to_is_reported_speech(quotes_of):
    quote = find_quote(quotes_of("According to Carla Montez, the budget will pass next week."), "the budget")
    assert (quote.speaker, quote.kind, quote.cue) == ("Carla Montez", "reported", "According")


def test_uncued_quote_paragraph_continues_the_previous_speaker(quotes_of):
    text = "Carla Montez said, “The budget is balanced.”\n\n“We have cut waste everywhere.”"
    assert find_quote(quotes_of(text), "We have cut").speaker == "Carla Montez"


def test_scare_quotes_without_cue_are_not_quotes(quotes_of):
    assert quotes_of("The so-called “peace plan” was published on Monday.") == []


def test_second_verb_of_a_conjunction_keeps_the_subject(quotes_of):
    text = "The Ministry of Transport criticized the airline and noted, “Safety comes first.”"
    assert find_quote(quotes_of(text), "Safety").speaker == "Ministry of Transport"


def test_answers_in_a_transcript_are_spoken_by_the_author(quotes_of):
    text = "Question: What do you make of the new tariff?\n\nAnswer: The tariff harms growth."
    quotes = quotes_of(text, author="Office of the Trade Envoy")
    assert [(quote.speaker, quote.text) for quote in quotes] == [
        ("Office of the Trade Envoy", "The tariff harms growth.")
    ]


def test_paragraphs_after_an_answer_belong_to_it(quotes_of):
    text = "Question: Why now?\n\nAnswer: Because it is time.\n\nWe have waited for years."
    quotes = quotes_of(text, author="Dario Pell")
    assert find_quote(quotes, "We have waited").speaker == "Dario Pell"


def test_a_journalist_is_never_a_speaker(quotes_of):
    quotes = quotes_of("A reporter asked, “Will you resign?” The mayor shook her head.")
    assert quotes == []


def test_quote_nested_in_a_question_goes_to_its_own_speaker(quotes_of):
    text = (
        "The question was, “Governor Elena Fitch said that ‘the dam is safe’ last week. What is your view?”"
    )
    quotes = quotes_of(text)
    assert find_quote(quotes, "the dam is safe").speaker == "Elena Fitch"
    assert not any(quote.text.startswith("Governor") for quote in quotes)


def test_cue_after_a_question_mark(quotes_of):
    quote = find_quote(quotes_of("“Are you winning?” Carla Montez asked the crowd."), "Are you winning")
    assert (quote.speaker, quote.cue) == ("Carla Montez", "asked")


def test_uncued_quote_sentence_after_a_quote_continues_its_speaker(quotes_of):
    text = "“The plan is dead,” said Carla Montez. “Nobody will vote for it.”"
    assert find_quote(quotes_of(text), "Nobody").speaker == "Carla Montez"


def test_stance_verb_attributes_its_complement(quotes_of):
    quote = find_quote(quotes_of("Carla Montez called for a ban on night flights."), "a ban")
    assert (quote.speaker, quote.cue, quote.text) == ("Carla Montez", "called", "a ban on night flights")


def test_according_to_at_the_end_takes_the_clause_before(quotes_of):
    quote = find_quote(quotes_of("The budget will pass next week, according to Carla Montez."), "The budget")
    assert (quote.speaker, quote.text) == ("Carla Montez", "The budget will pass next week")


def test_pieces_of_a_quotation_broken_by_its_cue_share_the_cue(quotes_of):
    quotes = quotes_of("“The plan is dead,” Carla Montez said. “Nobody will vote for it.”")
    assert len({quote.cue_span for quote in quotes}) == 1 and len(quotes) == 2


def test_a_title_abbreviation_does_not_end_the_cue_frame(quotes_of):
    quote = find_quote(quotes_of("“We will appeal,” Mr. Dario Pell said."), "We will appeal")
    assert quote.speaker == "Dario Pell"


def test_a_dash_and_a_name_sign_a_quotation(quotes_of):
    quote = find_quote(quotes_of("“Our town deserves better.” ― Carla Montez"), "Our town")
    assert quote.speaker == "Carla Montez"


def test_a_name_and_a_colon_lead_an_attributed_headline(quotes_of):
    quote = find_quote(quotes_of("Carla Montez: Budget Will Pass Next Week\n\nMore text here."), "Budget")
    assert (quote.speaker, quote.text) == ("Carla Montez", "Budget Will Pass Next Week")


def test_a_passive_cue_gives_its_agent_as_speaker(quotes_of):
    quote = find_quote(
        quotes_of("The harbour plan was criticised by Tomas Rendell on Monday."), "The harbour"
    )
    assert (quote.speaker, quote.cue, quote.text) == ("Tomas Rendell", "criticised", "The harbour plan")


def test_a_cue_in_a_prepositional_phrase_takes_the_subject_of_its_clause(quotes_of):
    quote = find_quote(quotes_of("Carla Montez opened the session by criticizing the new levy."), "the new")
    assert (quote.speaker, quote.cue) == ("Carla Montez", "criticizing")


def test_a_learned_cue_outside_the_word_lists_attributes_its_object(quotes_of):
    quote = find_quote(quotes_of("Tomas Rendell echoed the concerns of the fishing crews."), "the concerns")
    assert (quote.speaker, quote.cue) == ("Tomas Rendell", "echoed")


def test_an_everyday_action_is_not_an_attribution(quotes_of):
    assert quotes_of("Carla Montez ate an apple in the park.") == []


def test_a_date_is_not_what_a_cue_attributes(quotes_of):
    quote = find_quote(quotes_of("Tomas Rendell promised Sunday to reopen the bridge."), "to reopen")
    assert quote.text == "to reopen the bridge"


def test_a_quotation_after_that_keeps_its_that(quotes_of):
    quote = find_quote(quotes_of("Ana Veltri said that “the bridge is unsafe.”"), "that")
    assert quote.text == "that “the bridge is unsafe."
    assert "Veltri" in quote.speaker


def test_a_label_with_initials_names_the_speaker(quotes_of):
    quote = find_quote(quotes_of("Dr. Ana B. Veltri: The rain kept many voters at home."), "The rain")
    assert "Veltri" in quote.speaker


def test_a_cue_inside_its_clause_splits_the_content_in_two(quotes_of):
    quotes = quotes_of("This campaign, Ana Veltri says, is different from the last one.")
    assert [(quote.cue, quote.text) for quote in quotes] == [
        ("says", "This campaign"),
        ("says", "is different from the last one"),
    ]


def test_a_relative_clause_cue_attributes_its_pronoun(quotes_of):
    quotes = quotes_of("The council approved the plan, which Ana Veltri criticized.")
    assert [quote.text for quote in quotes if quote.cue == "criticized"] == ["which"]


def test_a_second_speech_verb_is_not_part_of_the_first_clause(quotes_of):
    quotes = quotes_of("Ana Veltri says she respects the mayor and calls him a capable leader.")
    assert [quote.text for quote in quotes if quote.cue == "says"] == ["she respects the mayor"]


def test_a_relative_clause_after_a_comma_is_the_writers_aside(quotes_of):
    quotes = quotes_of("Ana Veltri said the deal was signed by Omar Haddad, who leads the union.")
    assert [quote.text for quote in quotes if quote.cue == "said"] == ["the deal was signed by Omar Haddad"]


def test_a_sentence_before_a_colon_is_no_label(quotes_of):
    assert not quotes_of("Ana Veltri has won three states on Tuesday: Ohio, Iowa and Maine.")


def test_a_word_standing_for_the_clause_is_the_content(quotes_of):
    quotes = quotes_of("Asked whether the tax would pass, the mayor said no.")
    assert [quote.text for quote in quotes if quote.cue == "said"] == ["no"]


def test_a_participle_speech_verb_is_the_speakers_next_statement(quotes_of):
    text = "Tomas Rendell said the council had failed the town, claiming that the mayor lied."
    quotes = quotes_of(text)
    assert [quote.text for quote in quotes if quote.cue == "said"] == ["the council had failed the town"]


def test_a_joined_clause_after_the_reported_one_is_reported_too(quotes_of):
    text = "Ana Veltri said the council approved the plan, but the court blocked it."
    quotes = quotes_of(text)
    assert [quote.text for quote in quotes if quote.cue == "said"] == [
        "the council approved the plan, but the court blocked it"
    ]


def test_the_for_of_a_call_belongs_to_the_cue(quotes_of):
    quotes = quotes_of("Ana Veltri called for the council to lower the tolls.")
    assert [quote.text for quote in quotes if quote.cue == "called"] == ["the council to lower the tolls"]


def test_a_continued_quotation_keeps_the_cue_of_its_first_part(quotes_of):
    text = "“The bridge will open in May,” Ana Veltri said.\n\n“The tolls will stay low.”"
    first, second = quotes_of(text)
    assert (second.speaker, second.cue, second.cue_span) == (first.speaker, "said", first.cue_span)


def test_a_continuation_passes_over_a_nested_quotation(quotes_of):
    text = (
        "“Omar Haddad told me ‘the bridge is safe,’ and I believe him,” Tomas Rendell said.\n\n"
        "“The tolls will stay low.”"
    )
    quote = find_quote(quotes_of(text), "The tolls")
    assert (quote.speaker, quote.cue) == ("Tomas Rendell", "said")


def test_a_continuation_passes_over_a_clause_reported_after_the_quotation(quotes_of):
    text = (
        "“The bridge will open in May,” Tomas Rendell said when asked whether the mayor "
        "had approved the plan. “The tolls will stay low.”"
    )
    quotes = quotes_of(text)
    said = find_quote(quotes, "The bridge").cue_span
    assert [quote.text for quote in quotes if quote.cue_span == said] == [
        "The bridge will open in May",
        "The tolls will stay low.",
    ]


def test_a_participle_after_a_reported_clause_is_the_speakers(quotes_of):
    text = "Tomas Rendell said the council had failed the town, claiming that the mayor lied."
    quote = find_quote(quotes_of(text), "that the mayor")
    assert (quote.speaker, quote.cue) == ("Tomas Rendell", "claiming")


def test_a_cue_before_a_quotation_that_ends_its_sentence_beats_the_next_sentences(quotes_of):
    text = (
        "Tomas Rendell says Haddad “has kept every promise.” "
        "He warns that the mayor would “wreck the harbour.”"
    )
    quote = find_quote(quotes_of(text), "Haddad “has kept")
    assert (quote.speaker, quote.cue) == ("Tomas Rendell", "says")


def test_a_verb_outside_the_lexicon_frames_the_quotation_it_leads_into(quotes_of):
    quote = find_quote(quotes_of("Tomas Rendell yelled, “The bridge will open in May!”"), "The bridge")
    assert (quote.speaker, quote.cue) == ("Tomas Rendell", "yelled")


def test_a_headline_label_the_tagger_misreads_is_a_person_the_article_names(quotes_of):
    text = "Rogers: Harbour Deal Is Dead.\n\nMayor Ana Rogers said on Friday that the deal had collapsed."
    quote = find_quote(quotes_of(text), "Harbour Deal")
    assert quote.speaker == "Ana Rogers"


def test_the_verb_of_a_clause_ended_by_a_colon_frames_the_quotation(quotes_of):
    text = "Tomas Rendell turned to the crowd again: “The bridge will open in May.”"
    quote = find_quote(quotes_of(text), "The bridge")
    assert (quote.speaker, quote.cue) == ("Tomas Rendell", "turned")


def test_a_poll_share_parsed_as_a_number_is_the_subject(quotes_of):
    text = "About 4 in 10 say they want the next mayor to build more housing.\n\n"
    quote = find_quote(quotes_of(text), "they want")
    assert (quote.speaker, quote.cue) == ("About 4 in 10", "say")


def test_a_headline_verb_the_tagger_reads_as_a_noun_is_a_cue(quotes_of):
    text = "Mayor Ana Veltri Praises New Harbour Plan.\n\nThe plan was unveiled on Monday."
    quote = find_quote(quotes_of(text), "New Harbour")
    assert (quote.speaker, quote.cue) == ("Ana Veltri", "Praises")


def test_a_present_tense_verb_tagged_as_a_plural_noun_is_a_cue(quotes_of):
    quote = find_quote(
        quotes_of("The new radio ad slams the governor for cutting school funds."), "the governor"
    )
    assert quote.cue == "slams"


def test_a_passive_cue_without_an_agent_reports_a_view_without_a_source(quotes_of):
    quotes = [q for q in quotes_of("The bridge is expected to open next spring.") if q.cue == "expected"]
    assert [(q.speaker, q.text) for q in quotes] == [(None, "The bridge"), (None, "to open next spring")]


def test_a_label_names_its_speaker_before_the_audience(quotes_of):
    text = "Ana Veltri to the Harbour Board: We Will Not Sell the Port\n\nThe board met on Monday."
    quote = find_quote(quotes_of(text), "We Will")
    assert "Veltri" in quote.speaker


def test_a_poll_labels_a_headline(quotes_of):
    text = "Poll: Most Voters Back the Harbour Plan\n\nThe survey was taken last week."
    assert find_quote(quotes_of(text), "Most Voters").speaker == "Poll"


def test_a_subject_the_parser_hangs_on_a_participle_speaks(quotes_of):
    text = "Large majorities of voters going to the polls on Tuesday said they favor the harbour plan."
    quote = find_quote(quotes_of(text), "they favor")
    assert (quote.speaker, quote.cue) == ("Large majorities of voters", "said")


def test_an_as_clause_attributes_the_clause_it_hangs_on(quotes_of):
    quote = find_quote(
        quotes_of("As the city report noted, the harbour lost money for three years."), "the harbour"
    )
    assert (quote.speaker, quote.cue) == ("city report", "noted")


def test_a_that_clause_the_parser_hangs_on_a_noun_between_is_still_reported(quotes_of):
    text = "Veltri said earlier on Friday during a news conference that she may wait until spring to decide."
    quote = find_quote(quotes_of(text), "that she may wait")
    assert quote.cue == "said"


def test_a_question_asked_by_nobody_named_has_no_speaker(quotes_of):
    quote = find_quote(quotes_of("Asked whether the port would close, there was no answer."), "whether")
    assert (quote.speaker, quote.cue, quote.text) == (None, "Asked", "whether the port would close")


def test_what_a_journalist_asks_is_reported_without_a_name(quotes_of):
    quote = find_quote(quotes_of("A reporter asked the mayor whether the port would close."), "whether")
    assert (quote.speaker, quote.speaker_mention, quote.cue) == (None, "A reporter", "asked")


def test_a_verb_form_tagged_as_a_noun_before_that_is_a_cue(quotes_of):
    text = "Billing records from the port office show that two accounts searched the data."
    quote = find_quote(quotes_of(text), "that two accounts")
    assert (quote.speaker, quote.cue) == ("Billing records from the port office", "show")


def test_an_if_clause_is_what_a_question_asks(quotes_of):
    quote = find_quote(quotes_of("The mayor asked the board if the port would close."), "the board")
    assert quote.text.endswith("if the port would close")


def test_a_raising_verb_attributes_its_subject_with_the_complement(quotes_of):
    quotes = quotes_of("The harbour plan seemed to be failing.")
    assert [(quote.text, quote.cue) for quote in quotes] == [
        ("The harbour plan", "seemed"),
        ("to be failing", "seemed"),
    ]


def test_the_words_of_the_reported_clause_before_a_quotation_are_part_of_it(quotes_of):
    quote = find_quote(quotes_of("Carla Montez called him “a disgrace to the harbour.”"), "him")
    assert (quote.speaker, quote.text) == ("Carla Montez", "him “a disgrace to the harbour.")


def test_the_linking_verb_before_according_to_is_not_reported(quotes_of):
    quote = find_quote(quotes_of("That’s according to the Harbour Workers Union."), "That")
    assert (quote.speaker, quote.text) == ("Harbour Workers Union", "That")


def test_a_descriptive_apposition_ending_a_reported_clause_is_the_writers(quotes_of):
    text = "Carla Montez has vowed to repeal the harbour tax, a levy that hits small fishing firms."
    quote = find_quote(quotes_of(text), "to repeal")
    assert quote.text == "to repeal the harbour tax"


def test_a_connective_opening_the_sentence_is_not_reported(quotes_of):
    text = "In fact, the budget will pass next week, according to Carla Montez."
    quote = find_quote(quotes_of(text), "the budget")
    assert (quote.speaker, quote.text) == ("Carla Montez", "the budget will pass next week")


def test_a_dateline_is_not_part_of_the_reported_clause(quotes_of):
    text = "LISBON, May 2 (AP) — The harbour will reopen in June, Carla Montez said."
    quote = find_quote(quotes_of(text), "The harbour")
    assert quote.text == "The harbour will reopen in June"


def test_a_noun_of_saying_as_object_attributes_its_topic(quotes_of):
    quotes = quotes_of("Carla Montez raised questions about the harbour budget.")
    assert [(quote.speaker, quote.cue, quote.text) for quote in quotes] == [
        ("Carla Montez", "raised", "the harbour budget")
    ]


def test_a_noun_of_saying_as_object_attributes_its_clause(quotes_of):
    quote = find_quote(quotes_of("Carla Montez expressed concern that the budget would fail."), "that")
    assert quote.text == "that the budget would fail"


def test_where_the_words_were_said_is_not_part_of_them(quotes_of):
    quote = find_quote(
        quotes_of("Carla Montez said the budget was a mistake in an interview on Sunday."), "the"
    )
    assert quote.text == "the budget was a mistake"


def test_a_quoted_heading_does_not_continue_the_speaker(quotes_of):
    text = "Carla Montez said, “The harbour will reopen in June.”\n\n“See also:”\n\nHarbour budget explained."
    assert [quote.text for quote in quotes_of(text)] == ["The harbour will reopen in June."]


def test_a_quoted_title_beside_a_reported_clause_is_not_a_quote(quotes_of):
    quotes = quotes_of("Carla Montez said on “Harbour Morning” that the budget was “dead on arrival.”")
    assert [quote.text for quote in quotes] == ["that the budget was “dead on arrival."]


def test_a_contrasting_clause_joined_to_the_cue_goes_on_with_the_statement(quotes_of):
    text = (
        "Carla Montez said the council tried to close the harbour, but the mayor refused to sign the order."
    )
    quote = find_quote(quotes_of(text), "the council")
    assert quote.text == "the council tried to close the harbour, but the mayor refused to sign the order"


def test_naming_someone_by_name_is_part_of_what_is_said_of_them(quotes_of):
    quote = find_quote(quotes_of("Carla Montez criticized the mayor by name."), "the mayor")
    assert quote.text == "the mayor by name"


def test_a_date_right_after_the_cue_is_when_it_was_said(quotes_of):
    quotes = quotes_of("Carla Montez said Tuesday the budget would pass.")
    assert [quote.text for quote in quotes] == ["the budget would pass"]


def test_a_date_that_opens_the_subject_of_the_clause_stays_in_it(quotes_of):
    quote = find_quote(quotes_of("Carla Montez said Tuesday’s vote was a mistake."), "Tuesday")
    assert quote.text == "Tuesday’s vote was a mistake"


def test_a_contrasting_clause_of_the_speaker_is_a_new_statement(quotes_of):
    text = "Carla Montez said the council closed the harbour, but she also warned the mayor."
    quote = find_quote(quotes_of(text), "the council")
    assert quote.text == "the council closed the harbour"


def test_a_relative_object_goes_with_what_the_cue_says_of_it(quotes_of):
    text = "The new harbour, which Carla Montez described as a disaster, will close in May."
    quotes = [quote for quote in quotes_of(text) if quote.cue == "described"]
    assert [quote.text for quote in quotes][:1] == ["which"]


def test_the_as_after_a_relative_object_opens_what_it_is_said_to_be(quotes_of):
    text = "The new harbour, which Carla Montez described as a disaster, will close in May."
    quotes = [quote for quote in quotes_of(text) if quote.cue == "described"]
    assert [quote.text for quote in quotes][-1:] == ["as a disaster"]


def test_a_stance_adjective_after_be_attributes_its_object(quotes_of):
    quote = find_quote(quotes_of("Carla Montez is skeptical of the new bridge plan."), "the new bridge")
    assert (quote.speaker, quote.cue, quote.text) == ("Carla Montez", "skeptical", "the new bridge plan")


def test_a_verb_after_a_quotation_frames_it(quotes_of):
    text = "The hall fell silent. “Go back to your office,” Tomas Rendell barked at the clerk."
    quote = find_quote(quotes_of(text), "Go back")
    assert (quote.speaker, quote.cue, quote.kind) == ("Tomas Rendell", "barked", "direct")


def test_a_quoted_title_inside_a_sentence_takes_no_verb_after_it(quotes_of):
    text = "She joined the “Harbour Watch,” which included two former mayors."
    assert not any(quote.cue == "included" for quote in quotes_of(text))


def test_a_stance_adjective_after_its_noun_attributes_to_that_noun(quotes_of):
    quotes = quotes_of("Farmers reluctant to sell their land met the council on Monday.")
    quote = find_quote(quotes, "to sell")
    assert (quote.speaker, quote.cue) == ("Farmers", "reluctant")


def test_a_quoted_show_name_takes_no_cue_from_the_reported_clause(quotes_of):
    text = "Speaking Sunday on the network’s “Morning Hour,” Carla Montez admitted that the budget was wrong."
    quotes = quotes_of(text)
    assert [(quote.text, quote.cue) for quote in quotes] == [("that the budget was wrong", "admitted")]


def test_a_quotation_ending_a_partial_clause_before_its_comma_is_held_by_it(quotes_of):
    text = "Carla Montez insisted that she has “saved the harbour,” claiming that the port made a profit."
    quote = find_quote(quotes_of(text), "that the port")
    assert (quote.cue, quote.kind) == ("claiming", "reported")


def test_a_reported_clause_ends_before_a_quoted_sentence(quotes_of):
    text = (
        "Even so, Carla Montez said, the harbour had far too many piers. "
        "''It was only waiting for a storm to wreck it.''"
    )
    quote = find_quote(quotes_of(text), "the harbour")
    assert quote.text == "the harbour had far too many piers"


def test_a_name_read_as_a_compound_of_the_verb_after_a_quotation_is_its_speaker(quotes_of):
    quote = find_quote(quotes_of("“Two parks, nothing more,” Brandt replies."), "Two parks")
    assert (quote.speaker, quote.cue) == ("Brandt", "replies")


def test_making_a_case_for_something_attributes_the_something(quotes_of):
    quote = find_quote(quotes_of("Carla Montez made a case for reading old books."), "reading")
    assert quote.text == "reading old books"


def test_a_quotation_right_after_a_quoted_sentence_continues_its_speaker(quotes_of):
    text = "Carla Montez told the council: “The harbour will open.” “It will take a year.”"
    quote = find_quote(quotes_of(text), "It will take")
    assert (quote.speaker, quote.kind) == ("Carla Montez", "direct")


def test_the_but_half_of_not_this_but_that_stays_in_the_reported_clause(quotes_of):
    text = (
        "Carla Montez said she would vote for him not because of a grudge but because he is a good candidate."
    )
    quote = find_quote(quotes_of(text), "she would")
    assert quote.text.endswith("but because he is a good candidate")


def test_the_fullest_name_of_a_speaker_does_not_depend_on_the_order_names_come_in():
    names = ["UN Mission", "UN Mission to Mali", "UN Mission to Chad"]
    assert find_fullest("UN Mission", names, set(), "") == find_fullest("UN Mission", names[::-1], set(), "")


def test_quoted_characters_flag_outer_quotations_with_their_marks():
    text = "He said “a ‘b’ c” and left."
    flags = quoted_characters(text, find_quotes(text))
    inside = "".join(char for char, flag in zip(text, flags, strict=False) if flag)
    assert inside == "“a ‘b’ c”"
    assert len(flags) == len(text) + 1 and not flags[len(text)]
