"""A stored table passage (rows "| a | b |", one a line) drawn as aligned columns, every cell a span of the text.

The store keeps a table as the plain rows Markdown reading wrote, so that offsets stay exact; the reader
draws the cells of those rows padded to their column's width, without the pipes, where the table fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from store.queries import PassageView as Passage

SEPARATOR = " │ "
"""Drawn between two cells of a row."""
_CELL = re.compile(r"[^|]+")

Span = tuple[int, int]
"""Document offsets (start, end)."""


def row_cells(text: str, base: int, start: int, end: int) -> list[Span]:
    """The cells of the row at document offsets start..end of a passage whose text begins at ``base``:
    each cell's words, its pipes and padding left out (an empty cell is an empty span)."""
    cells: list[Span] = []
    for cell in _CELL.finditer(text, start - base, end - base):
        words = cell.group()
        left = cell.start() + len(words) - len(words.lstrip())
        cells.append((base + left, base + max(left, cell.start() + len(words.rstrip()))))
    return cells


def rows_of(passage: Passage) -> list[Span]:
    """The row lines of a table passage as document offsets."""
    rows, at = [], passage.start
    for line in passage.text.split("\n"):
        rows.append((at, at + len(line)))
        at += len(line) + 1
    return rows


def column_widths(passage: Passage, width: int) -> list[int] | None:
    """The cells each column takes when the table's rows of two cells or more, aligned, fit ``width``
    cells; None when they do not (the rows are then wrapped as text). A row of one cell (a caption, a
    source line) is no column's: it wraps as text."""
    widths: list[int] = []
    for start, end in rows_of(passage):
        line = passage.text[start - passage.start:end - passage.start]
        cells = row_cells(passage.text, passage.start, start, end)
        if len(cells) < 2:
            continue
        if not (line.startswith("|") and line.endswith("|")) or cell_len(line) > width:
            return None
        for column, (left, right) in enumerate(cells):
            taken = cell_len(passage.text[left - passage.start:right - passage.start])
            widths[column:column + 1] = [max(taken, widths[column] if column < len(widths) else 0)]
    aligned = sum(widths) + len(SEPARATOR) * (len(widths) - 1)
    return widths if widths and aligned <= width else None


class TableDrawing:
    """How one table passage is drawn at one width: its rows, and its columns' widths when aligned."""

    def __init__(self, passage: Passage, width: int) -> None:
        """Measure the table's rows and columns for ``width`` cells."""
        self.passage = passage
        self.rows = rows_of(passage)
        self.widths = column_widths(passage, width)

    def segments(self, span: Span, text_of: Callable[[Span], list[Segment]], rule: Style) -> list[Segment]:
        """A laid-out line: a whole row of cells padded to their columns with a rule between them; a line
        of a one-cell row as text; a line of a table too wide to align as written, its pipes drawn as rules."""
        cells = row_cells(self.passage.text, self.passage.start, *span) if span in self.rows else []
        if self.widths is None or len(cells) < 2:
            pipe = "│" if self.widths is None else " "
            return [Segment(part.text.replace("|", pipe), part.style) for part in text_of(span)]
        drawn: list[Segment] = []
        for column, (cell, width) in enumerate(zip(cells, self.widths, strict=False)):
            if column:
                drawn.append(Segment(SEPARATOR, rule))
            parts = text_of(cell)
            drawn += parts + [Segment(" " * (width - sum(cell_len(part.text) for part in parts)))]
        return drawn
