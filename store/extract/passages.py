"""An article's blocks: title, publication line, section headings, paragraphs, tables and footnotes."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from itertools import repeat

from store.extract.dates import find_dates
from store.extract.lexicon import word_set
from store.extract.scan import Spans
from store.model import Passage

_MARKDOWN_HEADING = re.compile(r"(#{1,6})[ \t]+(?=\S)")
# Markdown emphasis may wrap a header line ("*Published: 14 August 2024*", "**By Jane Doe**").
_PUBLICATION = re.compile(
    r"[*_]*(?:(?i:publication|published|posted|updated|date|dateline|source|authors?)\s*:|By\s+[A-Z]|Written\s+by\s+[A-Z])")
# Credits, in the header or at the end: "Reporting by X; Editing by Y", "Interview by X".
_CREDITS = re.compile(
    r"[*_(\[]*(?:(?:Additional\s+)?[Rr]eporting|Editing|Writing|Interview|Research|Compiled)\s+by\s+[A-Z]")
# Parts of a masthead line: "Center for Maritime Strategy | Policy Report No. 12 | March 2025".
_MASTHEAD_SEPARATOR = re.compile(r"\s+[|·•]\s+")
# "[1] Text", "[^1]: Text" (Markdown), "1. Text", "1) Text".
_NOTE_MARKER = re.compile(r"\[\^?(\d{1,3})\]:?\s*|(\d{1,3})[.)]\s+")
_BULLET = re.compile(r"[-*•]\s+")
_NUMBERED_LINE = re.compile(r"(\d{1,3})\s+(?=\S)")
# Lines that start a new item even without a blank line before them: notes, bullets and bare links.
_ITEM = re.compile(r"\[\^?\d{1,3}\]|\d{1,3}[.)]\s|[-*•]\s|https?://")
_NOTES_HEADING = re.compile(
    r"(?i)#*\s*(?:end)?(?:notes?|footnotes|references|sources|bibliography|links|further reading):?")
# A date line may carry a weekday, "AM" or a time zone, but no more words than that.
_DATE_LINE_MAX_WORDS = 2
_HEADING_MAX_WORDS = 14
_HEADING_MAX_CHARS = 100
# A heading may ask a question ("Values-Based Diplomacy?") but never ends like a sentence or a clause.
_NOT_HEADING_END = tuple(".,;:!\"”’)")
_TRAILING_MARKER = re.compile(r"(?:\[\^?\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")
# A line in bold and nothing else, as Markdown writers mark a section: "**What they're saying**".
_BOLD_LINE = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
# An interview's question ("Q: Has membership changed how you plan?") or a caption ("Figure 1: ...") is no heading.
# A table row as the plain-text form writes it (store/read/markdown.py): "| cell | cell |".
_TABLE_ROW = re.compile(r"[ \t]*\|")
# A block quote as the plain-text form (and e-mail) writes it: every line opens with "> ".
_QUOTE_LINE = re.compile(r"[ \t]*>[ \t]?")
# A header field: "Version: 14", "Publication Date: 04/10/2026" (a short label, a colon, a value).
_FIELD = re.compile(r"[A-Z][\w.'’/()-]*(?:[ \t]+[\w.'’/()-]+){0,3}:[ \t]+\S")
_NOT_HEADING_START = re.compile(r"(?:Q|Question|(?:Figure|Fig\.|Table|Chart|Map|Graph|Photo|Image)(?:\s*\d+)?)\s*[:.]\s")

Span = tuple[int, int]


def split_passages(text: str) -> tuple[Passage, ...]:
    """Split an article into passages with exact offsets, kinds, sections and numbers."""
    units = Spans(_first_line_apart(_units(text), text))
    title_at = _title_index(text, units)
    notes_from = _notes_start(text, units)
    passages: list[Passage] = []
    section, paragraphs, footnotes, in_header = "", 0, 0, True
    classify = _remembered_kinds(text)
    for index, (start, end) in enumerate(units):
        if index == notes_from and not _NOTES_HEADING.fullmatch(text, *units[index - 1]):
            section = ""  # unheaded end notes belong to no section of the body
        start, end, kind, words = classify(start, end, index - title_at, in_header, index >= notes_from)
        ordinal, number = len(passages), None
        if kind == "heading":
            section = words
        elif kind == "paragraph":
            paragraphs, in_header = paragraphs + 1, False
            # A paragraph numbered as it is placed (after a title alone) shares one int: 32 bytes a passage.
            number = ordinal if paragraphs == ordinal else paragraphs
        elif kind == "footnote":
            footnotes += 1
            start, number = _strip_marker(text, start, end, footnotes)
            words = text[start:end]
        passages.append(Passage(ordinal, kind, section, number, start, end, words))
    return tuple(passages)


_REMEMBERED = 1024
"""Distinct units of the body whose kind is remembered, the latest kept: a repeated one comes back soon."""
_Classified = tuple[int, int, str, str]
"""A passage's start, end, kind and text."""


