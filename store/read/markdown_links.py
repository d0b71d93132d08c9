"""The web links of a Markdown article's running text, placed in its plain-text form.

Reports such as CRS's cite inline ("[Reportedly](https://www.reuters.com/...)") rather than with a
named outlet. The plain-text form keeps only a link's words, so the links are read here from the same
parse and placed on those words: ``text[start:end]`` is exactly the link's text, as every stored
offset must be. Link lines, notes and tables are left out: they are moved or keep their URL in the text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

from markdown_it.token import Token

from store.read.article_form import is_navigation, tidy
from store.read.markdown import links_only, markdown_parser, paragraph_lines

T = TypeVar("T")
"""What a placed piece carries besides its words."""
_SET_APART = {"footnote_open": 1, "footnote_close": -1, "table_open": 1, "table_close": -1}
"""Blocks whose links the plain-text form moves to the notes or writes out with their URL."""


@dataclass(frozen=True)
class Link:
    """A link's words in the plain-text form, ``[start, end)``, and the address they point to."""

    start: int
    end: int
    url: str

    @property
    def site(self) -> str:
        """The linked site's host without its 'www.' ("reuters.com"): who is cited when no outlet is named."""
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.")


def text_links(source: str, text: str) -> tuple[Link, ...]:
    """Each web link of the running text of Markdown ``source``, at the first place in its plain-text
    form ``text`` where its words stand after the previous link's (a link whose words are gone is left out)."""
    found = placed(list(_running_links(markdown_parser().parse(source))), text)
    return tuple(Link(start, end, url) for (start, end), (_, url) in found)


def placed(pieces: Sequence[tuple[str, T]], text: str) -> list[tuple[tuple[int, int], tuple[str, T]]]:
    """Each (words, what) piece in reading order with the span of ``text`` its words take: the first place
    they stand after the previous piece's. A piece whose words are not found is left out."""
    found: list[tuple[tuple[int, int], tuple[str, T]]] = []
    cursor = 0
    for piece in pieces:
        at = text.find(piece[0], cursor)
        if at >= 0:
            cursor = at + len(piece[0])
            found.append(((at, cursor), piece))
    return found


def _running_links(tokens: Sequence[Token]) -> Iterator[tuple[str, str]]:
    """(words, URL) of the links in paragraphs and headings, in order, outside link lines, notes and tables."""
    depth = 0
    for token in tokens:
        depth += _SET_APART.get(token.type, 0)
        if token.type == "inline" and not depth:
            kept = [line for line in paragraph_lines(token.children or []) if not links_only(line)]
            yield from _links([piece for line in kept for piece in (*line, Token("softbreak", "br", 0))])


def _links(tokens: Sequence[Token]) -> Iterator[tuple[str, str]]:
    """(words, URL) of each web link of a paragraph's tokens; links within the page or to a front page
    are navigation. A line break in a link's words stays one, as in the plain-text form."""
    href, words = "", []
    for token in tokens:
        if token.type == "link_open":
            href, words = str(token.attrs.get("href", "")), []
        elif token.type in ("text", "code_inline"):
            words.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            words.append("\n")
        elif token.type == "link_close":
            label = tidy("".join(words))
            if label and urlsplit(href).scheme in ("http", "https") and not is_navigation(href):
                yield label, href
