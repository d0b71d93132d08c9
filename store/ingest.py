"""Ingest: one article's text and extracted records into the store, atomically and idempotently."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache, cached_property
from itertools import chain, islice, repeat
from pathlib import Path
from typing import Protocol

from store import actor_index, terms
from store.considered_record import encoded
from store.corrections import reapply
from store.db import DEFAULT_CACHE_KIB, WRITE_CACHE_KIB, Store
from store.extract.scan import in_text_order
from store.files import path_text
from store.forget import forget_records
from store.model import Article, Mentions, Passage, Quote
from store.read.document import ReadArticle
from store.resolve import index_words, resolve_actors
from store.versions import version_root

Extract = Callable[[str], Article]
Rows = Iterable[tuple[object, ...]]
_NEXT_ID = {table: f"SELECT coalesce(max(id), 0) + 1 FROM {table}" for table in ("passages", "events")}
"""Tables whose ids ingest assigns itself (so rows of a batch point at them before they are written)."""


@dataclass(frozen=True)
class _Staged:
    """The statements that put rows into a full-text indexed table through a temporary table."""

    create: str
    stage: str
    insert: tuple[str, ...]
    clear: str

    @classmethod
    def of(cls, table: str, columns: str, stored: str | None = None) -> _Staged:
        """The statements for ``table`` and its ``columns`` (in the order rows give them), of which it
        keeps ``stored`` (all by default); with ``stored`` the ``text`` column is given to the table's
        full-text index here (an index with no trigger: the text is not stored in the table)."""
        staging, stored = f"temp.staged_{table}", stored or columns
        insert = (f"INSERT INTO {table} ({stored}) SELECT {stored} FROM {staging}",
                  *([f"INSERT INTO {table}_fts (rowid, text) SELECT id, text FROM {staging}"] * (stored != columns)))
        return cls(f"CREATE TABLE IF NOT EXISTS {staging} ({columns})", f"INSERT INTO {staging} VALUES ",
                   insert, f"DELETE FROM {staging}")


_STAGED = {
    "passages": _Staged.of("passages", 'id, document_id, ordinal, kind, section, number, start, "end", text, page',
                           'id, document_id, ordinal, kind, section, number, start, "end", page'),
    "quotes": _Staged.of("quotes", 'document_id, passage_id, speaker_id, kind, start, "end", text, "rule", '
                                   "cue_start, cue_end, considered"),
    "events": _Staged.of("events", "id, document_id, passage_id, date, end_date, precision, date_text, "
                                   'description, start, "end"'),
}
"""Tables FTS5 indexes by trigger take their rows in one statement from a temporary table: FTS5 writes
its pending words to disk at the end of every statement its trigger fires in, so a statement per row
wrote an index segment per row (a 1 MB article of one-word paragraphs: 4.4-6.1 s; staged, 1.3-1.5 s).
A passage's text is staged for its index only: the store keeps its offsets into the document's text."""


_INSERT = {
    "mentions": 'INSERT INTO mentions (actor_id, document_id, passage_id, start, "end", text) VALUES ',
    "event_actors": "INSERT INTO event_actors (event_id, actor_id) VALUES ",
    "citations": "INSERT INTO citations (document_id, passage_id, outlet, outlet_actor_id, date, raw, start, "
                 '"end", footnote) VALUES ',
    "footnotes": 'INSERT INTO footnotes (document_id, number, passage_id, start, "end", text) VALUES ',
}
"""Each table's INSERT, its VALUES list given by ``_insert_rows``."""
ROWS_A_STATEMENT = 200
"""Rows one INSERT writes: a statement a row spent half of 250,000 mention rows' time (a MB of acronyms) in
the driver and in starting the statement again; 200 rows of up to 10 columns stay far under SQLite's limit of
32,766 parameters a statement."""
_FLUSH_ORDER = ("passages", "mentions", "quotes", "events", "event_actors", "citations", "footnotes")
"""The tables of an article's records, each after the tables its rows point at."""


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


class _Located(Protocol):
    """A record that starts somewhere in the text (a mention, quote, event, citation, link or footnote)."""

    start: int


