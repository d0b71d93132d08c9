"""General-knowledge word sets and name tables for recognising actors, each loaded once."""

from __future__ import annotations

from functools import cache, lru_cache

from store.extract.data import load_words


@cache
def word_set(name: str) -> frozenset[str]:
    """Lower-cased entries of data file ``name`` (titles, common words, reporting verbs...)."""
    return frozenset(entry.lower() for entry in load_words(name))


@cache
def name_table(name: str) -> dict[str, str]:
    """Map every lower-cased form in a "Canonical|alias|..." data file to its canonical name."""
    table: dict[str, str] = {}
    for entry in load_words(name):
        forms = [form.strip() for form in entry.split("|")]
        for form in forms:
            table.setdefault(fold(form), forms[0])
    return table


def fold(phrase: str) -> str:
    """Key for looking a phrase up: lower case, curly apostrophes straightened, spaces single."""
    return " ".join(phrase.replace("’", "'").lower().split())


@lru_cache(maxsize=1 << 16)  # asked of the same capitalised words again and again
def is_common(word: str) -> bool:
    """True when every part of a (hyphenated) word is a common lower-case English word."""
    parts = [part for part in word.replace("’", "'").lower().split("-") if part]
    common = word_set("common_words.txt")
    return bool(parts) and all(part in common for part in parts)


def is_acronym(word: str) -> bool:
    """True for capitals-only tokens of two or more letters, such as "NATO" or "U.N."."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()
