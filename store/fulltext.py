"""FTS5 search made safe and forgiving: user words become quoted phrases, typos and compounds expand."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from store import terms
from store.db import Store
from store.schema import FTS_TABLES
from store.vocab import vocabulary

MAX_WORDS = 8
MAX_QUERY_CHARS = 200
"""Longer input is cut: nobody types more, and FTS work grows with every word."""
TYPO_CUTOFF = 87.0
MAX_EXPANSIONS = 3
MAX_COMPLETIONS = 5
"""Words a half-typed last word stands for (the most frequent that start with it)."""
COMMON_SHARE = 20
"""A word in at least 1/COMMON_SHARE of the documents is common: no completions are added to it."""
RANK_CAP = 100
"""Matches ranked by bm25 per table; beyond this a common query ranks the first RANK_CAP it meets."""
RANK_DOCUMENTS = 500
"""Ranking by bm25 is bounded to queries whose words are in at most this many documents in all: bm25
reads every document holding a word to weigh it, so this bounds a query's cost whatever the corpus's
size (1,000 cost ~0.7 ms a table at 1,000 articles; a query beyond it takes its first matches)."""
_QUOTED = re.compile(r'"([^"]*)"')
_SPACE = re.compile(r"\s+")
SEARCHED_INDEXES = frozenset(f"{table}_fts" for table in FTS_TABLES)
"""The only names ``ranked_ids`` puts into SQL; user text only ever goes in as a parameter."""


@dataclass(frozen=True)
class FtsQuery:
    """An FTS5 MATCH expression built only of quoted phrases, and the words it can match."""

    expression: str
    words: frozenset[str]
    """Folded whole words that count as matches (for highlighting)."""
    documents: int = 0
    """Documents holding each word of the expression, summed: what ranking by bm25 has to read."""


def build_query(store: Store, query: str) -> FtsQuery | None:
    """The FTS expression for a user's query (None if it has no searchable word); never FTS syntax."""
    chunks = _SPACE.split(query[:MAX_QUERY_CHARS].strip())[:MAX_WORDS]
    typed = [(number, parts) for number, chunk in enumerate(chunks, 1)
             if (parts := [token for _, _, token in terms.tokens(chunk)])]
    if not typed:
        return None
    known = _Known.read(store, [parts for _, parts in typed])
    groups, matched = [], set()
    for number, parts in typed:
        options = _options(store, parts, matched, known)
        if number == len(chunks) and len(parts[-1]) >= 2:
            options |= _completions(store, parts, matched, known)
        groups.append("(" + " OR ".join(sorted(options)) + ")")
    expression = " AND ".join(groups)
    return FtsQuery(expression, frozenset(matched), _documents(store, set(_QUOTED.findall(expression))))


@dataclass(frozen=True)
class _Known:
    """What the index says of the words typed, read in two statements for the whole query (a statement
    per word and question cost more than the answers)."""

    compounds: dict[str, str | None]
    """{a typed word, its parts joined: the compound's words, spaced} for those written as compounds."""
    documents: dict[str, int]
    """{a typed word, or the last part of one: how many documents hold it} for those the index has."""

    @classmethod
    def read(cls, store: Store, typed: list[list[str]]) -> _Known:
        """The compounds and document counts of the joined words and last parts of ``typed``."""
        asked = json.dumps(sorted({"".join(parts) for parts in typed} | {parts[-1] for parts in typed}))
        compounds = store.rows("SELECT folded, words FROM compounds WHERE folded IN (SELECT value FROM json_each(?))",
                               (asked,))
        documents = store.rows("SELECT word, docs FROM words WHERE word IN (SELECT value FROM json_each(?))", (asked,))
        return cls({folded: words for folded, words in compounds}, {word: docs for word, docs in documents})


