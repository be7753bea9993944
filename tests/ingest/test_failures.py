"""Bad files and bad records: each gives one clear, named failure and nothing half-read."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from storyline.errors import E_BINARY, E_EMPTY, E_UNDECODABLE, InputError
from storyline.ingest import IngestFailure, ingest_file, ingest_paths, read_file
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.records import RawDocument

PAGE = b"<html><body><p>" + b"Dockers walked out. " * 200 + b"</p></body></html>"


def failure_of(path: Path, options: Options = DEFAULT_OPTIONS) -> IngestFailure:
    items = read_file(path, options)
    assert len(items) == 1 and isinstance(items[0], IngestFailure), items
    return items[0]


def test_failure_prints_as_path_colon_reason() -> None:
    assert str(IngestFailure("a/b.txt", "the file is empty")) == "a/b.txt: the file is empty"


def test_nul_bytes_are_binary(write) -> None:
    assert failure_of(write("a.txt", b"text\x00more")).reason == E_BINARY


def test_png_magic_is_binary_even_with_an_html_extension(write) -> None:
    assert failure_of(write("a.html", b"\x89PNG\r\n\x1a\nabc")).reason == E_BINARY


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf  ", b"\x1c\x1f", b"\xc2\xa0\n"])
def test_empty_or_blank_file_is_empty(write, content: bytes) -> None:
    assert failure_of(write("a.txt", content)).reason == E_EMPTY


def test_empty_gzip_is_empty(write, gzip_bytes) -> None:
    assert failure_of(write("a.html.gz", gzip_bytes(b""))).reason == E_EMPTY


def test_undecodable_bytes_are_reported(write) -> None:
    assert failure_of(write("a.txt", bytes(range(128, 256)) * 4)).reason == E_UNDECODABLE


def test_file_over_max_bytes_is_refused_without_reading(write, monkeypatch) -> None:
    path = write("big.txt", "word " * 100)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    reason = failure_of(path, Options(max_bytes=100)).reason
    assert reason.startswith("the file is 500 bytes, over the 100-byte limit")


def test_gzip_unpacking_over_max_bytes_is_refused(write, gzip_bytes) -> None:
    path = write("bomb.html.gz", gzip_bytes(b"<p>" + b"a" * 10_000))
    assert "unpacks to over the 1,000-byte limit" in failure_of(path, Options(max_bytes=1000)).reason


def test_truncated_gzip_fails(write, gzip_bytes) -> None:
    packed = gzip_bytes(PAGE)
    assert "truncated" in failure_of(write("a.html.gz", packed[: len(packed) // 2])).reason


def test_truncated_gzipped_warc_yields_only_a_failure(write, warc_bytes) -> None:
    records = [{"url": f"https://l.example/{n}", "body": PAGE} for n in range(3)]
    data = warc_bytes(records, compress=True)
    assert "truncated" in failure_of(write("c.warc.gz", data[:-40])).reason


@pytest.mark.parametrize("cut", [300, 2000])
def test_truncated_plain_warc_yields_only_a_failure(write, warc_bytes, cut: int) -> None:
    data = warc_bytes([{"url": f"https://l.example/{n}", "body": PAGE} for n in range(3)], compress=False)
    assert "truncated" in failure_of(write("c.warc", data[:-cut])).reason


def test_warc_without_html_responses_fails(write, warc_bytes) -> None:
    data = warc_bytes(
        [{"url": "https://l.example/i.png", "body": b"x", "headers": [("Content-Type", "image/png")]}],
        compress=False,
    )
    assert "no HTML response records" in failure_of(write("c.warc", data)).reason


def test_text_with_a_warc_extension_is_not_a_warc(write) -> None:
    assert "not a WARC archive" in failure_of(write("c.warc", "hello")).reason


def test_undecodable_warc_record_fails_alone(write, warc_bytes) -> None:
    bad = bytes(range(128, 256)) * 4
    data = warc_bytes(
        [{"url": "https://l.example/a", "body": PAGE}, {"url": "https://l.example/b", "body": bad}],
        compress=False,
    )
    good, failure = read_file(write("c.warc", data))
    assert isinstance(good, RawDocument)
    assert failure.source.endswith("#urn:uuid:00000000-0000-0000-0000-000000000002")
    assert failure.reason == E_UNDECODABLE


@pytest.mark.parametrize(
    "content", ["<rss><channel><item>", "this is not a feed", "<?xml version='1.0'?><rss></rss>"]
)
def test_malformed_feed_fails(write, content: str) -> None:
    assert failure_of(write("f.xml", content)).reason.startswith("malformed feed")


def test_bad_jsonl_line_fails_alone(write) -> None:
    lines = [
        '{"text": "one"}',
        "{not json",
        '{"title": "no body"}',
        '["a list"]',
        '{"text": 5}',
        '{"text": "six"}',
    ]
    path = write("w.jsonl", "\n".join(lines))
    items = list(ingest_paths([path]))
    assert [item.source for item in items] == [f"{path}#L{n}" for n in range(1, 7)]
    good = [item.payload for item in items if isinstance(item, RawDocument)]
    reasons = [item.reason for item in items if isinstance(item, IngestFailure)]
    assert good == ["one", "six"]
    assert reasons[0].startswith("the line is not JSON")
    assert reasons[1:] == [
        "the record has neither a non-empty 'text' nor 'html' field",
        "the record is JSON but not an object (found list)",
        "'text' must be a string, not int",
    ]


def test_ingest_file_raises_input_error_for_a_bad_file(write) -> None:
    path = write("a.txt", b"\x00\x01")
    with pytest.raises(InputError) as raised:
        ingest_file(path)
    assert str(raised.value) == f"{path}: {E_BINARY}"


def test_ingest_file_drops_bad_lines_unless_asked_to_raise(write) -> None:
    path = write("w.jsonl", '{"text": "ok"}\n{bad\n')
    assert [document.payload for document in ingest_file(path)] == ["ok"]
    with pytest.raises(InputError, match="#L2: the line is not JSON"):
        ingest_file(path, Options(on_error="raise"))


def test_a_bad_file_is_one_failure_between_good_files(write) -> None:
    write("d/a.txt", "good a")
    write("d/b.txt", b"\x00")
    write("d/c.txt", "good c")
    items = list(ingest_paths([write("d/a.txt", "good a").parent]))
    assert [type(item).__name__ for item in items] == ["RawDocument", "IngestFailure", "RawDocument"]


def test_truncated_feed_yields_only_a_failure(write) -> None:
    items = "".join(
        f"<item><title>T{n}</title><guid>g{n}</guid>"
        f"<description>&lt;p&gt;Body {n}&lt;/p&gt;</description></item>"
        for n in range(6)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>H</title>{items}</channel></rss>'
    assert "truncated" in failure_of(write("f.rss", feed[: len(feed) * 2 // 3])).reason


@pytest.mark.parametrize("name", ["a\nstoryline: wrote x.txt", "a\rb.txt", "a\x1b[2Jb.txt", "a\u202eb.txt"])
def test_a_file_name_holding_a_line_break_or_control_cannot_forge_a_message_line(name) -> None:
    shown = str(IngestFailure(name, "the file is empty"))
    assert shown.isprintable()
    assert str(InputError(name, "the file is empty")).isprintable()


def test_a_name_in_a_message_keeps_its_letters_from_other_scripts() -> None:
    assert str(IngestFailure("Überblick/北京.txt", "x")) == "Überblick/北京.txt: x"


def entity_feed(levels: int = 4) -> str:
    """A billion-laughs feed: entities declared in terms of each other, used as the only text."""
    names = [f"lol{level}" for level in range(levels)]
    declared = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY {name} "{("&" + previous + ";") * 10}">' for previous, name in itertools.pairwise(names)
    ]
    junk = f"&{names[-1]};"
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{chr(10).join(declared)}\n]>\n'
        f'<rss version="2.0"><channel><title>{junk}</title>'
        f"<item><title>{junk}</title><description>{junk}</description></item>"
        f"<item><title>Empty</title><description><![CDATA[<p> </p>]]></description></item>"
        "</channel></rss>"
    )


def test_a_feed_of_entity_junk_and_empty_entries_is_named_as_bad(write) -> None:
    failure = failure_of(write("laughs.xml", entity_feed()))
    assert failure.source.endswith("laughs.xml")
    assert "none of its 2 entries holds text" in failure.reason


def test_a_feed_entry_of_entity_junk_fails_alone_beside_a_good_one(write) -> None:
    good = f"<item><title>Port strike</title><description>{'Dockers walked out. ' * 5}</description></item>"
    items = read_file(write("mixed.xml", entity_feed().replace("</channel>", good + "</channel>")))
    documents = [item for item in items if isinstance(item, RawDocument)]
    assert [document.title for document in documents] == ["Port strike"]
    assert documents[0].outlet is None  # the channel's title was entity junk too
    assert len(items) == 3
