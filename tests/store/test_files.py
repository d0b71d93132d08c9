"""Reading article files: encodings, line endings, and the files and folders that are refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store import files
from store.files import ArticleError, article_files, read_article

TEXT = "NATO’s “partners” met in Tokyo.\nIt was the first time."


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),
    TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]),
    TEXT.encode("utf-32"),
    TEXT.encode("cp1252"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
    TEXT.replace("\n", "\r").encode("cp1252"),
], ids=["utf8", "utf8-bom", "utf16", "utf16-be", "utf32", "cp1252", "crlf", "cr-cp1252"])
def test_encodings_and_line_endings_decode_to_the_same_text(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert read_article(path) == TEXT


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"  \n\t\r\n ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
    (b"\xef\xbb\xbf" + bytes(range(1, 32)) * 20, "binary"),
    (b"\x81\x8d\x8f\x90\x9d" * 10, "not UTF-8 or Windows-1252"),
    (b"\xff\xfe\x00\xd8", "invalid UTF-16"),
    # Markup is read as the web page it is (store/read/html.py); one with no article text is refused.
    (b"<!DOCTYPE html><html><head><script>track()</script></head><body><img src=a.png></body></html>",
     "no article text"),
])
def test_unusable_files_are_refused_with_one_line(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message) as error:
        read_article(path)
    assert "\n" not in str(error.value)
    assert str(path) in str(error.value)


def test_a_text_is_read_for_control_characters_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    looked = []
    monkeypatch.setattr(files, "_looks_binary", lambda text: looked.append(text) or False)
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    assert read_article(path) == TEXT and looked == [TEXT]


NON_LATIN = {
    "chinese": "东京会谈结束后，外长说双方将加强合作。\n会议开了两天，明年再见。",
    "russian": "Министр сказал, что встреча в Токио была полезной.\nОна длилась два дня.",
    "arabic": "قال الوزير إن اللقاء في طوكيو كان مفيدا.\nاستمر يومين.",
}
"""Short made-up sentences in scripts whose UTF-16 has few or no NUL bytes."""


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("script", NON_LATIN)
def test_utf16_without_a_byte_order_mark_is_read_in_any_script(tmp_path: Path, script: str, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(NON_LATIN[script].encode(encoding))
    assert read_article(path) == NON_LATIN[script]


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,
    b"\x7fELF\x02\x01\x01" + bytes(9) + bytes((i * 37 + 11) % 256 for i in range(4000)),
    b"\x1f\x8b\x08\x00" + bytes((i * i * 7 + 3) % 256 for i in range(4000)),
], ids=["every-byte", "elf-like", "gzip-like"])
def test_binary_is_still_refused_though_it_might_be_utf16(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match="binary|not UTF-8"):
        read_article(path)


def test_missing_file_and_folder_given_as_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(ArticleError, match="no such file"):
        article_files(tmp_path / "missing.txt")
    with pytest.raises(ArticleError, match="is a folder"):
        read_article(tmp_path)


def test_too_large_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("store.files.MAX_ARTICLE_BYTES", 10)
    path = tmp_path / "a.txt"
    path.write_text("x" * 11)
    with pytest.raises(ArticleError, match="too large"):
        read_article(path)


def test_long_single_line_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("word " * 20_000)
    assert len(read_article(path)) == 100_000


def test_folder_lists_articles_sorted_recursively_skipping_others(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "c.TXT", "notes.docx", "page.html", "report.pdf", ".hidden.txt", "sub/d.txt",
                 ".git/e.txt"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("text")
    found = [path.relative_to(tmp_path).as_posix() for path in article_files(tmp_path)]
    assert found == ["a.md", "b.txt", "c.TXT", "page.html", "report.pdf", "sub/d.txt"]


def test_folder_without_articles_is_refused(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(ArticleError, match="no articles"):
        article_files(tmp_path)


def test_symlink_loops_are_safe(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("An article.")
    os.symlink(tmp_path, tmp_path / "loop")
    os.symlink(tmp_path / "x.txt", tmp_path / "y.txt")
    os.symlink(tmp_path / "y.txt", tmp_path / "x.txt")
    found = article_files(tmp_path)
    assert [path.name for path in found] == ["a.txt", "x.txt", "y.txt"]
    with pytest.raises(ArticleError, match="cannot read"):
        read_article(tmp_path / "x.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("text")
    path.chmod(0)
    with pytest.raises(ArticleError, match="permission denied"):
        read_article(path)