def _options(store: Store, parts: list[str], matched: set[str], known: _Known) -> set[str]:
    """Phrases one typed word may mean: itself, its hyphenated form, close words of the index."""
    joined = "".join(parts)
    options = {_phrase(parts)}
    matched.update(parts)
    compound = known.compounds.get(joined)
    if compound:
        options.add(_phrase(compound.split()))
        matched.update(compound.split())
    if len(joined) >= 4 and len(parts) == 1 and joined not in known.documents:
        for word, _ in vocabulary(store, "words").close_words(joined, TYPO_CUTOFF, MAX_EXPANSIONS):
            options.add(_phrase([word]))
            matched.add(word)
    return options


def _completions(store: Store, parts: list[str], matched: set[str], known: _Known) -> set[str]:
    """The word being typed, completed to the index's most frequent words that start with it; none
    for a complete common word ("the" would otherwise also mean "their", "then", "these"...)."""
    last = parts[-1]
    docs = known.documents.get(last)
    if docs is not None and docs * COMMON_SHARE >= _document_count(store):
        return set()
    found = [row[0] for row in store.rows(
        "SELECT word FROM words WHERE word > ? AND word < ? ORDER BY docs DESC, word LIMIT ?",
        (last, last + "\U0010ffff", MAX_COMPLETIONS))]
    matched.update(found)
    return {_phrase(parts[:-1] + [word]) for word in found}


def _documents(store: Store, phrases: set[str]) -> int:
    """Documents holding each word of these phrases, summed (bm25 reads every one to weigh a term)."""
    words = json.dumps(sorted({word for phrase in phrases for word in phrase.split()}))
    return store.value("SELECT coalesce(sum(docs), 0) FROM words WHERE word IN (SELECT value FROM json_each(?))",
                       (words,))


def _document_count(store: Store) -> int:
    """How many documents the store holds, counted once per store state."""
    return store.cached("document_count", lambda: store.value("SELECT count(*) FROM documents"))


def _phrase(parts: list[str]) -> str:
    """An FTS5 string: tokens hold only letters and digits, so they never need escaping."""
    return '"' + " ".join(parts) + '"'