class _Locator:
    """Finds the passage that holds a record (the last passage starting at or before it; the first passage
    holds what comes before it)."""

    def __init__(self, passages: Sequence[Passage], ids: Sequence[int]) -> None:
        """Index the passages (in text order) and their store ids."""
        self.passages = passages
        self.ids = ids  # a range as batch.ids gives it: a list of 1.3 million passages' ids was 50 MB

    @cached_property
    def starts(self) -> list[int]:
        """The passages' starts, the first's as -1 (it holds what comes before it), listed when a record is
        first located: 9 MB of one-word paragraphs, with nothing in them to locate, listed 10 MB of them."""
        return [-1, *islice((passage.start for passage in self.passages), 1, None)]

    def __call__(self, records: Sequence[_Located]) -> Iterator[int]:
        """The store ids of the passages holding each record's start, in one pass (a call a record cost as
        much as the rest of its row: 250,000 mentions a MB of acronyms), found as the rows are written
        (a list of them held 8 MB more beside 4 MB of acronyms' rows)."""
        return self.at([record.start for record in records])

    def at(self, offsets: Sequence[int]) -> Iterator[int]:
        """The store ids of the passages holding each offset, in one pass (see ``__call__``); the passages'
        starts are not listed for no offset."""
        if not offsets:
            return iter(())
        ids, starts = self.ids, self.starts
        return (ids[bisect_right(starts, offset) - 1] for offset in offsets)


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
    digest = text_sha256(read.text)
    known = _known_document(store, digest)
    if known and not force:
        return known
    return ingest_batch(store, [Document.of(read, (extract or _pipeline())(read.text), digest)], force)[0]


@dataclass(frozen=True)
class Document:
    """One article ready for the writer: the article as read (text, source, format, pages) and what
    extraction found."""

    origin: ReadArticle
    article: Article | None
    """None when the text was already stored as the reader saw it (extracted here if it no longer is)."""
    digest: str
    words: frozenset[str] | None = None
    """The text's distinct folded words and its compounds (``terms``), if a worker found them already."""
    compounds: dict[str, str] | None = None

    @property
    def text(self) -> str:
        """The text to store."""
        return self.origin.text

    @property
    def path(self) -> str:
        """Where it came from, as stored: the file's path or the URL."""
        return path_text(self.origin.source)

    @classmethod
    def of(cls, origin: ReadArticle, article: Article | None, digest: str) -> Document:
        """A document with its words found here (in a worker, off the writer's time), if it is to be added."""
        if article is None:
            return cls(origin, None, digest)
        text = origin.text
        return cls(origin, article, digest, frozenset(terms.distinct_words(text)), terms.compounds(text))


def ingest_batch(store: Store, documents: Sequence[Document], force: bool = False) -> list[IngestResult]:
    """Add the documents whose text is not stored yet (with ``force``, extract stored ones again), all in
    one transaction: after a crash either every document of the batch is in the store or none is; the
    user's corrections apply again at its end. Results are in the documents' order."""
    stored = [_known_document(store, document.digest) for document in documents]
    if all(stored) and not force:
        # Nothing to add: no write transaction, so a re-ingest never waits for the writer's lock.
        return [result for result in stored if result]
    with store.transaction(_cache_kib(documents)):
        batch = _Batch(store.conn, force)
        results = [batch.add(document) for document in documents]
        batch.flush()
        reapply(store.conn)
    return results


HUGE_ARTICLE_CHARS = 1_000_000
"""Characters of an article (hostile or broken input) that its batch writes with SQLite's default cache.

Why: while it is written its records are held in memory at tens of times its size (a MB of acronyms
is 250,000 mentions, 34 MB), and the 64 MiB write cache would fill with its own new pages on top of
them; a large cache pays off across many ordinary articles, not in one huge one (4 MB of acronyms:
3.29 CPU-s to write with 2 MB of cache, 3.22 with 64 MiB)."""


def _cache_kib(documents: Sequence[Document]) -> int:
    """The page cache to write ``documents`` with (see HUGE_ARTICLE_CHARS)."""
    huge = any(len(document.text) >= HUGE_ARTICLE_CHARS for document in documents)
    return DEFAULT_CACHE_KIB if huge else WRITE_CACHE_KIB


def _pipeline() -> Extract:
    """The extraction pipeline, imported only when an article is actually extracted."""
    from store.extract.pipeline import extract_article

    return extract_article


def _known_document(store: Store, digest: str) -> IngestResult | None:
    """The stored document with this text, as an 'unchanged' result."""
    rows = store.rows("SELECT id, title, path FROM documents WHERE sha256 = ?", (digest,))
    return IngestResult("unchanged", rows[0]["id"], rows[0]["path"], rows[0]["title"]) if rows else None


