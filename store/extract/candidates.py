"""What a run of capitalised words names: a known country, place, outlet, organisation or a person."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.extract.gazetteer import is_demonym, lookup
from store.extract.lexicon import is_acronym, is_common, word_set
from store.extract.names import Run
from store.extract.tokens import Token

_MAX_KNOWN = 5
# "MPs", "NGOs": a plural of an abbreviation, never a name.
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


@dataclass(frozen=True)
class Candidate:
    """A span that may name an actor, before aliases are resolved."""

    start: int
    end: int
    kind: str
    name: str
    evidence: str = "strong"
    """'strong' (known name, title, role), 'name' (name-like words), 'possible', 'surname', 'common'."""
    titles: tuple[str, ...] = ()
    title_start: int | None = None
    """Where a title written before the name starts, for appositives."""
    former: bool = False
    """The title was held before ("then Secretary General ...")."""


def classify_run(text: str, run: Run, people: bool) -> list[Candidate]:
    """Name what a run refers to; ``people`` False (headings, titles) allows no person."""
    tokens = list(run.tokens)
    whole = lookup(run.text(text))
    if whole:
        return [Candidate(run.start, run.end, whole[0], whole[1])]
    keyword = _last_keyword(tokens)
    if keyword is not None and len(tokens) > 1:
        return _organization(text, tokens, keyword, people)
    return _decompose(text, tokens, people)


def _last_keyword(tokens: list[Token]) -> int | None:
    """Index of the last organisation keyword ("Council", "University") in the run, if any."""
    keywords = word_set("org_keywords.txt")
    found = [i for i, token in enumerate(tokens) if token.capitalised and token.lower in keywords]
    return found[-1] if found else None


def _organization(text: str, tokens: list[Token], keyword: int, people: bool) -> list[Candidate]:
    """The organisation ends at its keyword (or runs on through "of ..."); the rest is classified apart."""
    end = keyword + 1
    if end < len(tokens) and not tokens[end].capitalised:
        end = len(tokens)
    name = text[tokens[0].start : tokens[end - 1].end]
    rest = _decompose(text, tokens[end:], people) if end < len(tokens) else []
    if end == 1:
        return rest  # a keyword alone ("Staff" of "Staff Writer") names no organisation
    return [Candidate(tokens[0].start, tokens[end - 1].end, "organization", name), *rest]


def _decompose(text: str, tokens: list[Token], people: bool) -> list[Candidate]:
    """Find known names inside a run, left to right; unknown stretches may be people."""
    found: list[Candidate] = []
    stretch: list[Token] = []
    i = 0
    while i < len(tokens):
        known = _longest_known(text, tokens, i)
        if known is None:
            stretch.append(tokens[i])
            i += 1
            continue
        found.extend(_unknown(text, stretch, people))
        found.append(known[1])
        stretch, i = [], known[0]
    return found + _unknown(text, stretch, people)


def _longest_known(text: str, tokens: list[Token], i: int) -> tuple[int, Candidate] | None:
    """The longest known name (or acronym) starting at token i, with the index after it."""
    for j in range(min(len(tokens), i + _MAX_KNOWN), i, -1):
        phrase = text[tokens[i].start : tokens[j - 1].end]
        found = lookup(phrase)
        if found:
            return j, Candidate(tokens[i].start, tokens[j - 1].end, found[0], found[1])
    if is_acronym(tokens[i].text) and len(tokens[i].text) > 1:
        token = tokens[i]
        return i + 1, Candidate(token.start, token.end, "organization", token.text)
    return None


def _unknown(text: str, stretch: list[Token], people: bool) -> list[Candidate]:
    """A stretch of unknown capitalised words: a name-like person, a possible name, or nothing."""
    while stretch and not stretch[0].capitalised:
        stretch = stretch[1:]
    while stretch and not stretch[-1].capitalised:
        stretch = stretch[:-1]
    words = [token for token in stretch if token.capitalised]
    if not people or not words or any(_never_in_name(token) for token in words):
        return []
    start, end = stretch[0].start, stretch[-1].end
    name = " ".join(text[start:end].split())
    common = [is_common(token.text) for token in words]
    if len(words) == 1:
        evidence = "common" if common[0] else "surname"
        return [] if len(name) < 2 else [Candidate(start, end, "person", name, evidence)]
    if not any(common):
        return [Candidate(start, end, "person", name, "name")]
    return [] if all(common) else [Candidate(start, end, "person", name, "possible")]


def _never_in_name(token: Token) -> bool:
    """Words that rule out a person's name: demonyms, digits, organisation keywords, furniture."""
    word = token.lower
    return (
        is_demonym(token.text)
        or any(ch.isdigit() for ch in word)
        or word in word_set("org_keywords.txt")
        or word.rstrip(".") in word_set("not_names.txt")
        or is_acronym(token.text)
        or _PLURAL_ACRONYM.fullmatch(token.text) is not None
    )