def _remembered_kinds(text: str) -> Callable[[int, int, int, bool, bool], _Classified]:
    """_classify with the passage's text, worked out once for each distinct unit of the body (after the
    header, which is read in context) and moved to where it stands again; its passages share one text.

    Why: an article of one word a paragraph (142,857 a MB) tried the same nine patterns on each, some 4 µs
    a paragraph, and held a copy of the same word for each.
    """
    remembered: dict[tuple[str, bool], _Classified] = {}

    def classify(start: int, end: int, position: int, in_header: bool, in_notes: bool) -> _Classified:
        if position <= 0 or in_header:
            start, end, kind = _classify(text, start, end, position, in_header, in_notes)
            return start, end, kind, text[start:end]
        key = (text[start:end], in_notes)
        if key not in remembered:
            if len(remembered) == _REMEMBERED:
                remembered.clear()
            found_start, found_end, kind = _classify(text, start, end, position, in_header, in_notes)
            remembered[key] = (found_start - start, found_end - end, kind, text[found_start:found_end])
        lead, trail, kind, words = remembered[key]
        # The unit's own offsets where it needs no trimming (nearly always): a new int each is 32 bytes.
        return start + lead if lead else start, end + trail if trail else end, kind, words

    return classify


_BLOCK = re.compile(r"\S(?:[^\n]*\S)?(?:[^\S\n]*\n[^\S\n]*\S(?:[^\n]*\S)?)*")
"""Lines between blank lines (a blank line holds only whitespace), without the whitespace around them."""
_LINE = re.compile(r"\S(?:[^\n]*\S)?")
"""A line without the whitespace around it (NBSP included)."""


def _units(text: str) -> Iterator[Span]:
    """Blocks between blank lines, with Markdown headings and note lines split off as their own units.

    Blocks are found by one search of the whole text; a block of one line (most headings, and every
    paragraph of an article written a line a paragraph) is a unit as it stands.
    """
    for block in _BLOCK.finditer(text):
        start, end = block.span()
        if text.find("\n", start, end) == -1:
            yield start, end
        else:
            yield from _split_block(text, [line.span() for line in _LINE.finditer(text, start, end)])


def _split_block(text: str, lines: list[Span]) -> Iterator[Span]:
    """Yield one unit per Markdown heading, note, bullet or link line and one per run of other lines."""
    run: list[Span] = []
    after_heading = False
    # Notes numbered without a stop ("1 Baltic Security Institute database, 2024."): every line numbered.
    numbered = len(lines) > 1 and all(_NUMBERED_LINE.match(text, start, end) for start, end in lines)
    for start, end in lines:
        heading = bool(_MARKDOWN_HEADING.match(text, start, end))
        if run and (heading or after_heading or numbered or _ITEM.match(text, start, end)):
            yield run[0][0], run[-1][1]
            run = []
        run.append((start, end))
        after_heading = heading
    if run:
        yield run[0][0], run[-1][1]


