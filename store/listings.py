"""The corpus lists the explorer pages through: quotes and documents, each filtered and sorted a chosen way."""

from __future__ import annotations

import re

from store.db import Store
from store.kinds import QUOTE_KINDS
from store.views import DocumentRow, KindCount, QuoteRow

ACTOR_ORDERS = {
    "mentions": " ORDER BY a.mentions DESC, a.name, a.id",
    "quotes": " ORDER BY a.quotes DESC, a.mentions DESC, a.name, a.id",
    "documents": " ORDER BY a.documents DESC, a.mentions DESC, a.name, a.id",
    "name": " ORDER BY a.name COLLATE NOCASE, a.id",
    # Actors are added as ingest first meets them, document after document.
    "first seen": " ORDER BY a.id",
}
"""How the actors list can be sorted (the first is the default), each an ORDER BY."""
QUOTE_ORDERS = {
    "document": " ORDER BY q.document_id, q.start",
    "most quoted": " ORDER BY coalesce(a.quotes, 0) DESC, a.name, q.document_id, q.start",
    "speaker": " ORDER BY a.name IS NULL, a.name COLLATE NOCASE, q.document_id, q.start",
}
"""How the quotes list can be sorted: as written, by speakers' quote counts, by speaker's name."""
DOCUMENT_ORDERS = {
    "added": " ORDER BY d.id",
    "newest": " ORDER BY d.year IS NULL, d.year DESC, d.id",
    "quotes": " ORDER BY quotes DESC, d.id",
    "actors": " ORDER BY actors DESC, d.id",
    "title": " ORDER BY d.title COLLATE NOCASE, d.id",
}
"""How the documents list can be sorted."""
_QUOTES = """
SELECT q.id, q.document_id, d.title, q.passage_id,
  CASE p.kind WHEN 'paragraph' THEN p.number END, q.speaker_id, a.name, q.kind, q.text, q.start, q."end"
FROM quotes q JOIN documents d ON d.id = q.document_id JOIN passages p ON p.id = q.passage_id
LEFT JOIN actors a ON a.id = q.speaker_id"""
_QUOTE_FILTER = (" WHERE (? IS NULL OR q.kind = ?) AND (? IS NULL OR q.text LIKE ? ESCAPE '\\'"
                 " OR a.name LIKE ? ESCAPE '\\')")
"""A kind (or NULL for any) and words (or NULL) found in the quote or its speaker's name."""
_DOCUMENTS = """
SELECT d.id, d.title, d.path, d.published, d.passages,
  (SELECT count(*) FROM quotes q WHERE q.document_id = d.id) AS quotes,
  (SELECT count(DISTINCT m.actor_id) FROM passages p JOIN mentions m ON m.passage_id = p.id
   WHERE p.document_id = d.id) AS actors,
  (SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events,
  coalesce(d.source, d.path), coalesce(d.format, 'text'),
  (SELECT count(*) FROM documents v WHERE coalesce(v.version_of, v.id) = coalesce(d.version_of, d.id)) AS versions,
  d.year
FROM documents d"""
_NEWEST = (" AND d.id = (SELECT max(v.id) FROM documents v"
           " WHERE coalesce(v.version_of, v.id) = coalesce(d.version_of, d.id))")
"""Only the newest stored version of each document (later versions are stored later)."""
_VERSIONS_OF = " AND coalesce(d.version_of, d.id) = (SELECT coalesce(version_of, id) FROM documents WHERE id = ?)"
"""Only the versions of one document."""


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
"""A date written month/day/year ("04/10/2026"), as US government pages write it."""


def publication_date(published: str | None, year: int | None) -> str:
    """The ISO date a publication line gives (a month/day/year one too), else the document's year, else ''.
    A line that holds no date ("Publication: China Brief Volume: 13") gives none."""
    from store.extract.dates import find_dates  # its ~30 patterns compile on import: not at start-up

    line = published or ""
    numeric = _NUMERIC_DATE.search(line)
    if numeric and 1 <= int(numeric[1]) <= 12 and 1 <= int(numeric[2]) <= 31:
        return f"{numeric[3]}-{int(numeric[1]):02}-{int(numeric[2]):02}"
    found = [mention.date for mention in find_dates(line, year) if mention.date]
    return max(found, key=len, default=str(year or ""))


def like_pattern(text: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') matching ``text`` anywhere, literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return "%" + escaped + "%"


def ordered(orders: dict[str, str], order: str | None) -> str:
    """The ORDER BY of a named order, the first one for None; an unknown name is a bug."""
    return orders[order] if order is not None else next(iter(orders.values()))


def _quote_params(kind: str | None, text: str | None) -> tuple[object, ...]:
    """Parameters of _QUOTE_FILTER."""
    pattern = like_pattern(text.strip()) if text and text.strip() else None
    return kind, kind, pattern, pattern, pattern


def quote_rows(store: Store, kind: str | None = None, text: str | None = None, order: str | None = None,
               limit: int | None = None, offset: int = 0) -> tuple[QuoteRow, ...]:
    """Quotes of a kind (None: any) whose words or speaker's name contain ``text`` (ignoring ASCII
    case), sorted by a QUOTE_ORDERS name; ``limit`` and ``offset`` page through them."""
    found = store.rows(_QUOTES + _QUOTE_FILTER + ordered(QUOTE_ORDERS, order) + " LIMIT ? OFFSET ?",
                       (*_quote_params(kind, text), -1 if limit is None else limit, offset))
    return tuple(QuoteRow(*row) for row in found)


def count_quotes(store: Store, kind: str | None = None, text: str | None = None) -> int:
    """How many quotes ``quote_rows`` would list without a limit."""
    return store.value("SELECT count(*) FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_id"
                       + _QUOTE_FILTER, _quote_params(kind, text))


def quote_kind_counts(store: Store) -> tuple[KindCount, ...]:
    """How many quotes there are of each kind, in QUOTE_KINDS order (all kinds, zeros included)."""
    counts = dict(store.rows("SELECT kind, count(*) FROM quotes GROUP BY kind"))
    return tuple(KindCount(kind, counts.get(kind, 0)) for kind in QUOTE_KINDS)


def document_rows(store: Store, order: str | None = None, text: str | None = None,
                  versions_of: int | None = None) -> tuple[DocumentRow, ...]:
    """The newest version of each document with its counts (every version of ``versions_of``, newest
    first, when given), those whose title or path contain ``text``, sorted by a DOCUMENT_ORDERS name."""
    pattern = like_pattern(text.strip()) if text and text.strip() else None
    where = " WHERE (? IS NULL OR d.title LIKE ? ESCAPE '\\' OR d.path LIKE ? ESCAPE '\\')"
    if versions_of is None:
        found = store.rows(_DOCUMENTS + where + _NEWEST + ordered(DOCUMENT_ORDERS, order), (pattern,) * 3)
    else:
        found = store.rows(_DOCUMENTS + where + _VERSIONS_OF + " ORDER BY d.id DESC", (*(pattern,) * 3, versions_of))
    return tuple(DocumentRow(*row) for row in found)
