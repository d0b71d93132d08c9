"""Web pages to the plain-text article form, through trafilatura's main-text extraction.

trafilatura finds the article in a page saved from a browser (leaving navigation, ads, comments and
scripts out), with its title, author and date; its XML tree keeps the structure, which becomes Blocks:
headings, paragraphs, block quotes, list items, tables, and the numbered list under a notes heading as
notes. A link to a note within the page ("<a href="#fn1">1</a>") becomes the marker "[1]" the citations
step links to its note; every other link keeps its text, and its URL joins the link list at the end.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from urllib.parse import urljoin

from lxml.etree import _Element

from store.extract.passages import is_notes_heading
from store.read.article_form import Block, is_navigation, lay_out, table_line, tidy


# trafilatura and the libraries it calls log what they could not parse; stderr is for our one line.
for _library in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_library).addHandler(logging.NullHandler())


class NoArticle(ValueError):
    """The page holds no article text that extraction could find."""


def page_article(page: bytes | str, url: str = "") -> str:
    """The plain-text article form of a web page (relative links resolved against ``url``)."""
    from trafilatura import bare_extraction  # loads lxml and its models only when a page is read

    # The date only from the page's markup (meta tags, <time>, a dated URL): htmldate's extensive search
    # takes any year-like number in the text for one ("number 1995" in a paragraph became 1995-01-01).
    found = bare_extraction(page, url=url or None, with_metadata=True, include_links=True,
                            include_comments=False, include_tables=True, include_formatting=False,
                            date_extraction_params={"extensive_search": False, "original_date": True})
    if found is None or found.body is None:
        raise NoArticle("no article text found in the page")
    links: list[Block] = []
    blocks = list(_blocks(found.body, links, url))
    if not any(block.kind in ("text", "quote") for block in blocks):
        raise NoArticle("no article text found in the page")
    published = tuple(line for line in (found.date and f"Published: {found.date}",
                                        found.author and f"By {found.author}") if line)
    return lay_out(blocks + links, tidy(found.title or ""), published)


def _blocks(body: _Element, links: list[Block], url: str) -> Iterator[Block]:
    """The blocks of trafilatura's body, in order; links met on the way are added to ``links``."""
    in_notes = False
    for element in body:
        if element.tag == "head":
            heading = _text(element, links, url)
            in_notes = is_notes_heading(heading)
            yield Block("heading", heading)
        elif element.tag == "list":
            yield from _items(element, links, url, in_notes)
        elif element.tag == "table":
            yield Block("table", "\n".join(table_line([_text(cell, links, url) for cell in row])
                                           for row in element.iter("row")))
        elif element.tag == "quote":
            yield from (Block("quote", text) for text in _paragraphs(element, links, url))
        elif text := _text(element, links, url):
            yield Block("text", text)


def _items(element: _Element, links: list[Block], url: str, notes: bool) -> Iterator[Block]:
    """A list's items: numbered notes under a notes heading, else items marked as the list marks them."""
    ordered = element.get("rend", "") == "ol"
    for number, item in enumerate(element.iterchildren("item"), start=1):
        text = _text(item, links, url)
        if text:
            marker = f"{number}." if ordered else "-"
            yield Block("note" if notes and ordered else "text", f"{marker} {text}")


def _paragraphs(element: _Element, links: list[Block], url: str) -> Iterator[str]:
    """The paragraphs inside a block quote (its own text when it has none)."""
    inner = [child for child in element if child.tag == "p"]
    for part in inner or [element]:
        if text := _text(part, links, url):
            yield text


def _text(element: _Element, links: list[Block], url: str) -> str:
    """An element's text: a link to a note within the page as "[n]", other links' URLs added to ``links``."""
    out = [element.text or ""]
    for child in element:
        out.append(_inline(child, links, url))
        out.append(child.tail or "")
    return tidy(" ".join("".join(out).split(" ")).replace("\n", " "))


def _inline(child: _Element, links: list[Block], url: str) -> str:
    """One inline element as text."""
    if child.tag == "lb":
        return " "
    text = _text(child, links, url)
    if child.tag != "ref":
        return text
    target = child.get("target", "")
    if target.startswith("#") and text.isdigit():
        return f"[{text}]"
    if text and target and not is_navigation(target, text):
        links.append(Block("reference", f"- {text} <{urljoin(url, target)}>"))
    return text
