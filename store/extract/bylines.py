"""People credited in bylines and wire credits: "By Jane Doe and Omar Haddad", "Reporting by X; Editing by Y"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from store.extract.candidates import Candidate
from store.extract.gazetteer import is_demonym, lookup
from store.extract.lexicon import is_common, word_set
from store.model import Passage

# "By" or "<Role> by", at the start of a line or after ";", "|" or "(", then the names up to the next part.
_CREDIT = re.compile(
    r"(?:^|(?<=[;|(\n]))[\s*_\[]*(?:(?P<role>(?:[Aa]dditional\s+)?[A-Za-z]+)\s+by|By|Author(?:s|\(s\))?:)\s+(?P<names>[^;|)\n]+)")
_ROLES = {None: "author", "reporting": "reporter", "additional reporting": "reporter", "editing": "editor",
          "writing": "writer", "written": "author", "interview": "interviewer", "research": "researcher",
          "compiled": "compiler"}
# Between two names: a comma, "and", "&"; a place may follow a name ("Jane Doe in Tokyo").
_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")
_PARTICLES = frozenset("de da van von der del al bin le la du dos".split())
_NAME = re.compile(rf"[A-Z][\w’'.-]*(?:\s+(?:(?:{'|'.join(_PARTICLES)})\s+)*[A-Z][\w’'.-]*){{1,3}}")
# "Lynch, Megan S." up to the next ";" or the line's end.
_SURNAME_FIRST = re.compile(r"(?P<surname>[A-Z][\w’'-]+(?:[ \t][A-Z][\w’'-]+)?),[ \t]+"
                            r"(?P<given>[A-Z][\w’'-]*\.?(?:[ \t][A-Z][\w’'-]*\.?){0,2})[ \t*_]*(?=;|$)",
                            re.MULTILINE)
_WORD = re.compile(r"[\w’'.-]*\w")  # a word without the emphasis, brackets or stop around it
_MIN_WORDS, _MAX_WORDS = 2, 4


def byline_people(text: str, passages: Sequence[Passage]) -> list[Candidate]:
    """People named in the publication lines, each with the role the credit gives ("author", "editor")."""
    found: list[Candidate] = []
    for passage in passages:
        if passage.kind == "publication":
            for credit in _CREDIT.finditer(text, passage.start, passage.end):
                role = _ROLES.get(credit.group("role") and " ".join(credit.group("role").lower().split()), "")
                if role:
                    found.extend(_surname_first(text, credit) or _people(text, credit.start("names"),
                                                                        credit.end("names"), role))
    return found


def _surname_first(text: str, credit: re.Match[str]) -> list[Candidate]:
    """The authors of a report's "Authors: Lynch, Megan S.; Saturno, James V." line, given name first;
    none when the line is not written so ("Author: Jane Doe, Staff Writer")."""
    if not credit.group().lstrip(" *_[").startswith("Author"):
        return []
    line_end = text.find("\n", credit.start("names"))
    found = []
    for match in _SURNAME_FIRST.finditer(text, credit.start("names"), len(text) if line_end < 0 else line_end):
        given, surname = match.group("given"), match.group("surname")
        if any(_given_word(word) for word in given.split()):
            found.append(Candidate(match.start(), match.end(), "person", f"{given} {surname}", "strong",
                                   ("author",)))
    return found


def _given_word(word: str) -> bool:
    """A known first name or an initial ("Megan", "S.", "L."): what a report's given-name part holds."""
    return word.lower() in word_set("first_names.txt") or len(word) == 2 and word.endswith(".")


def _people(text: str, start: int, end: int, role: str) -> Iterator[Candidate]:
    """The names in text[start:end], split at commas and "and", each as a person with ``role``."""
    cursor = start
    for separator in [*_SEPARATOR.finditer(text, start, end), None]:
        person = _person(text, cursor, separator.start() if separator else end, role)
        if person is not None:
            yield person
        cursor = separator.end() if separator else end


def _person(text: str, start: int, end: int, role: str) -> Candidate | None:
    """The person one credit names: honorifics become titles ("Sir"), and what follows the name is cut
    off, a place ("in Tokyo") or an outlet ("JAMES OLIVER Associated Press")."""
    words = list(_WORD.finditer(text, start, end))
    titles = []
    while words and words[0].group().lower() in word_set("titles.txt"):
        titles.append(words.pop(0).group())
    kept = 0
    while kept < len(words) and _name_word(words[kept].group()) and not lookup(
            " ".join(word.group() for word in words[kept:])):
        kept += 1
    if not _MIN_WORDS <= kept <= _MAX_WORDS or all(is_common(word.group()) for word in words[:kept]):
        return None  # "By Jane Doe, Staff Writer": the second part names no one
    name_start, name_end = words[0].start(), words[kept - 1].end()
    if not _NAME.fullmatch(text, name_start, name_end):
        return None
    return Candidate(name_start, name_end, "person", " ".join(text[name_start:name_end].split()), "strong",
                     (*titles, role))


def _name_word(word: str) -> bool:
    """A capitalised word (or particle) that is no known place, outlet or organisation, nor an organisation word."""
    if word.lower() in _PARTICLES:
        return True
    return word[0].isupper() and not (lookup(word) or is_demonym(word) or word.lower() in word_set("org_keywords.txt")
                                      or word.lower() in word_set("not_names.txt"))
