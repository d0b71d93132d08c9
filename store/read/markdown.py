"""Markdown articles to the plain-text article form the .txt path uses, read with markdown-it-py.

The store keeps the plain text this module writes, never the Markdown: the reader shows it as it
is and every offset indexes it exactly (``text[start:end]`` is always the mention, quote or passage).
The form is the one a plain-text article has, so one passage splitter serves both:

- the title on the first line: the front matter's ``title``, else a first heading, else the first line;
- publication lines: the front matter's ``date`` and ``author`` ("Published: ...", "By ..."), and header
  fields ("**Version:** 14", a table row "| **Author:** | Doe, Jane") as "Label: value" lines;
- headings as short lines of their own (a heading repeating the title, or heading only links, goes);
- paragraphs, block quotes and list items as blank-line separated paragraphs; an item keeps its "- " or
  "1. " so it never reads as a heading;
- tables (GFM tables and the loose "| a | b" rows scraped reports use) as rows "| a | b |", one a line,
  which the splitter makes a ``table`` passage;
- emphasis, code marks, images, HTML and comments removed; a link keeps its text and loses its URL;
- reference material moved to the end, under the article's notes heading (else "Notes"): note rows
  ("| 1. | text"), Markdown footnotes ("[^1]: text", marked "[1]" in the body) as "1. text", then links
  that stood alone (link lines, link lists, version histories) as "- text <url>";
- navigation dropped: links within the page or to a site's front page (contents lists, "Home"), the page's
  controls by their labels ("Subscribe", "Share", "Download PDF"), breadcrumbs ("[Home](/) > [World](w) >
  Page") and every link line above the article's first paragraph of prose (a saved page's header: its
  download links, version history and share buttons are the site's, not the article's references).

The document keeps its own path; the store has no column for its format yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import groupby

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from store.extract.lexicon import fold
from store.read.article_form import Block, is_navigation, lay_out, table_line, tidy

_SEPARATORS = re.compile(r"[\s|>•·,;:/\-–—]+")
# "**" that closes nothing ("**Source: **CRS", "(Figure 1).****The") is left as text by the parser.
_STRAY_STRONG = re.compile(r"\*{2,}")
_BREADCRUMB = re.compile(r"[>›»]")
"""Separates the steps of a breadcrumb ("Home > World > Asia")."""
_PROSE_WORDS = 12
"""A paragraph of at least this many words begins the article's body: link lines above it are the page's."""
_DATE_WORDS = 6
"""At most this many words follow the title on a page's title line ("Updated April 9, 2026 (IF123)")."""
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_LIST_MARKER = re.compile(r"\A(?:[-*+]|\d{1,3}[.)])\s+")
"""The marker a list item's text is written with ("- ", "1. ")."""
_LABEL_WORDS = 3
"""At most this many words label a link line ("Read more:", "See also:")."""
_NOTE_NUMBER = re.compile(r"\d{1,3}\.?")
_FIELD_LINE = re.compile(r"(\*\*|__)[^*_\n]{1,40}?(?::\1|\1:)\s*\S")
"""A header field written "**Label:** value" (or "**Label**: value")."""
_FRONT_FIELD = re.compile(r"([A-Za-z_][\w-]*)\s*:\s*(.*)")


@cache
def markdown_parser() -> MarkdownIt:
    """CommonMark with tables, strikethrough, front matter and footnotes; raw HTML parsed to be dropped."""
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # URLs are kept as written, never rendered: percent-encoding each one is a sixth of the parse time.
    parser.normalizeLink = parser.normalizeLinkText = _as_written  # type: ignore[method-assign]
    return parser.use(front_matter_plugin).use(footnote_plugin)


def _as_written(url: str) -> str:
    """A URL unchanged."""
    return url


def article_text(source: str) -> str:
    """The plain-text article form of a Markdown article (see the module docstring)."""
    tokens = markdown_parser().parse(source)
    front = _front_matter(tokens)
    blocks = list(_blocks(tokens, source.split("\n")))
    title = front.get("title") or next((b.text for b in blocks[:1] if b.kind == "heading"), "")
    return lay_out(_page_header(blocks, title), front.get("title", ""), _publication(front))


def _page_header(blocks: list[Block], title: str) -> list[Block]:
    """Above the first paragraph of prose (nothing where none follows): link lines as navigation, and the
    page's title line ("<title> Updated April 9, 2026") as the publication line after the title."""
    header = [_title_line(block, title) for block in blocks]
    body = next((i for i, b in enumerate(header) if b.kind == "text" and len(b.text.split()) >= _PROSE_WORDS), 0)
    return [Block("navigation", "") if b.kind == "reference" else b for b in header[:body]] + blocks[body:]


def _title_line(block: Block, title: str) -> Block:
    """A text block repeating the title with a few words and numbers after it ("<title> Updated April 9, 2026")
    as those words; a sentence that opens with the title's words is left as it is."""
    words, title = " ".join(_LIST_MARKER.sub("", block.text, count=1).split()), _key(title)
    after = len(_key(words)) - len(title)  # characters after the title's words
    rest = words[-after:].strip() if title and after > 0 else ""
    dated = any(c.isdigit() for c in rest) and len(rest.split()) <= _DATE_WORDS
    if block.kind == "text" and _key(words).startswith(title) and dated:
        return Block("fields", rest)
    return block


