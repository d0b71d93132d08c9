"""Mentions without a name: "the Secretary General" for the one holding that title, "the alliance"."""

from __future__ import annotations

import re

from store.extract.candidates import Candidate
from store.extract.lexicon import name_table, word_set

_ALLIANCE = re.compile(r"\b[Tt]he\s+([Aa]lliance)\b")


def title_references(text: str, found: list[Candidate]) -> list[Candidate]:
    """"the Secretary General" as a mention of the only current holder of that title in the article."""
    holders: dict[str, set[str]] = {}
    for candidate in found:
        for title in candidate.titles if candidate.kind == "person" and not candidate.former else ():
            phrase = _title_phrase(title)
            if phrase:
                holders.setdefault(phrase, set()).add(candidate.name)
    mentions = []
    for phrase, names in holders.items():
        if len(names) != 1:
            continue
        pattern = re.compile(rf"\b[Tt]he\s+({re.escape(phrase)})\b(?![ \t]+[A-Z])")
        name = next(iter(names))
        mentions.extend(Candidate(m.start(1), m.end(1), "person", name) for m in pattern.finditer(text))
    return mentions


def _title_phrase(title: str) -> str | None:
    """The capitalised title a role ends with ("NATO Secretary General" -> "Secretary General")."""
    words = title.split()
    for length in (3, 2, 1):
        phrase = " ".join(words[-length:])
        if len(words) >= length and phrase.lower() in word_set("titles.txt") and phrase[:1].isupper():
            return phrase if not phrase.endswith(".") else None
    return None


def alliance_references(text: str, found: list[Candidate]) -> list[Candidate]:
    """"the alliance" as a mention of the only alliance the article names."""
    alliances = {name_table("alliances.txt").get(c.name.lower()) for c in found if c.kind == "organization"}
    alliances.discard(None)
    if len(alliances) != 1:
        return []
    name = alliances.pop()
    return [Candidate(m.start(1), m.end(1), "organization", name) for m in _ALLIANCE.finditer(text)]
