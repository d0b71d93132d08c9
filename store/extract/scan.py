"""Regex matching tried only at known start offsets: a fast, exact stand-in for ``finditer``."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, pairwise
from operator import attrgetter
from typing import Protocol, overload

from store.model import Passage


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], end: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text, ..., end)`` gives, given every offset (in order) where one can begin.

    Why: scanning a long text at every character is what makes some patterns slow; a cheaper scan
    that finds the few places a match can begin leaves the pattern only those to try.
    """
    cursor = 0
    for at in starts:
        match = pattern.match(text, at, len(text) if end is None else end) if at >= cursor else None
        if match is not None:
            cursor = match.end()
            yield match


def occurs_within(pattern: re.Pattern[str], text: str) -> Callable[[int, int], bool]:
    """A test for whether a match of ``pattern`` over the whole text begins in [start, end), by bisection.

    Why: a stage that looks in each paragraph or sentence for what few of them hold (a date, a citation)
    asks this first, from one search of the text, instead of searching each of 142,857 paragraphs a MB.
    """
    starts = [match.start() for match in pattern.finditer(text)]

    def test(start: int, end: int) -> bool:
        index = bisect_left(starts, start)
        return index < len(starts) and starts[index] < end

    return test


class Spans(Sequence[tuple[int, int]]):
    """Spans of the text, (start, end) each, kept as two arrays of offsets: 8 bytes a span (16 for a text of
    2 G characters or more).

    Why: an article's units and sentences were lists of tuples, some 64 bytes a span beside the offsets
    themselves; a paragraph a word (142,857 a MB) held 150 MB of them at 9 MB on top of its passages, and
    its sentences in 8-byte offsets still 22 MB."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        """The spans, in the order given (read into one array by array() itself, narrowed to 4-byte offsets
        where they fit, then split in two)."""
        offsets = array("q", chain.from_iterable(spans))
        try:
            offsets = array("i", offsets)
        except OverflowError:
            pass  # an offset of 2**31 or more: kept in 8 bytes
        self.starts, self.ends = offsets[0::2], offsets[1::2]

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, int]]: ...

    def __getitem__(self, index: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(index, slice):
            return list(zip(self.starts[index], self.ends[index]))
        return self.starts[index], self.ends[index]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends)

    def __reversed__(self) -> Iterator[tuple[int, int]]:
        return zip(reversed(self.starts), reversed(self.ends))


class _Placed(Protocol):
    start: int
    end: int


def in_text_order(items: Sequence[_Placed]) -> bool:
    """True when each item starts after the one before it, or as early and ends after it: in text order, one
    a span (what sorting by start, then end, and keeping one a span would give back as it is).

    Why: sorting a million mentions or candidates already in order made a million key tuples (70 MB)."""
    return all(left.start < right.start or left.start == right.start and left.end < right.end
               for left, right in pairwise(items))


def within(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test for whether [start, end) lies inside one of the spans, by one bisection per test.

    Of the spans that start at or before ``start``, the one reaching furthest decides; so a text's
    mentions can be checked against its quotes or citations without a pass over all of them each.
    """
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))

    def test(start: int, end: int) -> bool:
        index = bisect_right(starts, start)
        return index > 0 and reach[index - 1] >= end

    return test


def overlapping(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test for whether [start, end) shares a character with one of the spans, by one bisection per test.

    Of the spans that start before ``end``, the one reaching furthest decides.
    """
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))

    def test(start: int, end: int) -> bool:
        index = bisect_left(starts, end)
        return index > 0 and reach[index - 1] > start

    return test


_START = attrgetter("start")


def passages_holding(pattern: re.Pattern[str], text: str, passages: Sequence[Passage]) -> Iterator[Passage]:
    """The passages that hold a match of ``pattern`` (of one character), in text order, found from the matches:
    a search from each such passage's end to the next match, and a bisection of the passages (in text order,
    none overlapping, as an article's are) for the one holding it.

    Why: a stage that reads only the passages with a quotation mark or a bracket in them searched each of
    142,857 passages a MB (one-word paragraphs) for one."""
    cursor = 0
    while (found := pattern.search(text, cursor)) is not None:
        index = bisect_right(passages, found.start(), key=_START) - 1
        holder = passages[index] if index >= 0 else None
        if holder is not None and found.start() < holder.end:
            yield holder
            cursor = holder.end
        else:
            cursor = found.end()


def passage_kinds(passages: Sequence[Passage]) -> Callable[[int], str]:
    """A look-up of the kind of passage holding an offset ('paragraph' where none does), by bisection.

    Why: asking every passage in turn made extraction quadratic in the length of long articles. Only the
    passages of other kinds are kept: passages never overlap, so an offset in none of them is in a paragraph
    or between passages, a paragraph either way (a copy and the starts of 1.3 million one-word paragraphs
    held 22 MB at 9 MB).
    """
    ordered = sorted((passage for passage in passages if passage.kind != "paragraph"),
                     key=lambda passage: passage.start)
    starts = [passage.start for passage in ordered]

    def kind_at(offset: int) -> str:
        index = bisect_right(starts, offset) - 1
        holder = ordered[index] if index >= 0 else None
        return holder.kind if holder is not None and offset < holder.end else "paragraph"

    return kind_at
