"""What ``ingest`` is given, as sources to read: files, folders (with any ``urls.txt`` in them) and URLs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from store.files import ArticleError, article_files, read_document
from store.read.document import ReadArticle
from store.read.web import is_url, is_url_list, read_url, read_url_list

Source = Path | str
"""An article file, or the URL of an article."""


def article_sources(raw: str, follow_links: bool, on_skip: Callable[[ArticleError], None]) -> list[Source]:
    """The sources an argument names: a URL, a file, a URL list's URLs, or every one of these in a folder.
    What is left out (bad list lines, links leading out of a folder) goes to ``on_skip``."""
    if is_url(raw):
        return [raw.strip()]
    found: list[Source] = []
    for path in article_files(Path(raw), follow_links, on_skip):
        if not is_url_list(path):
            found.append(path)
            continue
        try:
            urls, bad = read_url_list(path)
        except ArticleError as error:
            bad, urls = [error], []
        found += urls
        for error in bad:
            on_skip(error)
    return found


def read_source(source: Source) -> ReadArticle:
    """Read one source: fetch a URL, or read a file; ArticleError with one line if it cannot be."""
    return read_url(source) if isinstance(source, str) else read_document(source)
