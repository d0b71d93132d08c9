"""One-word "people" that the article shows are something else.

A single capitalised word that a speech verb made a person, and that no full name in the article ends
with, may be a company ("DOD and Anthropic", "Anthropic, Google, and OpenAI": listed with organisations,
it is one) or a plural noun written with a capital ("Members of Congress": a group, no one's name).
"""

from __future__ import annotations

from dataclasses import replace

from store.extract.candidates import Candidate
from store.extract.lexicon import is_common

_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or ", " & "})
"""What stands between two items of a list of names."""


def settle_lone_names(text: str, found: list[Candidate]) -> list[Candidate]:
    """Drop one-word plural nouns taken for people; make untitled one-word people listed with
    organisations organisations."""
    lone = {c.name for c in found if c.kind == "person" and " " not in c.name}
    if not lone:
        return found
    plural = {c.name for c in found if c.name in lone and _plural_before_of(text, c)}
    titled = {c.name for c in found if c.name in lone and c.titles}
    listed = {c.name for c in _listed_with_organizations(text, found) if c.name in lone - titled}
    return [replace(c, kind="organization") if c.name in listed and c.kind == "person" else c
            for c in found if not (c.kind == "person" and c.name in plural)]


def _plural_before_of(text: str, candidate: Candidate) -> bool:
    """"Members of Congress": a plural of a common noun, followed by "of"."""
    word = candidate.name
    return word.endswith("s") and is_common(word) and is_common(word[:-1]) \
        and text.startswith(" of ", candidate.end)


def _listed_with_organizations(text: str, found: list[Candidate]) -> list[Candidate]:
    """The candidates that stand in a list beside an organisation ("DOD and X", "X, Google")."""
    ordered = sorted(found, key=lambda c: c.start)
    listed = []
    for left, right in zip(ordered, ordered[1:]):
        if text[left.end : right.start] in _LIST_GAPS:
            listed += [right] if left.kind == "organization" else []
            listed += [left] if right.kind == "organization" else []
    return listed