class _Batch:
    """A batch of documents written in one transaction: each article's document, actors and records
    as it comes (the next article's actors are resolved against them, and resolution may read or move
    earlier records), table by table; the search vocabulary, compounds and actors' name words once
    for the batch. Passage and event ids are counted here, so records can point at them at once."""

    def __init__(self, conn: sqlite3.Connection, force: bool = False) -> None:
        """An empty batch writing through ``conn`` (inside the caller's transaction); with ``force`` it
        replaces what was extracted from documents already stored."""
        self.conn = conn
        self.force = force
        self.next_id = {table: conn.execute(sql).fetchone()[0] for table, sql in _NEXT_ID.items()}
        self.rows: dict[str, list[Rows]] = {table: [] for table in _FLUSH_ORDER}
        """Per table, the queued rows of the article being written, in runs (a run may be a generator: a
        hostile MB's 250,000 mention rows are never all held at once beside its records)."""
        self.counts: dict[str, Counter[int]] = {what: Counter() for what in ("mentions", "documents", "quotes")}
        """Per kept count of the actors, what the batch adds to each actor's."""
        self.words: Counter[str] = Counter()
        self.compounds: dict[str, str] = {}
        self.changed_actors: set[int] = set()
        self.actor_triggers = actor_index.defer(conn)

    def add(self, document: Document) -> IngestResult:
        """Write the document (or find it stored) and queue its records."""
        again = self.conn.execute("SELECT id, title, path FROM documents WHERE sha256 = ?",
                                  (document.digest,)).fetchone()
        if again and not self.force:
            return IngestResult("unchanged", again[0], again[2], again[1])
        if document.article is None or document.words is None or document.compounds is None:
            document = Document.of(document.origin, document.article or _pipeline()(document.text), document.digest)
        if not again:
            return self._write(document)
        forget_records(self.conn, again[0])
        return replace(self._write(document, again[0]), status="replaced")

    def ids(self, table: str, count: int) -> range:
        """``count`` fresh ids for ``table`` (the write transaction holds the store's lock)."""
        first = self.next_id[table]
        self.next_id[table] = first + count
        return range(first, first + count)

    def _write(self, document: Document, replacing: int | None = None) -> IngestResult:
        """Insert the document (or refresh the row of the one it replaces, whose id stays), resolve its
        actors and queue every record of its article."""
        article, path, digest = document.article, document.path, document.digest
        assert article is not None and document.words is not None and document.compounds is not None
        title = article.title.strip() or Path(path).stem
        passages = article.passages or (Passage(0, "paragraph", "", 1, 0, len(article.text), article.text),)
        version_of = version_root(self.conn, title, passages)
        if version_of == replacing:  # a later version of the document being replaced is no root of it
            version_of = None
        row = (title, path, digest, article.published, article.year, article.text,
               datetime.now(UTC).isoformat(timespec="seconds"), len(passages), path, document.origin.format,
               version_of)
        if replacing is None:
            document_id = self.conn.execute(_INSERT_DOCUMENT, row).lastrowid
        else:
            document_id = replacing
            self.conn.execute(_REFRESH_DOCUMENT, (*row, replacing))
        locate = _Locator(passages, _queue_passages(self, document_id, passages, document.origin))
        actor_ids, new_actors = resolve_actors(self.conn, article.actors, self.changed_actors)
        mentions = _queue_mentions(self, document_id, article, actor_ids, locate)
        for queue in (_queue_quotes, _queue_events, _queue_citations):
            queue(self, document_id, article, actor_ids, locate)
        _queue_links(self, document_id, document.origin, locate)
        _queue_footnotes(self, document_id, article, locate)
        self._write_records()
        self.words.update(document.words)
        self.compounds.update(document.compounds)
        return IngestResult("added", document_id, path, title, len(actor_ids), new_actors, mentions,
                            len(article.quotes), len(article.events),
                            len(article.citations) + len(document.origin.links), version_of)

    def _write_records(self) -> None:
        """Write one article's queued records (passages before what points at them) and its counts on
        its actors, before the next article's actors are resolved: resolution may read or move them."""
        for table in _FLUSH_ORDER:
            runs = self.rows[table]
            if table in _STAGED and runs:
                _insert_indexed(self.conn, table, chain.from_iterable(runs))
            elif runs:
                _insert_rows(self.conn, _INSERT[table], chain.from_iterable(runs))
            runs.clear()
        mentions, documents, quotes = self.counts["mentions"], self.counts["documents"], self.counts["quotes"]
        self.conn.executemany(
            "UPDATE actors SET mentions = mentions + ?, documents = documents + ?, quotes = quotes + ? WHERE id = ?",
            [(mentions[i], documents[i], quotes[i], i) for i in sorted(mentions.keys() | quotes.keys())])
        for counter in self.counts.values():
            counter.clear()

    def flush(self) -> None:
        """Write what the batch's articles add to the search vocabularies, once for the batch."""
        actor_index.catch_up(self.conn, self.actor_triggers)
        index_words(self.conn, self.changed_actors)
        self.conn.executemany("INSERT INTO words (word, docs) VALUES (?, ?) "
                              "ON CONFLICT (word) DO UPDATE SET docs = docs + excluded.docs",
                              sorted(self.words.items()))
        self.conn.executemany("INSERT OR IGNORE INTO compounds (folded, words) VALUES (?, ?)",
                              sorted(self.compounds.items()))


