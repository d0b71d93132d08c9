"""Fold the forms an article uses for one actor: surnames, acronyms, shorter organisation names."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import islice

from store.extract.candidate_table import CandidateTable, Shape, candidate_at
from store.extract.candidates import Candidate
from store.extract.gazetteer import lookup
from store.extract.lexicon import genders_of, is_generational

_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z.]*[A-Z])\s*\)")
_SPACE = re.compile(" ")
_INITIAL = re.compile(r"[A-Z]\.")
# Longer runs of capitalised words are headlines or lists, not one person's name (the longest
# customary names, "Mohammed bin Salman bin Abdulaziz Al Saud", have seven words).
_MAX_NAME_WORDS = 8
_MAX_PREFIX_WORDS = 5  # the longest known names looked up ("United Nations Security Council") have five words
_PRIORITY = {"strong": 0, "name": 1, "possible": 2, "surname": 3, "common": 4}

# A name ending -> (word count of the longest names with it, their starts, those names), in text order.
_SuffixIndex = dict[tuple[str, ...], tuple[int, list[int], list[Candidate]]]


def deduplicate(found: CandidateTable) -> CandidateTable:
    """Keep one candidate per span: the one with the strongest evidence; in text order (by start, then end).

    Candidates already one a span and in that order come back as they are: actor finding adds each
    sentence's candidates so (see one_a_span), and only a name found twice (a byline, a reference, an unsure
    name confirmed) puts a table out of order."""
    return found if found.in_text_order() else one_a_span(found)


def one_a_span(found: CandidateTable) -> CandidateTable:
    """The candidate with the strongest evidence at each span (the first of them on a tie), in text order;
    read from the rows, no Candidate made."""
    ranks = [_PRIORITY[shape.evidence] for shape in found.shapes]
    shape_ids = found.shape_ids
    best: dict[tuple[int, int], int] = {}
    for row, span in enumerate(zip(found.starts, found.ends)):
        held = best.get(span)
        if held is None or ranks[shape_ids[row]] < ranks[shape_ids[held]]:
            best[span] = row
    kept = CandidateTable()
    numbers: dict[int, int] = {}  # a shape's number in found -> in kept, given in kept's order
    for (start, end), row in sorted(best.items()):
        shape_id = shape_ids[row]
        if shape_id not in numbers:
            numbers[shape_id] = kept.number(found.shapes[shape_id])
        kept.add_numbered(start, end, numbers[shape_id])
    return kept


def resolve_people(found: CandidateTable) -> CandidateTable:
    """Map each person to the fullest name it ends with; drop possible names nothing confirms.

    A name that ends at an initial ("Megan S.") or runs past the length of any name is no person.
    """
    if not any(shape.kind == "person" for shape in found.shapes):
        return found  # nothing to resolve: a line of acronyms (a million candidates a MB) is left as it is
    sure = _sure_people(found)
    full, first, initials = _by_suffix(sure), _by_first_word(sure), _by_initials(sure)
    result = CandidateTable()
    numbers: dict[tuple[int, str], int] = {}  # a shape under a name: its number in result, worked out once
    for start, end, shape_id in zip(found.starts, found.ends, found.shape_ids):
        shape = found.shapes[shape_id]
        if shape.kind != "person":
            name = shape.name
        elif _name_like(_words(shape.name)):
            target = _target(candidate_at(start, end, shape), full, first)
            if target is None:  # sure names find themselves: only unconfirmed ones go
                continue
            name = initials.get(_words(target.name), target.name)
        else:
            continue
        number = numbers.get((shape_id, name))
        if number is None:
            same = name == shape.name and (shape.kind != "person" or shape.evidence == "strong")
            number = numbers[shape_id, name] = result.number(shape if same else
                                                             shape._replace(name=name, evidence="strong"))
        result.add_numbered(start, end, number)
    return result


def confirmed_by(found: CandidateTable) -> Callable[[Candidate], bool]:
    """A test for whether resolve_people, given ``found`` and one more untitled person whose evidence is not
    sure, keeps that person: its name is like a person's and a sure name of ``found`` ends or starts with
    it, wherever it stands."""
    sure = _sure_people(found)
    full, first = _by_suffix(sure), _by_first_word(sure)
    return lambda person: _name_like(_words(person.name)) and _target(person, full, first) is not None


def _sure_people(found: CandidateTable) -> list[Candidate]:
    """The people of ``found`` that their evidence makes sure, with names like a person's."""
    return list(found.having(_is_sure_person))


