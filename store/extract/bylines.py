"""People credited in bylines and wire credits: "By Jane Doe and Omar Haddad", "Reporting by X; Editing by Y"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from store.extract.candidates import Candidate
from store.extract.gazetteer import is_demonym, lookup
from store.extract.lexicon import word_set
from store.model import Passage

# "By" or "<Role> by", at the start of a line or after ";", "|" or "(", then the names up to the next part.
_CREDIT = re.compile(
    r"(?:^|(?<=[;|(\n]))[\s*_\[]*(?:(?P<role>(?:[Aa]dditional\s+)?[A-Za-z]+)\s+by|By)\s+(?P<names>[^;|)\n]+)")
_ROLES = {None: "author", "reporting": "reporter", "additional reporting": "reporter", "editing": "editor",
          "writing": "writer", "interview": "interviewer", "research": "researcher", "compiled": "compiler"}
# Between two names: a comma, "and", "&"; a place may follow a name ("Jane Doe in Tokyo").
_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")
_PLACE = re.compile(r"\s+(?:in|at|from)\s+.*", re.S)
_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:(?:de|da|van|von|der|del|al|bin|le|la|du|dos)\s+)*[A-Z][\w’'.-]*){1,3}")
_TRAILING = "*_]). \t"


def byline_people(text: str, passages: Sequence[Passage]) -> list[Candidate]:
    """People named in the publication lines, each with the role the credit gives ("author", "editor")."""
    found: list[Candidate] = []
    for passage in passages:
        if passage.kind == "publication":
            for credit in _CREDIT.finditer(text, passage.start, passage.end):
                role = _ROLES.get(credit.group("role") and " ".join(credit.group("role").lower().split()), "")
                if role:
                    found.extend(_people(text, credit.start("names"), credit.end("names"), role))
    return found


def _people(text: str, start: int, end: int, role: str) -> Iterator[Candidate]:
    """The names in text[start:end], split at commas and "and", each as a person with ``role``."""
    cursor = start
    for separator in [*_SEPARATOR.finditer(text, start, end), None]:
        stop = separator.start() if separator else end
        place = _PLACE.search(text, cursor, stop)
        name_end = place.start() if place else stop
        while name_end > cursor and text[name_end - 1] in _TRAILING:
            name_end -= 1
        if _NAME.fullmatch(text, cursor, name_end) and _person_like(text[cursor:name_end]):
            yield Candidate(cursor, name_end, "person", " ".join(text[cursor:name_end].split()), "strong", (role,))
        cursor = separator.end() if separator else end


def _person_like(name: str) -> bool:
    """No word of a credited name is a known place, outlet or organisation, or an organisation word."""
    return not any(lookup(word) or is_demonym(word) or word.lower() in word_set("org_keywords.txt")
                   or word.lower() in word_set("not_names.txt") for word in name.split())
