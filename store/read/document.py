"""One article's bytes, of any format we read, to the text to store, with its source, format and pages."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from store.files import ArticleError, decode_text

if TYPE_CHECKING:
    from store.read.markdown_links import Link

FORMATS = ("text", "markdown", "html", "pdf")
"""The formats an article may come in (``documents.format``)."""
_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
             ".xhtml": "html", ".pdf": "pdf"}
_CONTENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf",
                  "text/markdown": "markdown", "text/plain": "text"}
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
"""A page's own encoding, as its <meta charset> or http-equiv Content-Type names it."""
_HTML = re.compile(
    r"\A\s*<(!doctype\s+html|html|head|body|article|section|div|p|h[1-6]|span|table|ul|ol|!--)[\s>]",
    re.IGNORECASE)
"""A page or a fragment copied from one: text that opens with a common HTML element."""


@dataclass(frozen=True)
class ReadArticle:
    """An article as read: the text to store, where it came from (path or URL), its format, its pages."""

    text: str
    source: str
    format: str
    """One of FORMATS."""
    pages: tuple[tuple[int, int], ...] = ()
    """(offset, page): from each offset on the text stands on that page (PDFs only)."""
    links: tuple[Link, ...] = ()
    """The web links of the running text, on their words (Markdown only): the sites it cites."""

    @classmethod
    def of_text(cls, text: str, source: str) -> ReadArticle:
        """Text already read from ``source``: Markdown's plain-text form for a .md path, else plain text."""
        return cls(text, source, "markdown" if source.lower().endswith(".md") else "text")

    def page_at(self, offset: int) -> int | None:
        """The page the text at ``offset`` stands on (None for formats without pages)."""
        index = bisect_right(self.pages, (offset, float("inf"))) - 1
        return self.pages[index][1] if index >= 0 else None


def format_of(data: bytes, name: str, content_type: str = "") -> str:
    """The format of an article's bytes: PDF by its signature, else by content type, else by suffix."""
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    declared = _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
    return declared or _SUFFIXES.get(Path(name).suffix.lower(), "text")


def article_from_bytes(data: bytes, name: Path, source: str, content_type: str = "") -> ReadArticle:
    """Read an article's bytes (named ``name`` in messages); ArticleError with one line if unusable."""
    kind = format_of(data, name.name, content_type)
    if kind == "pdf":
        return _pdf(data, name, source)
    text = decode_text(data, name, _declared_charset(data, content_type) if kind == "html" else "")
    if kind == "html" or _HTML.match(text):
        return ReadArticle(_html(text, name, source), source, "html")
    if kind == "markdown":
        return _markdown(text, name, source)
    return ReadArticle(text, source, "text")


def _declared_charset(data: bytes, content_type: str) -> str:
    """The encoding a server's content type or a page's first bytes declare ('' if none)."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else ""


def _pdf(data: bytes, name: Path, source: str) -> ReadArticle:
    """A PDF report: its text in reading order with its pages."""
    from store.read.pdf import NoText, pdf_article

    try:
        found = pdf_article(data)
    except NoText as error:
        raise ArticleError(f"{name}: {error}") from None
    except RecursionError:
        raise ArticleError(f"{name}: not a readable PDF (nested too deeply)") from None
    return ReadArticle(found.text, source, "pdf", found.pages)


def _html(text: str, name: Path, source: str) -> str:
    """A web page's article text (links resolved against the page's URL when it came from one)."""
    from store.read.html import NoArticle, page_article

    try:
        return page_article(text, source if "://" in source else "")
    except NoArticle as error:
        raise ArticleError(f"{name}: {error}") from None


def _markdown(markdown: str, name: Path, source: str) -> ReadArticle:
    """A Markdown article's plain-text form with its links; ArticleError when nothing but markup is left."""
    from store.read.markdown import article_text  # the parser loads only when a Markdown file is read
    from store.read.markdown_links import text_links

    text = article_text(markdown)
    if not text.strip():
        raise ArticleError(f"{name}: empty (no text to ingest once its Markdown is read)")
    return ReadArticle(text, source, "markdown", links=text_links(markdown, text))
