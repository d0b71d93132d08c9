"""A large, deterministic pool of made-up people, organizations, places and outlets for the corpus.

Each name is a pure function of (kind, index, seed), so worker processes agree on it without sharing
state, and the pool grows with the corpus: the number of distinct actors rises with N.
"""

from __future__ import annotations

import importlib
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# Faker's per-locale name lists give realistic, varied names; these locales are Latin-script.
_LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "it_IT", "nl_NL", "es_ES", "en_IN", "sv_SE", "tr_TR")
_DATA = Path(__file__).parent / "data"
_CITY_SUFFIXES = ("burg", "ton", "ville", "field", "port", "haven", "ford", "mouth", "stad", "abad")
_CITY_FORMS = ("{a}{s}", "Port {a}", "New {a}{s}", "{a} Bay", "{a} Island", "Lake {a}", "{a} Strait")
_PAPERS = ("Times", "Herald", "Post", "Tribune", "Gazette", "Observer", "Review", "Monitor", "Chronicle")
_ORG_FORMS = (
    "{place} Institute for {field}",
    "{last} Center for {field}",
    "{adj} Council on {field}",
    "{country} Agency for {field}",
    "{adj} Institute of {field}",
    "{last} Foundation",
    "{place} University",
    "{adj} {field} Forum",
)
_ADJECTIVES = ("Pacific", "Atlantic", "Eurasian", "Continental", "National", "Royal", "Northern",
               "Southern", "Joint", "Allied", "Global", "Regional", "Federal", "Independent")
_SMALL_WORDS = frozenset({"of", "for", "on", "and", "the"})


def load_lines(name: str) -> tuple[str, ...]:
    """Entries of a bench data file: one a line, `#` comments and blank lines skipped."""
    lines = (line.strip() for line in (_DATA / name).read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def _clean(names: object) -> set[str]:
    """Single-word alphabetic names from a Faker provider list (or weighted dict)."""
    return {n for n in names if n.isalpha() and 2 <= len(n) <= 14 and n[0].isupper()}


@cache
def name_parts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Sorted first names and surnames pooled from several Faker locales."""
    firsts: set[str] = set()
    lasts: set[str] = set()
    for locale in _LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        firsts |= _clean(provider.first_names)
        lasts |= _clean(getattr(provider, "last_names", ()))
    return tuple(sorted(firsts)), tuple(sorted(lasts))


@cache
def countries() -> tuple[str, ...]:
    """Short country names from pycountry, skipping the ones with commas or brackets."""
    import pycountry

    return tuple(sorted(c.name for c in pycountry.countries if "," not in c.name and "(" not in c.name))


@dataclass(frozen=True)
class Person:
    """A generated person: full name and surname (for later mentions)."""

    full: str
    surname: str


@dataclass(frozen=True)
class Organization:
    """A generated organization with the acronym a text may introduce it by."""

    name: str
    acronym: str


def _rng(kind: str, index: int, seed: int) -> random.Random:
    """The random stream that defines one pool entry."""
    return random.Random(f"{kind}:{seed}:{index}")


def person(index: int, seed: int) -> Person:
    """The index-th person of the pool: first name, sometimes an initial, a (double) surname."""
    rng = _rng("person", index, seed)
    firsts, lasts = name_parts()
    surname = rng.choice(lasts)
    if rng.random() < 0.05:
        surname = f"{surname}-{rng.choice(lasts)}"
    middle = f" {rng.choice(firsts)[0]}." if rng.random() < 0.15 else ""
    return Person(f"{rng.choice(firsts)}{middle} {surname}", surname)


def place(index: int, seed: int) -> str:
    """The index-th place of the pool: a city, bay, island or strait named from a surname."""
    rng = _rng("place", index, seed)
    root = rng.choice(name_parts()[1])
    return rng.choice(_CITY_FORMS).format(a=root, s=rng.choice(_CITY_SUFFIXES))


def organization(index: int, seed: int) -> Organization:
    """The index-th organization of the pool, with an acronym from its capitalised words."""
    rng = _rng("org", index, seed)
    name = rng.choice(_ORG_FORMS).format(
        place=place(index, seed + 1), last=rng.choice(name_parts()[1]), adj=rng.choice(_ADJECTIVES),
        field=rng.choice(load_lines("fields.txt")), country=rng.choice(countries()),
    )
    acronym = "".join(w[0] for w in name.split() if w not in _SMALL_WORDS and w[0].isupper())
    return Organization(name, acronym)


def outlet(index: int, seed: int) -> str:
    """The index-th news outlet: a major real one for small indices, else a made-up paper."""
    majors = load_lines("outlets.txt")
    if index < len(majors):
        return majors[index]
    rng = _rng("outlet", index, seed)
    return f"{place(index, seed + 2)} {rng.choice(_PAPERS)}"
