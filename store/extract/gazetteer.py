"""General-knowledge lookups: countries (pycountry), states and territories, known organisations,
news outlets, places."""

from __future__ import annotations

from functools import cache, lru_cache

import pycountry

from store.extract.data import load_words
from store.extract.lexicon import fold, name_table, word_set

# Checked in this order: a phrase that is both (e.g. "Pacific" place and demonym) takes the first.
_SHORT = 3
_TABLES = (
    ("organization", "organizations.txt"),
    ("outlet", "outlets.txt"),
    ("place", "places.txt"),
)


@cache
def _countries() -> dict[str, str]:
    """Every pycountry name form plus the common aliases of countries.txt, folded to canonical."""
    overrides = name_table("countries.txt")
    table: dict[str, str] = dict(overrides)
    for country in pycountry.countries:
        forms = _country_forms(country)
        canonical = next((overrides[fold(f)] for f in forms if fold(f) in overrides), None)
        canonical = canonical or getattr(country, "common_name", None) or country.name
        for form in forms:
            table.setdefault(fold(form), canonical)
    return table


def _country_forms(country: object) -> list[str]:
    """A country's names as pycountry spells them, with "Korea, Republic of" also turned around."""
    names = [getattr(country, key, None) for key in ("name", "common_name", "official_name")]
    forms = [name for name in names if name]
    for name in list(forms):
        if ", " in name:
            head, tail = name.split(", ", 1)
            forms.append(f"{tail} {head}")
    return forms


@lru_cache(maxsize=1 << 16)  # the same words are looked up again and again across rules and articles
def lookup(phrase: str) -> tuple[str, str] | None:
    """Return (kind, canonical name) for a known country, organisation, outlet or place; a state or
    territory ("Texas", "Guam") is a place before any country list can call it a country.

    A word of two or three letters counts only in capitals: "UN" and "AP" are known, "Un" in
    "Kim Jong Un" is not.
    """
    if len(phrase) <= _SHORT and not phrase.isupper():
        return None
    key = fold(phrase.removeprefix("the ").removeprefix("The "))
    if key in name_table("subdivisions.txt"):
        return "place", name_table("subdivisions.txt")[key]
    if key in _countries():
        return "country", _countries()[key]
    for kind, table in _TABLES:
        if key in name_table(table):
            return kind, name_table(table)[key]
    return None


@lru_cache(maxsize=1 << 14)  # asked of every word of a long run that goes on after a space
def opens_known_name(word: str) -> bool:
    """False when no known name of several words begins with ``word``: then no phrase that goes on from it
    after a space is known, and looking each of them up is in vain (most words of a long run)."""
    return fold(word) in _first_words() or word in ("the", "The")  # lookup drops a leading "the "


@cache
def _first_words() -> frozenset[str]:
    """The first word of every known name of several words, folded, as lookup's keys hold them."""
    return frozenset(key.split(" ", 1)[0] for table in _tables() for key in table if " " in key)


def _tables() -> tuple[dict[str, str], ...]:
    """Every table lookup reads, by folded name."""
    return (name_table("subdivisions.txt"), _countries(), *(name_table(table) for _, table in _TABLES))


@cache
def longest_known_name() -> int:
    """The most words a known name has (as lookup's keys hold it): a longer phrase is known to no table."""
    return max(key.count(" ") + 1 for table in _tables() for key in table)


@lru_cache(maxsize=1 << 14)  # asked of every capitalised word by several rules
def is_demonym(word: str) -> bool:
    """True for nationality or regional adjectives and nouns such as "Japanese", "European", their
    plurals ("Armenians") and compounds ("African-Americans")."""
    demonyms = word_set("demonyms.txt")
    return all(part in demonyms or part.endswith("s") and part[:-1] in demonyms
               for part in word.lower().split("-"))


@cache
def known_name_prefixes() -> frozenset[str]:
    """The starts of known names that end in a lower-case word ("save the" of "Save the Children",
    "doctors without" of "Doctors without Borders"), folded: such a word may go on a capitalised run."""
    prefixes: set[str] = set()
    for form in (form.strip() for _, table in _TABLES for entry in load_words(table) for form in entry.split("|")):
        words = form.split()
        prefixes.update(fold(" ".join(words[: i + 1])) for i in range(1, len(words) - 1) if words[i].islower())
    return frozenset(prefixes)

