"""One-word "people" that the article shows are something else.

A single capitalised word that a speech verb made a person, and that no full name in the article ends
with, may be a company ("DOD and Anthropic", "Anthropic, Google, and OpenAI": listed with organisations,
it is one) or a plural noun written with a capital ("Members of Congress": a group, no one's name).
"""

from __future__ import annotations

from itertools import pairwise

from store.extract.candidate_table import CandidateTable, Shape
from store.extract.lexicon import is_common

_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or ", " & "})
"""What stands between two items of a list of names."""


def settle_lone_names(text: str, found: CandidateTable) -> CandidateTable:
    """Drop one-word plural nouns taken for people; make untitled one-word people listed with
    organisations organisations. ``found`` is in text order (as aliases.deduplicate leaves it)."""
    lone = {shape.name for shape in found.shapes if shape.kind == "person" and " " not in shape.name}
    if not lone:
        return found
    plural = {shape.name for _, end, shape in found.rows_having(lambda shape: shape.name in lone)
              if _plural_before_of(text, shape.name, end)}
    titled = {shape.name for shape in found.shapes if shape.name in lone and shape.titles}
    listed = _listed_with_organizations(text, found) & (lone - titled)

    def settled(shape: Shape) -> Shape | None:
        if shape.kind != "person":
            return shape
        return None if shape.name in plural else shape._replace(kind="organization") if shape.name in listed \
            else shape

    return found.selected(settled)


def _plural_before_of(text: str, word: str, end: int) -> bool:
    """"Members of Congress": a plural of a common noun, followed by "of"."""
    return word.endswith("s") and is_common(word) and is_common(word[:-1]) and text.startswith(" of ", end)


def _listed_with_organizations(text: str, found: CandidateTable) -> set[str]:
    """The names of the candidates that stand in a list beside an organisation ("DOD and X", "X, Google")."""
    listed = set()
    for (_, left_end, left), (right_start, _, right) in pairwise(found.rows()):
        if text[left_end:right_start] in _LIST_GAPS:
            listed |= {right.name} if left.kind == "organization" else set()
            listed |= {left.name} if right.kind == "organization" else set()
    return listed
