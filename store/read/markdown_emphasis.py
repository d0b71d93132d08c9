"""The emphasis of a Markdown article (*x*, _x_, **x**), placed on its words in the plain-text form.

The store keeps the plain text without the marks; the reader styles these runs again. They are read
from the article's Markdown when it is shown (only if that file still gives the stored text), so the
store needs no column for them and every offset stays the stored text's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from markdown_it.token import Token

from store.files import ArticleError, decode_text, read_bytes
from store.read.markdown import article_text, markdown_parser
from store.read.markdown_links import placed

_KINDS = {"em_open": "em", "strong_open": "strong"}
_CLOSE = {"em_close", "strong_close"}


@dataclass(frozen=True)
class Emphasis:
    """An emphasised run of the plain-text form, ``[start, end)``: ``em`` (italic) or ``strong`` (bold)."""

    start: int
    end: int
    kind: str


def text_emphasis(source: str, text: str) -> tuple[Emphasis, ...]:
    """Each emphasised run of Markdown ``source``, at the first place in its plain-text form ``text`` where
    its words stand after the previous run's (a run whose words are gone is left out)."""
    runs = list(_runs(markdown_parser().parse(source)))
    return tuple(Emphasis(start, end, kind) for (start, end), (_, kind) in placed(runs, text))


def file_emphasis(path: str, text: str) -> tuple[Emphasis, ...]:
    """The emphasis of the Markdown file at ``path`` if it still reads as ``text``; () if it is gone,
    unreadable or changed since it was stored."""
    try:
        markdown = decode_text(read_bytes(Path(path)), Path(path))
    except (ArticleError, OSError):
        return ()
    return text_emphasis(markdown, text) if article_text(markdown) == text else ()


def _runs(tokens: Sequence[Token]) -> Iterator[tuple[str, str]]:
    """(words, kind) of each emphasised run of the inline text, in order (the outermost of nested runs)."""
    for token in tokens:
        if token.type != "inline":
            continue
        depth, kind, words = 0, "", []
        for child in token.children or []:
            if child.type in _KINDS:
                depth, kind, words = depth + 1, kind or _KINDS[child.type], words if depth else []
            elif child.type in _CLOSE and depth:
                depth -= 1
                if not depth and "".join(words).strip():
                    yield "".join(words).strip(), kind
                    kind = ""
            elif depth and child.type in ("text", "code_inline"):
                words.append(child.content)
            elif depth and child.type in ("softbreak", "hardbreak"):
                words.append("\n")
