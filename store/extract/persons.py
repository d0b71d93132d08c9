"""People named after a title ("General Knud Bartels") and roles set beside a name by commas."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from store.extract.candidates import Candidate
from store.extract.evidence import after_locative
from store.extract.gazetteer import is_demonym, lookup
from store.extract.lexicon import is_acronym, is_common, is_generational, word_set
from store.extract.titles import Role, head_end, is_honorific, parse_role, role_openings
from store.extract.tokens import Token, joined

_FORMER = frozenset({"then", "former", "ex"})
_BEFORE_ROLE = re.compile(r",\s*(?:(?:a|an|the)\s+)?$")
_AFTER_ROLE = re.compile(r"^\s*,\s*$")
_CLAUSE_END = re.compile(r"\s*(?:[,.;)(\[]|and\b|who\b|$)")


def titled_people(text: str, tokens: list[Token]) -> tuple[list[Candidate], list[Role], set[int]]:
    """Find titled people and free-standing roles in one sentence; return the token indices used."""
    people: list[Candidate] = []
    roles: list[Role] = []
    used: set[int] = set()
    after = 0  # tokens before this index belong to a person or role already found
    # Most words open no title, role or known-name prefix: neither parse below could start there.
    for i in role_openings(tokens):
        if i < after or _surname_after_given_name(text, tokens, i):
            continue
        role = parse_role(text, tokens, i, greedy=False, roles=False)
        last = _name_end(text, tokens, role.last, is_honorific(tokens[role.last - 1])) if role else i
        if role and last > role.last and _organization_follows(text, tokens, last):
            after = last  # the title word opens an organisation's name: the run is classified whole
            continue
        if role and last > role.last and (role.capitalised or role.first < role.last - 1) \
                and not _office_name(tokens, role, last):
            people.append(_person(text, tokens, role, last))
            used |= role.words | set(range(role.last, last))
            after = last
            continue
        role = parse_role(text, tokens, i, greedy=True, roles=True)
        if role:
            roles.append(role)
            used |= role.words
        after = role.last if role else i + 1
    return people, roles, used


def _organization_follows(text: str, tokens: list[Token], last: int) -> bool:
    """True when the capitalised words that continue the name end in an organisation's keyword
    ("General Dynamics Land Systems", "Premier Live Entertainment Company"): the title word opens a
    company's name, not a person's."""
    keywords = word_set("org_keywords.txt")
    for k in range(last, min(len(tokens), last + _MAX_NAME_TAIL)):
        if not (tokens[k].capitalised and joined(text, tokens[k - 1], tokens[k])):
            return False
        if tokens[k].lower.rstrip(".") in keywords:
            return True
    return False


_MAX_NAME_TAIL = 3
"""Capitalised words looked at after a titled name for an organisation's keyword."""


def _office_name(tokens: list[Token], role: Role, last: int) -> bool:
    """True for "the Chief Scientist", "the General Counsel": after "the", a title and one English word
    name an office, not a person."""
    return role.first > 0 and tokens[role.first - 1].lower == "the" and last == role.last + 1 \
        and is_common(tokens[role.last].text)


def _surname_after_given_name(text: str, tokens: list[Token], i: int) -> bool:
    """True for the "King" of "Larry King", "Bishop" of "Carol Bishop": a one-word title right after a given
    name, with no name but a generational suffix after it, is that person's surname."""
    if i == 0 or head_end(tokens, i) != i + 1 or not joined(text, tokens[i - 1], tokens[i]):
        return False
    given = tokens[i - 1]
    if not given.capitalised or given.lower not in word_set("first_names.txt") or is_common(given.text):
        return False
    if i + 1 == len(tokens) or not joined(text, tokens[i], tokens[i + 1]):
        return True
    following = tokens[i + 1]  # "Clinton Chief of Staff", "Jane Doe General Counsel" hold a title
    if is_generational(following.text):  # "Larry King Jr."
        return True
    return not following.capitalised and following.lower not in ("of", "for", "to")


