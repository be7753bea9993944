"""The bundled corpus: every article is read, nothing fails, and the packed files match their sources."""

from __future__ import annotations

import collections
import gzip
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from storyline.ingest import IngestFailure, ingest_paths
from storyline.records import RawDocument

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def read_samples() -> tuple[list[RawDocument], list[IngestFailure], list[Path]]:
    run = ingest_paths([SAMPLES])
    items = list(run)
    documents = [item for item in items if isinstance(item, RawDocument)]
    return documents, [item for item in items if isinstance(item, IngestFailure)], run.skipped


def container_of(document: RawDocument) -> str:
    name = Path(document.source.split("#")[0]).name
    return name.split(".", 1)[1]


def test_every_sample_article_is_read_without_failure() -> None:
    documents, failures, _ = read_samples()
    assert failures == []
    assert len(documents) == 27  # 25 articles, one syndicated copy, one exact duplicate file


def test_samples_cover_all_five_formats() -> None:
    documents, _, _ = read_samples()
    counts = collections.Counter(container_of(document) for document in documents)
    assert counts == {"txt": 5, "html": 8, "html.gz": 1, "jsonl": 5, "atom": 4, "warc.gz": 4}


def test_only_the_generator_readme_and_sources_are_skipped() -> None:
    _, _, skipped = read_samples()
    assert {path.suffix for path in skipped} == {".py", ".md", ".http", ".src"}


def test_packed_html_matches_its_source() -> None:
    source = SAMPLES / "src" / "pulso-austral" / "2026-04-15-fin-huelga-cerro-blanco.html.src"
    packed = SAMPLES / "pulso-austral" / "2026-04-15-fin-huelga-cerro-blanco.html.gz"
    assert gzip.decompress(packed.read_bytes()) == source.read_bytes()


def is_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers.get_statuscode() != "200":
        return False
    return record.http_headers.get_header("Content-Type").startswith("text/html")


def test_warc_holds_one_response_per_source_page() -> None:
    with (SAMPLES / "continental-ledger.warc.gz").open("rb") as stream:
        urls = [
            record.rec_headers.get_header("WARC-Target-URI")
            for record in ArchiveIterator(stream)
            if is_page(record)
        ]
    pages = sorted(path.stem for path in (SAMPLES / "src" / "continental-ledger").glob("*.http"))
    assert sorted(url.rsplit("/", 1)[1] for url in urls) == pages