def _queue_passages(batch: _Batch, document_id: int, passages: Sequence[Passage], origin: ReadArticle) -> range:
    """Queue the passages in text order (with the page each starts on) and return their ids; each is
    indexed with its text, exactly the stored text's [start:end], which is what the index reads back and
    is told to forget (the passage's own string: no copy of each of a hostile MB's 142,857 paragraphs)."""
    # As extraction gives them, nearly always: sorting 1.3 million passages in order copied them and their keys.
    ordered = passages if in_text_order(passages) else sorted(passages, key=lambda passage: passage.start)
    ids = batch.ids("passages", len(ordered))
    # Only a PDF has pages: asking each of 142,857 one-word paragraphs for its page cost 0.3 s a MB.
    pages = [origin.page_at(p.start) for p in ordered] if origin.pages else repeat(None)
    batch.rows["passages"].append((i, document_id, p.ordinal, p.kind, p.section, p.number, p.start, p.end,
                                   p.text, page) for i, p, page in zip(ids, ordered, pages))
    return ids


_INSERT_DOCUMENT = ("INSERT INTO documents (title, path, sha256, published, year, text, ingested_at, passages, "
                    "source, format, version_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_REFRESH_DOCUMENT = ("UPDATE documents SET title = ?, path = ?, sha256 = ?, published = ?, year = ?, text = ?, "
                     "ingested_at = ?, passages = ?, source = ?, format = ?, version_of = ? WHERE id = ?")


def _insert_indexed(conn: sqlite3.Connection, table: str, rows: Rows) -> None:
    """Insert rows into a full-text indexed table in one statement (see ``_STAGED``)."""
    staged = _STAGED[table]
    conn.execute(staged.create)
    _insert_rows(conn, staged.stage, rows)
    for statement in staged.insert:
        conn.execute(statement)
    conn.execute(staged.clear)


def _insert_rows(conn: sqlite3.Connection, insert: str, rows: Rows) -> None:
    """Run ``insert`` (an INSERT ending in VALUES) for every row, in order, ROWS_A_STATEMENT rows a statement;
    the rows left over a row a statement (one SQL text a table: a statement of each other length would be
    compiled anew for nearly every article)."""
    rows = iter(rows)
    while len(chunk := list(islice(rows, ROWS_A_STATEMENT))) == ROWS_A_STATEMENT:
        conn.execute(_values(insert, len(chunk[0]), ROWS_A_STATEMENT), tuple(chain.from_iterable(chunk)))
    if chunk:
        conn.executemany(_values(insert, len(chunk[0]), 1), chunk)


@cache
def _values(insert: str, columns: int, rows: int) -> str:
    """``insert`` with a VALUES list of ``rows`` rows of ``columns`` parameters."""
    return insert + ", ".join(["(" + ", ".join("?" * columns) + ")"] * rows)


def _queue_mentions(batch: _Batch, document_id: int, article: Article,
                    actor_ids: dict[str, int], locate: _Locator) -> int:
    """Queue mentions of known actors (a mention of an actor extraction did not list is dropped), and
    count them and their document on each actor."""
    by_actor = article.mentions.per_actor()
    named = _store_names(batch.conn, actor_ids)
    batch.rows["mentions"].append(_mention_rows(article.mentions, document_id, named, actor_ids, locate))
    mentioned: Counter[int] = Counter()
    for name in by_actor.keys() & actor_ids.keys():
        mentioned[actor_ids[name]] += by_actor[name]
    batch.counts["mentions"].update(mentioned)
    batch.counts["documents"].update(mentioned.keys())
    return mentioned.total()


