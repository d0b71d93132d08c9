"""Finding words in the article the reader shows: every place they occur, ignoring case."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from store.queries import MarkStep, PassageView, ReaderMark

MAX_MATCHES = 10_000
"""Matches kept at most: enough to step through, and a one-letter search of a huge article stays quick."""


def find_matches(passages: Sequence[PassageView], words: str) -> tuple[ReaderMark, ...]:
    """Where ``words`` occur in the passages (ignoring case), as marks in text order."""
    if not words.strip():
        return ()
    pattern = re.compile(re.escape(words.strip()), re.IGNORECASE)
    found: list[ReaderMark] = []
    for passage in passages:
        for match in pattern.finditer(passage.text):
            start = passage.start + match.start()
            found.append(ReaderMark(start, passage.start + match.end(), passage.id, None, words.strip(), "match"))
            if len(found) >= MAX_MATCHES:
                return tuple(found)
    return tuple(found)


def match_step(matches: Sequence[ReaderMark], here: int, step: int) -> MarkStep:
    """The match after (step 1) or before (-1) an offset, wrapping round, with its number among them."""
    starts = [match.start for match in matches]
    index = (bisect_right(starts, here) if step > 0 else bisect_left(starts, here) - 1) % len(matches)
    return MarkStep(matches[index], index + 1, len(matches))
