"""Ingest: one article's text and extracted records into the store, atomically and idempotently."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from store import terms
from store.corrections import reapply
from store.db import Store
from store.files import path_text
from store.forget import forget_records
from store.model import Article, Considered, Passage, Quote
from store.read.document import ReadArticle
from store.resolve import resolve_actors
from store.versions import version_root

Extract = Callable[[str], Article]
_NEXT_ID = {table: f"SELECT coalesce(max(id), 0) + 1 FROM {table}" for table in ("passages", "events")}
"""Tables whose ids ingest assigns itself (so a batch insert knows them without a query per row)."""


@dataclass(frozen=True)
class _Staged:
    """The statements that put rows into a full-text indexed table through a temporary table."""

    create: str
    stage: str
    insert: str
    clear: str

    @classmethod
    def of(cls, table: str, columns: str) -> _Staged:
        """The statements for ``table`` and its ``columns`` (in the order rows give them)."""
        staging = f"temp.staged_{table}"
        marks = ", ".join("?" * len(columns.split(",")))
        return cls(f"CREATE TABLE IF NOT EXISTS {staging} ({columns})", f"INSERT INTO {staging} VALUES ({marks})",
                   f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {staging}", f"DELETE FROM {staging}")


_STAGED = {
    "passages": _Staged.of("passages", 'id, document_id, ordinal, kind, section, number, start, "end", text, '
                                       "page"),
    "quotes": _Staged.of("quotes", 'document_id, passage_id, speaker_id, kind, start, "end", text, "rule", '
                                   "cue_start, cue_end, considered"),
    "events": _Staged.of("events", "id, document_id, passage_id, date, end_date, precision, date_text, "
                                   'description, start, "end"'),
}
"""Tables FTS5 indexes by trigger take their rows in one statement from a temporary table: FTS5 writes
its pending words to disk at the end of every statement its trigger fires in, so a statement per row
wrote an index segment per row (a 1 MB article of one-word paragraphs: 4.4-6.1 s; staged, 1.3-1.5 s)."""


@dataclass(frozen=True)
class IngestResult:
    """What one ingest did: 'added' a document, found it 'unchanged' (same text already stored) or
    'replaced' it (extracted again on request)."""

    status: str
    document_id: int
    path: str
    title: str
    actors: int = 0
    new_actors: int = 0
    mentions: int = 0
    quotes: int = 0
    events: int = 0
    citations: int = 0
    version_of: int | None = None
    """The first stored version of the document, when this one is a later version of it."""


class _Locator:
    """Finds the passage that holds an offset (the last passage starting at or before it)."""

    def __init__(self, passages: Sequence[Passage], ids: Sequence[int]) -> None:
        """Index the passages (in text order) and their store ids."""
        self.starts = [passage.start for passage in passages]
        self.ids = list(ids)

    def __call__(self, offset: int) -> int:
        """The store id of the passage containing ``offset``."""
        return self.ids[max(bisect_right(self.starts, offset) - 1, 0)]


def text_sha256(text: str) -> str:
    """The document's identity: SHA-256 of its (decoded, LF-normalised) text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def ingest_text(store: Store, text: str, path: str | Path, extract: Extract | None = None,
                force: bool = False) -> IngestResult:
    """Add one article's text, read from ``path`` (a .md file's is Markdown), unless it is already stored."""
    return ingest_article(store, ReadArticle.of_text(text, str(path)), extract, force)


def ingest_article(store: Store, read: ReadArticle, extract: Extract | None = None,
                   force: bool = False) -> IngestResult:
    """Add one article as read from a file or URL (unless its text is already stored) in one transaction;
    all or nothing. With ``force`` a stored article is extracted again ('replaced'); the user's corrections
    apply again either way."""
    text = read.text
    digest = text_sha256(text)
    known = _known_document(store, digest)
    if known and not force:
        return known
    article = (extract or _pipeline())(text)
    with store.transaction():
        # Another program may have added the same text while we were extracting.
        again = store.conn.execute("SELECT id, title, path FROM documents WHERE sha256 = ?", (digest,)).fetchone()
        if again and not force:
            return IngestResult("unchanged", again[0], again[2], again[1])
        if again:
            forget_records(store.conn, again[0])
        result = _write(store.conn, article, read, digest, again[0] if again else None)
        reapply(store.conn)
        return replace(result, status="replaced") if again else result


