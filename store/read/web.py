"""Articles at URLs: fetched with the standard library, read like a file of the type the server names,
and lists of URLs (a folder's ``urls.txt``)."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from store.files import MAX_PDF_BYTES, ArticleError, decode_text, read_bytes
from store.read.document import ReadArticle, article_from_bytes

TIMEOUT = 20.0
"""Seconds to wait for a server to connect or to send the next bytes."""
RETRY_DELAYS = (1.0, 3.0)
"""Seconds to wait before each further try after a transient failure: three tries at most, backing off."""
_RETRIED_STATUS = frozenset({429, 500, 502, 503, 504})
"""Answers that say "not now" rather than "no": too many requests, a server or gateway failing."""
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
    """The body and content type the server sends for ``url``, a transient failure (a 5xx answer, a timeout,
    a dropped connection) tried again after each of RETRY_DELAYS; ArticleError with one line if none works."""
    for delay in RETRY_DELAYS:
        try:
            return _fetch_once(url)
        except _Transient:
            time.sleep(delay)
    try:
        return _fetch_once(url)
    except _Transient as error:
        raise ArticleError(f"{url}: cannot fetch it ({error}; tried {len(RETRY_DELAYS) + 1} times)") from None


class _Transient(Exception):
    """A failure that may pass if the fetch is tried again (its message says what it was)."""


def _fetch_once(url: str) -> tuple[bytes, str]:
    """One try at the body (at most MAX_PDF_BYTES) and content type, through the proxy the environment names
    (``http_proxy``, ``https_proxy``, ``no_proxy``, read at each fetch, as urllib's ProxyHandler reads them)."""
    request = urllib.request.Request(url, headers={"User-Agent": _AGENT})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler())
    try:
        with opener.open(request, timeout=TIMEOUT) as answer:  # http(s) only: is_url
            data = answer.read(MAX_PDF_BYTES + 1)
            content_type = answer.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        raise _failure(url, f"HTTP {error.code} {error.reason}", error.code in _RETRIED_STATUS) from None
    except urllib.error.URLError as error:
        raise _failure(url, error.reason) from None
    except (OSError, ValueError) as error:  # a timeout while reading, a connection reset, a bad URL
        raise _failure(url, error) from None
    if len(data) > MAX_PDF_BYTES:
        raise ArticleError(f"{url}: too large for one article (over {MAX_PDF_BYTES // (1024 * 1024)} MiB)")
    return data, content_type


def _failure(url: str, error: object, transient: bool = False) -> Exception:
    """A timeout, a dropped connection (or what the caller says is passing) as transient; anything else
    (a refused connection, no such host, a 404) as final."""
    if transient or isinstance(error, (TimeoutError, ConnectionResetError, ConnectionAbortedError)):
        return _Transient(_reason(error))
    return ArticleError(f"{url}: cannot fetch it ({_reason(error)})")


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
