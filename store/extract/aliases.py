"""Fold the forms an article uses for one actor: surnames, acronyms, shorter organisation names."""

from __future__ import annotations

import re
from dataclasses import replace

from store.extract.candidates import Candidate
from store.extract.gazetteer import lookup

_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z.]*[A-Z])\s*\)")
_PRIORITY = {"strong": 0, "name": 1, "possible": 2, "surname": 3, "common": 4}


def deduplicate(found: list[Candidate]) -> list[Candidate]:
    """Keep one candidate per span: the one with the strongest evidence."""
    best: dict[tuple[int, int], Candidate] = {}
    for candidate in found:
        key = (candidate.start, candidate.end)
        if key not in best or _PRIORITY[candidate.evidence] < _PRIORITY[best[key].evidence]:
            best[key] = candidate
    return sorted(best.values(), key=lambda c: (c.start, c.end))


def resolve_people(found: list[Candidate]) -> list[Candidate]:
    """Map each person to the fullest name it ends with; drop possible names nothing confirms."""
    sure = [c for c in found if c.kind == "person" and c.evidence in ("strong", "name")]
    full, first = _by_suffix(sure), _by_first_word(sure)
    result = []
    for candidate in found:
        if candidate.kind != "person":
            result.append(candidate)
            continue
        target = _fuller(candidate, full)
        if target is None or len(_words(target.name)) == 1:
            target = first.get(_words(candidate.name), target)
        if target is not None:
            result.append(replace(candidate, name=target.name, evidence="strong"))
        elif candidate.evidence in ("strong", "name"):
            result.append(candidate)
    return result


def _words(name: str) -> tuple[str, ...]:
    """A name's words, curly apostrophes straightened, for comparing name endings."""
    return tuple(name.replace("’", "'").split())


def _by_suffix(people: list[Candidate]) -> dict[tuple[str, ...], list[tuple[int, Candidate]]]:
    """Every ending of each sure person's name, mapped to (word count, person) in text order.

    Why an index: each mention would otherwise be compared with every sure name in the article.
    """
    index: dict[tuple[str, ...], list[tuple[int, Candidate]]] = {}
    for person in people:
        words = _words(person.name)
        for size in range(1, len(words) + 1):
            index.setdefault(words[-size:], []).append((len(words), person))
    return index


def _by_first_word(people: list[Candidate]) -> dict[tuple[str, ...], Candidate]:
    """One-word keys for the sure names that start with that word, where only one name does.

    Why: names written family name first ("Lee Jae-sung", "Qi Jianguo") come back as "Mr. Lee" or "Qi".
    """
    names: dict[tuple[str, ...], dict[str, Candidate]] = {}
    for person in people:
        words = _words(person.name)
        if len(words) > 1:
            names.setdefault(words[:1], {}).setdefault(person.name, person)
    return {word: next(iter(found.values())) for word, found in names.items() if len(found) == 1}


def _fuller(person: Candidate, full: dict[tuple[str, ...], list[tuple[int, Candidate]]]) -> Candidate | None:
    """The nearest person whose name ends with this one's words (itself if none is fuller)."""
    matches = full.get(_words(person.name), [])
    longest = max((size for size, _ in matches), default=0)
    matches = [c for size, c in matches if size == longest]
    if not matches:
        return None
    before = [c for c in matches if c.start <= person.start]
    return (before or matches)[-1 if before else 0]


def resolve_organizations(text: str, found: list[Candidate]) -> list[Candidate]:
    """Fold acronyms introduced in brackets and shorter forms of a longer organisation's name."""
    names: dict[str, str] = {}
    by_start = {c.start: c for c in found}
    for candidate in found:
        after = _ACRONYM_AFTER.match(text, candidate.end)
        short = by_start.get(after.start(1)) if after else None
        if candidate.kind == "organization" and short is not None and short.name != candidate.name:
            names[short.name] = candidate.name
    longer = {c.name for c in found if c.kind == "organization"}
    for name in longer:
        expanded = _expanded(name)
        if expanded != name and expanded in longer:
            names[name] = expanded
        for other in longer:
            # "NATO Military Committee" is the "Military Committee" meant; a state's "Nevada Department of
            # Transportation" is not the federal "Department of Transportation".
            if other.endswith(" " + name) and _owner_kind(other[: -len(name) - 1]) not in (None, "place"):
                names.setdefault(name, other)
    return [_renamed(c, names) for c in found]


def _owner_kind(prefix: str) -> str | None:
    """The kind of known name that a prefix of an organisation's name is, if it is one."""
    known = lookup(prefix)
    return known[0] if known else None


def _expanded(name: str) -> str:
    """The name with a known leading acronym spelled out ("UN Security Council" -> "United Nations ...")."""
    first, _, rest = name.partition(" ")
    known = lookup(first) if rest else None
    return f"{known[1]} {rest}" if known and known[0] == "organization" else name


def _renamed(candidate: Candidate, names: dict[str, str]) -> Candidate:
    """The candidate under its folded organisation name, if it has one."""
    if candidate.kind in ("organization", "person") and candidate.name in names:
        return replace(candidate, kind="organization", name=names[candidate.name])
    return candidate
