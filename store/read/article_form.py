"""The plain-text article form: blocks of an article (from any format) laid out as the .txt path reads them.

A reader of a format (store/read/markdown.py) turns its source into Blocks; ``lay_out`` writes them as the
title line, publication lines, blank-line separated body blocks, and the end matter (the notes heading, the
numbered notes, then the references) that store/extract/passages.py splits back into passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from store.extract.lexicon import fold, word_set
from store.extract.passages import is_notes_heading

_SPACES = re.compile(r"[ \t]+")
_END_MATTER = frozenset({"note", "reference", "navigation"})
"""Blocks that leave the body: notes and references go to the end, navigation nowhere."""
_AUTHOR_HEADING = re.compile(r"(?i)(?:about\s+the\s+)?authors?(?:\s+(?:contact\s+)?information)?:?")
"""Heads the authors' names and positions: reference matter, like the notes."""
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
"""A size or format after a control's label: "Download PDF (292KB)", "Print [PDF]"."""
_TABLE_SOURCE = re.compile(r"(?:Sources?|Notes?)\s*:|[a-z]\.\s")
"""Starts the source, notes or a lettered note under a table ("Source: CRS, ...", "a. Includes ..."): they
belong to it."""


@dataclass(frozen=True)
class Block:
    """One block of an article: its role and its text as plain text."""

    kind: str
    """'heading', 'text', 'quote' (a block quote), 'fields', 'table', 'note' (numbered), 'reference' (a
    stand-alone link) or 'navigation' (a link within the page, left out)."""
    text: str


def lay_out(blocks: list[Block], title: str = "", publication: tuple[str, ...] = ()) -> str:
    """The article's plain text: title (else the first block's first line), publication lines, body, end matter."""
    blocks = _table_sources(_author_sections(blocks))
    title = title or _first_heading(blocks)
    body = [_written(b) for b in _body(blocks, title) if b.kind not in _END_MATTER]
    parts = [title, *publication, *body, *_end_matter(blocks)]
    return "\n\n".join(part for part in parts if part) + "\n" if any(parts) else ""


def _written(block: Block) -> str:
    """A block as the plain-text form writes it: a block quote on one line after "> " (its passage's kind)."""
    return f"> {' '.join(block.text.split())}" if block.kind == "quote" else block.text


def _first_heading(blocks: list[Block]) -> str:
    """The title when the article opens with a heading ('' otherwise: the first line is the title)."""
    return blocks[0].text if blocks and blocks[0].kind == "heading" else ""


def table_line(cells: list[str]) -> str:
    """One table row as "| a | b |" (trailing empty cells dropped, a cell's lines joined)."""
    while cells and not cells[-1]:
        cells = cells[:-1]
    return "| " + " | ".join(" ".join(cell.split("\n")) for cell in cells) + " |"


def _author_sections(blocks: list[Block]) -> list[Block]:
    """The text under an "Author Information" heading (a Markdown heading or a line of its own) as references."""
    result, under_authors = [], False
    for block in blocks:
        if block.kind == "heading" or _AUTHOR_HEADING.fullmatch(block.text):
            under_authors = bool(_AUTHOR_HEADING.fullmatch(block.text))
            block = Block("heading", block.text)
        elif under_authors and block.kind == "text":
            block = Block("reference", "\n".join(f"- {line}" for line in block.text.split("\n")))
        result.append(block)
    return result


def _table_sources(blocks: list[Block]) -> list[Block]:
    """A "Source: ...", "Notes: ..." or "a. ..." paragraph right under a table joins it as its last row: it
    cites or qualifies the table's data, and is no statement of the article's to date as an event."""
    result: list[Block] = []
    for block in blocks:
        if result and result[-1].kind == "table" and block.kind == "text" and _TABLE_SOURCE.match(block.text):
            block = Block("table", f"{result.pop().text}\n{table_line([block.text])}")
        result.append(block)
    return result


def _body(blocks: list[Block], title: str) -> list[Block]:
    """The blocks kept in the body, without the title heading, repeats of it, and headings over links or
    notes only ("Contents", "Footnotes": the links and notes go to the end or are dropped, and so do they)."""
    kept = blocks[1:] if title and blocks and blocks[0].kind == "heading" and blocks[0].text == title else blocks
    kept = [b for b in kept if not (b.kind == "heading" and _same(b.text, title))]
    after = [*kept[1:], Block("end", "")]
    return [b for b, next_one in zip(kept, after, strict=False)
            if b.kind != "heading" or next_one.kind in ("heading", "text", "quote", "fields", "table")]


def _same(one: str, other: str) -> bool:
    """Equal but for case and spacing."""
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def _note_number(note: str) -> int:
    """The number a note starts with (0 for a footnote labelled by a word, "[^a]")."""
    number = note.split(".", 1)[0]
    return int(number) if number.isdigit() else 0


def _end_matter(blocks: list[Block]) -> list[str]:
    """The notes heading, the notes, then the references ([] when the article has none)."""
    # Note rows and Markdown footnotes may both be there, the footnotes last: put them in number order.
    notes = sorted((b.text for b in blocks if b.kind == "note"), key=_note_number)
    references = list(dict.fromkeys(b.text for b in blocks if b.kind == "reference"))
    if not notes and not references:
        return []
    headings = [b.text for b in blocks if b.kind == "heading" and is_notes_heading(b.text)]
    return [headings[-1] if headings else ("Notes" if notes else "References"), *notes, *references]


def tidy(text: str) -> str:
    """Runs of spaces and tabs made one space, each line trimmed, blank lines dropped."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def is_navigation(href: str, label: str = "") -> bool:
    """A link within the page ("#part", "https://site.org#part"), to a site's front page, or one of the page's
    own controls by its label ("Subscribe", "Share", "Download PDF (292KB)", "Listen")."""
    parts = urlsplit(href)
    if not href or href.startswith("#") or (bool(parts.netloc) and parts.path in ("", "/")):
        return True
    return fold(_BRACKETED.sub("", label)).strip(" :.|") in word_set("page_controls.txt")
