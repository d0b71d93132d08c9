"""Candidate name spans: runs of capitalised words, joined by "of" or particles where names allow."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from store.extract.citeforms import cited
from store.extract.definitions import defined_names
from store.extract.gazetteer import lookup
from store.extract.lexicon import is_common, word_set
from store.extract.tokens import Token, joined

_OPENERS = "“‘(["
_CLOSERS = "\"'”’)]"
_ARTICLES = frozenset({"the", "a", "an"})
_JOINING = frozenset({"of", "for", "on"})


@dataclass(frozen=True)
class Run:
    """A stretch of capitalised tokens that may name one actor."""

    tokens: tuple[Token, ...]

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.tokens[0].start

    @property
    def end(self) -> int:
        """Offset after the last character, excluding a final possessive "'s"."""
        return self.tokens[-1].end

    def text(self, document: str) -> str:
        """The run as written in ``document``."""
        return document[self.start : self.end]


def capitalised_runs(text: str, tokens: list[Token], skip: frozenset[int] = frozenset()) -> list[Run]:
    """Group capitalised tokens (index not in ``skip``, not inside a citation form) of one sentence into
    runs; a full name an acronym is defined for is one run ("Office of Management and Budget (OMB)")."""
    whole = defined_names(text)
    runs: list[Run] = []
    begin = index = 0
    while index < len(tokens):
        end = whole.get(tokens[index].start)
        if end is None or index in skip:
            index += 1
            continue
        stop = index + 1
        while stop < len(tokens) and tokens[stop].end <= end:
            stop += 1
        runs += [*_runs(text, tokens, skip, begin, index), Run(tuple(tokens[index:stop]))]
        begin = index = stop
    return runs + _runs(text, tokens, skip, begin, len(tokens))


def _runs(text: str, tokens: list[Token], skip: frozenset[int], begin: int, end: int) -> list[Run]:
    """The runs of tokens[begin:end], split at stops, citation forms and words no name holds."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    pending: list[Token] = []
    in_citation = cited(text)
    for index in range(begin, end):
        token = tokens[index]
        if not current and not token.capitalised:
            continue  # a lower-case word outside a run changes nothing (no run, so nothing pending)
        if index in skip or _is_stop(token) or in_citation(token.start, token.end):
            current, pending = _flush(runs, current), []
        elif token.capitalised:
            if current and joined(text, (pending or current)[-1], token) and _continues(current[-1]):
                current.extend(pending + [token])
            else:
                current = _flush(runs, current) + [token]
            pending = []
        elif current and joined(text, (pending or current)[-1], token) and _joins(current, pending, token):
            pending.append(token)
        else:
            current, pending = _flush(runs, current), []
    _flush(runs, current)
    return [run for run in (_trim(text, tokens) for tokens in runs) if run is not None]


def _is_stop(token: Token) -> bool:
    """Months, days and document furniture break runs and never start one."""
    return token.lower.rstrip(".") in word_set("not_names.txt")


def _continues(previous: Token) -> bool:
    """A possessive ends a run ("NATO’s Military ...") unless it is a common word ("People’s Daily")."""
    return not previous.possessive or (is_common(previous.text) and lookup(previous.text) is None)


def _joins(current: list[Token], pending: list[Token], token: Token) -> bool:
    """Whether a lower-case word may sit inside a name: particles always, "of" after a head noun."""
    word = token.lower
    if word in word_set("name_particles.txt"):
        return True
    if word == "the":
        return len(pending) == 1 and pending[0].lower in _JOINING
    heads = _heads()
    return not pending and word in _JOINING and current[-1].lower in heads


@cache
def _heads() -> frozenset[str]:
    """Words that take an "of"/"for"/"on" phrase inside one name: places, organisations and laws
    ("Gulf of Aden", "Ministry of Defence", "Treaty of Rome", "Convention on ...")."""
    return word_set("of_heads.txt") | word_set("org_keywords.txt") | word_set("law_keywords.txt")


def _flush(runs: list[list[Token]], current: list[Token]) -> list[Token]:
    """Store a finished run and return a fresh one."""
    if current:
        runs.append(current)
    return []


def _trim(text: str, tokens: list[Token]) -> Run | None:
    """Drop leading articles and a sentence-initial common word from a longer run.

    A lone common word stays: it may still be a known person's surname ("Smith said")."""
    initial = bool(tokens) and _opens_sentence(text, tokens[0])
    while len(tokens) > 1 and (tokens[0].lower in _ARTICLES or initial and _initial_common(text, tokens)):
        tokens = tokens[1:]
        while tokens and not tokens[0].capitalised:
            tokens = tokens[1:]
    return Run(tuple(tokens)) if tokens else None


def _initial_common(text: str, tokens: list[Token]) -> bool:
    """A common word capitalised only because it opens a sentence or a quotation."""
    first = tokens[0]
    if not is_common(first.text):
        return False
    if first.lower in _title_openers():
        return False
    return lookup(text[first.start : tokens[-1].end]) is None


@cache
def _title_openers() -> frozenset[str]:
    """First words of the titles ("prime" of "prime minister"): such a word may open a name."""
    return frozenset(title.split()[0] for title in word_set("titles.txt"))


def _opens_sentence(text: str, token: Token) -> bool:
    """True when only opening quotes or brackets stand between a sentence or quote start and token."""
    cursor = token.start - 1
    while cursor >= 0 and text[cursor].isspace() and text[cursor] != "\n":
        cursor -= 1
    if cursor >= 0 and text[cursor] in _OPENERS:
        return True
    while cursor >= 0 and (text[cursor] in _CLOSERS or text[cursor].isspace()):
        cursor -= 1
    return cursor < 0 or text[cursor] in ".!?:|\n"  # "|": a Markdown table cell opens like a sentence