def _is_sure_person(shape: Shape) -> bool:
    """A person whose evidence makes it sure, with a name like a person's."""
    return shape.kind == "person" and shape.evidence in ("strong", "name") and _name_like(_words(shape.name))


@lru_cache(maxsize=1 << 12)  # one article says the same few names again and again
def _words(name: str) -> tuple[str, ...]:
    """A name's words, curly apostrophes straightened, for comparing name endings."""
    return tuple(name.replace("’", "'").split())


def _name_like(words: tuple[str, ...]) -> bool:
    """No longer than a name gets, and not cut at an initial."""
    return 0 < len(words) <= _MAX_NAME_WORDS and _INITIAL.fullmatch(words[-1]) is None


def _target(person: Candidate, full: _SuffixIndex, first: dict[tuple[str, ...], Candidate]) -> Candidate | None:
    """The sure person this mention stands for: the fullest name it ends, else a family-name-first name."""
    target = _fuller(person, full)
    if target is None or len(_words(target.name)) == 1:
        target = first.get(_words(person.name), target)
    return target


def _by_suffix(people: list[Candidate]) -> _SuffixIndex:
    """Each ending of each sure person's name (see _endings), mapped to the longest names with that ending,
    in text order.

    Why an index: each mention would otherwise be compared with every sure name in the article. Only
    the longest names are kept under an ending, so a look-up is one bisection, whatever the count.
    """
    index: _SuffixIndex = {}
    for person in people:
        words = _words(person.name)
        for ending in _endings(words):
            longest, starts, holders = index.setdefault(ending, (len(words), [], []))
            if len(words) > longest:
                index[ending] = (len(words), [person.start], [person])
            elif len(words) == longest:
                starts.append(person.start)
                holders.append(person)
    return index


