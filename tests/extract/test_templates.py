from storyline.extract.templates import OutletsInMemory, drop_outlet_template, outlet_key
from storyline.records import Article

BIO = "Mira Okonkwo writes about the harbour, its ferries and its people for the Courier."


def _article(name: str, paragraphs: list[str], url: str | None = None, outlet: str | None = None) -> Article:
    url = url or f"https://www.courier.example/{name}"
    return Article(id=name, raw_id=name, source=name, text="\n\n".join(paragraphs), url=url, outlet=outlet)


def _stream(*articles: Article) -> list[Article]:
    memory = OutletsInMemory()
    return [drop_outlet_template(article, memory) for article in articles]


def test_a_paragraph_on_an_earlier_article_of_the_outlet_is_dropped():
    ferry = _article("ferry", ["The ferry line opens in spring.", "Fares will be low.", BIO])
    bridge = _article("bridge", ["The bridge repairs are delayed.", "Work resumes in May.", BIO])
    cleaned = _stream(ferry, bridge)
    assert [article.paragraphs for article in cleaned] == [ferry.paragraphs, bridge.paragraphs[:2]]
    assert cleaned[1].dropped == (BIO,)


def test_copies_of_one_article_are_not_a_template():
    ferry = _article("ferry", ["The ferry line opens in spring.", "Fares will be low.", BIO])
    copy = _article("copy", [*ferry.paragraphs, "Updated with fares."])
    assert _stream(ferry, copy) == [ferry, copy]


def test_other_outlets_do_not_share_a_template():
    ferry = _article("ferry", ["The ferry line opens in spring.", BIO])
    elsewhere = _article(
        "bridge", ["The bridge repairs are delayed.", BIO], url="https://gazette.example/bridge"
    )
    assert _stream(ferry, elsewhere) == [ferry, elsewhere]


def test_an_article_that_would_be_left_empty_is_kept_whole():
    ferry = _article("ferry", ["The ferry line opens in spring.", "Fares will be low.", BIO])
    short = _article("short", [BIO])
    assert _stream(ferry, short)[1] == short


def test_the_same_page_read_again_is_not_its_own_template():
    ferry = _article("ferry", ["The ferry line opens in spring.", "Fares will be low.", BIO])
    assert _stream(ferry, ferry) == [ferry, ferry]


def test_outlet_key_is_the_host_else_the_outlet_name():
    assert outlet_key(_article("a", ["x"])) == "courier.example"
    assert outlet_key(Article(id="b", raw_id="b", source="b", text="x", outlet="Courier")) == "Courier"
