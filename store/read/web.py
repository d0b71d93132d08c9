"""Articles at URLs: fetched with the standard library, read like a file of the type the server names,
and lists of URLs (a folder's ``urls.txt``)."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from store.files import MAX_PDF_BYTES, ArticleError, decode_text, read_bytes
from store.read.document import ReadArticle, article_from_bytes

TIMEOUT = 20.0
"""Seconds to wait for a server to connect or to send the next bytes."""
URL_LISTS = ("urls.txt",)
"""File names in a folder (or named on the command line) that list URLs to ingest, one a line."""
_AGENT = "natoasia-tui (article reader)"


def is_url(text: str) -> bool:
    """True for an http(s) URL with a host."""
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def read_url(url: str) -> ReadArticle:
    """Fetch and read the article at ``url``; ArticleError with one line if it cannot be had or read."""
    data, content_type = _fetch(url)
    return article_from_bytes(data, Path(urlsplit(url).path or "/"), url, content_type) if data else _empty(url)


def _empty(url: str) -> ReadArticle:
    """An empty answer is refused, as an empty file is."""
    raise ArticleError(f"{url}: empty (no text to ingest)")


def _fetch(url: str) -> tuple[bytes, str]:
    """The body (at most MAX_PDF_BYTES) and content type the server sends for ``url``."""
    request = urllib.request.Request(url, headers={"User-Agent": _AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:  # noqa: S310 (http(s) only: is_url)
            data = answer.read(MAX_PDF_BYTES + 1)
            content_type = answer.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        raise ArticleError(f"{url}: cannot fetch it (HTTP {error.code} {error.reason})") from None
    except urllib.error.URLError as error:
        raise ArticleError(f"{url}: cannot fetch it ({_reason(error.reason)})") from None
    except (OSError, ValueError) as error:  # a timeout while reading, a connection reset, a bad URL
        raise ArticleError(f"{url}: cannot fetch it ({_reason(error)})") from None
    if len(data) > MAX_PDF_BYTES:
        raise ArticleError(f"{url}: too large for one article (over {MAX_PDF_BYTES // (1024 * 1024)} MiB)")
    return data, content_type


def _reason(error: object) -> str:
    """An error's reason in a few words."""
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def is_url_list(path: Path) -> bool:
    """True for a file that lists URLs rather than holding an article."""
    return path.name.lower() in URL_LISTS


def listed_urls(path: Path, text: str) -> tuple[list[str], list[ArticleError]]:
    """The URLs of a URL list (blank lines and "#" comments skipped) and an error for each other line."""
    urls, bad = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            if is_url(line):
                urls.append(line)
            else:
                bad.append(ArticleError(f"{path}:{number}: not an http(s) URL; skipped"))
    return urls, bad


def read_url_list(path: Path) -> tuple[list[str], list[ArticleError]]:
    """The URLs a URL list file names, and an error for each bad line; ArticleError if it cannot be read."""
    return listed_urls(path, decode_text(read_bytes(path), path))
