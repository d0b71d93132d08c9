"""Pair quotation marks: curly “...”, straight "...", doubled ''...'' and ``...'', and single ‘...’,
capped at the paragraph end."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from store.extract.scan import passages_holding
from store.model import Passage

_BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")
_ANY_MARK = re.compile("[“\"‘'`]")
"""A block with none of these quotes nothing (most paragraphs of a list, a table, a heading)."""


@dataclass(frozen=True)
class Marks:
    """One quoted span: ``start``/``end`` exclude the marks; ``closed`` False when capped."""

    start: int
    end: int
    closed: bool


def quote_spans(text: str, passages: Sequence[Passage] = ()) -> tuple[Marks, ...]:
    """Every quoted span of the text, found paragraph by paragraph, in text order."""
    return _quote_spans(text, _Same(tuple(passages)))


class _Same:
    """An article's passages as a cache key, the same passages only when the same tuple (extraction passes
    one tuple to both stages that ask): as a plain key, each of 142,857 passages a MB was hashed by value
    twice an article."""

    def __init__(self, passages: tuple[Passage, ...]) -> None:
        self.passages = passages

    def __hash__(self) -> int:
        return id(self.passages)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.passages is self.passages


@lru_cache(maxsize=4)  # asked by actor finding and again by quote finding of the same article
def _quote_spans(text: str, same: _Same) -> tuple[Marks, ...]:
    """Every quoted span, by the passages' paragraphs (or the text's blank-line blocks when none)."""
    # Read as they come: a list of the spans of 142,857 passages a MB held 78 MB at 9 MB.
    blocks = (((p.start, p.end) for p in passages_holding(_ANY_MARK, text, same.passages)) if same.passages
              else (m.span() for m in _BLOCK.finditer(text) if _ANY_MARK.search(text, *m.span())))
    spans: list[Marks] = []
    for start, end in blocks:
        spans.extend(_pairs(text, start, end, "“", "”"))
        spans.extend(_straight(text, start, end))
        spans.extend(_single(text, start, end))
        doubled = _doubled(text, start, end)
        # Where quotes are written as two apostrophes, a lone ' is an apostrophe, never a quote.
        spans.extend(doubled if doubled else _straight_single(text, start, end))
    return tuple(sorted(spans, key=lambda marks: marks.start))


def _pairs(text: str, start: int, end: int, opener: str, closer: str) -> list[Marks]:
    """Pair curly marks; an opener without a closer runs to the end of its paragraph."""
    spans: list[Marks] = []
    cursor, close_at = start, -2  # -2: no closer looked for yet
    while (open_at := text.find(opener, cursor, end)) != -1:
        # The first closer after an earlier opener is this one's too when it lies after it (or is none):
        # looking again from each of many nested openers read the rest of the paragraph each time.
        if close_at != -1 and close_at <= open_at:
            close_at = _closing(text, open_at + 1, end, closer)
        reopen = text.find(opener, open_at + 1, close_at if close_at != -1 else end)
        if reopen != -1 and close_at != -1:
            cursor = reopen  # an opener left unclosed before the next one: skip it
            continue
        closed = close_at != -1
        stop = close_at if closed else end
        spans.append(Marks(open_at + 1, stop, closed))
        cursor = stop + 1
    return [marks for marks in spans if marks.start < marks.end]


def _closing(text: str, start: int, end: int, closer: str) -> int:
    """Where the first closer in text[start:end] is, else the first straight double mark after a word
    (“...," closed by a straight mark, as a typist may mix them); -1 if neither."""
    close_at = text.find(closer, start, end)
    return close_at if close_at != -1 else _straight_closer(text, start, end)


def _straight_closer(text: str, start: int, end: int) -> int:
    """Where the first straight double mark after a word in text[start:end] is (-1 if none)."""
    found = _STRAIGHT_CLOSE.search(text, start, end)
    return found.start() if found is not None else -1


_STRAIGHT_CLOSE = re.compile(r'"(?<=[^\s(\[—–-]")')


def _straight(text: str, start: int, end: int) -> list[Marks]:
    """Pair straight double quotes: one after a space opens, one after a word closes."""
    spans: list[Marks] = []
    open_at: int | None = None
    for match in re.finditer('"', text[start:end]):
        at = start + match.start()
        opens = at == 0 or text[at - 1].isspace() or text[at - 1] in "([—–-"
        if open_at is not None and not opens:
            spans.append(Marks(open_at + 1, at, True))
            open_at = None
        elif opens:
            open_at = at  # a second opener before any closer: the first was unbalanced
    if open_at is not None:
        spans.append(Marks(open_at + 1, end, False))
    return [marks for marks in spans if marks.start < marks.end]


_CURLY_SINGLE_OPEN = re.compile(r"(?<![\w’])‘(?=\w)")
_CURLY_SINGLE_CLOSE = re.compile(r"’(?![\w])")


def _single(text: str, start: int, end: int) -> list[Marks]:
    """Single curly quotes: an opening ‘ before a word, closed by the next ’ that is not an apostrophe."""
    spans: list[Marks] = []
    if text.find("‘", start, end) == -1:
        return spans  # most paragraphs have none: no need to copy and scan them
    for match in _CURLY_SINGLE_OPEN.finditer(text[start:end]):
        open_at = start + match.start()
        closing = _CURLY_SINGLE_CLOSE.search(text, open_at + 1, end)
        if closing is not None:
            spans.append(Marks(open_at + 1, closing.start(), True))
    return spans


def _straight_single(text: str, start: int, end: int) -> list[Marks]:
    """British-style 'quotes': a ' opening before a word (not inside one, as in "don't"), closed by the next
    ' after a word or stop that no letter follows ("Britain's" and "don't" are neither)."""
    spans = []
    cursor = start
    while (opener := _SINGLE_OPEN.search(text, cursor, end)) is not None:
        closer = _SINGLE_CLOSE.search(text, opener.end(), end)
        if closer is None:
            break
        spans.append(Marks(opener.end(), closer.start(), True))
        cursor = closer.end()
    return spans


# ''...'' and ``...'' (the archive style of some newspapers): two marks opening before a word, two
# closing after a word or stop.
_DOUBLED_OPEN = re.compile(r"(?:''|``)(?<![\w'`]..)(?=[\w‘'(\[$-])")
_DOUBLED_CLOSE = re.compile(r"''(?<=[\w.,!?;:)\]%—–-]'')(?![\w])")


def _doubled(text: str, start: int, end: int) -> list[Marks]:
    """Pair ''...'' (and ``...''); an opener without a closer runs to the end of its paragraph."""
    if text.find("''", start, end) == -1 and text.find("``", start, end) == -1:
        return []
    spans = []
    cursor = start
    while (opener := _DOUBLED_OPEN.search(text, cursor, end)) is not None:
        closer = _DOUBLED_CLOSE.search(text, opener.end(), end)
        stop = closer.start() if closer is not None else end
        spans.append(Marks(opener.end(), stop, closer is not None))
        cursor = closer.end() if closer is not None else end
    return [marks for marks in spans if marks.start < marks.end]


# The mark comes first and the look back after it, so a scan can skip straight to the next "'".
_SINGLE_OPEN = re.compile(r"'(?<![\w’']')(?=\w)")
_SINGLE_CLOSE = re.compile(r"'(?<=[\w.,!?]')(?!\w)")
_TITLE_CASE_SHARE = 0.6


@lru_cache(maxsize=256)  # asked by actor finding and again by quote finding of every quote
def is_title_cased(text: str, marks: Marks) -> bool:
    """True for quoted titles such as “Values Diplomacy Can Never Have Good Results”."""
    words = [word for word in text[marks.start : marks.end].split() if len(word) > 3]
    capitals = sum(word[0].isupper() for word in words)
    # Names lift a sentence's share of capitals ("It's not going to be easy for Marco Rubio"): a title
    # leaves only its short linking words in small letters.
    lower = sum(word.islower() and word not in _TITLE_MINOR_WORDS for word in words)
    return len(words) >= 2 and capitals >= _TITLE_CASE_SHARE * len(words) and lower < 2


_TITLE_MINOR_WORDS = frozenset({"with", "from", "into", "onto", "over", "upon", "than", "that", "through",
                                "about", "after", "under", "against", "between", "without", "within"})