def _note_line(text: str, start: int, end: int) -> bool:
    """True for a unit that starts like a numbered note: "1.  Text", "[1] Text", "1) Text"."""
    marker = _NOTE_MARKER.match(text, start, end)
    return marker is not None and marker.end() < end


def _first_line_apart(units: Iterator[Span], text: str) -> Iterator[Span]:
    """The title is the first line only, even when a subtitle follows without a blank line."""
    first = next(units, None)
    if first is None:
        return
    start, end = first
    if "\n" in text[start:end]:
        title_end = rest = text.index("\n", start)
        while text[title_end - 1].isspace():
            title_end -= 1
        while text[rest].isspace():
            rest += 1
        yield start, title_end
        yield rest, end
    else:
        yield first
    yield from units


def _notes_start(text: str, units: Spans) -> int:
    """Index of the first footnote unit: after a "Notes" heading, else the trailing run of note lines."""
    heading = _last_notes_heading(text, units)
    if heading:
        return heading + 1
    first = len(units)
    while first > 1 and _note_line(text, *units[first - 1]):
        first -= 1
    return first


def _last_notes_heading(text: str, units: Spans) -> int:
    """Index of the last unit after the first that is a notes heading (0 where none is).

    Why: tried by ``map`` from the end, no Python runs a unit; a loop over them took a fifth of splitting an
    article of 142,857 one-word paragraphs a MB."""
    tried = map(_NOTES_HEADING.fullmatch, repeat(text), reversed(units.starts), reversed(units.ends))
    heading = next(filter(None, tried), None)
    return 0 if heading is None else bisect_left(units.starts, heading.pos)


def _title_index(text: str, units: Sequence[Span]) -> int:
    """1 where the first line is a label above the title ("Executive Summary", "ANALYSIS"), else 0."""
    if len(units) < 2:
        return 0
    label = text[units[0][0] : units[0][1]].strip("#*_: \t").lower()
    title = text[units[1][0] : units[1][1]].lstrip("# \t")
    return 1 if label in word_set("section_labels.txt") and _looks_like_heading(title) else 0


def _classify(
    text: str, start: int, end: int, position: int, in_header: bool, in_notes: bool
) -> tuple[int, int, str]:
    """Decide the kind of the unit at ``position`` from the title (a label above it is publication furniture);
    Markdown headings lose their '#' marks from the span."""
    marks = _MARKDOWN_HEADING.match(text, start, end)
    if marks:
        start = marks.end()
        content = text[start:end].rstrip("# \t")
        end = start + len(content) if content else end
    if position <= 0:
        return start, end, "title" if position == 0 else "publication"
    if _NOTES_HEADING.fullmatch(text, start, end) and not in_notes:
        return start, end, "heading"
    if in_notes:
        return start, end, "footnote"
    if _is_table(text, start, end):
        return start, end, "table"
    quoted = _QUOTE_LINE.match(text, start, end)
    if quoted and quoted.end() < end and all(_QUOTE_LINE.match(line) for line in text[start:end].split("\n")):
        return quoted.end(), end, "blockquote"  # the span without its first marker, as a heading's without '#'
    if _CREDITS.match(text, start, end) and "\n" not in text[start:end]:
        return start, end, "publication"
    if in_header and _is_publication(text, start, end):
        return start, end, "publication"
    bold = _BOLD_LINE.fullmatch(text, start, end)
    if bold and len(bold.group(2).split()) <= _HEADING_MAX_WORDS:
        return bold.start(2), bold.end(2), "heading"  # "**The big picture**" heads what follows
    if marks or (_looks_like_heading(text[start:end]) and not _NOT_HEADING_START.match(text, start, end)):
        return start, end, "heading"
    return start, end, "paragraph"


