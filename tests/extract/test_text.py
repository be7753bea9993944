from datetime import UTC, datetime

from storyline.extract.text import clean_text, find_speaker
from storyline.records import YearlessDate

PARA_1 = "The harbour council voted on Monday to open a ferry line between the old pier and Tarn island."
PARA_2 = "Councillors approved the plan by nine votes to four after a long and heated session."
PARA_3 = "The first boats are due to sail next spring, the council's transport office said."


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_title_is_the_headline_not_the_menu_above_it():
    cleaned = clean_text(
        page("Skip to content | Home | News | Sport", "Harbour council approves ferry line", PARA_1)
    )
    assert cleaned.title == "Harbour council approves ferry line"
    assert cleaned.paragraphs == (PARA_1,)


def test_title_printed_twice_is_dropped_the_second_time():
    title = "Harbour council approves ferry line"
    cleaned = clean_text(page(title, title, PARA_1, PARA_2))
    assert cleaned.title == title
    assert cleaned.text == page(PARA_1, PARA_2)
    assert title in cleaned.dropped


def test_container_title_is_found_in_the_page():
    cleaned = clean_text(
        page("Lakeside Courier", "Ferry line approved", PARA_1), title_hint="Ferry line approved"
    )
    assert cleaned.title == "Ferry line approved"
    assert cleaned.paragraphs == (PARA_1,)


def test_byline_with_view_counter_label():
    cleaned = clean_text(page("Ferry line approved", "Mira Okonkwo Views", PARA_1))
    assert cleaned.author == "Mira Okonkwo"
    assert cleaned.paragraphs == (PARA_1,)


def test_byline_with_date_gives_author_and_published():
    cleaned = clean_text(page("Ferry line approved", "Mira Okonkwo| March 14, 2022, 09:30 AM", PARA_1))
    assert cleaned.author == "Mira Okonkwo"
    assert cleaned.published == datetime(2022, 3, 14, 9, 30, tzinfo=UTC)


def test_by_byline():
    assert clean_text(page("Ferry line approved", "By Anna de la Cruz", PARA_1)).author == "Anna de la Cruz"


def test_dek_between_title_and_byline_is_not_body():
    dek = "Residents of the island had asked for the service for years."
    cleaned = clean_text(page("Ferry line approved", dek, "By Mira Okonkwo", PARA_1, PARA_2))
    assert cleaned.paragraphs == (PARA_1, PARA_2)
    assert dek in cleaned.dropped


def test_sign_off_name_and_email_give_author_and_outlet():
    cleaned = clean_text(
        page("Ferry line approved", PARA_1, PARA_2, "Mira Okonkwo", "desk@lakeside-courier.example")
    )
    assert cleaned.author == "Mira Okonkwo"
    assert cleaned.outlet == "lakeside-courier.example"
    assert cleaned.paragraphs == (PARA_1, PARA_2)


def test_button_text_is_never_the_author():
    cleaned = clean_text(page("Ferry line approved", "Email the author", PARA_1))
    assert cleaned.author is None


def test_copyright_line_gives_outlet():
    cleaned = clean_text(page("Ferry line approved", PARA_1, "© 2022 Lakeside Courier. All rights reserved."))
    assert cleaned.outlet == "Lakeside Courier"
    assert cleaned.paragraphs == (PARA_1,)


def test_copyright_line_of_a_host_gives_the_host_less_www():
    cleaned = clean_text(page("Ferry line approved", PARA_1, "Copyright © 2022 www.lakeside-courier.example"))
    assert cleaned.outlet == "lakeside-courier.example"


def test_a_byline_email_domain_gives_outlet():
    cleaned = clean_text(
        page("Ferry line approved", "By Mira Okonkwo, mira@www.lakeside-courier.example", PARA_1)
    )
    assert cleaned.outlet == "lakeside-courier.example"


def test_a_labelled_site_name_gives_outlet():
    cleaned = clean_text(page("Ferry line approved", PARA_1, PARA_2, "Publisher: Lakeside Courier"))
    assert cleaned.outlet == "Lakeside Courier"


def test_a_labelled_address_gives_its_host():
    cleaned = clean_text(
        page("URL: https://www.lakeside-courier.example/news/ferry", "Ferry line approved", PARA_1)
    )
    assert cleaned.outlet == "lakeside-courier.example"


