"""General-knowledge word sets and name tables for recognising actors, each loaded once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from store.extract.data import load_words
from store.terms import fold as without_diacritics


_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


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
    """Key for looking a phrase up: lower case, no diacritics ("Medecins" finds "Médecins"), curly
    apostrophes straightened, spaces single."""
    return " ".join(without_diacritics(phrase.replace("’", "'")).split())


@lru_cache(maxsize=1 << 16)  # asked of the same capitalised words again and again
def is_common(word: str) -> bool:
    """True when every part of a (hyphenated) word is a common lower-case English word."""
    parts = [part for part in word.replace("’", "'").lower().split("-") if part]
    common = word_set("common_words.txt")
    return bool(parts) and all(part in common for part in parts)


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, written as a trie so the engine branches on one letter at a time
    rather than trying each word in turn; like a longest-first alternation it prefers the longest word."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    """The pattern for the words below one trie node (the empty key marks a word ending here)."""
    branches = [re.escape(letter) + _trie_pattern(child) for letter, child in sorted(node.items()) if letter]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = f"(?:{'|'.join(branches)})"
    # Greedy: the longer word is tried before the word that ends here.
    return f"{group}?" if "" in node else group


def is_acronym(word: str) -> bool:
    """True for capitals-only tokens of two or more letters, such as "NATO" or "U.N."."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def is_common_acronym(word: str) -> bool:
    """True for an abbreviation of a common noun ("PDF", "GDP", "AI"), which names no actor."""
    return word.replace(".", "").lower() in word_set("common_acronyms.txt")


def is_roman_numeral(word: str) -> bool:
    """True for a roman numeral in capitals ("II", "XIV"): a number, not an acronym."""
    return bool(word) and _ROMAN.fullmatch(word) is not None


def is_generational(word: str) -> bool:
    """True for a generational suffix after a name: "Jr.", "Sr", "III"."""
    return word.rstrip(".").lower() in _GENERATIONAL


_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


@cache
def genders_of(name: str) -> dict[str, str]:
    """Word -> 'm' or 'f', from a data file of "word gender" lines (given names, honorifics)."""
    return dict(entry.split() for entry in load_words(name))