def _is_publication(text: str, start: int, end: int) -> bool:
    """A header line such as "Publication: ...", "By Jane Doe", a date line ("March 3, 2014 10:45 AM")
    or a masthead with a date among its parts ("Center for ... | Policy Report No. 12 | March 2025")."""
    if _PUBLICATION.match(text, start, end) or _is_fields(text, start, end):
        return True
    cuts = [(m.start(), m.end()) for m in _MASTHEAD_SEPARATOR.finditer(text, start, end)]
    parts = zip([start, *(e for _, e in cuts)], [*(s for s, _ in cuts), end])
    return any(_is_date_line(text, part_start, part_end) for part_start, part_end in parts)


def _is_table(text: str, start: int, end: int) -> bool:
    """A unit whose every line is a table row ("| Year | Action |")."""
    # The first line alone tells most units (every paragraph) before the rest is split.
    first_row = _TABLE_ROW.match(text, start, end) is not None
    return first_row and all(_TABLE_ROW.match(line) for line in text[start:end].split("\n"))


def _is_fields(text: str, start: int, end: int) -> bool:
    """A header block of two or more "Label: value" lines ("Report No.: R1234", "Version: 3")."""
    lines = text[start:end].split("\n")
    return len(lines) > 1 and all(_FIELD.match(line) for line in lines)


def is_notes_heading(line: str) -> bool:
    """True for a line that heads the end notes: "Notes", "Footnotes", "References", "Sources:"..."""
    return _NOTES_HEADING.fullmatch(line.strip()) is not None


def _is_date_line(text: str, start: int, end: int) -> bool:
    """A date with at most a weekday, "AM" or a time zone around it."""
    dates = find_dates(text, None, start, end)
    if not dates:
        return False
    cursor, rest = start, []
    for date in dates:
        rest.append(text[cursor:date.start])
        cursor = date.end
    rest.append(text[cursor:end])
    return len(re.findall(r"[^\W\d_]+", " ".join(rest))) <= _DATE_LINE_MAX_WORDS


def _looks_like_heading(line: str) -> bool:
    """A short single line that starts in capitals and does not end like a sentence."""
    if "\n" in line or len(line) > _HEADING_MAX_CHARS or len(line.split()) > _HEADING_MAX_WORDS:
        return False
    line = _TRAILING_MARKER.sub("", line)  # "... in 2015.[1]" or "... in 2015.¹" ends like the sentence it is
    # "... Mr. Lee said, ''I watched him.''": a stop inside closing marks ends a sentence too.
    unquoted = line.rstrip("'’\"”")
    return (line[:1].isupper() or line[:1].isdigit()) and not unquoted.endswith(_NOT_HEADING_END)


def _strip_marker(text: str, start: int, end: int, position: int) -> tuple[int, int]:
    """The start of a footnote's content, past its marker, and its number ("1." -> 1, else its ``position``
    among the footnotes)."""
    marker = _NOTE_MARKER.match(text, start, end) or _NUMBERED_LINE.match(text, start, end) or _BULLET.match(
        text, start, end)
    if marker is None or marker.end() >= end:
        return start, position
    digits = next((g for g in marker.groups() if g), None) if marker.re is not _BULLET else None
    return marker.end(), int(digits) if digits else position


def article_title(passages: Sequence[Passage]) -> str:
    """The text of the title passage ('' for an empty article)."""
    return next((p.text for p in passages if p.kind == "title"), "")


def published_line(passages: Sequence[Passage]) -> str | None:
    """The first publication line that holds a date, else the first one ("Publication: ...", "By ..."),
    without Markdown emphasis ("*Published: 14 August 2024*" -> "Published: 14 August 2024"); a block of
    header fields gives its dated line ("Publication Date: 04/10/2026"), not the whole block."""
    lines = [line for p in passages if p.kind == "publication" for line in p.text.split("\n")]
    dated = [line for line in lines if find_dates(line)]
    return (dated or lines)[0].strip("*_ \t") if lines else None