def _person(text: str, tokens: list[Token], role: Role, last: int) -> Candidate:
    """A person candidate from a title and the name tokens [role.last, last)."""
    start, end = tokens[role.last].start, tokens[last - 1].end
    former = role.first > 0 and tokens[role.first - 1].lower in _FORMER
    name = " ".join(text[start:end].split())
    return Candidate(start, end, "person", name, "strong", role.titles, tokens[role.first].start, former)


def _name_end(text: str, tokens: list[Token], j: int, honorific: bool = False) -> int:
    """End index of the name that follows a title at token j (j itself when there is none); after an
    honorific the first capitalised word is a name whatever else it could be ("Mr. King", "Ms. Rice")."""
    last = k = j
    while k < len(tokens) and k > 0 and joined(text, tokens[k - 1], tokens[k]):
        token = tokens[k]
        if last > j and _headline_word(tokens[last - 1], token):
            break
        if token.capitalised and (honorific and k == j or _name_word(token, tokens, k)):
            last = k = k + 1
            if token.possessive:
                break
        elif token.lower in word_set("name_particles.txt") and k > j:
            k += 1
        else:
            break
    return last


def _headline_word(previous: Token, token: Token) -> bool:
    """True for an English word after a surname in title case ("President Biden Recognizes Actions"): a
    second name word that is an English word follows a given name ("Theresa May", "Jeff Sessions") or a
    middle initial ("Peter T. King")."""
    return is_common(token.text) and previous.lower not in word_set("first_names.txt") and not _initial(previous)


def _initial(token: Token) -> bool:
    """True for a middle initial ("T.")."""
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _name_word(token: Token, tokens: list[Token], k: int) -> bool:
    """A capitalised word that can be part of a person's name after a title."""
    word = token.lower.rstrip(".")
    return not (
        lookup(token.text)
        or is_demonym(token.text)
        or is_acronym(token.text)
        or word in word_set("org_keywords.txt")
        or word in word_set("not_names.txt")
        # "Peter T. King of New York": after a middle initial a title word is the surname.
        or head_end(tokens, k) > k and not (k > 0 and _initial(tokens[k - 1]))
    )


def attach_roles(text: str, tokens: list[Token], roles: list[Role], found: list[Candidate]) -> list[Candidate]:
    """Give each role set off by commas to the person beside it: "Role, Name" first, then "Name, a Role"."""
    if not roles:
        return found  # most sentences have none
    # Roles come in text order and never overlap, so their starts and ends are both sorted.
    starts = [tokens[role.first].start for role in roles]
    ends = [tokens[role.last - 1].end for role in roles]
    taken: set[int] = set()
    result = list(found)
    for before in (True, False):
        for index, candidate in enumerate(result):
            if candidate.kind != "person":
                continue
            near = _beside(text, roles, (starts, ends), candidate, before)
            if near is not None and near not in taken:
                taken.add(near)
                titles = (*candidate.titles, *roles[near].titles)
                result[index] = replace(candidate, titles=titles, evidence="strong")
    return result


def _beside(text: str, roles: list[Role], bounds: tuple[list[int], list[int]], person: Candidate, before: bool
            ) -> int | None:
    """The index of the role just before ("Role, [Title] Name") or just after ("Name, a Role") a person.

    Only the role nearest the person on that side can be: any other has that one's words between them
    (why: trying every role for every person was quadratic in a long sentence of both).
    """
    starts, ends = bounds
    if before:
        start = person.title_start if person.title_start is not None else person.start
        near = bisect_right(ends, start) - 1
        return near if near >= 0 and _AFTER_ROLE.match(text[ends[near] : start]) else None
    near = bisect_left(starts, person.end)
    if near == len(starts) or not _BEFORE_ROLE.match(text[person.end : starts[near]]):
        return None
    # "a rally in Chelsea, the mayor said": a name after "in" is a place; the role opens a new subject.
    if after_locative(text, person):
        return None
    return near if not roles[near].capitalised or _ends_clause(text, ends[near]) else None


def _ends_clause(text: str, end: int) -> bool:
    """A capitalised role after a name stands in apposition when a comma, stop or "and" follows it."""
    return _CLAUSE_END.match(text, end) is not None  # at ``end``, not on a copy of the rest of the text