def ranked_ids(store: Store, table: str, fts: FtsQuery, limit: int) -> list[tuple[int, float]]:
    """(rowid, score 0-100) of the best ``limit`` rows of one FTS table by bm25, ranked among at most
    RANK_CAP matches; a query of common words, whose bm25 weights would cost a read of every
    document holding them, gets its first matches at once, unranked (all scored 50)."""
    if table not in SEARCHED_INDEXES:
        raise ValueError(f"not a full-text table: {table}")
    if fts.documents > RANK_DOCUMENTS:
        found = store.rows(f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?", (fts.expression, limit))
        return [(row[0], 50.0) for row in found]
    found = store.rows(f"SELECT rowid, bm25({table}) FROM {table} WHERE {table} MATCH ? LIMIT ?",
                       (fts.expression, max(limit, RANK_CAP)))
    found = sorted(found, key=lambda row: (row[1], row[0]))[:limit]
    best = min((rank for _, rank in found), default=-1.0) or -1.0
    return [(rowid, 100.0 * rank / best) for rowid, rank in found]


def spans(text: str, fts: FtsQuery) -> list[tuple[int, int]]:
    """Where the query's words occur in ``text``; "Shangri" + "La" marks "Shangri-La"."""
    marks: list[tuple[int, int]] = []
    for match in _pattern(fts.words).finditer(text):
        start, end = match.span()
        if marks and start - marks[-1][1] == 1 and text[start - 1] in "-‐‑'’":
            start = marks.pop()[0]
        marks.append((start, end))
    return marks


@lru_cache(maxsize=64)
def _pattern(words: frozenset[str]) -> re.Pattern[str]:
    """A regex finding any of ``words`` as a whole token of unfolded text: each letter stands for
    itself in any case and with any diacritic, so no passage has to be folded to be marked."""
    ordered = sorted(words, key=lambda word: (-len(word), word))
    if not ordered:
        return re.compile(r"(?!)")
    # A pattern opening with a case-sensitive class lets the regex engine skip, at C speed, every
    # character no match can start with; each word's own first letter is then checked (any case, any
    # diacritic) looking back at the one character taken. Asking "no letter or digit before?" at
    # every position was most of an excerpt's time.
    alternatives = "|".join(f"(?<={_letter(word[0])})" + "".join(map(_letter, word[1:])) for word in ordered)
    return re.compile(f"[^{_cannot_start(ordered)}](?<![^\\W_][\\s\\S])(?i:{alternatives})(?![^\\W_])")


def _cannot_start(words: list[str]) -> str:
    """The ASCII characters no word of ``words`` starts with in any case, for a negated regex class (one
    listing what can start a word would have to hold every non-ASCII character, slow to compile)."""
    starts = "".join(_ascii_cases(word[0]) for word in words)
    return "".join(escaped for char, escaped in _ASCII if char not in starts)


@lru_cache(maxsize=None)
def _ascii_cases(letter: str) -> str:
    """The ASCII characters that match ``letter`` in any case (every letter that folds to it included)."""
    matches = re.compile(_letter(letter), re.IGNORECASE).fullmatch
    return "".join(char for char, _ in _ASCII if matches(char))


_ASCII = [(char, re.escape(char)) for char in map(chr, range(128))]
"""Each ASCII character, and as a regex."""


def _letter(char: str) -> str:
    """A regex for one folded letter: it and every letter that folds to it."""
    variants = terms.unfolded(char)
    return re.escape(char) if not variants else "[" + re.escape(char + variants) + "]"


EXCERPT_WIDTH = 160
_MARGIN = 64
"""Characters read either side of an excerpt for its marks: a mark that starts outside is left out anyway."""


def excerpt(text: str, fts: FtsQuery, width: int = EXCERPT_WIDTH) -> tuple[str, tuple[tuple[int, int], ...],
                                                                           tuple[int, int] | None]:
    """``window`` round the first match, with only the stretch it shows searched for marks (a long
    passage is not read through), and the first match's span in ``text`` (None if there is none). A
    short text is searched once, for all its marks."""
    if len(text) <= width + 2 * _MARGIN:
        marks = spans(text, fts)
        label, inside = window(text, marks, width)
        return label, inside, marks[0] if marks else None
    first = _pattern(fts.words).search(text)
    if first is None:
        return *window(text, [], width), None
    start = _window_start(len(text), first.start(), width)
    low, high = _word_edge(text, max(0, min(start, first.start()) - _MARGIN), -1), \
        _word_edge(text, start + width + _MARGIN, 1)
    marks = [(a + low, b + low) for a, b in spans(text[low:high], fts)]
    label, inside = window(text, marks, width)
    return label, inside, marks[0] if marks else None


def _word_edge(text: str, at: int, step: int) -> int:
    """``at`` moved (back for -1, on for 1) out of the word it falls in, so a slice never starts or
    ends inside a word (half a word could pass for a whole one)."""
    at = min(max(at, 0), len(text))
    while 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
        at += step
    return at


def _window_start(length: int, first: int, width: int) -> int:
    """Where a ``width``-character window round a match at ``first`` starts."""
    return max(0, min(first - width // 3, length - width))


def window(text: str, marks: list[tuple[int, int]], width: int = EXCERPT_WIDTH) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line excerpt of about ``width`` characters round the first mark, and marks within it."""
    one_line = text.replace("\n", " ")
    if len(one_line) <= width:
        return one_line, tuple(marks)
    start = _window_start(len(one_line), marks[0][0] if marks else 0, width)
    end = start + width
    head = "…" if start else ""
    label = head + one_line[start:end] + ("…" if end < len(one_line) else "")
    shift = len(head) - start
    inside = tuple((a + shift, b + shift) for a, b in marks if a >= start and b <= end)
    return label, inside
