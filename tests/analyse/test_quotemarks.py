from storyline.analyse.quotemarks import find_quotes, split_paragraphs


def contents(text: str) -> list[str]:
    return [text[span.content[0] : span.content[1]] for span in find_quotes(text)]


def test_curly_double_quotes_give_content_without_marks():
    assert contents("She said, “We will win.” Then left.") == ["We will win."]


def test_trailing_comma_is_left_out_of_content():
    assert contents("“We will win,” she said.") == ["We will win"]


def test_straight_quotes_pair_by_context():
    assert contents('He said "yes" and "no" today.') == ["yes", "no"]


def test_mixed_curly_open_and_straight_close():
    assert contents('A call to “stop the war" was made.') == ["stop the war"]


def test_low_and_angle_quotes():
    assert contents("Er sagte „Nein“ und « Oui » dann.") == ["Nein", "Oui"]


def test_single_quotes_nested_in_double_quotes():
    text = "The question was, “He said ‘we are ready’ today. Why?”"
    assert contents(text) == ["He said ‘we are ready’ today. Why?", "we are ready"]
    assert [span.nested for span in find_quotes(text)] == [False, True]


def test_apostrophes_are_not_quotes():
    assert contents("“The council’s plan isn’t ours,” she said.") == ["The council’s plan isn’t ours"]


def test_unclosed_quote_runs_to_paragraph_end():
    assert contents("“We start here.\n\nNext paragraph.") == ["We start here."]


def test_paragraphs_split_on_blank_lines():
    assert split_paragraphs("one\n\ntwo\n \nthree") == [(0, 3), (5, 8), (11, 16)]


def test_two_apostrophes_make_a_double_mark():
    assert contents("He said ''we will win,'' and left.") == ["we will win"]
