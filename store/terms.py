"""Words as the full-text index sees them: folded tokens with offsets, and hyphenated compounds."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+")
"""What FTS5's unicode61 tokenizer keeps as one token: a run of letters and digits."""
_COMPOUND = re.compile(r"(?<![^\W_])[^\W_]++(?:[-‐‑'’](?![sS]\b)[^\W_]++)+")
"""Words joined by hyphens or apostrophes ("Shangri-La", "O'Brien"; not a possessive "'s"), often typed as one.
Tried only at a word's start, without giving letters back: from every letter of a long unhyphenated
word it took time in the square of the word's length (a 40,000-letter word: 59 s)."""


def fold(text: str) -> str:
    """Lower case without diacritics, as the index (remove_diacritics 2) compares words."""
    if text.isascii():
        return text.lower()
    # NFD and lower(), not NFKD and casefold(): "ﬁ" and "ß" stay as unicode61 keeps them.
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_ACCENTED = (*range(0xC0, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x1F00))
"""Latin, Greek and Cyrillic letters that may carry diacritics."""


@lru_cache(maxsize=1)
def _unfolding() -> dict[str, str]:
    """For each folded letter, the lower-case letters with diacritics that fold to it ("e" -> "éèêë...")."""
    found: dict[str, str] = {}
    for code in _ACCENTED:
        lower = chr(code).lower()
        folded = fold(lower)
        if len(folded) == 1 and folded != lower:
            found[folded] = found.get(folded, "") + lower
    return found


def unfolded(char: str) -> str:
    """The letters with diacritics that fold to ``char`` ("" if none)."""
    return _unfolding().get(char, "")


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Each indexable word of ``text`` as (start, end, folded word)."""
    for match in _TOKEN.finditer(text):
        yield match.start(), match.end(), fold(match.group())


def distinct_words(text: str) -> set[str]:
    """The distinct folded words of ``text`` (each folded once, however often it occurs)."""
    # Matches one at a time: a list of every word of a 9 MB article took 87 MB.
    return {fold(word) for word in set(map(re.Match.group, _TOKEN.finditer(text)))}


def compounds(text: str) -> dict[str, str]:
    """Hyphenated words of ``text``: the folded word written together -> its folded parts."""
    found = {}
    for match in _COMPOUND.finditer(text):
        parts = [fold(part) for part in _TOKEN.findall(match.group())]
        found["".join(parts)] = " ".join(parts)
    return found


_WORD = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*")
_JOINER = re.compile(r"(?<=[^\W_])[-‐‑'’](?=[^\W_])")
_NON_WORD = re.compile(r"[\W_]+")


def compact(text: str) -> str:
    """Text for fuzzy matching: folded, hyphenated words joined ("Shangri-La" -> "shangrila"), no punctuation."""
    return _NON_WORD.sub(" ", _JOINER.sub("", fold(text))).strip()


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of ``text`` (a hyphenated word counts as one) as (start, end, the word as written):
    ``compact`` it to compare (a caller comparing many labels compacts each distinct word once)."""
    for match in _WORD.finditer(text):
        yield match.start(), match.end(), match.group()
