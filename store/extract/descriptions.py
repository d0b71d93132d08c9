"""Definite descriptions that speak: "the official said", "the judge exclaimed", "the ministry said".

A writer names a source once and then describes it: "A Western official said ... “...,” the official
said." When "the <words> <noun>" stands right before a reporting verb and the noun is the head of an
actor named earlier in the article (a group's last word, a word of a person's title, an organisation's
keyword, an outlet's kind), the description is a mention of the actor last named so. Otherwise it is
left alone: no guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from store.extract.lexicon import name_table, word_set
from store.model import Actor, Mention

# "the" (or "this"/"that"), up to two lower-case modifiers, the noun, then a reporting verb.
# "[Tt](?<!\w[Tt])" is "\b[Tt]" written so that the scan can skip ahead to the next "t" (40% faster).
_DESCRIPTION = re.compile(
    r"[Tt](?<!\w[Tt])h(?:e|is|at)\s+(?:(?:former|then|[a-z]+-?[a-z]*)\s+){0,2}?(?P<noun>[a-z]+)"
    r"(?=,?\s+(?:also\s+|then\s+|later\s+)?(?P<verb>[a-z]+)\b)"
)
# ... or a reporting verb, then the description: "“...,” said the Florida senator". The words are
# possessive ("++"): a letter never follows a shorter part, so giving letters back only wastes time (a
# quarter of the search).
_INVERTED = re.compile(
    r"\b(?P<verb>[a-z]++),?\s+(?P<the>[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:former|then|[a-z]+-?[a-z]*|[A-Z][a-z]+)\s+){0,2}?"
    r"(?P<noun>[a-z]++)\b"
)
_OUTLET_NOUNS = frozenset({"newspaper", "paper", "network", "magazine", "broadcaster", "daily", "outlet",
                           "website", "tabloid", "channel"})


def describe(text: str, actors: Sequence[Actor], mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """Mentions for the descriptions that stand before a reporting verb and name a known actor."""
    heads = _heads(actors)
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    found = []
    for match, start in _described(text):
        actor = _last_named(ordered, starts, start, heads.get(_singular(match.group("noun")), set()))
        if actor is not None:
            found.append(Mention(actor, start, match.end("noun"), text[start : match.end("noun")]))
    return tuple(found)


def _described(text: str) -> list[tuple[re.Match[str], int]]:
    """Each description next to a reporting verb, with where it starts ("the", not the verb)."""
    verbs = word_set("reporting_verbs.txt")
    before = [(m, m.start()) for m in _DESCRIPTION.finditer(text) if m.group("verb") in verbs]
    after = [(m, m.start("the")) for m in _INVERTED.finditer(text) if m.group("verb") in verbs]
    return sorted(before + after, key=lambda pair: pair[1])


def _heads(actors: Sequence[Actor]) -> dict[str, set[str]]:
    """Each head noun (lower case, singular) and the actors it can describe."""
    heads: dict[str, set[str]] = {}
    for actor in actors:
        for noun in _nouns(actor):
            heads.setdefault(noun, set()).add(actor.name)
    return heads


def _nouns(actor: Actor) -> set[str]:
    """The nouns that describe one actor: its titles' words for a person, its name's head otherwise."""
    if actor.kind == "person":
        words = (actor.title or "").replace(";", " ").split()
        known = _title_words()
        full = name_table("title_abbreviations.txt")
        return {_singular(full.get(w.lower(), w.lower().strip(".,"))) for w in words
                if w.lower().strip(".,") in known or w.lower() in full}
    if actor.kind == "outlet":
        return set(_OUTLET_NOUNS)
    if actor.kind in ("group", "organization"):
        last = actor.name.split()[-1].lower() if actor.name.split() else ""
        keywords = {w.lower() for w in actor.name.split() if w.lower() in word_set("org_keywords.txt")}
        return {_singular(word) for word in {last, *keywords} if word.isalpha()}
    return set()


@cache
def _title_words() -> frozenset[str]:
    """Titles and roles, one set: asked for every person of every article."""
    return word_set("titles.txt") | word_set("roles.txt")


def _last_named(ordered: Sequence[Mention], starts: list[int], before: int, names: set[str]) -> str | None:
    """The actor among ``names`` mentioned last before offset ``before``."""
    for mention in reversed(ordered[: bisect_left(starts, before)]):
        if mention.actor in names:
            return mention.actor
    return None


def _singular(noun: str) -> str:
    """"officials" -> "official", "ministries" -> "ministry": enough to match a head noun."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3 else noun
