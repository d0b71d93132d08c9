"""Mentions without a name: "the Secretary General" for the one holding that title, "the alliance"."""

from __future__ import annotations

import re

from store.extract.candidate_table import CandidateTable
from store.extract.candidates import Candidate
from store.extract.lexicon import name_table, word_set
from store.extract.scan import matches_at

# "[Tt](?<!\w[Tt])" is "\b[Tt]" written so the scan can skip ahead to the next "t"; the word after
# "the" is only looked at, so "the the Minister" still offers its second "the".
_ALLIANCE = re.compile(r"[Tt](?<!\w[Tt])he\s+([Aa]lliance)\b")
_THE = re.compile(r"[Tt](?<!\w[Tt])he\s+(?=(\w+))")
_NON_WORD = re.compile(r"\W")


def title_references(text: str, found: CandidateTable) -> list[Candidate]:
    """"the Secretary General" as a mention of the only current holder of that title in the article."""
    holders: dict[str, set[str]] = {}
    for shape in found.shapes:
        for title in shape.titles if shape.kind == "person" and not shape.former else ():
            phrase = _title_phrase(title)
            if phrase:
                holders.setdefault(phrase, set()).add(shape.name)
    mentions = []
    after_the = _words_after_the(text)
    for phrase, names in holders.items():
        if len(names) != 1:
            continue
        pattern = re.compile(rf"\b[Tt]he\s+({re.escape(phrase)})\b(?![ \t]+[A-Z])")
        name = next(iter(names))
        starts = after_the.get(_NON_WORD.split(phrase, 1)[0], [])
        mentions.extend(Candidate(m.start(1), m.end(1), "person", name) for m in matches_at(pattern, text, starts))
    return mentions


def _words_after_the(text: str) -> dict[str, list[int]]:
    """Where each "the" starts, by the word after it: the only places a "the <title>" can begin."""
    found: dict[str, list[int]] = {}
    for match in _THE.finditer(text):
        found.setdefault(match.group(1), []).append(match.start())
    return found


def _title_phrase(title: str) -> str | None:
    """The capitalised title a role ends with ("NATO Secretary General" -> "Secretary General").

    A title held of someone else's ("ICANN's President") is not the bare "the President" of the article.
    """
    words = title.split()
    for length in (3, 2, 1):
        phrase = " ".join(words[-length:])
        if len(words) >= length and phrase.lower() in word_set("titles.txt") and phrase[:1].isupper():
            owned = len(words) > length and words[-length - 1].endswith(("'s", "’s"))
            return phrase if not phrase.endswith(".") and not owned else None
    return None


def alliance_references(text: str, found: CandidateTable) -> list[Candidate]:
    """"the alliance" as a mention of the only alliance the article names."""
    alliances = {name_table("alliances.txt").get(shape.name.lower()) for shape in found.shapes
                 if shape.kind == "organization"}
    alliances.discard(None)
    if len(alliances) != 1:
        return []
    name = alliances.pop()
    return [Candidate(m.start(1), m.end(1), "organization", name) for m in _ALLIANCE.finditer(text)]
