"""Article files: reading their bytes safely, decoding text (UTF-8/16, Windows-1252) and line endings, and
folders of articles (store/read/ turns each format into the text to store)."""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.read.document import ReadArticle

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
"""Files a folder's walk picks up: plain text, Markdown, saved web pages and PDF reports."""
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
"""An article larger than this is refused: it is not an article, and extraction would take minutes."""
MAX_PDF_BYTES = 50 * 1024 * 1024
"""A PDF holds fonts and images besides its text: a report of a few hundred pages fits in this."""
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
"""UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one."""
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NOT_TEXT = frozenset({"Cc", "Cn", "Co", "Cs"})
"""Unicode categories of control, unassigned, private-use and surrogate code points: no text's letters."""
_BREAKS = (("\r\n", "\n"), ("\r", "\n"), ("\x85", "\n"), ("\u2028", "\n"), ("\u2029", "\n\n"))
"""CRLF, lone CR, NEL and the line separator end a line; the paragraph separator ends a paragraph
(str.replace, in this order: a translate table cost 0.17 s a MB)."""
_LETTER = r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff]"
_INVISIBLE_CHARACTERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(rf"(?<={_LETTER})[{_INVISIBLE_CHARACTERS}]+(?={_LETTER})")
"""Soft hyphens and zero-width characters inside a Latin, Greek or Cyrillic word, where they only
hide the word ("Ras<ZWSP>mussen") from names and search; in other scripts ZWJ/ZWNJ shape letters."""


class ArticleError(ValueError):
    """A path that cannot be read as an article, with one line saying why."""


def read_article(path: Path) -> str:
    """The text to store for one article file of any format; ArticleError if unusable."""
    return read_document(path).text


def read_document(path: Path) -> ReadArticle:
    """One article file read: its text, source (the resolved path), format and pages; ArticleError if unusable."""
    from store.read.document import article_from_bytes

    return article_from_bytes(read_bytes(path), path, str(path.resolve()))


def decode_article(data: bytes, path: Path) -> str:
    """The text to store for an article's bytes, named by ``path`` (whose suffix may say its format)."""
    from store.read.document import article_from_bytes

    return article_from_bytes(data, path, str(path)).text


def decode_text(data: bytes, path: Path, declared: str = "") -> str:
    """Bytes as text (in the ``declared`` encoding, if a page or server names one that fits): decoded,
    line breaks and invisible characters normalised; ArticleError if they hold none or are binary."""
    text = normalise_text(_decode(data, path, declared))
    if not text.strip():
        raise ArticleError(f"{path}: empty (no text to ingest)")
    return text


def normalise_text(text: str) -> str:
    """Line breaks as LF and words without invisible characters: the text that is stored and indexed."""
    text = normalise_newlines(text)
    # The lookbehind is tried at every character; most texts have nothing to drop. A character looked
    # for with `in` takes 2 µs of a 16 KB text, where a regex's class took 75 µs.
    return _INVISIBLE.sub("", text) if any(char in text for char in _INVISIBLE_CHARACTERS) else text


def normalise_newlines(text: str) -> str:
    """CRLF, lone CR, NEL and U+2028 become LF and U+2029 a blank line, so every writer's text reads alike."""
    for old, new in _BREAKS:
        text = text.replace(old, new)
    return text


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is missing, unreadable, too large or not a file of known size."""
    try:
        # Non-blocking, and checked on the opened file: a FIFO (or a link swapped for one) never waits.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        try:
            size = _article_size(path, os.fstat(descriptor))
            with open(descriptor, "rb", closefd=False) as handle:
                return handle.read(size)
        finally:
            os.close(descriptor)
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file or folder") from None
    except PermissionError:
        raise ArticleError(f"{path}: cannot read it (permission denied)") from None
    except OSError as error:
        raise ArticleError(f"{path}: cannot read it ({error.strerror or error})") from None


def _article_size(path: Path, info: os.stat_result) -> int:
    """The bytes to read: a regular file's size, bounded; ArticleError for anything else."""
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"{path}: is a folder")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO waits for a writer and a device may never end: neither is an article.
        raise ArticleError(f"{path}: not a regular file")
    if info.st_size == 0:
        # Also what /proc and /sys files report: reading /proc/kmsg would wait forever.
        raise ArticleError(f"{path}: empty or of unknown size (no text to ingest)")
    limit = MAX_PDF_BYTES if path.suffix.lower() == ".pdf" else MAX_ARTICLE_BYTES
    if info.st_size > limit:
        mib = limit // (1024 * 1024)
        raise ArticleError(f"{path}: too large for one article (over {mib} MiB)")
    return info.st_size


