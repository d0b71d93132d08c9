"""Positive evidence that a bare capitalised name is a person: it says something, or signs a byline."""

from __future__ import annotations

import re
from dataclasses import replace

from store.extract.candidates import Candidate
from store.extract.lexicon import word_set

_NEXT = re.compile(r"(?:’s|'s)?,?\s+(?:(?:has|had|also|then|later|again|once|repeatedly)\s+)?([a-z]+)")
_PREVIOUS = re.compile(r"\b([a-z]+)\s+$")
_POSSESSIVE = ("’s", "'s")
_LOCATIVE = re.compile(r"\b(?:in|at|near|off|outside|across|around|towards?)\s+$")
_BYLINE = re.compile(r"(?:^|\n|;)[ \t]*(?:[Bb]y|[A-Z][a-z]+ by)[ \t]+$")


def with_evidence(text: str, candidate: Candidate) -> Candidate:
    """Promote a possible person to a sure one when a reporting verb or a byline stands beside it;
    an untitled, silent name right after "in", "off", "near"... names a place ("a tanker off São Tomé")."""
    if candidate.kind != "person" or candidate.evidence not in ("possible", "surname", "name"):
        return candidate
    if _speaks(text, candidate) or _BYLINE.search(text, max(0, candidate.start - 40), candidate.start):
        return replace(candidate, evidence="name")
    if candidate.evidence == "name" and not candidate.titles and not text.startswith(_POSSESSIVE, candidate.end) \
            and _LOCATIVE.search(text, max(0, candidate.start - 12), candidate.start):  # not "in Jane Doe's view"
        return replace(candidate, kind="place")
    return candidate


def _speaks(text: str, candidate: Candidate) -> bool:
    """True for "Name said", "Name told", "said Name"."""
    verbs = word_set("speech_verbs.txt")
    following = _NEXT.match(text, candidate.end)
    before = _PREVIOUS.search(text, max(0, candidate.start - 30), candidate.start)
    return bool(following and following.group(1) in verbs) or bool(before and before.group(1) in verbs)
