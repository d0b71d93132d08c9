"""Documents that speak as themselves: "A 2014 committee report found", "“...,” reads a letter to members".

A definite document ("the statement said") is its author's word or, with no author named before, its own
(store/extract/descriptions.py). A document brought in with "a", "an" or "one" is new to the reader: it is
no one's statement named earlier, so it becomes a group actor of its own, named by its words after the
determiner, when it stands right before a reporting verb (a short "by ..."/"in ..." tail allowed between)
or right after one.
"""

from __future__ import annotations

import re
from functools import cache

from store.extract.lexicon import alternation, word_set
from store.model import Actor, Mention

# The lookahead lets the scan pass each character on one test of its letter (a quarter of the search's time).
_INTRODUCED = r"(?=[AaOo])(?P<det>\b(?:[Aa]n?|[Oo]ne|[Aa]nother))\s+"
# Words before the noun qualify it; a small word ("a narrator in the ad") ends the phrase before it.
_QUALIFIERS = r"(?:(?!(?:in|the|of|to|for|on|at|by|from|with|and|or|an?|that|this)\s)(?:[a-z]+(?:-[a-z]+)*|[A-Z][\w.’'/-]*|\d{4}|\w+-\w+)\s+){0,4}?"
# "A survey by a polling firm found", "a letter to members warns": a short tail before the verb.
_TAIL = r"(?:\s+(?:by|from|to|in|on|for|of|released|published|issued|obtained)\b[^,.;:“”\"\n]{1,60}?)?"
_VERB_BEFORE = re.compile(r"\b([a-z]+),?\s+$")
_VERB_REACH = 24


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A document introduced before a reporting verb, and one introduced anywhere (for a verb before it)."""
    nouns = alternation(word_set("document_nouns.txt") | word_set("speaking_works.txt"))
    verbs = alternation(_verbs())
    phrase = rf"{_INTRODUCED}(?P<words>{_QUALIFIERS}(?P<noun>{nouns}))\b"
    return re.compile(rf"{phrase}{_TAIL}(?=,?\s+(?:also\s+|then\s+)?(?:{verbs})\b)"), re.compile(phrase)


@cache
def _verbs() -> frozenset[str]:
    """The verbs a document speaks with: of reporting ("says", "reads") and of reported speech ("accuses")."""
    return word_set("reporting_verbs.txt") | word_set("reported_verbs.txt")


def find_documents(text: str) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """Group actors and their mentions for the documents introduced next to a reporting verb."""
    before, anywhere = _patterns()
    # Only a document that opens its sentence ("A report found") is its subject: in "issued a statement
    # calling" or "in an email to supporters, saying" it is its author's.
    found = {m.start(): m for m in before.finditer(text) if m.group("det")[0].isupper()}
    verbs = _verbs()
    for match in anywhere.finditer(text):
        verb = _VERB_BEFORE.search(text, max(0, match.start() - _VERB_REACH), match.start())
        if verb is not None and verb.group(1) in verbs:
            found.setdefault(match.start(), match)
    actors: dict[str, Actor] = {}
    mentions = []
    for start, match in sorted(found.items()):
        name = " ".join(w for w in match.group("words").split() if not w.isdigit())  # "2019 report" -> "report"
        actors.setdefault(name, Actor(name, "group"))
        mentions.append(Mention(name, start, match.end("noun"), text[start : match.end("noun")]))
    return tuple(actors.values()), tuple(mentions)


def is_document(name: str) -> bool:
    """True for an actor named after a document or work ("report", "campaign TV ad")."""
    words = name.split()
    return bool(words) and words[-1].lower() in word_set("document_nouns.txt") | word_set("speaking_works.txt")
