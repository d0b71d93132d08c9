"""How well a search hit matches what was typed, on one scale for every kind of hit, so a quote that holds
the words typed outranks an actor whose name only looks a little like them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process

_WORD = re.compile(r"\w+")
PREFIX_CHARS = 3
"""A word typed of at least this many letters that begins a word of the hit matches it fully (typing goes on)."""


def words(text: str) -> list[str]:
    """The words of a text, folded for comparing."""
    found = _WORD.findall(text)
    # Case folding maps each character alone and never makes a space: one call folds every word.
    return " ".join(found).casefold().split(" ") if found else []


def word_match(typed: str, found: Sequence[str]) -> float:
    """0-100: how well one typed word matches the best word of a hit (typos cost a little, a prefix nothing)."""
    if len(typed) >= PREFIX_CHARS and f" {' '.join(found)}".find(f" {typed}") >= 0:
        return 100.0  # a word starting so: words hold no spaces, so a space marks where one starts
    best = process.extractOne(typed, found, scorer=fuzz.ratio, processor=None)
    return best[1] if best is not None else 0.0


def match_quality(query: str, text: str) -> float:
    """0-100: the mean of how well each typed word matches a word of the text."""
    return quality_of(query)(text)


def quality_of(query: str) -> Callable[[str], float]:
    """``match_quality`` of ``query`` against any text, the query's words read once (a search scores
    every hit with it)."""
    typed = words(query)

    def quality(text: str) -> float:
        """0-100 for one text."""
        if not typed:
            return 0.0
        found = list(dict.fromkeys(words(text)))  # a word said twice is no better a match
        return sum(word_match(word, found) for word in typed) / len(typed)

    return quality
