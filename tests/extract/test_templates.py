from storyline.extract.templates import drop_outlet_templates, outlet_key
from storyline.records import Article

BIO = "Mira Okonkwo writes about the harbour, its ferries and its people for the Courier."


def _article(name: str, paragraphs: list[str], url: str | None = None, outlet: str | None = None) -> Article:
    url = url or f"https://www.courier.example/{name}"
    return Article(id=name, raw_id=name, source=name, text="\n\n".join(paragraphs), url=url, outlet=outlet)


def test_a_paragraph_on_another_article_of_the_outlet_is_dropped():
    ferry = _article("ferry", ["The ferry line opens in spring.", "Fares will be low.", BIO])
    bridge = _article("bridge", ["The bridge repairs are delayed.", "Work resumes in May.", BIO])
    cleaned = drop_outlet_templates([ferry, bridge])
    assert [article.paragraphs for article in cleaned] == [ferry.paragraphs[:2], bridge.paragraphs[:2]]
    assert cleaned[0].dropped == (BIO,)


def test_copies_of_one_article_are_not_a_template():
    ferry = _article("ferry", ["The ferry line opens in spring.", "Fares will be low.", BIO])
    copy = _article("copy", [*ferry.paragraphs, "Updated with fares."])
    assert drop_outlet_templates([ferry, copy]) == [ferry, copy]


def test_other_outlets_do_not_share_a_template():
    ferry = _article("ferry", ["The ferry line opens in spring.", BIO])
    elsewhere = _article(
        "bridge", ["The bridge repairs are delayed.", BIO], url="https://gazette.example/bridge"
    )
    assert drop_outlet_templates([ferry, elsewhere]) == [ferry, elsewhere]


def test_an_article_that_would_be_left_empty_is_kept_whole():
    short = _article("short", [BIO])
    ferry = _article("ferry", ["The ferry line opens in spring.", "Fares will be low.", BIO])
    assert drop_outlet_templates([short, ferry])[0] == short


def test_outlet_key_is_the_host_else_the_outlet_name():
    assert outlet_key(_article("a", ["x"])) == "courier.example"
    assert outlet_key(Article(id="b", raw_id="b", source="b", text="x", outlet="Courier")) == "Courier"