@lru_cache(maxsize=1 << 12)  # the same names come back for every mention
def _endings(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A name's endings, and those of the name before a generational suffix: "Mr. Biden" is "Joseph R.
    Biden Jr."."""
    base = _without_generation(words)
    names = (words, base) if base != words else (words,)
    return tuple(name[-size:] for name in names for size in range(1, len(name) + 1))


def _without_generation(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name without its generational suffix ("Jr.", "III"), when it has more than one word besides."""
    return words[:-1] if len(words) > 2 and is_generational(words[-1]) else words



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


def _by_initials(people: list[Candidate]) -> dict[tuple[str, ...], str]:
    """A name written without its initials, mapped to the one fuller name that has them.

    "Kevin Hassett" is "Kevin A. Hassett" when the article writes that; with two such fuller names
    ("Kevin A. Hassett", "Kevin B. Hassett") the short form could be either, so it stays itself.
    """
    fuller: dict[tuple[str, ...], set[str]] = {}
    for name in {person.name for person in people}:  # an article names few people, many times each
        words = _words(name)
        bare = tuple(word for word in _without_generation(words) if _INITIAL.fullmatch(word) is None)
        if bare != words and len(bare) > 1:
            fuller.setdefault(bare, set()).add(name)
    return {bare: names.pop() for bare, names in fuller.items() if len(names) == 1}


def _fuller(person: Candidate, full: _SuffixIndex) -> Candidate | None:
    """The nearest person (the last before it, else the first after) whose name ends with this one's words,
    among the longest such names (itself if none is fuller)."""
    entry = full.get(_words(person.name))
    if entry is None:
        return None
    _, starts, holders = entry
    before = bisect_right(starts, person.start)
    nearest = holders[before - 1] if before else holders[0]
    gender = _honorific_gender(person)
    if gender is None or _given_gender(nearest) in (None, gender):
        return nearest
    # "Mr. Obama" is not "Michelle Obama": the nearest fuller name whose given name agrees, else the titled
    # mention itself.
    tries = _MAX_GENDER_TRIES  # slices, not the whole list: a name said 10,000 times is still a few looks
    nearby = [*reversed(holders[max(0, before - tries) : before]), *holders[before : before + tries]][:tries]
    return next((holder for holder in nearby if _given_gender(holder) in (None, gender)),
                person if person.evidence == "strong" else None)


_MAX_GENDER_TRIES = 8
"""Fuller names tried for one whose given name agrees with an honorific: a bound, so that an article repeating
two such names many times costs no more than one look each."""


def _honorific_gender(person: Candidate) -> str | None:
    """The gender the mention's honorific shows ("Mr." m, "Mrs." f), if it has one."""
    if not person.titles:
        return None
    honorifics = genders_of("honorific_genders.txt")
    told = {honorifics[title.lower()] for title in person.titles if title.lower() in honorifics}
    return told.pop() if len(told) == 1 else None


def _given_gender(person: Candidate) -> str | None:
    """The gender the first word of a name of several words shows ("Michelle" f), if the list knows it."""
    words = _words(person.name)
    return genders_of("given_name_genders.txt").get(words[0].lower()) if len(words) > 1 else None


def resolve_organizations(text: str, found: CandidateTable) -> CandidateTable:
    """Fold acronyms introduced in brackets and shorter forms of a longer organisation's name; ``found`` is in
    text order (as deduplicate leaves it)."""
    names: dict[str, str] = {}
    brackets = _word_ends_before_brackets(text)
    for _, end, shape in found.rows_having(_is_organization) if brackets else ():
        after = _ACRONYM_AFTER.match(text, end) if end in brackets else None
        short = found.last_starting_at(after.start(1)) if after else None
        if short is not None and short.name != shape.name:
            names[short.name] = shape.name
    longer = sorted({shape.name for shape in found.shapes if shape.kind == "organization"})
    known = set(longer)
    for name in longer:
        expanded = _expanded(name)
        if expanded != name and expanded in known:
            names[name] = expanded
    for other in longer:  # "Japan Coast Guard" folds "Coast Guard": a known name, then an organisation's
        for prefix, name in _known_prefixes(other):
            # A state's "Nevada Department of Transportation" is not the federal "Department of Transportation".
            if name in known and _owner_kind(prefix) not in (None, "place"):
                names.setdefault(name, other)
    return found.selected(lambda shape: _renamed(shape, names)) if names else found  # most articles fold nothing


def _word_ends_before_brackets(text: str) -> set[int]:
    """Where an _ACRONYM_AFTER can match after a word: before an opening bracket and the spaces before it.

    Why: tested first, the expression is tried after a few organisations, not after each of a million a MB
    of acronyms; found by str.find, as a pattern tried at every offset cost more than it saved."""
    ends = set()
    at = text.find("(")
    while at >= 0:
        end = at
        while end and text[end - 1].isspace():
            end -= 1
        ends.add(end)
        at = text.find("(", at + 1)
    return ends


def _is_organization(shape: Shape) -> bool:
    return shape.kind == "organization"


def _known_prefixes(name: str) -> list[tuple[str, str]]:
    """Each split of ``name`` at a space into (first words, the rest), the first part at most
    _MAX_PREFIX_WORDS long: what a known name before an organisation's name can be.

    Why the bound: every split of every name against every other name made this quadratic.
    """
    spaces = (match.start() for match in islice(_SPACE.finditer(name), _MAX_PREFIX_WORDS))
    return [(name[:i], name[i + 1 :]) for i in spaces]


def _owner_kind(prefix: str) -> str | None:
    """The kind of known name that a prefix of an organisation's name is, if it is one."""
    known = lookup(prefix)
    return known[0] if known else None


def _expanded(name: str) -> str:
    """The name with a known leading acronym spelled out ("UN Security Council" -> "United Nations ...")."""
    first, _, rest = name.partition(" ")
    known = lookup(first) if rest else None
    return f"{known[1]} {rest}" if known and known[0] == "organization" else name


def _renamed(shape: Shape, names: dict[str, str]) -> Shape:
    """The shape under its folded organisation name, if it has one."""
    if shape.kind in ("organization", "person") and shape.name in names:
        return shape._replace(kind="organization", name=names[shape.name])
    return shape
