"""The candidates actor finding holds for a whole article, kept column-wise.

Why: a line of acronyms is 250,000 candidates a MB. As objects, each with its two offsets, they took some
190 bytes apiece: 450 MB at 9 MB. Here a candidate is its two offsets and the number of its shape (what it
is, apart from where): 20 bytes, and an article has few shapes, each said many times.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise
from typing import NamedTuple, overload

from store.extract.candidates import Candidate


class Shape(NamedTuple):
    """All of a candidate but where it stands."""

    kind: str
    name: str
    evidence: str
    titles: tuple[str, ...]
    title_offset: int | None
    """Where a title written before the name starts, from the name's start (None: no such title)."""
    former: bool


Row = tuple[int, int, Shape]
"""A candidate as its start, its end and its shape."""


def shape_of(candidate: Candidate) -> Shape:
    """What ``candidate`` is, apart from where."""
    offset = None if candidate.title_start is None else candidate.title_start - candidate.start
    return Shape(candidate.kind, candidate.name, candidate.evidence, candidate.titles, offset, candidate.former)


def candidate_at(start: int, end: int, shape: Shape) -> Candidate:
    """The candidate of ``shape`` at [start, end)."""
    kind, name, evidence, titles, offset, former = shape
    return Candidate(start, end, kind, name, evidence, titles, None if offset is None else start + offset, former)


class CandidateTable(Sequence[Candidate]):
    """Candidates in the order added: their starts and ends in two arrays, the number of their shape in a
    third. Reading one makes a Candidate; the passes over a whole article read rows or shapes instead."""

    __slots__ = ("starts", "ends", "shape_ids", "shapes", "_ids")

    def __init__(self, candidates: Iterable[Candidate] = ()) -> None:
        self.starts, self.ends, self.shape_ids = array("q"), array("q"), array("I")
        self.shapes: list[Shape] = []
        """Each shape once, every one held by some row."""
        self._ids: dict[Shape, int] = {}
        self.extend(candidates)

    def add_numbered(self, start: int, end: int, number: int) -> None:
        """Add the candidate at [start, end) whose shape has the ``number`` this table gave it."""
        self.starts.append(start)
        self.ends.append(end)
        self.shape_ids.append(number)

    def number(self, shape: Shape) -> int:
        """The number of ``shape``, given it if it has none yet."""
        shape_id = self._ids.get(shape)
        if shape_id is None:
            shape_id = self._ids[shape] = len(self.shapes)
            self.shapes.append(shape)
        return shape_id

    def extend(self, candidates: Iterable[Candidate], by: int = 0) -> None:
        """Add the candidates, each ``by`` characters further on; a table's rows are moved as offsets, no
        Candidate made (a repeated sentence's, see actors._remembered_sentences)."""
        if not isinstance(candidates, CandidateTable):
            add_start, add_end, add_id = self.starts.append, self.ends.append, self.shape_ids.append
            for candidate in candidates:  # appended here, not through add_numbered: every sentence's pass here
                add_start(candidate.start + by)
                add_end(candidate.end + by)
                add_id(self.number(shape_of(candidate)))
            return
        ids = [self.number(shape) for shape in candidates.shapes]
        self.starts.extend([start + by for start in candidates.starts])
        self.ends.extend([end + by for end in candidates.ends])
        self.shape_ids.extend(map(ids.__getitem__, candidates.shape_ids))

    def __add__(self, candidates: Iterable[Candidate]) -> CandidateTable:
        """A new table: these rows, then ``candidates``."""
        joined = self.selected(lambda shape: shape)
        joined.extend(candidates)
        return joined

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Candidate: ...

    @overload
    def __getitem__(self, index: slice) -> list[Candidate]: ...

    def __getitem__(self, index: int | slice) -> Candidate | list[Candidate]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        return candidate_at(self.starts[index], self.ends[index], self.shapes[self.shape_ids[index]])

    def __iter__(self) -> Iterator[Candidate]:
        return (candidate_at(*row) for row in self.rows())

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same candidates in the same order (a list as tests write one)."""
        return isinstance(other, Sequence) and len(self) == len(other) and all(map(Candidate.__eq__, self, other))

    __hash__ = None  # type: ignore[assignment]  # changes as rows are added

    def rows(self) -> Iterator[Row]:
        """Each candidate as (start, end, shape), in order."""
        shapes = self.shapes
        return ((start, end, shapes[shape_id]) for start, end, shape_id in zip(self.starts, self.ends, self.shape_ids))

    def rows_having(self, test: Callable[[Shape], bool]) -> Iterator[Row]:
        """The rows whose shape passes ``test`` (asked once a shape), in order."""
        shapes = self.shapes
        passing = [test(shape) for shape in shapes]
        return ((start, end, shapes[shape_id]) for start, end, shape_id
                in zip(self.starts, self.ends, self.shape_ids) if passing[shape_id])

    def having(self, test: Callable[[Shape], bool]) -> Iterator[Candidate]:
        """The candidates whose shape passes ``test`` (asked once a shape), in order."""
        return (candidate_at(*row) for row in self.rows_having(test))

    def selected(self, reshape: Callable[[Shape], Shape | None]) -> CandidateTable:
        """A new table of the candidates whose shape ``reshape`` keeps (None drops it), each under the shape
        it gives; ``reshape`` is asked once a shape."""
        table = CandidateTable()
        new_ids = [None if shape is None else table.number(shape) for shape in map(reshape, self.shapes)]
        if None not in new_ids:  # every row kept: the offsets copied as they are
            table.starts, table.ends = array("q", self.starts), array("q", self.ends)
            table.shape_ids = array("I", map(new_ids.__getitem__, self.shape_ids))
            return table
        for start, end, shape_id in zip(self.starts, self.ends, self.shape_ids):
            new_id = new_ids[shape_id]
            if new_id is not None:
                table.starts.append(start)
                table.ends.append(end)
                table.shape_ids.append(new_id)
        return table

    def in_text_order(self) -> bool:
        """True when each candidate starts after the one before it, or as early and ends after it (see
        scan.in_text_order), read from the offsets alone."""
        return all(left_start < right_start or left_start == right_start and left_end < right_end
                   for (left_start, left_end), (right_start, right_end) in pairwise(zip(self.starts, self.ends)))

    def last_starting_at(self, start: int) -> Candidate | None:
        """The last candidate that starts at ``start``, the table being in text order."""
        index = bisect_right(self.starts, start) - 1
        return self[index] if index >= 0 and self.starts[index] == start else None
