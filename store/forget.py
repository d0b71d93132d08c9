"""Forget what was extracted from one document, with counts, vocabulary and actors kept in step (what
``ingest --force`` does before it extracts the document again; the document's own row and id stay)."""

from __future__ import annotations

import json
import sqlite3

from store import terms

_LINKED_ACTORS = """SELECT actor_id FROM mentions WHERE passage_id IN (SELECT id FROM passages WHERE document_id = :doc)
UNION SELECT speaker_id FROM quotes WHERE document_id = :doc AND speaker_id IS NOT NULL
UNION SELECT actor_id FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE document_id = :doc)
UNION SELECT outlet_actor_id FROM citations WHERE document_id = :doc AND outlet_actor_id IS NOT NULL"""
_DELETES = (
    "DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE document_id = :doc)",
    "DELETE FROM citations WHERE document_id = :doc",
    "DELETE FROM footnotes WHERE document_id = :doc",
    "DELETE FROM quotes WHERE document_id = :doc",
    "DELETE FROM mentions WHERE passage_id IN (SELECT id FROM passages WHERE document_id = :doc)",
    "DELETE FROM events WHERE document_id = :doc",
    "DELETE FROM passages WHERE document_id = :doc",
)
"""Children before parents (foreign keys); FTS triggers take the indexed quotes and events out as they go,
``_unindex_passages`` the passages (their full-text index has no trigger: a passage's text is its
document's)."""
_UNINDEX = ("CREATE TEMP TABLE IF NOT EXISTS unindexed_passages (id INTEGER, text TEXT)",
            "INSERT INTO temp.unindexed_passages VALUES (?, ?)",
            "INSERT INTO passages_fts (passages_fts, rowid, text) SELECT 'delete', id, text FROM temp.unindexed_passages",
            "DELETE FROM temp.unindexed_passages")
"""Taking passages out of the full-text index, with the very text it was given, in one statement."""
_UNUSED = """SELECT value FROM json_each(:ids) WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = value)
AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = value)
AND NOT EXISTS (SELECT 1 FROM event_actors WHERE actor_id = value)
AND NOT EXISTS (SELECT 1 FROM citations WHERE outlet_actor_id = value)"""


def forget_records(conn: sqlite3.Connection, document_id: int) -> None:
    """Delete a document's extracted records inside the caller's transaction; actors only it named go too."""
    params = {"doc": document_id}
    text = conn.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()[0]
    linked = [row[0] for row in conn.execute(_LINKED_ACTORS, params)]
    _unindex_passages(conn, document_id, text)
    for statement in _DELETES:
        conn.execute(statement, params)
    _forget_words(conn, text)
    recount(conn, linked)
    unused = [row[0] for row in conn.execute(_UNUSED, {"ids": json.dumps(linked)})]
    for actor_id in unused:
        drop_actor(conn, actor_id)


def recount(conn: sqlite3.Connection, actor_ids: list[int]) -> None:
    """Count each actor's mentions, quotes and documents again from the rows that name it."""
    conn.executemany(
        "UPDATE actors SET mentions = (SELECT count(*) FROM mentions WHERE actor_id = :id), "
        "quotes = (SELECT count(*) FROM quotes WHERE speaker_id = :id), "
        "documents = (SELECT count(DISTINCT document_id) FROM mentions WHERE actor_id = :id) WHERE id = :id",
        [{"id": actor_id} for actor_id in actor_ids])


def drop_actor(conn: sqlite3.Connection, actor_id: int) -> None:
    """Delete an actor that nothing names any more, with its aliases and its search words."""
    conn.execute("UPDATE name_words SET actors = actors - 1 WHERE id IN "
                 "(SELECT word_id FROM actor_words WHERE actor_id = ?)", (actor_id,))
    conn.execute("DELETE FROM actor_words WHERE actor_id = ?", (actor_id,))
    conn.execute("DELETE FROM aliases WHERE actor_id = ?", (actor_id,))
    conn.execute("DELETE FROM actors WHERE id = ?", (actor_id,))


def _unindex_passages(conn: sqlite3.Connection, document_id: int, text: str) -> None:
    """Take a document's passages out of the full-text index (one statement: FTS5 writes a segment at
    the end of each)."""
    create, stage, unindex, clear = _UNINDEX
    conn.execute(create)
    conn.executemany(stage, [(passage_id, text[start:end]) for passage_id, start, end in conn.execute(
        'SELECT id, start, "end" FROM passages WHERE document_id = ?', (document_id,))])
    conn.execute(unindex)
    conn.execute(clear)


def _forget_words(conn: sqlite3.Connection, text: str) -> None:
    """Take the document's words out of the search vocabulary's document counts."""
    words = [(word,) for word in sorted(terms.distinct_words(text))]
    conn.executemany("UPDATE words SET docs = docs - 1 WHERE word = ?", words)
    conn.execute("DELETE FROM words WHERE docs <= 0")
