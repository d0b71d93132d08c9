"""Unnamed and collective sources as group actors: "a Japanese official", "some observers"."""

from __future__ import annotations

import re
from functools import cache

from store.extract.candidates import Candidate
from store.extract.gazetteer import is_demonym, lookup
from store.extract.lexicon import word_set

# After a singular noun, a lower-case word other than these shows an adjective ("official protest").
_FOLLOWERS = frozenset(
    "who has had was is said says told also privately in at from with to for of on and speaking".split()
)
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_NAME_NEXT = re.compile(r"[ \t]+[A-Z]")
# Letters that case-insensitive matching takes for ASCII ones but str.lower() leaves apart or
# lengthens (dotless i, long s, dotted capital I): mapped first so no source noun is missed.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "İ": "i"})


@cache
def _pattern() -> re.Pattern[str]:
    """Optional determiner, qualifiers (adjectives, demonyms, known names), then a source noun."""
    nouns = "|".join(sorted(word_set("group_nouns.txt"), key=len, reverse=True))
    qualifier = r"(?:[a-z][a-z-]+|[A-Z][\w.’'-]*)"
    return re.compile(
        rf"\b(?:(?P<det>[Aa]n?|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ne|[Tt]wo|[Tt]hree|[Oo]ther|[Mm]ost)\s+)?"
        rf"(?P<name>(?:{qualifier}\s+){{0,3}}?(?P<noun>(?i:{nouns})))\b"
    )


@cache
def _stems() -> frozenset[str]:
    """Source nouns that hold no shorter one ("official" covers "officials"): enough to rule a span out."""
    nouns = word_set("group_nouns.txt")
    return frozenset(noun for noun in nouns if not any(other != noun and other in noun for other in nouns))


def _may_hold_noun(text: str, start: int, end: int) -> bool:
    """False only where text[start:end] holds no source noun in any letter case.

    Why: the full pattern is slow to try at every word, and most sentences name no unnamed source.
    """
    folded = text[start:end].translate(_FOLD).lower()
    return any(stem in folded for stem in _stems())


def find_groups(text: str, start: int, end: int) -> list[Candidate]:
    """Unnamed sources in text[start:end], each named by its qualifiers and noun."""
    if not _may_hold_noun(text, start, end):
        return []
    found = []
    for match in _pattern().finditer(text, start, end):
        name = _qualified(match.group("name"))
        if " " not in name and not (match.group("det") or name.endswith("s")):
            continue
        if not name.endswith("s") and _not_a_source(text, match.start(), match.end("name")):
            continue
        offset = match.end("name") - len(name)
        found.append(Candidate(offset, match.end("name"), "group", name))
    return found


def _not_a_source(text: str, start: int, end: int) -> bool:
    """A singular noun used as an adjective ("official protest"), a title ("spokesman Dmitry ...")
    or in apposition to a named person ("Jane Doe, a spokeswoman")."""
    following = _NEXT_WORD.match(text, end)
    if following is not None and following.group(1) not in _FOLLOWERS | word_set("reporting_verbs.txt"):
        return True
    return _NAME_NEXT.match(text, end) is not None or text[:start].rstrip().endswith(",")


def _qualified(phrase: str) -> str:
    """Keep only the words that qualify a source ("senior", "Japanese", "U.S.")."""
    words = phrase.split()
    words[-1] = words[-1].lower()
    kept: list[str] = []
    for word in reversed(words[:-1]):
        if not _qualifier(word):
            break
        kept.insert(0, word)
    return " ".join([*kept, words[-1]])


def _qualifier(word: str) -> bool:
    """An adjective of rank or field, or a capitalised name word ("Japanese", "NATO", "U.S.")."""
    return word in word_set("group_qualifiers.txt") or is_demonym(word) or bool(lookup(word)) or word.isupper()
