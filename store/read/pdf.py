"""PDF reports to the plain-text article form, read with pdfminer.six's layout analysis.

pdfminer.six groups characters into lines and text boxes in reading order (columns read one after the
other, whatever order the file draws them in) and gives each character its size, from which this module
tells the parts of a page apart:

- running headers and footers (a line near the top or bottom edge that recurs on other pages, digits
  aside) and page numbers ("7", "Page 7 of 20", "- 7 -") are dropped;
- footnotes are lines in smaller type in the lower part of a page that start with a number; a note's
  marker in the body (a small raised digit, or ¹²³) becomes "[1]", as the citations step expects;
- headings are short boxes in larger type than the body's; the largest on the first page is the title;
- a box's lines are one paragraph, with a word hyphenated at a line end joined again ("com-" "mitment"),
  and a paragraph cut by a page break joined to its end on the next page;
- boxes side by side whose lines are mostly a few words are a table's columns (pdfminer boxes each column
  of cells): their lines at one height are a row, written "| a | b |" as the Markdown reader writes a
  table, so the passage splitter makes one table passage of them (no actors, no events), not run-on
  paragraphs or headings.

The text is laid out as a .txt article is (title, paragraphs, then "Notes" and the numbered notes), and
``PdfArticle.pages`` says on which page each stretch of it stands.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from store.extract.citations import SUPERSCRIPT_DIGITS
from store.read.article_form import table_line

_PAGE_NUMBER = re.compile(
    r"(?i)(?:page\s+)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?")
"""A page number as printed: "7", "- 7 -", "(7)", "Page 7 of 20", "7/20", or a Roman numeral of the front matter."""
_CONTENTS_LINE = re.compile(r".*\S\s*(?:\.\s*){4,}\d{1,4}")
"""A line of a table of contents: a heading, dot leaders, a page number (navigation, as in Markdown)."""
_UNMAPPED = re.compile(r"\(cid:\d+\)")
"""What pdfminer writes for a glyph its font does not map to a character."""
_DIGITS = re.compile(r"\d+")
_NOTE_START = re.compile(r"(\d{1,3})[.)]?\s+(?=\S)")
_SUPERSCRIPT_RUN = re.compile(r"(?<=\S)[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_HYPHENATED = re.compile(r"([A-Za-z\u00c0-\u024f]+)[-\u00ad]$")
_FIRST_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_COMPOUND = re.compile(r"[A-Za-z\u00c0-\u024f]+-[A-Za-z\u00c0-\u024f]+")
_SENTENCE_END = tuple(".!?:;”\"’)]")
# pdfminer logs what it works around in a damaged file ("MediaBox missing…") as warnings, which Python
# prints on stderr when no handler is set: a bad file must say one line, the reason we give.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())
EDGE = 0.09
"""Share of the page's height at its top and bottom where running headers and footers stand."""
_CELL_WORDS = 3
"""At most this many words make a line a table's cell rather than a line of prose."""
SMALL = 0.88
"""Type smaller than this share of the body's size is a footnote's (or a marker's)."""
LARGE = 1.15
"""Type larger than this share of the body's size is a heading's."""


class NoText(ValueError):
    """The PDF cannot be read, or holds no text (a scan, say)."""


@dataclass(frozen=True)
class Line:
    """One line of a page: its text, size of type, and where it stands (0 at the bottom, 1 at the top)."""

    text: str
    size: float
    top: float
    bottom: float
    left: float = 0.0
    """Where the line starts across the page (0 at the left edge, 1 at the right)."""


@dataclass(frozen=True)
class Piece:
    """A heading, paragraph or note, with the page it starts on."""

    kind: str
    text: str
    page: int


@dataclass(frozen=True)
class Setting:
    """What the whole document tells about each line: the body's type size, its running lines, and the
    hyphenated words it writes within a line (so "well-" "known" across lines stays "well-known")."""

    body: int
    running: set[str]
    compounds: frozenset[str]


@dataclass(frozen=True)
class PdfArticle:
    """A PDF's text in the article form, and the pages: (offset, page) from where on the text is that page's."""

    text: str
    pages: tuple[tuple[int, int], ...]


def pdf_article(data: bytes) -> PdfArticle:
    """The article form of a PDF's bytes; NoText when it cannot be read or holds no text."""
    pages = _read_pages(data)
    lines = [line for page in pages for box in page for line in box]
    if not any(line.text.strip() for line in lines):
        raise NoText("no text in this PDF (a scanned document?)")
    body = Counter(round(line.size) for line in lines for _ in line.text).most_common(1)[0][0]
    compounds = frozenset(word.casefold() for line in lines for word in _COMPOUND.findall(line.text))
    setting = Setting(body, _running_lines(pages), compounds)
    pieces = list(_join_across_pages(_pieces(pages, setting), setting.compounds))
    return _lay_out(_title_first(pieces))


