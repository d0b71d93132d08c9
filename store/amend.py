"""The changes a correction makes to extracted rows, found by keys that survive re-extraction.

A quote or mention is found by its document's SHA-256 and its offsets; an actor by its name (or an
alias) and kind. Each ``apply`` returns False when its target is gone (the correction is stale) and
is idempotent, so every correction can be applied again after any ingest.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from store.forget import drop_actor, recount
from store.resolve import index_words, surname

Json = dict[str, Any]
_QUOTE = ('SELECT q.id, q.kind, q.speaker_id FROM quotes q JOIN documents d ON d.id = q.document_id '
          'WHERE d.sha256 = ? AND q.start = ? AND q."end" = ?')
_MENTION = ('SELECT m.id, m.actor_id FROM documents d JOIN passages p ON p.document_id = d.id '
            'JOIN mentions m ON m.passage_id = p.id WHERE d.sha256 = ? AND m.start = ? AND m."end" = ?')
_KEYS = {table: 'SELECT d.sha256, t.start, t."end" FROM ' + table + " t JOIN documents d ON d.id = t.document_id "
                "WHERE t.id = ?" for table in ("quotes", "mentions")}
_BY_ALIAS = "SELECT a.id FROM aliases al JOIN actors a ON a.id = al.actor_id WHERE al.alias = ? AND a.kind = ?"


def actor_id(conn: sqlite3.Connection, ref: Json | None, by_alias: bool = True) -> int | None:
    """The actor a reference ``{"name", "kind"}`` names: by name, else by one alias; None if none."""
    if ref is None:
        return None
    found = conn.execute("SELECT id FROM actors WHERE name = ? AND kind = ?", (ref["name"], ref["kind"])).fetchone()
    if found or not by_alias:
        return int(found[0]) if found else None
    aliased = conn.execute(_BY_ALIAS, (ref["name"], ref["kind"])).fetchall()
    return int(aliased[0][0]) if len(aliased) == 1 else None


def actor_ref(conn: sqlite3.Connection, actor: int | None) -> Json | None:
    """The reference that finds an actor again after re-extraction: its name and kind."""
    if actor is None:
        return None
    name, kind = conn.execute("SELECT name, kind FROM actors WHERE id = ?", (actor,)).fetchone()
    return {"name": name, "kind": kind}


def span_key(conn: sqlite3.Connection, table: str, row_id: int) -> Json:
    """The key of a quote or mention (``table``): its document's SHA-256 and its offsets."""
    sha, start, end = conn.execute(_KEYS[table], (row_id,)).fetchone()
    return {"sha256": sha, "start": start, "end": end}


def quote_state(conn: sqlite3.Connection, key: Json) -> Json | None:
    """A quote's kind and speaker, as a correction records them; None if no quote has the key."""
    found = conn.execute(_QUOTE, (key["sha256"], key["start"], key["end"])).fetchone()
    return None if found is None else {"kind": found[1], "speaker": actor_ref(conn, found[2])}


def apply_quote(conn: sqlite3.Connection, key: Json, state: Json) -> bool:
    """Give a quote a kind and speaker (``{"kind", "speaker": ref | None}``); False if quote or speaker is gone."""
    found = conn.execute(_QUOTE, (key["sha256"], key["start"], key["end"])).fetchone()
    speaker = actor_id(conn, state["speaker"])
    if found is None or (state["speaker"] is not None and speaker is None):
        return False
    conn.execute("UPDATE quotes SET kind = ?, speaker_id = ? WHERE id = ?", (state["kind"], speaker, found[0]))
    recount(conn, [a for a in (found[2], speaker) if a is not None])
    return True


def apply_kind(conn: sqlite3.Connection, ref: Json, kind: str) -> bool:
    """Give an actor another kind (folding it into an actor of that name and kind if there is one)."""
    found, settled = actor_id(conn, ref), actor_id(conn, {"name": ref["name"], "kind": kind}, by_alias=False)
    if found is None or found == settled:
        return settled is not None
    if settled is not None:
        return merge(conn, found, settled)
    conn.execute("UPDATE actors SET kind = ?, surname = ? WHERE id = ?", (kind, surname(ref["name"], kind), found))
    return True


