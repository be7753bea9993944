"""Which files are read, in which order, and what on_error does with failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import E_BINARY, InputError
from storyline.ingest import find_files, ingest_paths
from storyline.options import Options
from storyline.records import RawDocument


@pytest.fixture
def tree(write) -> Path:
    for name in [
        "b.txt",
        "a/z.html",
        "a/b/c.txt",
        "A.txt",
        "c.jsonl",
        ".hidden.txt",
        ".git/x.txt",
        "README.md",
        "gold.json",
        "build.py",
        "notes.TXT",
    ]:
        write(f"root/{name}", '{"text": "x"}' if name.endswith("jsonl") else f"text of {name}")
    return write("root/b.txt", "text of b.txt").parent


def names(paths: list[Path], root: Path) -> list[str]:
    return [path.relative_to(root).as_posix() for path in paths]


def test_folders_are_walked_recursively_in_sorted_order(tree: Path) -> None:
    files, _ = find_files([tree])
    assert names(files, tree) == ["A.txt", "b.txt", "c.jsonl", "notes.TXT", "a/z.html", "a/b/c.txt"]


def test_hidden_files_and_folders_are_skipped_silently(tree: Path) -> None:
    files, skipped = find_files([tree])
    assert not [path for path in files + skipped if "hidden" in path.name or ".git" in path.parts]


def test_other_extensions_are_skipped_and_counted(tree: Path) -> None:
    run = ingest_paths([tree])
    assert sorted(names(run.skipped, tree)) == ["README.md", "build.py", "gold.json"]
    assert all(isinstance(item, RawDocument) for item in run)


def test_order_is_the_same_on_every_run(tree: Path) -> None:
    assert [item.source for item in ingest_paths([tree])] == [item.source for item in ingest_paths([tree])]


def test_paths_are_read_in_sorted_order_whatever_the_order_given_and_a_file_named_twice_once(
    tree: Path,
) -> None:
    given = [tree / "b.txt", tree / "a", tree / "a" / "z.html"]
    for paths in (given, given[::-1]):
        run = ingest_paths(paths)
        assert [Path(item.source).name for item in run] == ["z.html", "c.txt", "b.txt"]


def test_missing_path_raises_before_anything_is_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        ingest_paths([tmp_path / "nowhere"])


def test_explicit_hidden_file_is_read(write) -> None:
    assert [item.payload for item in ingest_paths([write(".draft.txt", "draft")])] == ["draft"]


@pytest.fixture
def mixed(write) -> Path:
    write("m/a.txt", "good")
    write("m/b.txt", b"\x00\x00")
    return write("m/c.txt", "also good").parent


def test_failures_are_yielded_whatever_on_error_says(mixed: Path) -> None:
    for on_error in ("collect", "skip", "raise"):
        items = list(ingest_paths([mixed], Options(on_error=on_error)))
        assert [type(item).__name__ for item in items] == ["RawDocument", "IngestFailure", "RawDocument"]
        assert items[1].reason == E_BINARY


def test_a_symlink_loop_in_a_folder_is_named_and_the_rest_is_read(write) -> None:
    good = write("root/good.txt", "text of good.txt")
    loop = good.parent / "loop.txt"
    loop.symlink_to(loop)
    items = list(ingest_paths([good.parent]))
    assert [item.source for item in items if isinstance(item, RawDocument)] == [str(good)]
    failures = [item for item in items if not isinstance(item, RawDocument)]
    assert [failure.source for failure in failures] == [str(loop)]
    assert "symbolic link loop" in failures[0].reason
