"""Where each line of an article falls at a width, worked out only for the stretches that are shown."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from rich.cells import cell_len

from store.queries import PassageView as Passage

CHUNK = 4096
"""Characters laid out at a time: a paragraph of megabytes is wrapped a piece at a time, when shown."""
EAGER = 200_000
"""Articles up to this many characters are wrapped whole at once, so every height is exact."""
_WORD = re.compile(r"\S+|\n")

Span = tuple[int, int]
"""A line as (start, end) offsets into the document's text."""


@dataclass(frozen=True)
class Block:
    """A piece of one passage that is wrapped as a whole: the passage itself, or a CHUNK of a long one."""

    passage: int
    """Index of the passage in the article."""
    start: int
    end: int
    first: bool
    last: bool
    """The passage's last piece, followed by a blank line."""


def blocks_of(passages: Sequence[Passage]) -> Iterator[Block]:
    """The pieces of every passage, long ones cut after a space about every CHUNK characters."""
    for index, passage in enumerate(passages):
        text, at = passage.text, 0
        while True:
            cut = len(text) if len(text) - at <= CHUNK else _cut(text, at)
            yield Block(index, passage.start + at, passage.start + cut, at == 0, cut >= len(text))
            if cut >= len(text):
                break
            at = cut


def _cut(text: str, at: int) -> int:
    """Where a piece starting at ``at`` ends: after the last space of its CHUNK, else at CHUNK."""
    space = text.rfind(" ", at + CHUNK // 2, at + CHUNK)
    return space + 1 if space >= 0 else at + CHUNK


def _cells(word: str) -> int:
    """Terminal cells a word takes (one a character for ASCII, measured otherwise)."""
    return len(word) if word.isascii() else cell_len(word)


def wrap(text: str, base: int, start: int, end: int, width: int) -> list[Span]:
    """Greedy word wrap of document offsets start..end of a passage whose text begins at ``base``."""
    lines: list[Span] = []
    head: int | None = None
    tail = used = 0
    for word in _WORD.finditer(text, start - base, end - base):
        first, last = word.span()
        if word.group() == "\n":
            lines.append((base + head, base + tail) if head is not None else (base + first, base + first))
            head = None
            continue
        cells = _cells(word.group())
        if head is not None and used + (first - tail) + cells <= width:
            used, tail = used + (first - tail) + cells, last
            continue
        if head is not None:
            lines.append((base + head, base + tail))
        while cells > width:  # a word wider than the line is cut
            lines.append((base + first, base + first + width))
            first, cells = first + width, cells - width
        head, tail, used = first, last, cells
    if head is not None:
        lines.append((base + head, base + tail))
    return lines or [(start, start)]


class Layout:
    """The lines of an article at one width: exact for pieces wrapped so far, estimated for the rest."""

    def __init__(self, passages: Sequence[Passage], width: int) -> None:
        """Cut the article into pieces; wrap it all now if it is small."""
        self.passages = passages
        self.width = max(width, 1)
        self.blocks = list(blocks_of(passages))
        self.starts = [block.start for block in self.blocks]
        self.lines: list[list[Span] | None] = [None] * len(self.blocks)
        self.heights = [self._estimate(block) for block in self.blocks]
        self._tops: list[int] | None = None
        if sum(len(passage.text) for passage in passages) <= EAGER:
            for index in range(len(self.blocks)):
                self.wrap(index)

    def _estimate(self, block: Block) -> int:
        """A guess at a piece's height before it is wrapped (with its passage's blank line)."""
        return max(1, -(-(block.end - block.start) * 11 // (10 * self.width))) + block.last

    @property
    def tops(self) -> list[int]:
        """The first line of each piece (and the total height last)."""
        if self._tops is None:
            self._tops = [0, *accumulate(self.heights)]
        return self._tops

    @property
    def height(self) -> int:
        """Lines in the whole article."""
        return self.tops[-1]

    def wrap(self, index: int) -> int:
        """Wrap one piece if it is not yet; how many lines its height changed by."""
        if self.lines[index] is not None:
            return 0
        block = self.blocks[index]
        passage = self.passages[block.passage]
        lines = wrap(passage.text, passage.start, block.start, block.end, self.width)
        self.lines[index] = lines
        change = len(lines) + block.last - self.heights[index]
        if change:
            self.heights[index] += change
            self._tops = None
        return change

    def locate(self, y: int) -> tuple[int, int]:
        """(piece, row in it) of line y of the article."""
        index = max(0, min(bisect_right(self.tops, y) - 1, len(self.blocks) - 1))
        return index, y - self.tops[index]

    def line(self, index: int, row: int) -> Span | None:
        """A wrapped piece's line as offsets; None for its passage's blank line or past its end."""
        self.wrap(index)
        lines = self.lines[index] or []
        return lines[row] if row < len(lines) else None

    def block_at(self, offset: int) -> int:
        """The piece holding a document offset (the nearest before it, between passages)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def y_of(self, offset: int) -> int:
        """The line of the article showing a document offset."""
        index = self.block_at(offset)
        self.wrap(index)
        lines = self.lines[index] or []
        row = max(0, bisect_right([start for start, _ in lines], offset) - 1)
        return self.tops[index] + row
