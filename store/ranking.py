"""How well a search hit matches what was typed, on one scale for every kind of hit, so a quote that holds
the words typed outranks an actor whose name only looks a little like them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

_WORD = re.compile(r"\w+")
PREFIX_CHARS = 3
"""A word typed of at least this many letters that begins a word of the hit matches it fully (typing goes on)."""


def words(text: str) -> list[str]:
    """The words of a text, folded for comparing."""
    return [word.casefold() for word in _WORD.findall(text)]


def word_match(typed: str, found: Sequence[str]) -> float:
    """0-100: how well one typed word matches the best word of a hit (typos cost a little, a prefix nothing)."""
    if len(typed) >= PREFIX_CHARS and any(word.startswith(typed) for word in found):
        return 100.0
    return max((fuzz.ratio(typed, word) for word in found), default=0.0)


def match_quality(query: str, text: str) -> float:
    """0-100: the mean of how well each typed word matches a word of the text."""
    typed, found = words(query), words(text)
    if not typed:
        return 0.0
    return sum(word_match(word, found) for word in typed) / len(typed)
