"""FTS5 search made safe and forgiving: user words become quoted phrases, typos and compounds expand."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from store import terms
from store.db import Store

MAX_WORDS = 8
MAX_QUERY_CHARS = 200
"""Longer input is cut: nobody types more, and FTS work grows with every word."""
TYPO_CUTOFF = 87.0
MAX_EXPANSIONS = 3
_SPACE = re.compile(r"\s+")
FTS_TABLES = frozenset({"passages_fts", "quotes_fts", "events_fts"})
"""The only names ``ranked_ids`` puts into SQL; user text only ever goes in as a parameter."""


@dataclass(frozen=True)
class FtsQuery:
    """An FTS5 MATCH expression built only of quoted phrases, and the words it can match."""

    expression: str
    words: frozenset[str]
    """Folded whole words that count as matches (for highlighting)."""
    prefix: str
    """A folded word start that counts as a match ('' when the last word is not a prefix)."""


@dataclass(frozen=True)
class Vocabulary:
    """The words of the passage index and the hyphenated compounds of every document."""

    words: list[str]
    known: frozenset[str]
    compounds: dict[str, str]
    """A compound written together ("shangrila") -> its index words ("shangri la")."""


def vocabulary(store: Store) -> Vocabulary:
    """The store's vocabulary, read once per store state."""
    def build() -> Vocabulary:
        words = [row[0] for row in store.rows("SELECT term FROM passages_vocab")]
        compounds = {row[0]: row[1] for row in store.rows("SELECT folded, words FROM compounds")}
        return Vocabulary(words, frozenset(words), compounds)

    return store.cached("vocabulary", build)


def build_query(store: Store, query: str) -> FtsQuery | None:
    """The FTS expression for a user's query (None if it has no searchable word); never FTS syntax."""
    chunks = _SPACE.split(query[:MAX_QUERY_CHARS].strip())[:MAX_WORDS]
    groups, matched, prefix = [], set(), ""
    for number, chunk in enumerate(chunks, 1):
        parts = [token for _, _, token in terms.tokens(chunk)]
        if not parts:
            continue
        last = number == len(chunks) and len(parts[-1]) >= 2
        options = _options(store, parts, matched)
        if last:
            options.add(_phrase(parts) + "*")
            prefix = parts[-1]
        groups.append("(" + " OR ".join(sorted(options)) + ")")
    if not groups:
        return None
    return FtsQuery(" AND ".join(groups), frozenset(matched), prefix)


def _options(store: Store, parts: list[str], matched: set[str]) -> set[str]:
    """Phrases one typed word may mean: itself, its hyphenated form, close words of the index."""
    vocab = vocabulary(store)
    joined = "".join(parts)
    options = {_phrase(parts)}
    matched.update(parts)
    if joined in vocab.compounds:
        options.add(_phrase(vocab.compounds[joined].split()))
        matched.update(vocab.compounds[joined].split())
    if len(joined) >= 4 and len(parts) == 1 and joined not in vocab.known:
        for word, _, _ in process.extract(joined, vocab.words, scorer=fuzz.ratio, processor=None,
                                          score_cutoff=TYPO_CUTOFF, limit=MAX_EXPANSIONS):
            options.add(_phrase([word]))
            matched.add(word)
    return options


def _phrase(parts: list[str]) -> str:
    """An FTS5 string: tokens hold only letters and digits, so they never need escaping."""
    return '"' + " ".join(parts) + '"'


def ranked_ids(store: Store, table: str, fts: FtsQuery, limit: int) -> list[tuple[int, float]]:
    """(rowid, score 0-100) of the best ``limit`` rows of one FTS table, by bm25."""
    if table not in FTS_TABLES:
        raise ValueError(f"not a full-text table: {table}")
    found = store.rows(f"SELECT rowid, bm25({table}) FROM {table} WHERE {table} MATCH ? "
                       f"ORDER BY bm25({table}) LIMIT ?", (fts.expression, limit))
    best = min((rank for _, rank in found), default=-1.0) or -1.0
    return [(rowid, 100.0 * rank / best) for rowid, rank in found]


def spans(text: str, fts: FtsQuery) -> list[tuple[int, int]]:
    """Where the query's words (or its prefix) occur in ``text``; "Shangri" + "La" marks "Shangri-La"."""
    marks: list[tuple[int, int]] = []
    for start, end, token in terms.tokens(text):
        if token in fts.words or (fts.prefix and token.startswith(fts.prefix)):
            if marks and start - marks[-1][1] == 1 and text[start - 1] in "-‐‑'’":
                start = marks.pop()[0]
            marks.append((start, end))
    return marks


def window(text: str, marks: list[tuple[int, int]], width: int = 160) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line excerpt of about ``width`` characters round the first mark, and marks within it."""
    one_line = text.replace("\n", " ")
    if len(one_line) <= width:
        return one_line, tuple(marks)
    first = marks[0][0] if marks else 0
    start = max(0, min(first - width // 3, len(one_line) - width))
    end = start + width
    head = "…" if start else ""
    label = head + one_line[start:end] + ("…" if end < len(one_line) else "")
    shift = len(head) - start
    inside = tuple((a + shift, b + shift) for a, b in marks if a >= start and b <= end)
    return label, inside
