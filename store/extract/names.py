"""Candidate name spans: runs of capitalised words, joined by "of" or particles where names allow."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from store.extract.citeforms import cited_within
from store.extract.definitions import defined_names
from store.extract.gazetteer import known_name_prefixes, longest_known_name, lookup
from store.extract.lexicon import fold, is_common, word_set
from store.extract.tokens import Token, joined

_OPENERS = "“‘(["
_CLOSERS = "\"'”’)]"
_ARTICLES = frozenset({"the", "a", "an"})
_JOINING = frozenset({"of", "for", "on"})
_MAX_GIVEN_NAME_WORDS = 4


# Not frozen, though never changed (see store/model.py): a run for each stretch of capitals of every sentence.
@dataclass(slots=True, unsafe_hash=True)
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
    if not tokens:
        return []
    runs: list[Run] = []
    begin = 0
    defined = defined_names(text, tokens[0].start, tokens[-1].end)
    starts = [token.start for token in tokens] if defined else []  # most sentences define nothing
    for start, end in defined:
        index = bisect_left(starts, start)
        if index < begin or index == len(tokens) or starts[index] != start or index in skip:
            continue
        stop = bisect_left(starts, end, index)
        runs += [*_runs(text, tokens, skip, begin, index), Run(tuple(tokens[index:stop]))]
        begin = stop
    return runs + _runs(text, tokens, skip, begin, len(tokens))


def _runs(text: str, tokens: list[Token], skip: frozenset[int], begin: int, end: int) -> list[Run]:
    """The runs of tokens[begin:end], split at stops, citation forms and words no name holds."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    pending: list[Token] = []
    in_citation = cited_within(text, tokens[begin].start, tokens[end - 1].end) if begin < end else None
    for index in range(begin, end):
        token = tokens[index]
        if not current and not token.capitalised:
            continue  # a lower-case word outside a run changes nothing (no run, so nothing pending)
        if index in skip or _is_stop(token) or in_citation and in_citation(token.start, token.end):
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
    return [run for run in (_trim(text, tokens) for tokens in _joined_by_and(text, runs)) if run is not None]


def _joined_by_and(text: str, runs: list[list[Token]]) -> list[list[Token]]:
    """Join "A and B" into one run when B is an organisation's name and A ends in an ordinary word that
    names nothing alone: "Securities and Exchange Commission", "Department of Health and Human Services"."""
    joined_runs: list[list[Token]] = []
    for tokens in runs:
        previous = joined_runs[-1] if joined_runs else None
        if previous and _and_between(text, previous[-1], tokens[0]) and _shares_name(previous, tokens) \
                and not _known_either(text, previous, tokens):
            at = previous[-1].end + 1
            previous.extend([Token("and", at, at + 3, False, "and", False), *tokens])
        elif previous and _firm_between(text, previous, tokens):  # "Moore & Van Allen", "Procter & Gamble"
            at = previous[-1].end + 1
            previous.extend([Token("&", at, at + 1, False, "&", False), *tokens])
        else:
            joined_runs.append(tokens)
    return joined_runs


def _known_either(text: str, left: list[Token], right: list[Token]) -> bool:
    """True when either side of "and" is a known name by itself ("Gaza Strip and West Bank")."""
    return any(lookup(text[part[0].start : part[-1].end]) for part in (left, right))


def _and_between(text: str, left: Token, right: Token) -> bool:
    """True when exactly " and " stands between two tokens."""
    return not left.possessive and text[left.end : right.start] == " and "


def _firm_between(text: str, left: list[Token], right: list[Token]) -> bool:
    """True when exactly " & " joins two names, each with a word that is no English word, the left one
    ending in it: a firm's partners ("Moore & Van Allen"), not a catalogue's topics ("Defense & Intelligence")."""
    last = left[-1]
    return not last.possessive and text[last.end : right[0].start] == " & " and not is_common(last.text) \
        and not all(is_common(token.text) for token in right)


def _shares_name(left: list[Token], right: list[Token]) -> bool:
    """One name across "and": the right part ends in an organisation keyword other than the left part's
    ("Health and Human Services", not "State and Defense Department"), or the left part is an
    organisation's "of"/"for" phrase and the right one ordinary words ("Center for Strategic and
    International Studies"); the word before "and" is a common word that is no known name."""
    keywords = word_set("org_keywords.txt")
    last, head = left[-1], right[-1]
    if not is_common(last.text) or lookup(last.text) or any(lookup(token.text) for token in right):
        return False
    if head.capitalised and head.lower in keywords:
        return all(token.lower != head.lower for token in left) and not any(t.lower in keywords for t in right[:-1])
    governed = any(t.lower in keywords and n.lower in ("of", "for") for t, n in zip(left, left[1:]))
    return governed and all(t.capitalised and is_common(t.text) and not lookup(t.text) for t in right)


def _is_stop(token: Token) -> bool:
    """Months, days and document furniture break runs and never start one."""
    return token.lower.rstrip(".") in word_set("not_names.txt")


def _continues(previous: Token) -> bool:
    """A possessive ends a run ("NATO’s Military ...") unless it is a common word ("People’s Daily")."""
    return not previous.possessive or (is_common(previous.text) and lookup(previous.text) is None)


def _joins(current: list[Token], pending: list[Token], token: Token) -> bool:
    """Whether a lower-case word may sit inside a name: particles always, "of" after a head noun."""
    word = token.lower
    if word in word_set("name_particles.txt") or _opens_known_name(current, pending, token):
        return True
    if word == "the":
        return len(pending) == 1 and pending[0].lower in _JOINING
    heads = _heads()
    return not pending and word in _JOINING and current[-1].lower in heads


