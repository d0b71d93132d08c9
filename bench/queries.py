"""The fixed list of 200 benchmark queries, by category, the same at every corpus size."""

from __future__ import annotations

import random

from bench import pool

# Words and phrases the seed (and so every generated article) uses; "the" and "a" are in most passages.
_COMMON = ("the", "a", "of", "and", "NATO", "China", "Japan", "security", "dialogue", "Asia",
           "cooperation", "said", "official", "Afghanistan", "alliance", "values", "region", "in",
           "to", "visit")
_RARE = ("piracy", "tsunami", "copper", "earthquake", "demilitarization", "tradeoffs", "hollowness",
         "propitious", "earmark", "nationalistic", "counterweight", "graduation", "disarmament",
         "corridor", "assuaged")
_PHRASES = ("strategic dialogue", "joint political declaration", "special relationship with China",
            "Shangri-La Dialogue", "the Asia-Pacific region", "security cooperation", "common values",
            "structured dialogue", "International Security Assistance Force", "rules-based",
            "mutual trust, mutual benefit", "press conference in Tokyo", "National Press Club",
            "United Nations Security Council", "we share the same values")
_PREFIXES = ("a", "n", "c", "j", "s", "t", "x", "z", "q", "e", "na", "ch", "ja", "se", "th", "ra",
             "sh", "ab", "zz", "qu")
_HOSTILE = ('"', "AND OR", "*", "NEAR(", "'); DROP TABLE documents;--", "😀", "🇯🇵 NATO", '""',
            "(", ")", "-", "^", ":", "title:", "NOT", "a*b", "{}", "\\", "%", "_", "OR", "NEAR",
            "NATO AND", '"unbalanced', "' OR '1'='1", "x" * 300, "‘curly’ “quotes”", "\t", " ", "∑∫√")


def _typo(word: str, rng: random.Random) -> str:
    """The word with one deletion, swap, doubling or substitution, as people mistype."""
    i = rng.randrange(1, max(2, len(word) - 1))
    edit = rng.randrange(4)
    if edit == 0:
        return word[:i] + word[i + 1:]
    if edit == 1 and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if edit == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeioustrn") + word[i + 1:]


def _people(seed: int) -> list[pool.Person]:
    """Recurring people: low pool indices are in the frequent head of every corpus from N = 1,000."""
    return [pool.person(i, seed) for i in range(35)]


def benchmark_queries(seed: int = 1) -> list[tuple[str, str]]:
    """Exactly 200 (category, query) pairs, deterministic for the seed."""
    rng = random.Random(f"queries:{seed}")
    people = _people(seed)
    queries = [("name", p.full) for p in people[:20]]
    queries += [("surname", p.surname) for p in people[20:35]]
    queries += [("name typo", _typo(p.full, rng)) for p in people[:20]]
    queries += [("surname typo", _typo(p.surname, rng)) for p in people[20:35]]
    queries += [("organization", pool.organization(i, seed).name) for i in range(10)]
    queries += [("acronym", pool.organization(i, seed).acronym) for i in range(10)]
    queries += [("place", pool.place(i, seed)) for i in range(10)]
    queries += [("common word", w) for w in _COMMON]
    queries += [("rare word", w) for w in _RARE]
    queries += [("phrase", p) for p in _PHRASES]
    queries += [("prefix", p) for p in _PREFIXES]
    queries += [("hostile", h) for h in _HOSTILE]
    return queries


def keystroke_queries(seed: int = 1) -> list[str]:
    """What the tmux run types one key at a time: a surname with a typo, a common word, a phrase."""
    surname = next(p.surname for p in _people(seed) if p.surname.isascii() and len(p.surname) >= 6)
    return [_typo(surname, random.Random(seed)).lower(), "security", "shangrila"]
