"""Words as the full-text index sees them: folded tokens with offsets, and hyphenated compounds."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+")
"""What FTS5's unicode61 tokenizer keeps as one token: a run of letters and digits."""
_COMPOUND = re.compile(r"[^\W_]+(?:[-‐‑'’](?![sS]\b)[^\W_]+)+")
"""Words joined by hyphens or apostrophes ("Shangri-La", "O'Brien"; not a possessive "'s"), often typed as one."""


def fold(text: str) -> str:
    """Lower case without diacritics, as the index (remove_diacritics 2) compares words."""
    if text.isascii():
        return text.lower()
    # NFD and lower(), not NFKD and casefold(): "ﬁ" and "ß" stay as unicode61 keeps them.
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold_aligned(text: str) -> str | None:
    """``text`` folded character by character, so offsets stay valid (None when folding would
    change its length, e.g. a lone combining mark)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    if lowered.isascii():
        return lowered
    table = {ord(char): _base(char) for char in set(lowered) if not char.isascii()}
    if any(len(base) != 1 for base in table.values()):
        return None
    return lowered.translate(table)


@lru_cache(maxsize=4096)
def _base(char: str) -> str:
    """One lower-case character without its diacritics (as ``fold`` treats it)."""
    return "".join(part for part in unicodedata.normalize("NFD", char) if not unicodedata.combining(part))


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Each indexable word of ``text`` as (start, end, folded word)."""
    for match in _TOKEN.finditer(text):
        yield match.start(), match.end(), fold(match.group())


def distinct_words(text: str) -> set[str]:
    """The distinct folded words of ``text`` (each folded once, however often it occurs)."""
    return {fold(word) for word in set(_TOKEN.findall(text))}


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
    """Each word of ``text`` (a hyphenated word counts as one) as (start, end, compacted word)."""
    for match in _WORD.finditer(text):
        yield match.start(), match.end(), compact(match.group())