def _read_pages(data: bytes) -> list[list[list[Line]]]:
    """Each page's text boxes (in reading order), each a list of lines; NoText for a broken file."""
    from pdfminer.high_level import extract_pages  # loaded only when a PDF is read
    from pdfminer.layout import LAParams, LTTextBox

    try:
        return [[list(_lines(box, page.height, page.width)) for box in page if isinstance(box, LTTextBox)]
                for page in extract_pages(io.BytesIO(data), laparams=LAParams())]
    except Exception as error:  # a parser fed a damaged file may raise anything; the reason is what counts
        reason = "encrypted" if "crypt" in type(error).__name__.lower() + str(error).lower() else "damaged"
        raise NoText(f"not a readable PDF ({reason}: {type(error).__name__})") from None


def _lines(box: Iterable[object], height: float, width: float) -> Iterator[Line]:
    """The lines of a text box, note markers in small raised type written "[n]"."""
    from pdfminer.layout import LTChar

    for line in box:
        chars = [c for c in line if isinstance(c, LTChar)]  # type: ignore[attr-defined]
        size = Counter(round(c.size) for c in chars).most_common(1)[0][0] if chars else 0
        text = "".join(_marked(c, size) if isinstance(c, LTChar) else c.get_text() for c in line)
        text = _SUPERSCRIPT_RUN.sub(lambda m: f"[{m.group().translate(SUPERSCRIPT_DIGITS)}]", _UNMAPPED.sub("", text))
        top, bottom, left = line.y1 / height, line.y0 / height, line.x0 / width  # type: ignore[attr-defined]
        yield Line(text.replace("][", "").rstrip("\n"), size, top, bottom, left)


def _marked(char: object, size: float) -> str:
    """A character's text; a digit in type much smaller than its line's is a note marker, as "[d]"."""
    text = char.get_text()  # type: ignore[attr-defined]
    small = text.isdigit() and char.size < size * 0.75  # type: ignore[attr-defined]
    return f"[{text}]" if small else text


def _normalised(text: str) -> str:
    """A line with its digits made alike, so "Page 2" and "Page 3" are the same running line."""
    return _DIGITS.sub("#", " ".join(text.split())).casefold()


def _at_edge(line: Line) -> bool:
    """True for a line in the top or bottom band of its page."""
    return line.top > 1 - EDGE or line.bottom < EDGE


def _running_lines(pages: list[list[list[Line]]]) -> set[str]:
    """The normalised edge lines that recur on more than one page (or that are alone in a one-page PDF)."""
    seen = Counter(_normalised(line.text) for page in pages
                   for line in {_normalised(ln.text): ln for box in page for ln in box if _at_edge(ln)}.values())
    return {text for text, count in seen.items() if count > 1 or len(pages) == 1}


def _dropped(line: Line, setting: Setting) -> bool:
    """A header, footer or page number (larger type than the body's is a title, never running matter), a
    line of a table of contents, or a blank line."""
    text = " ".join(line.text.split())
    if not text or _CONTENTS_LINE.fullmatch(text):
        return True
    running = _PAGE_NUMBER.fullmatch(text) is not None or _normalised(text) in setting.running
    return _at_edge(line) and running and line.size <= setting.body * LARGE


def _pieces(pages: list[list[list[Line]]], setting: Setting) -> Iterator[Piece]:
    """Every heading, paragraph, table and note, in reading order, running matter left out."""
    for number, page in enumerate(pages, start=1):
        for boxes in _side_by_side(page):
            kept = [lines for box in boxes if (lines := [ln for ln in box if not _dropped(ln, setting)])]
            if len(kept) > 1 and _is_table(kept):
                yield Piece("table", _table_text(kept), number)
            else:
                yield from (piece for lines in kept for piece in _box_pieces(lines, setting, number))


def _side_by_side(page: list[list[Line]]) -> Iterator[list[list[Line]]]:
    """The page's boxes in reading order, those of several lines that stand side by side (each to the right
    of the one before, level with the first) grouped: the columns of a table, or of a two-column page."""
    group: list[list[Line]] = []
    for box in page:
        if group and len(box) > 1 and box[0].left > group[-1][0].left and _level(group[0], box):
            group.append(box)
            continue
        if group:
            yield group
        group = [box] if box else []
    if group:
        yield group


def _level(first: list[Line], box: list[Line]) -> bool:
    """True where two boxes share some of their height on the page."""
    return min(first[0].top, box[0].top) > max(first[-1].bottom, box[-1].bottom)