def _opens_known_name(current: list[Token], pending: list[Token], token: Token) -> bool:
    """True when the run so far and this lower-case word start a known name ("Save the" of "Save the
    Children")."""
    prefixes = known_name_prefixes()
    # Most small words end no such start: a look-up of the word alone settles them.
    if token.lower not in _last_words(prefixes) or len(current) + len(pending) + 1 > _most_words(prefixes):
        return False  # a start longer than every known one: not read (a long run made this quadratic)
    return fold(" ".join(t.text for t in (*current, *pending, token))) in prefixes


@cache
def _last_words(prefixes: frozenset[str]) -> frozenset[str]:
    """The words the known-name starts end with."""
    return frozenset(prefix.rsplit(" ", 1)[-1] for prefix in prefixes)


@cache
def _most_words(prefixes: frozenset[str]) -> int:
    """The most words a known-name start has."""
    return max((prefix.count(" ") + 1 for prefix in prefixes), default=0)


@cache
def _heads() -> frozenset[str]:
    """Words that take an "of"/"for"/"on" phrase inside one name: places, organisations, laws and outlets
    ("Gulf of Aden", "Ministry of Defence", "Treaty of Rome", "Convention on ...", "Times of India")."""
    return frozenset().union(*map(word_set, ("of_heads.txt", "org_keywords.txt", "law_keywords.txt",
                                              "outlet_keywords.txt")))


def _flush(runs: list[list[Token]], current: list[Token]) -> list[Token]:
    """Store a finished run and return a fresh one."""
    if current:
        runs.append(current)
    return []


def _trim(text: str, tokens: list[Token]) -> Run | None:
    """Drop leading articles and a sentence-initial common word from a longer run.

    A lone common word stays: it may still be a known person's surname ("Smith said")."""
    initial = len(tokens) > 1 and opens_sentence(text, tokens[0].start)  # a lone word keeps it all
    first = 0  # an index, not a shorter copy per word dropped: a line of common words would be quadratic
    while len(tokens) - first > 1 and (tokens[first].lower in _ARTICLES or initial and _initial_common(text, tokens, first)):
        # After "The", the next word's capital is its own ("The Grain and Seed Commission").
        initial = initial and tokens[first].lower not in _ARTICLES
        first += 1
        while first < len(tokens) and not tokens[first].capitalised:
            first += 1
    return Run(tuple(tokens[first:])) if first < len(tokens) else None


def _initial_common(text: str, tokens: list[Token], first: int) -> bool:
    """A common word capitalised only because it opens a sentence or a quotation, not a given name
    ("Bill Clinton spoke"): tokens[first:] are the run's words."""
    opening = tokens[first]
    if not is_common(opening.text):
        return False
    if opening.lower in _title_openers():
        return False
    if len(tokens) - first > max(longest_known_name(), _MAX_GIVEN_NAME_WORDS) + 1:
        return True  # more words than any known name or given-name-first name has: no need to read them
    phrase = text[opening.start : tokens[-1].end]
    return lookup(phrase) is None and not given_name_first(" ".join(phrase.split()))


@cache
def _title_openers() -> frozenset[str]:
    """First words of the titles ("prime" of "prime minister"): such a word may open a name."""
    return frozenset(title.split()[0] for title in word_set("titles.txt"))


def opens_sentence(text: str, start: int) -> bool:
    """True when only opening quotes or brackets stand between a sentence, quote or paragraph start and
    ``start`` (a single line break is only a wrapped line, a blank line starts a paragraph)."""
    if start > 0 and text[start - 1] in "\"'":  # a straight quote against a word opens a quotation
        return True
    cursor = start - 1
    while cursor >= 0 and text[cursor].isspace() and text[cursor] != "\n":
        cursor -= 1
    if cursor >= 0 and text[cursor] in _OPENERS:
        return True
    gap_end = cursor
    while cursor >= 0 and (text[cursor] in _CLOSERS or text[cursor].isspace()):
        cursor -= 1
    # "|": a Markdown table cell opens like a sentence.
    return cursor < 0 or text[cursor] in ".!?:|\n" or text.count("\n", cursor + 1, gap_end + 1) >= 2


@lru_cache(maxsize=1 << 14)  # asked two or three times of each person candidate, and names come back
def given_name_first(name: str) -> bool:
    """True for "Jeb Bush", "Donald J. Trump", "Bill Clinton": a known given name, then a family name.

    A given name that is also an English word ("Will", "Grant") counts only before words that are not
    ("Bill Clinton", not "Grant Park"); a known place's name ("Jordan", "Georgia") is no given name.
    """
    words = name.split()
    first, last = words[0], words[-1]
    given = first.lower() in word_set("first_names.txt") and first.lower() not in word_set("titles.txt")
    if not given or not 2 <= len(words) <= _MAX_GIVEN_NAME_WORDS:
        return False  # "Miss", "Lord": an honorific is no given name
    if len(last.rstrip(".")) < 2 or last.lower() in word_set("not_surnames.txt") or "'s" in fold(name):
        return False  # "Alicia M" is cut short; "Salem Radio's Hugh Hewitt" is two things
    if last.endswith(".") and last.lower() in word_set("titles.txt"):
        return False  # "York Gov." of "New York Gov. Andrew Cuomo": the name comes after the title
    if is_common(first) and len(words) > 2 and words[1].lower() in word_set("first_names.txt"):
        return False  # "Read Ryan Doe's report": the name starts at the second given name (not "Harry Reid")
    common = [is_common(word) for word in words[1:]]
    # "Jeb Bush", not "Dallas Morning News": at most one English word after the given name, and none after
    # one that is itself an English word ("Bill Clinton", not "Miss Universe Alicia Machado").
    return lookup(first) is None and sum(common) <= (0 if is_common(first) else 1)