def _pipeline() -> Extract:
    """The extraction pipeline, imported only when an article is actually extracted."""
    from store.extract.pipeline import extract_article

    return extract_article


def _known_document(store: Store, digest: str) -> IngestResult | None:
    """The stored document with this text, as an 'unchanged' result."""
    rows = store.rows("SELECT id, title, path FROM documents WHERE sha256 = ?", (digest,))
    return IngestResult("unchanged", rows[0]["id"], rows[0]["path"], rows[0]["title"]) if rows else None


def _write(conn: sqlite3.Connection, article: Article, origin: ReadArticle, digest: str,
           replacing: int | None = None) -> IngestResult:
    """Insert the document (or refresh the row of the one it replaces, whose id stays) and every record of
    its article; returns what was added."""
    path = path_text(origin.source)
    title = article.title.strip() or Path(path).stem
    passages = article.passages or (Passage(0, "paragraph", "", 1, 0, len(article.text), article.text),)
    version_of = version_root(conn, title, passages)
    if version_of == replacing:  # a later version of the document being replaced is no root of it
        version_of = None
    row = (title, path, digest, article.published, article.year, article.text,
           datetime.now(UTC).isoformat(timespec="seconds"), len(passages), path, origin.format, version_of)
    if replacing is None:
        document_id = conn.execute(_INSERT_DOCUMENT, row).lastrowid
    else:
        document_id = replacing
        conn.execute(_REFRESH_DOCUMENT, (*row, replacing))
    locate = _Locator(passages, _insert_passages(conn, document_id, passages, origin))
    actor_ids, new_actors = resolve_actors(conn, article.actors)
    mentions = _insert_mentions(conn, document_id, article, actor_ids, locate)
    _insert_quotes(conn, document_id, article, actor_ids, locate)
    _insert_events(conn, document_id, article, actor_ids, locate)
    _insert_citations(conn, document_id, article, actor_ids, locate)
    _insert_footnotes(conn, document_id, article, locate)
    _insert_words(conn, article.text)
    return IngestResult("added", document_id, path, title, len(actor_ids), new_actors, mentions,
                        len(article.quotes), len(article.events), len(article.citations), version_of)


_INSERT_DOCUMENT = ("INSERT INTO documents (title, path, sha256, published, year, text, ingested_at, passages, "
                    "source, format, version_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_REFRESH_DOCUMENT = ("UPDATE documents SET title = ?, path = ?, sha256 = ?, published = ?, year = ?, text = ?, "
                     "ingested_at = ?, passages = ?, source = ?, format = ?, version_of = ? WHERE id = ?")


def _next_ids(conn: sqlite3.Connection, table: str, count: int) -> range:
    """``count`` fresh ids for ``table``; safe because the write transaction holds the store's lock."""
    first = conn.execute(_NEXT_ID[table]).fetchone()[0]
    return range(first, first + count)


def _insert_passages(conn: sqlite3.Connection, document_id: int, passages: Sequence[Passage],
                     origin: ReadArticle) -> list[int]:
    """Insert the passages in text order (with the page each starts on) and return their new ids."""
    ordered = sorted(passages, key=lambda passage: passage.start)
    ids = _next_ids(conn, "passages", len(ordered))
    _insert_indexed(conn, "passages", [(i, document_id, p.ordinal, p.kind, p.section, p.number, p.start, p.end,
                                        p.text, origin.page_at(p.start)) for i, p in zip(ids, ordered, strict=True)])
    return list(ids)