def apply_rename(conn: sqlite3.Connection, ref: Json, name: str) -> bool:
    """Give an actor another canonical name, keeping the old one as an alias (or fold it into that name's actor)."""
    found, settled = actor_id(conn, ref), actor_id(conn, {"name": name, "kind": ref["kind"]}, by_alias=False)
    if found is None or found == settled:
        return settled is not None
    if settled is not None:
        return merge(conn, found, settled)
    old = conn.execute("SELECT name FROM actors WHERE id = ?", (found,)).fetchone()[0]
    conn.execute("UPDATE actors SET name = ?, surname = ? WHERE id = ?", (name, surname(name, ref["kind"]), found))
    conn.execute("DELETE FROM aliases WHERE actor_id = ? AND alias = ?", (found, name))
    conn.execute("INSERT OR IGNORE INTO aliases (actor_id, alias) VALUES (?, ?)", (found, old))
    index_words(conn, [found])
    return True


def apply_merge(conn: sqlite3.Connection, ref: Json, into: Json) -> bool:
    """Fold the actor ``ref`` names into ``into``'s; True too when it already was (its name is an alias there)."""
    found, kept = actor_id(conn, ref), actor_id(conn, into)
    if kept is None:
        return False
    if found is None or found == kept:
        return _is_alias(conn, kept, ref["name"])
    return merge(conn, found, kept)


def merge(conn: sqlite3.Connection, gone: int, kept: int) -> bool:
    """Move everything that names actor ``gone`` to ``kept``, its name and aliases too, and delete it."""
    conn.execute("UPDATE mentions SET actor_id = ? WHERE actor_id = ?", (kept, gone))
    conn.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", (kept, gone))
    conn.execute("UPDATE citations SET outlet_actor_id = ? WHERE outlet_actor_id = ?", (kept, gone))
    conn.execute("INSERT OR IGNORE INTO event_actors (event_id, actor_id) "
                 "SELECT event_id, ? FROM event_actors WHERE actor_id = ?", (kept, gone))
    conn.execute("DELETE FROM event_actors WHERE actor_id = ?", (gone,))
    conn.execute("INSERT OR IGNORE INTO aliases (actor_id, alias) SELECT ?, alias FROM aliases WHERE actor_id = ? "
                 "UNION SELECT ?, name FROM actors WHERE id = ?", (kept, gone, kept, gone))
    conn.execute("DELETE FROM aliases WHERE actor_id = ? AND alias = (SELECT name FROM actors WHERE id = ?)",
                 (kept, kept))
    drop_actor(conn, gone)
    recount(conn, [kept])
    index_words(conn, [kept])
    return True


def _is_alias(conn: sqlite3.Connection, actor: int, name: str) -> bool:
    """True if ``name`` is one of the actor's aliases."""
    return conn.execute("SELECT 1 FROM aliases WHERE actor_id = ? AND alias = ?", (actor, name)).fetchone() is not None


def apply_not_actor(conn: sqlite3.Connection, ref: Json) -> bool:
    """Remove an actor and every link to it (its quotes keep no speaker); True too when it is already gone."""
    found = actor_id(conn, ref)
    if found is not None:
        conn.execute("UPDATE quotes SET speaker_id = NULL WHERE speaker_id = ?", (found,))
        conn.execute("UPDATE citations SET outlet_actor_id = NULL WHERE outlet_actor_id = ?", (found,))
        conn.execute("DELETE FROM event_actors WHERE actor_id = ?", (found,))
        conn.execute("DELETE FROM mentions WHERE actor_id = ?", (found,))
        drop_actor(conn, found)
    return True


def apply_detach(conn: sqlite3.Connection, key: Json) -> bool:
    """Take one mention from its actor; False when its document is no longer stored."""
    if conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (key["sha256"],)).fetchone() is None:
        return False
    found = conn.execute(_MENTION, (key["sha256"], key["start"], key["end"])).fetchone()
    if found is not None:
        conn.execute("DELETE FROM mentions WHERE id = ?", (found[0],))
        recount(conn, [found[1]])
    return True
