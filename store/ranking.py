"""How well a search hit matches what was typed, on one scale for every kind of hit, so a quote that holds
the words typed outranks an actor whose name only looks a little like them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process

_WORD = re.compile(r"\w+")
_ASCII_GAPS = {code: " " for code in range(128) if not re.fullmatch(r"\w", chr(code))}
"""Every ASCII character that is not a word character, to a space."""
Quality = Callable[[str], float]
"""How well a text matches a query, 0-100 (see ``quality_of``)."""
PREFIX_CHARS = 3
"""A word typed of at least this many letters that begins a word of the hit matches it fully (typing goes on)."""


def words(text: str) -> list[str]:
    """The words of a text, folded for comparing."""
    folded = _folded(text)
    return folded.split(" ") if folded else []


def _folded(text: str) -> str:
    """The words of a text, folded, one space between each."""
    if text.isascii():
        # The same words without the regex engine (most of the time of scoring a hit): in ASCII a
        # word character is a letter, digit or "_", and folding is lower-casing.
        return " ".join(text.translate(_ASCII_GAPS).split()).lower()
    # Case folding maps each character alone and never makes a space: one call folds every word.
    return " ".join(_WORD.findall(text)).casefold()


def word_match(typed: str, found: Sequence[str]) -> float:
    """0-100: how well one typed word matches the best word of a hit (typos cost a little, a prefix nothing)."""
    return 100.0 if _starts_a_word(typed, f" {' '.join(found)}") else _closest(typed, found)


def _starts_a_word(typed: str, spaced: str) -> bool:
    """True when ``typed`` (long enough) begins a word of ``spaced``, the words each after a space."""
    # Words hold no spaces, so a space marks where one starts.
    return len(typed) >= PREFIX_CHARS and spaced.find(f" {typed}") >= 0


def _closest(typed: str, found: Sequence[str]) -> float:
    """0-100: the best ``fuzz.ratio`` of ``typed`` with a word of ``found``."""
    best = process.extractOne(typed, found, scorer=fuzz.ratio, processor=None)
    return best[1] if best is not None else 0.0


def match_quality(query: str, text: str) -> float:
    """0-100: the mean of how well each typed word matches a word of the text."""
    return quality_of(query)(text)


def quality_of(query: str) -> Quality:
    """``match_quality`` of ``query`` against any text, the query's words read once (a search scores
    every hit with it)."""
    typed = words(query)

    def quality(text: str) -> float:
        """0-100 for one text, its words folded and joined once for every typed word (a word said twice
        changes no best match, so none is dropped)."""
        if not typed:
            return 0.0
        folded = _folded(text)
        spaced, found = " " + folded, folded.split(" ") if folded else []
        return sum(100.0 if _starts_a_word(word, spaced) else _closest(word, found) for word in typed) / len(typed)

    return quality