def _decode(data: bytes, path: Path, declared: str = "") -> str:
    """Decode by byte-order mark, else strict UTF-8, else the declared encoding, else Windows-1252 (smart
    quotes in old files); bytes that hold NULs or read as control characters may be UTF-16 with no mark.
    ArticleError if the text is binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError:
                raise ArticleError(f"{path}: invalid {encoding.upper()} text") from None
            return _binary(path) if _looks_binary(text) else text
    if b"\x00" in data:
        return _utf16_text(data) or _binary(path)
    for encoding in dict.fromkeys(("utf-8", declared or "cp1252", "cp1252")):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):  # LookupError: an encoding Python does not know
            continue
        # Cyrillic or Arabic in UTF-16 reads as one control character a pair in a single-byte encoding.
        return (_utf16_text(data) or _binary(path)) if _looks_binary(text) else text
    return _utf16_text(data) or _refuse(path, "not UTF-8 or Windows-1252 text")


def _looks_binary(text: str) -> bool:
    """True if more than 1% of the text (and over 8 characters) are control characters no text holds."""
    return len(_CONTROL.findall(text)) > max(8, len(text) // 100)


def _utf16_text(data: bytes) -> str | None:
    """The text of UTF-16 without a byte-order mark in any script, or None if the bytes are not that.

    Both byte orders are tried strictly; a reading counts if it looks like text. Text uses few
    256-character blocks (Latin: one, with a NUL in every pair; Cyrillic: two), so of two readings the
    one with fewer blocks is the text and the other its byte-swapped echo."""
    readings = []
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text):
            readings.append((len({ord(char) >> 8 for char in text}), text))
    return min(readings)[1] if readings else None


def _reads_as_text(text: str) -> bool:
    """True if nearly every character is assigned and printable, with punctuation or spaces between words
    (bytes of another kind read as UTF-16 give unassigned characters, or ideographs that never pause)."""
    categories: Counter[str] = Counter()
    for char, count in Counter(text).items():  # each distinct character looked up once
        categories[unicodedata.category(char)] += count
    unprintable = sum(categories[name] for name in _NOT_TEXT) - sum(map(text.count, "\t\n\r"))
    pauses = sum(count for name, count in categories.items() if name[0] in "PZ") + text.count("\n")
    return unprintable <= len(text) // 100 and pauses * 80 >= len(text) > 0


def _binary(path: Path) -> str:
    """Refuse bytes that are no text."""
    return _refuse(path, "binary file, not a text article")


def _refuse(path: Path, why: str) -> str:
    """Raise the ArticleError that names ``path`` and why it is refused."""
    raise ArticleError(f"{path}: {why}")


def path_text(path: str | Path) -> str:
    """A path (or argument) as text that can be stored and printed: bytes that are not UTF-8 become ``\\xNN``."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _ignore(_: ArticleError) -> None:
    """Skip quietly (for callers that do not report skipped entries)."""


def article_files(path: Path, follow_links: bool = False,
                  on_skip: Callable[[ArticleError], None] = _ignore) -> list[Path]:
    """The article files a path names: itself, or every article file under a folder, sorted.

    A walk stays inside the folder unless ``follow_links``; what it leaves out (links leading out,
    unreadable folders) goes to ``on_skip``."""
    if path.is_dir():
        found = sorted(_Walk(path, follow_links, on_skip).files())
        if not found:
            raise ArticleError(f"{path}: no articles (.txt, .md, .html, .pdf) in this folder")
        return found
    if not path.exists() and not path.is_symlink():
        raise ArticleError(f"{path}: no such file or folder")
    return [path]


class _Walk:
    """A walk of a folder's articles that stays inside it unless told to follow links."""

    def __init__(self, folder: Path, follow_links: bool, on_skip: Callable[[ArticleError], None]) -> None:
        """Walk ``folder``; report what is left out to ``on_skip``."""
        self.folder, self.follow, self.on_skip = folder, follow_links, on_skip
        self.root = os.path.realpath(folder)
        self.seen: set[str] = set()
        """Folders already walked (real paths): followed links must not walk them again or loop."""

    def files(self) -> list[Path]:
        """Article files below the folder, skipping hidden entries."""
        found = []
        for root, dirs, files in os.walk(self.folder, onerror=self._unreadable, followlinks=self.follow):
            self.seen.add(os.path.realpath(root))
            dirs[:] = [name for name in dirs if not name.startswith(".") and self._enter(Path(root, name))]
            found += [Path(root, name) for name in files if not name.startswith(".")
                      and name.lower().endswith(ARTICLE_SUFFIXES) and self._keep(Path(root, name))]
        return found

    def _enter(self, path: Path) -> bool:
        """Whether to walk into a subfolder: a linked one only if asked, never one walked already."""
        if not path.is_symlink():
            return True
        target = os.path.realpath(path)
        if not self._inside(target) and not self.follow:
            self._skip(path, f"a link to the folder {target}, outside {self.folder}")
        return self.follow and target not in self.seen

    def _keep(self, path: Path) -> bool:
        """Whether a file is in: always, unless it is a link leading out of the folder and not followed."""
        target = os.path.realpath(path)
        if self.follow or not path.is_symlink() or self._inside(target):
            return True
        self._skip(path, f"a link to {target}, outside {self.folder}")
        return False

    def _inside(self, target: str) -> bool:
        """True if a real path lies within the folder walked."""
        return os.path.commonpath([self.root, target]) == self.root

    def _skip(self, path: Path, why: str) -> None:
        """Report a link left out."""
        self.on_skip(ArticleError(f"{path}: {why}; skipped (--follow-links adds it)"))

    def _unreadable(self, error: OSError) -> None:
        """Report a folder the walk cannot list."""
        self.on_skip(ArticleError(f"{error.filename}: cannot read this folder ({error.strerror}); skipped"))
