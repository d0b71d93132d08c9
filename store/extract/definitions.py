"""Acronyms an article defines in brackets ("the Help America Vote Act (HAVA)") and the full names
they stand for, found by matching the acronym's capitals to the initials of the words before it; and
short names defined the same way ("the Department of Commerce (Commerce)")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from store.extract.lexicon import word_set
from store.extract.tokens import Token, joined, tokenize

# "(HAVA)", "(the IIJA; P.L. 117-58)", "(LLMs)": capitals (small letters inside, as in "FinCEN") and a plural "s".
_DEFINED = re.compile(r"\((?:the\s+)?([A-Z][A-Za-z&]*[A-Z])s?\s*[;,)]")
# "(Commerce)" after "the U.S. Department of Commerce": a short name, defined like an acronym.
_SHORT_NAME = re.compile(r"\((?:the\s+)?([A-Z][a-z]{2,})\)")
# A Markdown link ends the full name: "[Help America Vote Act](https://...) (HAVA)".
_LINK_TAIL = re.compile(r"\]\([^()\s]*\)[ \t]*$")
# A law's year and amendment note give the acronym no letter: "the Voting Rights Act of 1965, as amended (VRA)".
_LAW_TAIL = re.compile(r"(?:\s+of\s+(?:1[7-9]|20)\d\d)?(?:,?\s+as\s+amended)?,?[ \t]*$")
# Small words inside a full name that need not give the acronym a letter ("Department of Defense (DOD)"
# gives one, "Office of Management and Budget (OMB)" does not).
_MINOR = frozenset({"of", "and", "for", "the", "on", "in", "to", "de"})
_LOOKBACK = 160
_CHARS_PER_LETTER = 24
_SHORT_LOOKBACK = 80


@dataclass(frozen=True)
class Definition:
    """An acronym and the span of the full name it is defined for."""

    acronym: str
    start: int
    end: int
    capitalised: bool
    """True when every word that gives a letter is capitalised (a name, not "gross domestic product")."""


@lru_cache(maxsize=4)  # asked by every sentence of the same article: search the text once
def definitions(text: str) -> tuple[Definition, ...]:
    """Every acronym (or short name) defined in brackets right after the words it stands for, in text order."""
    found = [_defined(text, match.group(1), match.start()) for match in _DEFINED.finditer(text)]
    found += [_short_defined(text, match.group(1), match.start()) for match in _SHORT_NAME.finditer(text)]
    return tuple(sorted((d for d in found if d is not None), key=lambda d: d.start))


def defined_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each capitalised full name of more than one word that an acronym is defined for,
    inside text[start:end], in order."""
    names = _names(text)
    return names[bisect_left(names, (start,)) : bisect_left(names, (end,))]


@lru_cache(maxsize=4)
def _names(text: str) -> list[tuple[int, int]]:
    """Every defined full name of more than one capitalised word, in text order."""
    return sorted({(d.start, d.end) for d in definitions(text) if d.capitalised and " " in text[d.start : d.end]})


def _defined(text: str, acronym: str, bracket: int) -> Definition | None:
    """The full name before ``bracket`` whose initials spell ``acronym``, if the words there give them."""
    letters = "".join(ch for ch in acronym if ch.isupper())
    before = text[max(0, bracket - _LOOKBACK) : bracket]
    tail = _LINK_TAIL.search(before) or _LAW_TAIL.search(before)
    end = bracket - len(before) + tail.start()
    # A full name takes at most a few words per letter: look no further back than that.
    tokens = tokenize(text, max(0, bracket - _LOOKBACK, end - _CHARS_PER_LETTER * (len(letters) + 1)), end)
    first = _initials_start(text, tokens, len(tokens) - 1, letters)
    if first is None:
        return None
    first = _with_head(text, tokens, first)
    words = [t for t in tokens[first:] if t.lower not in _MINOR]
    return Definition(acronym, tokens[first].start, tokens[-1].end, all(t.capitalised for t in words))


def _short_defined(text: str, word: str, bracket: int) -> Definition | None:
    """The capitalised name right before ``bracket`` that holds ``word``, which then stands for it:
    "the U.S. Department of Commerce (Commerce)"."""
    tokens = tokenize(text, max(0, bracket - _SHORT_LOOKBACK), bracket)
    if not tokens or text[tokens[-1].end : bracket].strip():
        return None
    first = len(tokens) - 1
    while first > 0 and (tokens[first - 1].capitalised or tokens[first - 1].lower in _MINOR) \
            and joined(text, tokens[first - 1], tokens[first]):
        first -= 1
    name = tokens[first:]
    while name and (not name[0].capitalised or name[0].lower in _MINOR):
        name = name[1:]
    if len(name) < 2 or word not in (token.text for token in name):
        return None
    return Definition(word, name[0].start, name[-1].end, True)


def _initials_start(text: str, tokens: list[Token], i: int, letters: str) -> int | None:
    """Index of the first token of the words ending at token i that spell ``letters``, else None.

    Small words may give a letter or none; a word written with several capitals ("U.S.") gives them all.
    """
    if not letters:
        return i + 1
    if i < 0 or (i + 1 < len(tokens) and not _adjacent(text, tokens[i], tokens[i + 1])):
        return None
    token = tokens[i]
    skipped = _initials_start(text, tokens, i - 1, letters) if token.lower in _MINOR else None
    initials = _initials(token.text)
    if skipped is not None or not letters.endswith(initials):
        return skipped
    return _initials_start(text, tokens, i - 1, letters[: -len(initials)])


def _with_head(text: str, tokens: list[Token], first: int) -> int:
    """Take in an organisation's head the acronym leaves out: "Department of [Health and Human Services (HHS)]"."""
    if first >= 2 and tokens[first - 1].lower == "of" and tokens[first - 2].lower in word_set("org_keywords.txt") \
            and tokens[first - 2].capitalised and _adjacent(text, tokens[first - 2], tokens[first - 1]) \
            and _adjacent(text, tokens[first - 1], tokens[first]):
        return first - 2
    return first


def _initials(word: str) -> str:
    """The letters a word gives an acronym: its capitals when it has several ("U.S."), else its first letter."""
    capitals = "".join(ch for ch in word if ch.isupper())
    return capitals if len(capitals) > 1 else word[0].upper()


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Only spaces, a hyphen or a comma between two words of one name ("illegal, unreported, and ...")."""
    return text[left.end + (2 if left.possessive else 0) : right.start].strip(" \t-,") == ""
