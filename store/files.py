"""Article files to text: decoding (UTF-8/16, Windows-1252), line endings, Markdown to plain text, and
folders of articles."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md")
MARKDOWN_SUFFIXES = (".md",)
"""Files read as Markdown: stored as the plain-text form store/read/markdown.py writes."""
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
"""An article larger than this is refused: it is not an article, and extraction would take minutes."""
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
"""UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one."""
_HTML = re.compile(
    r"\A\s*<(!doctype\s+html|html|head|body|article|section|div|p|h[1-6]|span|table|ul|ol|!--)[\s>]",
    re.IGNORECASE)
"""A page or a fragment copied from one: text that opens with a common HTML element."""
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class ArticleError(ValueError):
    """A path that cannot be read as an article, with one line saying why."""


def read_article(path: Path) -> str:
    """The text of one article file, decoded and with LF line endings; ArticleError if unusable."""
    data = _read_bytes(path)
    text = normalise_newlines(_decode(data, path))
    if not text.strip():
        raise ArticleError(f"{path}: empty (no text to ingest)")
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise ArticleError(f"{path}: binary file, not a text article")
    if _HTML.match(text):
        raise ArticleError(f"{path}: HTML markup; save the article as plain text (.txt) first")
    return _from_markdown(text, path) if path.suffix.lower() in MARKDOWN_SUFFIXES else text


def _from_markdown(source: str, path: Path) -> str:
    """The plain-text form of a Markdown article; ArticleError when nothing but markup is left."""
    from store.read.markdown import article_text  # the parser loads only when a Markdown file is read

    text = article_text(source)
    if not text.strip():
        raise ArticleError(f"{path}: empty (no text to ingest once its Markdown is read)")
    return text


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets are the same whatever system wrote the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is missing, unreadable, too large or not a file."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise ArticleError(f"{path}: is a folder")
        if not stat.S_ISREG(mode):
            # Opening a FIFO waits for a writer and a device may never end: neither is an article.
            raise ArticleError(f"{path}: not a regular file")
        with path.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
        if len(data) > MAX_ARTICLE_BYTES:
            mib = MAX_ARTICLE_BYTES // (1024 * 1024)
            raise ArticleError(f"{path}: too large for one article (over {mib} MiB)")
        return data
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file or folder") from None
    except PermissionError:
        raise ArticleError(f"{path}: cannot read it (permission denied)") from None
    except OSError as error:
        raise ArticleError(f"{path}: cannot read it ({error.strerror or error})") from None


def _decode(data: bytes, path: Path) -> str:
    """Decode by byte-order mark, else strict UTF-8, else Windows-1252 (smart quotes in old files)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError:
                raise ArticleError(f"{path}: invalid {encoding.upper()} text") from None
    if b"\x00" in data:
        raise ArticleError(f"{path}: binary file, not a text article")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ArticleError(f"{path}: not UTF-8 or Windows-1252 text")


def article_files(path: Path) -> list[Path]:
    """The article files a path names: itself, or every .txt/.md under a folder, sorted."""
    if path.is_dir():
        found = sorted(_walk(path))
        if not found:
            raise ArticleError(f"{path}: no .txt or .md articles in this folder")
        return found
    if not path.exists() and not path.is_symlink():
        raise ArticleError(f"{path}: no such file or folder")
    return [path]


def _walk(folder: Path) -> list[Path]:
    """Article files below ``folder``, skipping hidden entries; symlinked folders are not followed."""
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found += [Path(root, name) for name in files
                  if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES)]
    return found