def _is_table(boxes: list[list[Line]]) -> bool:
    """Columns of cells, not of prose: at least half their lines are a few words (a name, a year, a figure)."""
    lines = [line for box in boxes for line in box]
    return 2 * sum(len(line.text.split()) <= _CELL_WORDS for line in lines) >= len(lines)


def _table_text(boxes: list[list[Line]]) -> str:
    """The table's rows, top to bottom, as "| a | b |" lines: lines of the columns at one height are a row."""
    rows: list[list[Line]] = []
    for line in sorted((line for box in boxes for line in box), key=lambda line: -line.top):
        if rows and rows[-1][0].top - line.top < (line.top - line.bottom) / 2:
            rows[-1].append(line)
        else:
            rows.append([line])
    return "\n".join(table_line([" ".join(c.text.split()) for c in sorted(row, key=lambda c: c.left)]) for row in rows)


def _box_pieces(lines: list[Line], setting: Setting, page: int) -> Iterator[Piece]:
    """One box as a heading, a paragraph, or footnotes (one per numbered line)."""
    size = max(line.size for line in lines)
    if size < setting.body * SMALL and lines[0].bottom < 0.5 and _NOTE_START.match(lines[0].text.strip()):
        yield from _notes(lines, page, setting.compounds)
    elif size > setting.body * LARGE and len(lines) <= 3:
        yield Piece("heading", join_lines((line.text for line in lines), setting.compounds), page)
    else:
        yield Piece("text", join_lines((line.text for line in lines), setting.compounds), page)


def _notes(lines: list[Line], page: int, compounds: frozenset[str]) -> Iterator[Piece]:
    """Footnote lines: a line starting with a number starts a note, others carry on the one before."""
    notes: list[list[str]] = []
    for line in lines:
        text = line.text.strip()
        if _NOTE_START.match(text) or not notes:
            notes.append([])
        notes[-1].append(text)
    for note in notes:
        text = join_lines(note, compounds)
        found = _NOTE_START.match(text)
        yield Piece("note", f"{found.group(1)}. {text[found.end():]}" if found else text, page)


def join_lines(lines: Iterable[str], compounds: frozenset[str] = frozenset()) -> str:
    """Lines of one paragraph as one: a word broken at a line end by a hyphen joined again ("com-" "mitment"),
    a compound kept ("Asia-" "Pacific", and "well-" "known" where ``compounds`` has "well-known"), other
    lines joined with a space."""
    out = ""
    for line in (" ".join(raw.split()) for raw in lines):
        broken = _HYPHENATED.search(out)
        if not line:
            continue
        if broken and line[:1].isalpha():
            first = _FIRST_WORD.match(line)
            kept = line[:1].isupper() or f"{broken.group(1)}-{first.group() if first else ''}".casefold() in compounds
            out = (out if kept else out[:-1]) + line
        else:
            out = f"{out} {line}" if out else line
    return out


def _join_across_pages(pieces: Iterable[Piece], compounds: frozenset[str]) -> Iterator[Piece]:
    """A paragraph that a page break cut (it ends mid-sentence, the next page's first one starts in
    lower case) made whole again, on the page it starts on."""
    last: Piece | None = None
    for piece in pieces:
        if piece.kind == "note":  # notes go to the end: a page's notes stand between its text and the next
            yield piece
            continue
        if piece.kind != "text":
            yield from [last, piece] if last else [piece]
            last = None
            continue
        if last and last.page < piece.page and not last.text.endswith(_SENTENCE_END) and piece.text[:1].islower():
            last = Piece("text", join_lines([last.text, piece.text], compounds), last.page)
            continue
        if last:
            yield last
        last = piece
    if last:
        yield last


def _title_first(pieces: list[Piece]) -> list[Piece]:
    """The pieces with the title (the first heading on page 1, else the first piece) first."""
    headings = [p for p in pieces if p.kind == "heading" and p.page == 1]
    title = headings[0] if headings else next((p for p in pieces if p.kind == "text"), pieces[0])
    return [Piece("title", title.text, title.page), *(p for p in pieces if p is not title)]


def _lay_out(pieces: list[Piece]) -> PdfArticle:
    """The text: body pieces blank-line apart, then a "Notes" heading and the notes; each piece's page."""
    notes = [p for p in pieces if p.kind == "note"]
    ordered = [p for p in pieces if p.kind != "note"]
    if notes:
        ordered += [Piece("heading", "Notes", notes[0].page), *notes]
    parts, pages, at = [], [], 0
    for piece in ordered:
        pages.append((at, piece.page))
        parts.append(piece.text)
        at += len(piece.text) + 2
    return PdfArticle("\n\n".join(parts) + "\n", tuple(pages))
