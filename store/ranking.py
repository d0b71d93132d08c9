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
    # A word typed long enough matches fully where it begins a word (" word" found in the spaced text),
    # a shorter one where it is a word (" word "): either way no word of the text could score more.
    typed = [(word, f" {word}" if len(word) >= PREFIX_CHARS else f" {word} ") for word in words(query)]

    def quality(text: str) -> float:
        """0-100 for one text: its words folded and joined once, and split into a list only if a typed
        word is not found so (a word said twice changes no best match, so none is dropped)."""
        if not typed:
            return 0.0
        folded = _folded(text)
        spaced, found, total = f" {folded} ", None, 0.0
        for word, probe in typed:
            if probe in spaced:
                total += 100.0
                continue
            found = found if found is not None else folded.split(" ") if folded else []
            total += _closest(word, found)
        return total / len(typed)

    return quality