def _key(line: str) -> str:
    """A line folded for comparing titles, ordinals without their suffix ("119th" as a page may write it, "119")."""
    return _ORDINAL.sub("", fold(line))


def _publication(front: dict[str, str]) -> tuple[str, ...]:
    """Publication lines from the front matter's date and author."""
    date = front.get("date") or front.get("published") or front.get("updated")
    author = front.get("author") or front.get("authors") or front.get("by")
    return tuple(line for line in (date and f"Published: {date}", author and f"By {author}") if line)


def _front_matter(tokens: Sequence[Token]) -> dict[str, str]:
    """Simple ``key: value`` fields of a YAML front matter block (lists joined with '; ')."""
    fields: dict[str, str] = {}
    key = ""
    for token in (t for t in tokens if t.type == "front_matter"):
        for line in token.content.split("\n"):
            field = _FRONT_FIELD.fullmatch(line.strip())
            if field and not line[:1].isspace():
                key, fields[field.group(1).lower()] = field.group(1).lower(), _unquote(field.group(2))
            elif line.strip().startswith("- ") and key:
                fields[key] = "; ".join(filter(None, (fields[key], _unquote(line.strip()[2:]))))
    return fields


def _unquote(value: str) -> str:
    """A YAML scalar without its quotes or flow-list brackets."""
    value = value.strip().strip("'\"")
    if value.startswith("[") and value.endswith("]"):
        return "; ".join(part.strip().strip("'\"") for part in value[1:-1].split(","))
    return value


def _blocks(tokens: Sequence[Token], lines: Sequence[str]) -> Iterator[Block]:
    """The article's blocks in order, each rendered as plain text."""
    markers: list[str] = []  # the marker of each open list item ("-" or its number), innermost last
    note, quoted, index = "", 0, 0
    while index < len(tokens):
        token = tokens[index]
        if token.type in ("blockquote_open", "blockquote_close"):
            quoted += 1 if token.type == "blockquote_open" else -1
        elif token.type == "list_item_open":
            markers.append(f"{token.info}." if token.info else "-")
        elif token.type == "list_item_close":
            markers.pop()
        elif token.type == "footnote_open":
            note = str(token.meta.get("label", ""))
        elif token.type == "footnote_close":
            note = ""
        elif token.type == "heading_open":
            yield Block("heading", _plain(tokens[index + 1].children or []))
        elif token.type == "paragraph_open":
            yield from _paragraph(tokens[index + 1], lines, markers, note, quoted > 0)
            markers[-1:] = [""] * len(markers[-1:])  # an item's later paragraphs carry no marker
        elif token.type == "table_open":
            index, rows = _table_rows(tokens, index)
            yield from _rows(rows)
        elif token.type in ("code_block", "fence"):
            yield Block("text", tidy(token.content))
        index += 1


def _paragraph(inline: Token, lines: Sequence[str], markers: list[str], note: str,
               quoted: bool) -> Iterator[Block]:
    """One paragraph: a note, loose table rows, or text whose lines of links only are references; in a
    block quote (not in a list in it) its text is a quote."""
    raw = lines[inline.map[0] : inline.map[1]] if inline.map else [inline.content]
    children = inline.children or []
    if note:
        yield Block("note", f"{note}. {_plain(children, urls=True)}")
    elif quoted and not markers:
        yield from _text_and_links(children, "quote", "")
    elif not markers and any(line.lstrip().startswith("|") for line in raw):
        yield from _loose_table(raw)
    else:
        kind = "fields" if not markers and all(_FIELD_LINE.match(line.strip()) for line in raw) else "text"
        yield from _text_and_links(children, kind, markers[-1] if markers else "")


def _text_and_links(children: Sequence[Token], kind: str, marker: str) -> Iterator[Block]:
    """The paragraph's text as one block (an item's marker first); each line of links only a reference."""
    text: list[Token] = []
    for line in paragraph_lines(children):
        if links_only(line):
            yield from _references(line)
        else:
            text += [*line, Token("softbreak", "br", 0)]
    plain = _plain(text)
    if plain:
        yield Block(kind, f"{marker} {plain}" if marker else plain)


def paragraph_lines(children: Sequence[Token]) -> Iterator[list[Token]]:
    """The paragraph's lines; a link glued to the word after it ("[Listen](url)Australia", scraped page
    parts) ends a line too."""
    line: list[Token] = []
    for token, after in zip(children, [*children[1:], None], strict=True):
        if token.type not in ("softbreak", "hardbreak"):
            line.append(token)
        # Only a capital glued on starts a new line: "[F2F HIC](u)s aim" and "[S. 1](u)would" are one sentence.
        glued = token.type == "link_close" and after is not None and after.content[:1].isupper()
        if token.type in ("softbreak", "hardbreak") or glued:
            yield line
            line = []
    yield line