def _insert_indexed(conn: sqlite3.Connection, table: str, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert rows into a full-text indexed table in one statement (see ``_STAGED``)."""
    staged = _STAGED[table]
    conn.execute(staged.create)
    conn.executemany(staged.stage, rows)
    conn.execute(staged.insert)
    conn.execute(staged.clear)


def _insert_mentions(conn: sqlite3.Connection, document_id: int, article: Article,
                     actor_ids: dict[str, int], locate: _Locator) -> int:
    """Insert mentions of known actors (a mention of an actor extraction did not list is dropped), and
    count them and their document on each actor."""
    rows = [(actor_ids[m.actor], document_id, locate(m.start), m.start, m.end, m.text)
            for m in article.mentions if m.actor in actor_ids]
    conn.executemany('INSERT INTO mentions (actor_id, document_id, passage_id, start, "end", text) '
                     "VALUES (?, ?, ?, ?, ?, ?)", rows)
    counts = Counter(row[0] for row in rows)
    conn.executemany("UPDATE actors SET mentions = mentions + ?, documents = documents + 1 WHERE id = ?",
                     [(count, actor_id) for actor_id, count in sorted(counts.items())])
    return len(rows)


def _insert_quotes(conn: sqlite3.Connection, document_id: int, article: Article,
                   actor_ids: dict[str, int], locate: _Locator) -> None:
    """Insert quotes, with the speaker's store id where the speaker is known, and count them."""
    rows = [(document_id, locate(q.start), actor_ids.get(q.speaker or ""), q.kind, q.start, q.end, q.text,
             *_attribution_columns(q)) for q in article.quotes]
    _insert_indexed(conn, "quotes", rows)
    counts = Counter(row[2] for row in rows if row[2] is not None)
    conn.executemany("UPDATE actors SET quotes = quotes + ? WHERE id = ?",
                     [(count, actor_id) for actor_id, count in sorted(counts.items())])


def _attribution_columns(quote: Quote) -> tuple[str | None, int | None, int | None, str | None]:
    """The rule and cue span that chose a quote's speaker and what it passed over, NULLs where there is none."""
    how = quote.attribution if quote.speaker is not None else None
    if how is None:
        return None, None, None, None
    return how.rule, how.cue_start, how.cue_end, _considered_json(how.considered)


def _considered_json(considered: Considered | None) -> str | None:
    """The losing candidates and passed steps as the JSON the ``considered`` column keeps."""
    if considered is None:
        return None
    return json.dumps({"candidates": [asdict(c) for c in considered.candidates], "passed": list(considered.passed)},
                      ensure_ascii=False)


def _insert_events(conn: sqlite3.Connection, document_id: int, article: Article,
                   actor_ids: dict[str, int], locate: _Locator) -> None:
    """Insert events and link each to the actors it involves."""
    ids = _next_ids(conn, "events", len(article.events))
    _insert_indexed(conn, "events", [(i, document_id, locate(e.start), e.date, e.end_date, e.precision, e.date_text,
                                      e.description, e.start, e.end) for i, e in zip(ids, article.events, strict=True)])
    links = {(i, actor_ids[name]) for i, e in zip(ids, article.events, strict=True)
             for name in e.actors if name in actor_ids}
    conn.executemany("INSERT INTO event_actors (event_id, actor_id) VALUES (?, ?)", sorted(links))


def _insert_citations(conn: sqlite3.Connection, document_id: int, article: Article,
                      actor_ids: dict[str, int], locate: _Locator) -> None:
    """Insert citations, linking each named outlet to its outlet actor."""
    outlets = {actor.name: actor_ids[actor.name] for actor in article.actors if actor.kind == "outlet"}
    outlets |= {alias: outlets[actor.name] for actor in article.actors if actor.name in outlets
                for alias in actor.aliases}
    conn.executemany(
        "INSERT INTO citations (document_id, passage_id, outlet, outlet_actor_id, date, raw, start, "
        '"end", footnote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [(document_id, locate(c.start), c.outlet, outlets.get(c.outlet or ""), c.date, c.raw, c.start,
          c.end, c.footnote) for c in article.citations])


def _insert_footnotes(conn: sqlite3.Connection, document_id: int, article: Article, locate: _Locator) -> None:
    """Insert the article's numbered footnotes."""
    conn.executemany(
        'INSERT INTO footnotes (document_id, number, passage_id, start, "end", text) VALUES (?, ?, ?, ?, ?, ?)',
        [(document_id, n.number, locate(n.start), n.start, n.end, n.text) for n in article.footnotes])


def _insert_words(conn: sqlite3.Connection, text: str) -> None:
    """Count the document's words into the search vocabulary and record its hyphenated compounds."""
    conn.executemany("INSERT INTO words (word, docs) VALUES (?, 1) "
                     "ON CONFLICT (word) DO UPDATE SET docs = docs + 1",
                     [(word,) for word in sorted(terms.distinct_words(text))])
    conn.executemany("INSERT OR IGNORE INTO compounds (folded, words) VALUES (?, ?)",
                     sorted(terms.compounds(text).items()))
