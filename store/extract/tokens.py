"""Word tokens with offsets: the unit that name, title and role recognition work on."""

from __future__ import annotations

import re
from typing import NamedTuple

from store.extract.lexicon import word_set

# A word: "U.S." style initials, or letters/digits joined by inner hyphens and apostrophes
# ("Shangri-La", "NATO’s", "Nuku'alofa"). An underscore is no letter: Markdown's "_Congressional Record_"
# marks italics around the words.
# The middle branch, "plain", is a word of letters and digits only that does not go on ("-", "'"): with no
# dot after it, its token is built at once (possessive, so it never gives back letters to get there); a
# dot after it is taken along, to be judged once (an abbreviation's, or a full stop).
# Every branch opens with a letter or digit: the lookahead tests that once at each space or mark the scan
# passes, rather than each branch in turn (12% of the scan).
_WORD = re.compile(r"(?=[^\W_])(?:(?:[^\W\d_]\.){2,}|(?P<plain>[^\W_]++)(?![-'’][^\W_])(?P<dot>\.)?"
                   r"|[^\W_][^\W_]*(?:[-'’][^\W_][^\W_]*)*)")
_POSSESSIVE = ("’s", "'s")
_FORMER = ("then-", "ex-")
_PREFIXED_NAME = re.compile(r"(?:al|el|ad|ash|bin|ibn|abu|bint)-[A-Z]|d['’][A-Z]")
_new_tuple = tuple.__new__


class Token(NamedTuple):
    """One word of the text; ``end`` excludes a possessive "'s" (kept as ``possessive``)."""

    text: str
    start: int
    end: int
    possessive: bool
    lower: str
    """The word in lower case, curly apostrophes straightened (computed once: every rule reads it)."""
    capitalised: bool
    """True when the word starts with a capital letter."""


def _token(word: str, start: int, end: int, possessive: bool = False) -> Token:
    """A token with its lower-case form and capitalisation worked out once; a name with a lower-case
    prefix ("al-Sudani", "bin-Hamad", "d’Estaing") counts as capitalised."""
    capitalised = word[0].isupper() or _PREFIXED_NAME.match(word) is not None
    return Token(word, start, end, possessive, word.lower().replace("’", "'"), capitalised)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split text[start:end] into word tokens, abbreviation dots and "then-" prefixes handled."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    # A word said again shares its strings: a long line of the same few words held two each per word.
    forms: dict[str, tuple[str, str, bool]] = {}
    for match in _WORD.finditer(text, start, end):
        # Most words are plain: tuple.__new__ skips the named tuple's Python-level constructor.
        if match.lastgroup == "plain":
            word = match.group()
            if word not in forms:
                forms[word] = (word, word.lower(), word[0].isupper())
            word, lower, capitalised = forms[word]
            tokens.append(_new_tuple(Token, (word, match.start(), match.end(), False, lower, capitalised)))
        else:
            word_end = match.end("plain") if match.lastgroup else match.end()  # the dot is judged there
            tokens.extend(_make_tokens(text, match.start(), word_end, end))
    return tokens


def _make_tokens(text: str, start: int, end: int, limit: int) -> list[Token]:
    """Build the token(s) for one matched word."""
    word = text[start:end]
    for prefix in _FORMER if "-" in word else ():
        if word.lower().startswith(prefix) and len(word) > len(prefix):
            cut = start + len(prefix) - 1
            return [_token(text[start:cut], start, cut), *_make_tokens(text, cut + 1, end, limit)]
    if end < limit and text[end] == "." and _takes_dot(word):
        end += 1
    if word.endswith(_POSSESSIVE) and len(word) > 2:
        return [_token(text[start : end - 2], start, end - 2, possessive=True)]
    return [_token(text[start:end], start, end)]


def _takes_dot(word: str) -> bool:
    """True for a known abbreviation ("Gen", "Dr") or a single capital initial ("F")."""
    return word.lower() in word_set("abbreviations.txt") or (len(word) == 1 and word.isupper())


def joined(text: str, left: Token, right: Token) -> bool:
    """True when only spaces, at most one line break and no punctuation separate two tokens."""
    gap_start = left.end + (2 if left.possessive else 0)
    gap = text[gap_start : right.start]
    # One space, as between most words, settles it at once.
    return gap == " " or bool(gap) and gap.strip(" \t\n") == "" and gap.count("\n") <= 1