def _plain(children: Sequence[Token], urls: bool = False) -> str:
    """Inline tokens as plain text: markup, images and HTML dropped, link text kept (with its URL if asked)."""
    out: list[str] = []
    href, start = "", 0
    for token in children:
        if token.type == "text":
            out.append(_STRAY_STRONG.sub("", token.content))
        elif token.type == "code_inline":
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif token.type == "footnote_ref":
            out.append(f"[{token.meta.get('label', '')}]")
        elif token.type == "link_open":
            href, start = str(token.attrs.get("href", "")), len(out)
        elif token.type == "link_close" and urls and href and "".join(out[start:]).strip() != href:
            out.append(f" <{href}>")
    return tidy("".join(out))


def links_only(children: Sequence[Token]) -> bool:
    """True for a line of links and separators ("[PDF](a) | [History](b)", "[Home](c) > [World](d) > X"),
    perhaps after a short label ("Read more: [The debt brake](e)")."""
    depth, links, words, label = 0, 0, 0, True
    for token in children:
        if token.type == "link_open":
            depth, links = depth + 1, links + 1
        elif token.type == "link_close":
            depth -= 1
        elif token.type == "text" and not depth:
            found = len(_SEPARATORS.sub(" ", token.content).split())
            label = label and not links and found <= _LABEL_WORDS and token.content.rstrip().endswith(":")
            words += found if not label else 0
        elif token.type in ("code_inline", "footnote_ref") and not depth:
            return False
    # One stray word (the page name ending a breadcrumb) is allowed among several links, never after one.
    return links > 0 and words <= (1 if links > 1 else 0)


def _references(children: Sequence[Token]) -> Iterator[Block]:
    """Each link of a link line as a reference "text <url>", navigation links (all of a breadcrumb's) left out."""
    href, text, crumbs = "", [], _is_breadcrumb(children)
    for token in children:
        if token.type == "link_open":
            href, text = str(token.attrs.get("href", "")), []
        elif token.type == "link_close":
            label = tidy(" ".join(text))
            if crumbs or is_navigation(href, label):
                yield Block("navigation", "")  # kept only so that a heading over it goes too
            else:
                yield Block("reference", f"- {label} <{href}>" if label and label != href else f"- {href}")
        elif token.type in ("text", "code_inline"):
            text.append(token.content)


def _is_breadcrumb(children: Sequence[Token]) -> bool:
    """True for a link line whose links are steps separated by '>' ("[Home](/) > [World](w) > Asia")."""
    depth, steps = 0, False
    for token in children:
        depth += (token.type == "link_open") - (token.type == "link_close")
        steps = steps or (token.type == "text" and not depth and bool(_BREADCRUMB.search(token.content)))
    return steps


def _table_rows(tokens: Sequence[Token], index: int) -> tuple[int, list[list[Sequence[Token]]]]:
    """The cells (inline tokens) of each row of the table opening at ``index``, and where it closes."""
    rows: list[list[Sequence[Token]]] = []
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.children or [])
        index += 1
    return index, rows


def _loose_table(raw: Sequence[str]) -> Iterator[Block]:
    """Lines written as table rows without a delimiter row ("| 1. | A note", "| **Author:** | Doe"); lines
    between them that are not rows are text."""
    for is_row, run in groupby((line for line in raw if line.strip()), key=lambda line: line.lstrip()[:1] == "|"):
        lines = list(run)
        if is_row:
            yield from _rows([[_inline(cell) for cell in _cells(line)] for line in lines])
        elif text := _plain(_inline("\n".join(lines))):
            yield Block("text", text)


def _cells(line: str) -> list[str]:
    """The cells of one loose row, outer pipes removed."""
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    return line.split("|")


def _inline(markdown: str) -> list[Token]:
    """Inline tokens of a piece of Markdown."""
    found = markdown_parser().parseInline(markdown.strip())
    return (found[0].children or []) if found else []


def _rows(rows: list[list[Sequence[Token]]]) -> Iterator[Block]:
    """Table rows as notes (every row "1. | text"), header fields (every row "**Label:** | value") or a table."""
    cells = [[_plain(cell, urls=True) for cell in row] for row in rows]
    kept = [(row, text) for row, text in zip(rows, cells, strict=True) if any(text)]
    if kept and all(_note_row(text) for _, text in kept):
        yield from (Block("note", f"{text[0].rstrip('.')}. {' '.join(filter(None, text[1:]))}") for _, text in kept)
    elif kept and all(_field_row(row, text) for row, text in kept):
        yield Block("fields", "\n".join(f"{text[0]} {text[1]}" for _, text in kept))
    elif kept:
        yield Block("table", "\n".join(table_line(text) for _, text in kept))


def _note_row(text: list[str]) -> bool:
    """A numbered note written as a row: its number, then its text."""
    return len(text) > 1 and bool(_NOTE_NUMBER.fullmatch(text[0])) and any(text[1:])


def _field_row(row: Sequence[Sequence[Token]], text: list[str]) -> bool:
    """A header field written as a row: a bold label ending in ':' and one value."""
    filled = [cell for cell in text if cell]
    return (len(filled) == 2 and text[0].endswith(":") and bool(row[0])
            and any(token.type == "strong_open" for token in row[0]))


