"""Quote lineage: the same words quoted in several documents, found with rapidfuzz over quote texts."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from store import queries
from store.db import Store
from store.rows import fold_space
from store.views import QuoteView

MIN_CHARS = 30
"""Shorter quotes ("useful", "a direct threat") are common phrases, not one statement reported twice."""
SCORE = 90.0
"""Lowest rapidfuzz ratio (0-100) at which two quotes are the same words (punctuation and case aside)."""
_SPREAD = 100 / SCORE
"""Two texts this many times apart in length can never reach SCORE, so they are not compared."""
_QUOTES = "SELECT id, document_id, text FROM quotes WHERE length(text) >= ?"
_DOCUMENT_DATES = "SELECT id, year, published FROM documents"


@dataclass(frozen=True)
class Echo:
    """One document's quote of the same words, with the document's date for ordering."""

    quote: QuoteView
    title: str
    year: int | None
    published: str | None


def _normal(text: str) -> str:
    """Quote text compared without case, punctuation or spacing differences."""
    return fold_space("".join(c if c.isalnum() else " " for c in text.casefold())).strip()


Entry = tuple[int, int, str]
"""A long quote: its id, its document's id and its normalised text."""


@dataclass(frozen=True)
class _Index:
    """Long quotes sorted by length (with their lengths, for bisecting), and by id."""

    lengths: list[int]
    entries: list[Entry]
    by_id: dict[int, Entry]


def _index(store: Store) -> _Index:
    """The long quotes of the store, built once per store state (rebuilt after an ingest)."""
    def build() -> _Index:
        rows = sorted(((row[0], row[1], _normal(row[2])) for row in store.rows(_QUOTES, (MIN_CHARS,))),
                      key=lambda entry: len(entry[2]))
        return _Index([len(entry[2]) for entry in rows], rows, {entry[0]: entry for entry in rows})

    return store.cached("lineage", build)


def same_words(store: Store, quote_id: int) -> list[tuple[int, int]]:
    """(quote id, document id) of every quote of the same words as this one, itself included."""
    from rapidfuzz import fuzz

    index = _index(store)
    mine = index.by_id.get(quote_id)
    if mine is None:
        return []
    size = len(mine[2])
    window = index.entries[bisect_left(index.lengths, size / _SPREAD):bisect_right(index.lengths, size * _SPREAD)]
    return [(entry[0], entry[1]) for entry in window
            if fuzz.ratio(mine[2], entry[2], score_cutoff=SCORE)]


def echo_counts(store: Store, quote_ids: list[int]) -> dict[int, int]:
    """For each quote, in how many other documents the same words are quoted (quotes with none left out)."""
    counts = {}
    for quote_id in quote_ids:
        found = same_words(store, quote_id)
        own = {document for other, document in found if other == quote_id}
        others = {document for _, document in found} - own
        if others:
            counts[quote_id] = len(others)
    return counts


def lineage(store: Store, quote_id: int) -> tuple[Echo, ...]:
    """Every document's quote of the same words, oldest document first (who reported it first)."""
    dates = {row[0]: (row[1], row[2]) for row in store.rows(_DOCUMENT_DATES)}
    echoes = []
    for found, document in same_words(store, quote_id):
        view = queries.quote(store, found)
        if view is not None:
            year, published = dates.get(document, (None, None))
            title = queries.passage(store, view.passage_id)
            echoes.append(Echo(view, title.document_title if title else "", year, published))
    return tuple(sorted(echoes, key=lambda e: (e.year is None, e.year or 0, e.quote.document_id, e.quote.start)))
