import pytest

from storyline.extract.boilerplate import (
    NAVIGATION_PHRASES,
    Kind,
    byline_name,
    classify,
    email_domain,
    has_phrase,
    is_prose,
    looks_like_name,
    normalise,
    split_names,
)


@pytest.mark.parametrize(
    "line",
    [
        "Skip to content",
        "Home | News | Sport | Weather | Culture",
        "Read more of our harbour coverage:",
        "Photo: Lakeside Courier archive",
        "Image via Flickr/harbourfan",
        "Share on Facebook",
        "Subscribe to our newsletter",
        "Baca juga: Jembatan ditutup",
        "Lesen Sie auch",
        "Lire aussi",
        "© 2024 Lakeside Courier",
        "Copyright ⓒ Lakeside Courier. Reproduction prohibited",
        "Tell us what you think...",
        "Like this story? Share it with a friend!",
        "Tags: harbour, ferries",
        "Filed under: Harbour |",
    ],
)
def test_classify_finds_navigation(line):
    assert classify(line) in (Kind.BOILERPLATE, Kind.END)


@pytest.mark.parametrize(
    "line",
    [
        "You May Also Like",
        "Most Read",
        "Kommentar schreiben",
        "Tous droits réservés.",
        "More from the Courier",
    ],
)
def test_classify_finds_end_headings(line):
    assert classify(line) in (Kind.END, Kind.BOILERPLATE)


@pytest.mark.parametrize("line", ["Comments0", "300", "1,204 views", "Kommentare 12"])
def test_classify_finds_counters(line):
    assert classify(line) is Kind.COUNTER


@pytest.mark.parametrize("line", ["Highlights", "Story", "Opinions", "Key points"])
def test_classify_finds_section_labels(line):
    assert classify(line) is Kind.LABEL


def test_classify_finds_bullets_and_emails():
    assert classify("• Storm damage survey published") is Kind.BULLET
    assert classify("[NEW] Ferry timetable") is Kind.BULLET
    assert classify("2. Bridge closed for repairs") is Kind.BULLET
    assert classify("desk@lakeside-courier.example") is Kind.EMAIL


def test_classify_keeps_headlines_and_crossheads_as_text():
    assert classify("Facebook fined over harbour data leak") is Kind.TEXT
    assert classify("Costs and timetable") is Kind.TEXT


def test_prose_needs_words_and_a_stop():
    assert is_prose("The council voted on Monday to open the line.")
    assert not is_prose("Council votes.")
    assert not is_prose("The council voted on Monday to open the line")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Mira Okonkwo", "Mira Okonkwo"),
        ("By Anna de la Cruz and Tom Lind", "Anna de la Cruz and Tom Lind"),
        ("Mira Okonkwo | March 14, 2022, 09:30 AM", "Mira Okonkwo"),
        ("Mira Okonkwo Views", "Mira Okonkwo"),
        ("Oleh Budi Santoso", "Budi Santoso"),
        ("Von Jana Keller", "Jana Keller"),
    ],
)
def test_byline_name(line, name):
    assert byline_name(line) == name


@pytest.mark.parametrize("line", ["Email the author", "By the way", "Share it on...", "Costs and timetable"])
def test_byline_name_rejects_junk(line):
    assert byline_name(line) is None


def test_looks_like_name():
    assert looks_like_name("Jan van der Berg")
    assert not looks_like_name("Email the Author")
    assert not looks_like_name("Tesla Model 3")


def test_email_domain_skips_free_mail():
    assert email_domain("desk@www.lakeside-courier.example") == "lakeside-courier.example"
    assert email_domain("someone@gmail.com") is None


def test_cookie_banner_is_boilerplate_even_as_sentences():
    banner = "We use cookies to improve your visit. By continuing to browse you agree to our cookie policy."
    assert classify(banner) is Kind.BOILERPLATE


def test_split_names_reads_a_list_of_authors():
    assert split_names("Anna Berg, Tom Lind and Jo Sims") == ["Anna Berg", "Tom Lind", "Jo Sims"]


def test_dont_miss_is_a_label_but_a_sentence_saying_it_is_prose():
    assert classify("DON'T MISS") is Kind.LABEL
    assert classify("Residents said they would not miss the old ferry at all.") is Kind.PROSE


def test_phrases_match_whole_words_and_a_colon_may_run_on():
    assert has_phrase("Photo:Lakeside Courier", NAVIGATION_PHRASES)
    assert has_phrase("“Read more” about the ferry", NAVIGATION_PHRASES)
    assert not has_phrase("Thread more rope", NAVIGATION_PHRASES)
    assert not has_phrase("The spread morel season", NAVIGATION_PHRASES)


def test_normalise_straightens_quotes_and_unfolds_compatibility_characters():
    assert normalise("“Ｆerry”  line’s   ﬁrst run") == '"Ferry" line\'s first run'
