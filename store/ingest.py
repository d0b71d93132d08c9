"""Ingest: one article's text and extracted records into the store, atomically and idempotently."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from store import terms
from store.db import Store
from store.model import Article, Passage
from store.resolve import resolve_actors

Extract = Callable[[str], Article]


@dataclass(frozen=True)
class IngestResult:
    """What one ingest did: 'added' a document, or found it 'unchanged' (same text already stored)."""

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


def ingest_text(store: Store, text: str, path: str | Path, extract: Extract | None = None) -> IngestResult:
    """Add one article (unless its text is already stored) in one transaction; all or nothing."""
    digest = text_sha256(text)
    known = _known_document(store, digest)
    if known:
        return known
    article = (extract or _pipeline())(text)
    with store.transaction() as db:
        # Another program may have added the same text while we were extracting.
        again = db.execute("SELECT id, title, path FROM documents WHERE sha256 = ?", (digest,)).fetchone()
        if again:
            return IngestResult("unchanged", again[0], again[2], again[1])
        return _write(db, article, str(path), digest)


def _pipeline() -> Extract:
    """The extraction pipeline, imported only when an article is actually extracted."""
    from store.extract.pipeline import extract_article

    return extract_article


def _known_document(store: Store, digest: str) -> IngestResult | None:
    """The stored document with this text, as an 'unchanged' result."""
    rows = store.rows("SELECT id, title, path FROM documents WHERE sha256 = ?", (digest,))
    return IngestResult("unchanged", rows[0]["id"], rows[0]["path"], rows[0]["title"]) if rows else None


def _write(db: sqlite_utils.Database, article: Article, path: str, digest: str) -> IngestResult:
    """Insert the document and every record of its article; returns what was added."""
    title = article.title.strip() or Path(path).stem
    document_id = db["documents"].insert({
        "title": title, "path": path, "sha256": digest, "published": article.published,
        "year": article.year, "text": article.text,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }).last_pk
    passages = article.passages or (Passage(0, "paragraph", "", 1, 0, len(article.text), article.text),)
    locate = _Locator(passages, _insert_passages(db, document_id, passages))
    actor_ids, new_actors = resolve_actors(db, article.actors)
    base = {"document_id": document_id}
    mentions = _insert_mentions(db, base, article, actor_ids, locate)
    _insert_quotes(db, base, article, actor_ids, locate)
    _insert_events(db, base, article, actor_ids, locate)
    _insert_citations(db, base, article, actor_ids, locate)
    _insert_footnotes(db, base, article, locate)
    db["compounds"].insert_all(
        ({"folded": folded, "words": words} for folded, words in terms.compounds(article.text).items()),
        ignore=True)
    return IngestResult("added", document_id, path, title, len(actor_ids), new_actors, mentions,
                        len(article.quotes), len(article.events), len(article.citations))


def _insert_passages(db: sqlite_utils.Database, document_id: int, passages: Sequence[Passage]) -> list[int]:
    """Insert the passages in order and return their new ids."""
    return [db["passages"].insert({
        "document_id": document_id, "ordinal": passage.ordinal, "kind": passage.kind,
        "section": passage.section, "number": passage.number, "start": passage.start,
        "end": passage.end, "text": passage.text,
    }).last_pk for passage in sorted(passages, key=lambda passage: passage.start)]


def _insert_mentions(db: sqlite_utils.Database, base: dict[str, Any], article: Article,
                     actor_ids: dict[str, int], locate: _Locator) -> int:
    """Insert mentions of known actors (a mention of an actor extraction did not list is dropped)."""
    rows = [base | {"actor_id": actor_ids[mention.actor], "passage_id": locate(mention.start),
                    "start": mention.start, "end": mention.end, "text": mention.text}
            for mention in article.mentions if mention.actor in actor_ids]
    db["mentions"].insert_all(rows)
    return len(rows)


def _insert_quotes(db: sqlite_utils.Database, base: dict[str, Any], article: Article,
                   actor_ids: dict[str, int], locate: _Locator) -> None:
    """Insert quotes, with the speaker's store id where the speaker is known."""
    db["quotes"].insert_all(base | {
        "passage_id": locate(quote.start), "speaker_id": actor_ids.get(quote.speaker or ""),
        "kind": quote.kind, "start": quote.start, "end": quote.end, "text": quote.text,
    } for quote in article.quotes)


def _insert_events(db: sqlite_utils.Database, base: dict[str, Any], article: Article,
                   actor_ids: dict[str, int], locate: _Locator) -> None:
    """Insert events and link each to the actors it involves."""
    for event in article.events:
        event_id = db["events"].insert(base | {
            "passage_id": locate(event.start), "date": event.date, "end_date": event.end_date,
            "precision": event.precision, "date_text": event.date_text,
            "description": event.description, "start": event.start, "end": event.end,
        }).last_pk
        involved = {actor_ids[name] for name in event.actors if name in actor_ids}
        db["event_actors"].insert_all(({"event_id": event_id, "actor_id": actor_id}
                                       for actor_id in sorted(involved)), ignore=True)


def _insert_citations(db: sqlite_utils.Database, base: dict[str, Any], article: Article,
                      actor_ids: dict[str, int], locate: _Locator) -> None:
    """Insert citations, linking each named outlet to its outlet actor."""
    outlets = {actor.name: actor_ids[actor.name] for actor in article.actors if actor.kind == "outlet"}
    outlets |= {alias: outlets[actor.name] for actor in article.actors if actor.name in outlets
                for alias in actor.aliases}
    db["citations"].insert_all(base | {
        "passage_id": locate(citation.start), "outlet": citation.outlet,
        "outlet_actor_id": outlets.get(citation.outlet or ""), "date": citation.date,
        "raw": citation.raw, "start": citation.start, "end": citation.end,
        "footnote": citation.footnote,
    } for citation in article.citations)


def _insert_footnotes(db: sqlite_utils.Database, base: dict[str, Any], article: Article,
                      locate: _Locator) -> None:
    """Insert the article's numbered footnotes."""
    db["footnotes"].insert_all(base | {
        "number": note.number, "passage_id": locate(note.start), "start": note.start,
        "end": note.end, "text": note.text,
    } for note in article.footnotes)