def _mention_rows(mentions: Mentions, document_id: int, named: dict[str, str], actor_ids: dict[str, int],
                  locate: _Locator) -> Iterator[tuple[int, int, int, int, int, str]]:
    """A row for each mention of a listed actor, from its start and what its (actor, text) pair gives, worked
    out once a pair: no Mention is made (250,000 a MB of acronyms)."""
    # A mention written as its actor's name keeps '' (store/schema.py's MENTION_NAME_TRIGGERS).
    forms = [(actor_ids[actor], len(text), "" if text == named[actor] else text) if actor in actor_ids else None
             for actor, text in mentions.forms]
    for start, place, passage in zip(mentions.starts, mentions.which, locate.at(mentions.starts), strict=True):
        if (form := forms[place]) is not None:
            actor_id, length, stored = form
            yield actor_id, document_id, passage, start, start + length, stored


def _store_names(conn: sqlite3.Connection, actor_ids: dict[str, int]) -> dict[str, str]:
    """The name the store gives each of an article's actors (a longer one where the store knows one)."""
    found = dict(conn.execute("SELECT id, name FROM actors WHERE id IN (SELECT value FROM json_each(?))",
                              (json.dumps(sorted(set(actor_ids.values()))),)))
    return {name: found[actor_id] for name, actor_id in actor_ids.items()}


def _queue_quotes(batch: _Batch, document_id: int, article: Article,
                  actor_ids: dict[str, int], locate: _Locator) -> None:
    """Queue quotes, with the speaker's store id where the speaker is known, and count them."""
    rows = [(document_id, passage, actor_ids.get(q.speaker or ""), q.kind, q.start, q.end, q.text,
             *_attribution_columns(q)) for q, passage in zip(article.quotes, locate(article.quotes), strict=True)]
    batch.rows["quotes"] += [rows] if rows else []
    batch.counts["quotes"].update(row[2] for row in rows if row[2] is not None)


def _attribution_columns(quote: Quote) -> tuple[str | None, int | None, int | None, str | None]:
    """The rule and cue span that chose a quote's speaker and what it passed over, NULLs where there is none."""
    how = quote.attribution if quote.speaker is not None else None
    if how is None:
        return None, None, None, None
    return how.rule, how.cue_start, how.cue_end, None if how.considered is None else encoded(how.considered)


def _queue_events(batch: _Batch, document_id: int, article: Article,
                  actor_ids: dict[str, int], locate: _Locator) -> None:
    """Queue events and their links to the actors they involve."""
    ids = batch.ids("events", len(article.events))
    if not article.events:
        return
    batch.rows["events"].append([(i, document_id, passage, e.date, e.end_date, e.precision, e.date_text,
                                  e.description, e.start, e.end)
                                 for i, e, passage in zip(ids, article.events, locate(article.events), strict=True)])
    batch.rows["event_actors"].append(sorted({(i, actor_ids[name]) for i, e in zip(ids, article.events, strict=True)
                                              for name in e.actors if name in actor_ids}))


def _queue_citations(batch: _Batch, document_id: int, article: Article,
                     actor_ids: dict[str, int], locate: _Locator) -> None:
    """Queue citations, linking each named outlet to its outlet actor."""
    outlets = {actor.name: actor_ids[actor.name] for actor in article.actors if actor.kind == "outlet"}
    outlets |= {alias: outlets[actor.name] for actor in article.actors if actor.name in outlets
                for alias in actor.aliases}
    batch.rows["citations"].append([(document_id, passage, c.outlet, outlets.get(c.outlet or ""), c.date, c.raw,
                                     c.start, c.end, c.footnote)
                                    for c, passage in zip(article.citations, locate(article.citations), strict=True)])


def _queue_links(batch: _Batch, document_id: int, origin: ReadArticle, locate: _Locator) -> None:
    """Queue the running text's web links as citations of their site (CRS reports cite by link, naming
    no outlet): the site stands as the outlet, the URL as the raw citation, the span on the link's words."""
    cited = [link for link in origin.links if link.site]
    batch.rows["citations"].append([(document_id, passage, link.site, None, None, link.url, link.start, link.end,
                                     None) for link, passage in zip(cited, locate(cited), strict=True)])


def _queue_footnotes(batch: _Batch, document_id: int, article: Article, locate: _Locator) -> None:
    """Queue the article's numbered footnotes."""
    batch.rows["footnotes"].append([(document_id, n.number, passage, n.start, n.end, n.text)
                                    for n, passage in zip(article.footnotes, locate(article.footnotes), strict=True)])
