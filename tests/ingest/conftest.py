"""Builders for the ingest tests: every fixture file is generated in tmp_path, never copied."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.builders import build_warc

PAGE = "<!doctype html><html><head><title>Port strike</title></head><body><p>{}</p></body></html>"


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """Write bytes or UTF-8 text to tmp_path/name (creating folders) and return the path."""

    def write_file(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write_file


@pytest.fixture
def warc_bytes() -> Callable[..., bytes]:
    return build_warc


@pytest.fixture
def gzip_bytes() -> Callable[[bytes], bytes]:
    return lambda data: gzip.compress(data, mtime=0)
