"""Quote lineage: the same words quoted in several documents, found with rapidfuzz over quote texts."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from store import queries
from store.db import Store
from store.extract.dates import find_dates
from store.views import QuoteView

MIN_CHARS = 30
"""Shorter quotes ("useful", "a direct threat") are common phrases, not one statement reported twice."""
SCORE = 90.0
"""Lowest rapidfuzz ratio (0-100) at which two quotes are the same words (punctuation and case aside)."""
_NOT_WORD = re.compile(r"[\W_]+")
"""Runs of anything but letters and digits, compared as one space."""
_QUOTES = "SELECT id, document_id, text FROM quotes WHERE length(text) >= ?"
_DOCUMENT_DATES = "SELECT id, year, published FROM documents"


@dataclass(frozen=True)
class Echo:
    """One document's quote of the same words, with the document's date for ordering."""

    quote: QuoteView
    title: str
    year: int | None
    published: str | None
    date: str | None = None
    """The document's date in ISO at its precision: the first date of its publication line, else its year."""


def _normal(text: str) -> str:
    """Quote text compared without case, punctuation or spacing differences."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


Entry = tuple[int, int, str]
"""A long quote: its id, its document's id and its normalised text."""
ANCHORS = 3
"""Each quote is filed under its rarest words: two quotes of the same words share their rarest words, so
a quote is compared only with the few filed under its own (100,000 quotes: 300 looked up in 0.25 s, not
5.5 s comparing every quote of a similar length)."""


@dataclass(frozen=True)
class _Index:
    """Long quotes by id, and the ids filed under each quote's rarest words."""

    by_id: dict[int, Entry]
    anchors: dict[int, list[str]]
    filed: dict[str, list[int]]


_BUILT: WeakKeyDictionary[Store, tuple[object, _Index]] = WeakKeyDictionary()
"""The index of each open store with the rows it was built from (rebuilt when they change)."""


def _index(store: Store) -> _Index:
    """The long quotes of the store, indexed once per store state; built outside the store's lock, so the
    explorer's other queries do not wait for it."""
    rows = store.cached("lineage", lambda: tuple(store.rows(_QUOTES, (MIN_CHARS,))))
    built = _BUILT.get(store)
    if built is None or built[0] is not rows:
        built = (rows, _build(rows))
        _BUILT[store] = built
    return built[1]


def _build(rows: tuple[sqlite3.Row, ...]) -> _Index:
    """File each quote under its ANCHORS rarest words (rarest among all long quotes)."""
    by_id = {row[0]: (row[0], row[1], _normal(row[2])) for row in rows}
    words = {quote_id: set(entry[2].split()) for quote_id, entry in by_id.items()}
    counts = Counter(word for found in words.values() for word in found)
    anchors = {quote_id: sorted(found, key=lambda word: (counts[word], word))[:ANCHORS]
               for quote_id, found in words.items()}
    filed: dict[str, list[int]] = {}
    for quote_id, rarest in anchors.items():
        for word in rarest:
            filed.setdefault(word, []).append(quote_id)
    return _Index(by_id, anchors, filed)


def same_words(store: Store, quote_id: int) -> list[tuple[int, int]]:
    """(quote id, document id) of every quote of the same words as this one, itself included."""
    from rapidfuzz import fuzz

    index = _index(store)
    mine = index.by_id.get(quote_id)
    if mine is None:
        return []
    near = sorted({other for word in index.anchors[quote_id] for other in index.filed[word]})
    return [(other, index.by_id[other][1]) for other in near
            if fuzz.ratio(mine[2], index.by_id[other][2], score_cutoff=SCORE)]


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


def document_date(year: int | None, published: str | None) -> str | None:
    """A document's date in ISO at its precision: its publication line's first full date, else its year."""
    said = [mention.date for mention in find_dates(published or "", year) if mention.date]
    # A date of another year in the line (a volume's founding, say) is not when this document came out.
    if said and (year is None or said[0].startswith(str(year))):
        return said[0]
    return str(year) if year else None


def lineage(store: Store, quote_id: int) -> tuple[Echo, ...]:
    """Every document's quote of the same words, oldest document first (who reported it first): by day where
    the publication lines say it, else by year."""
    dates = {row[0]: (row[1], row[2]) for row in store.rows(_DOCUMENT_DATES)}
    echoes = []
    for found, document in same_words(store, quote_id):
        view = queries.quote(store, found)
        if view is not None:
            year, published = dates.get(document, (None, None))
            title = queries.passage(store, view.passage_id)
            echoes.append(Echo(view, title.document_title if title else "", year, published,
                               document_date(year, published)))
    return tuple(sorted(echoes, key=lambda e: (e.date is None, e.date or "", e.quote.document_id, e.quote.start)))