def test_a_labelled_social_profile_names_no_outlet():
    cleaned = clean_text(
        page("Ferry line approved", PARA_1, "Site: https://www.facebook.com/lakeside.courier")
    )
    assert cleaned.outlet is None


def test_a_line_that_is_only_the_pages_address_gives_its_host():
    cleaned = clean_text(
        page("Ferry line approved", PARA_1, PARA_2, "https://lakeside-courier.example/news/ferry")
    )
    assert cleaned.outlet == "lakeside-courier.example"


def test_a_share_link_or_a_link_with_words_names_no_outlet():
    share = "https://www.facebook.com/sharer/sharer.php?u=ferry"
    cleaned = clean_text(page("Ferry line approved", PARA_1, "Read more: https://other.example/story", share))
    assert cleaned.outlet is None


def test_an_address_in_the_body_names_no_outlet():
    cleaned = clean_text(
        page("Ferry line approved", PARA_1, "https://tarn-ferries.example/timetable", PARA_2)
    )
    assert "https://tarn-ferries.example/timetable" in cleaned.paragraphs
    assert cleaned.outlet is None


def test_official_statement_speaker_from_title():
    title = "Harbour Master of Port Tarn’s Remarks on the Ferry Plan"
    cleaned = clean_text(page(title, "2022-03-14 09:30", PARA_1))
    assert cleaned.author == "Harbour Master of Port Tarn"
    assert find_speaker("Statement by the Mayor of Lakeside on the Ferry Plan") == "the Mayor of Lakeside"
    assert find_speaker("Ferry line approved on Monday") is None


def test_datelines_give_earliest_published_and_latest_updated():
    cleaned = clean_text(page("Mar 16, 2022, 4:00 PM\nMar 14, 2022, 9:30 AM", "Ferry line approved", PARA_1))
    assert cleaned.published == datetime(2022, 3, 14, 9, 30, tzinfo=UTC)
    assert cleaned.updated == datetime(2022, 3, 16, 16, 0, tzinfo=UTC)


def test_yearless_date_from_body_when_no_full_date():
    body = "On March 14, the harbour council voted to open a ferry line to Tarn island."
    cleaned = clean_text(page("Ferry line approved", body))
    assert cleaned.published is None
    assert cleaned.yearless_date == YearlessDate(3, 14)


def test_no_yearless_date_when_published_is_known():
    body = "On March 14, the harbour council voted to open a ferry line to Tarn island."
    cleaned = clean_text(page("Ferry line approved", "2022-03-15 10:00", body))
    assert cleaned.yearless_date is None


def test_crossheads_between_paragraphs_stay_in_the_body():
    cleaned = clean_text(page("Ferry line approved", PARA_1, "Costs and timetable", PARA_2))
    assert cleaned.paragraphs == (PARA_1, "Costs and timetable", PARA_2)


def test_trailing_link_lists_counters_and_credits_are_dropped():
    cleaned = clean_text(
        page(
            "Ferry line approved",
            PARA_1,
            PARA_2,
            "Read more of our harbour coverage:",
            "Top image via Flickr/harbourfan",
            "Comments0",
            "12",
            "[LATEST] Latest Stories",
            "  • Storm damage survey published",
            "  • Bridge closed for repairs",
            "You May Also Like",
            "The mayor said the ferry will be a success for everybody involved.",
            "Share it on...",
        )
    )
    assert cleaned.paragraphs == (PARA_1, PARA_2)
    assert "Comments0" in cleaned.dropped


def test_summary_box_and_section_labels_are_dropped():
    cleaned = clean_text(
        page(
            "Ferry line approved",
            "Highlights\n  • The council approved a ferry line.\n  • Boats sail next spring.\nStory",
            PARA_1,
            "Opinions",
            "You've reached the end",
        )
    )
    assert cleaned.paragraphs == (PARA_1,)


def test_boilerplate_in_other_languages_is_dropped():
    cleaned = clean_text(page("Fähre genehmigt", PARA_1, "Baca juga: Jembatan ditutup", PARA_2, "Kommentare"))
    assert cleaned.paragraphs == (PARA_1, PARA_2)


def test_paragraphs_are_trimmed_original_lines():
    cleaned = clean_text("Ferry line approved\n   " + PARA_1 + "   \n\t" + PARA_2)
    assert cleaned.text == PARA_1 + "\n\n" + PARA_2


def test_page_of_short_lines_keeps_its_text():
    cleaned = clean_text(page("Ferry timetable", "Monday to Friday", "Every two hours"))
    assert cleaned.paragraphs == ("Monday to Friday", "Every two hours")


def test_short_closing_sentence_stays_in_the_body():
    cleaned = clean_text(
        page("Ferry line approved", PARA_1, "He declined to comment.", "Thanks for reading.")
    )
    assert cleaned.paragraphs == (PARA_1, "He declined to comment.")


def test_list_items_inside_the_body_stay():
    items = ("- two boats sailing every hour in summer;", "- one boat every two hours in winter.")
    cleaned = clean_text(page("Ferry line approved", PARA_1, "The plan includes:", *items, PARA_2))
    assert cleaned.paragraphs == (PARA_1, "The plan includes:", *items, PARA_2)


def test_breadcrumb_is_not_the_title():
    cleaned = clean_text(page("Home > News > Local", "Ferry line approved", PARA_1))
    assert cleaned.title == "Ferry line approved"


def test_byline_affiliation_after_a_comma_is_not_the_author():
    cleaned = clean_text(
        page("Ferry line approved", "By Mira Okonkwo and Tom Lind, Lakeside Courier", PARA_1)
    )
    assert cleaned.author == "Mira Okonkwo and Tom Lind"


def test_byline_split_over_name_and_role_lines():
    cleaned = clean_text(
        page("Ferry line approved", "Mira Okonkwo\nSenior Reporter", "March 14, 2022", PARA_1)
    )
    assert cleaned.author == "Mira Okonkwo"
    assert cleaned.published == datetime(2022, 3, 14, tzinfo=UTC)
    assert cleaned.paragraphs == (PARA_1,)


def test_german_page():
    cleaned = clean_text(
        page(
            "Startseite > Politik > Ausland",
            "Stadtrat beschließt neue Fährlinie",
            "Von Jana Keller | 12. Juli 2023, 14:30 Uhr",
            "Der Stadtrat hat am Montag beschlossen, eine neue Fährlinie zur Insel zu eröffnen.",
            "Lesen Sie auch: Brücke bleibt gesperrt",
            "Kommentare (3)",
        )
    )
    assert (cleaned.title, cleaned.author) == ("Stadtrat beschließt neue Fährlinie", "Jana Keller")
    assert cleaned.published == datetime(2023, 7, 12, 14, 30, tzinfo=UTC)
    assert len(cleaned.paragraphs) == 1


def test_french_byline_with_date():
    cleaned = clean_text(
        page(
            "Le conseil approuve une ligne de ferry",
            "Par Claire Dubois, publié le 3 juillet 2023 à 14h30",
            "Le conseil municipal a décidé lundi d'ouvrir une nouvelle ligne de ferry vers l'île.",
            "Partager sur Facebook",
        )
    )
    assert cleaned.author == "Claire Dubois"
    assert cleaned.published == datetime(2023, 7, 3, 14, 30, tzinfo=UTC)
    assert "Partager sur Facebook" in cleaned.dropped


def test_chinese_page_without_spaces():
    cleaned = clean_text(
        page(
            "首页 | 新闻 | 国际 | 财经",
            "港口委员会批准新的渡轮航线",
            "港口委员会周一投票决定开通一条渡轮航线，结束了长达三年的争论。",
        )
    )
    assert cleaned.title == "港口委员会批准新的渡轮航线"
    assert cleaned.paragraphs == ("港口委员会周一投票决定开通一条渡轮航线，结束了长达三年的争论。",)


def test_container_title_absent_from_the_page_still_finds_the_headline():
    cleaned = clean_text(page("Ferry line approved", PARA_1), title_hint="Council backs ferry")
    assert cleaned.paragraphs == (PARA_1,)


def test_title_is_the_headline_above_the_byline_not_the_masthead():
    cleaned = clean_text(
        "\n".join(
            [
                "LAKESIDE GAZETTE",
                "News › Local",
                "",
                "Town hall reopens after two years of repairs",
                "",
                "By Ines Moreau",
                "March 2, 2026, 10:00 AM",
                "",
                "The town hall of Lakeside reopened on Monday after two years of repairs to its roof and walls.",
            ]
        )
    )
    assert cleaned.title == "Town hall reopens after two years of repairs"


def test_a_page_opening_with_prose_has_no_title_of_its_own():
    cleaned = clean_text("The ferry to Lakeside left an hour late on Monday after a storm.\n\nIt was full.")
    assert cleaned.title is None
    assert cleaned.paragraphs[0].startswith("The ferry to Lakeside")
