"""An actor's rows as keys that survive re-extraction, and putting them back: how a merge or
"not an actor" is undone."""

from __future__ import annotations

import sqlite3
from typing import Any

from store.forget import recount
from store.resolve import index_words, surname
from store.schema import mention_text

Json = dict[str, Any]
_SPANS = {
    "mentions": f'SELECT d.sha256, t.start, t."end", {mention_text("t")} FROM mentions t '
                "JOIN documents d ON d.id = t.document_id JOIN actors a ON a.id = t.actor_id WHERE t.actor_id = ?",
    "quotes": 'SELECT d.sha256, t.start, t."end" FROM quotes t JOIN documents d ON d.id = t.document_id '
              "WHERE t.speaker_id = ?",
    "events": 'SELECT d.sha256, t.start, t."end" FROM event_actors ea JOIN events t ON t.id = ea.event_id '
              "JOIN documents d ON d.id = t.document_id WHERE ea.actor_id = ?",
    "citations": 'SELECT d.sha256, t.start, t."end" FROM citations t JOIN documents d ON d.id = t.document_id '
                 "WHERE t.outlet_actor_id = ?",
}
_ROW = ('(SELECT t.id FROM {table} t JOIN documents d ON d.id = t.document_id '
        'WHERE d.sha256 = ? AND t.start = ? AND t."end" = ?)')
_SPEAKER = "UPDATE quotes SET speaker_id = ? WHERE id = " + _ROW.format(table="quotes")
_OUTLET = "UPDATE citations SET outlet_actor_id = ? WHERE id = " + _ROW.format(table="citations")
_EVENT_LINK = "INSERT OR IGNORE INTO event_actors (event_id, actor_id) SELECT " + _ROW.format(table="events") + ", ?"
_EVENT_UNLINK = "DELETE FROM event_actors WHERE actor_id = ? AND event_id = " + _ROW.format(table="events")
_MENTION_MOVE = "UPDATE mentions SET actor_id = ? WHERE id = " + _ROW.format(table="mentions")
"""Statements that find a row by its key (document SHA-256 and offsets)."""


def snapshot(conn: sqlite3.Connection, actor: int) -> Json:
    """The actor's name, kind, title, aliases and the keys of every row that names it."""
    name, kind, title = conn.execute("SELECT name, kind, title FROM actors WHERE id = ?", (actor,)).fetchone()
    aliases = [row[0] for row in conn.execute("SELECT alias FROM aliases WHERE actor_id = ? ORDER BY alias", (actor,))]
    spans = {table: [list(row) for row in conn.execute(sql, (actor,))] for table, sql in _SPANS.items()}
    return {"name": name, "kind": kind, "title": title, "aliases": aliases, **spans}


def restore(conn: sqlite3.Connection, snap: Json, holder: int | None, holder_before: Json | None = None) -> int:
    """Put a snapshotted actor back, taking its rows from ``holder`` (the actor it was merged into) if any."""
    actor = _actor(conn, snap)
    conn.executemany("INSERT OR IGNORE INTO aliases (actor_id, alias) VALUES (?, ?)",
                     [(actor, alias) for alias in snap["aliases"] if alias != snap["name"]])
    for sha, start, end, text in snap["mentions"]:
        put_mention(conn, actor, sha, start, end, text)
    conn.executemany(_SPEAKER,
                     [(actor, *key) for key in snap["quotes"]])
    conn.executemany(_OUTLET,
                     [(actor, *key) for key in snap["citations"]])
    conn.executemany(_EVENT_LINK,
                     [(*key, actor) for key in snap["events"]])
    if holder is not None and holder_before is not None:
        _give_back(conn, holder, holder_before, snap)
    recount(conn, [actor] + ([holder] if holder is not None else []))
    index_words(conn, [actor])
    return actor


def _actor(conn: sqlite3.Connection, snap: Json) -> int:
    """The snapshot's actor: the one of that name and kind (re-extraction may have made it again), else a new one."""
    found = conn.execute("SELECT id FROM actors WHERE name = ? AND kind = ?", (snap["name"], snap["kind"])).fetchone()
    if found:
        return int(found[0])
    return int(conn.execute("INSERT INTO actors (name, kind, title, surname) VALUES (?, ?, ?, ?)",
                            (snap["name"], snap["kind"], snap["title"], surname(snap["name"], snap["kind"]))).lastrowid)


def put_mention(conn: sqlite3.Connection, actor: int, sha: str, start: int, end: int, text: str) -> None:
    """Point the mention at this key to the actor, or add it again if it was deleted."""
    moved = conn.execute(_MENTION_MOVE, (actor, sha, start, end)).rowcount
    if moved:
        return
    conn.execute('INSERT INTO mentions (actor_id, document_id, passage_id, start, "end", text) '
                 "SELECT ?, d.id, p.id, ?, ?, ? FROM documents d JOIN passages p ON p.document_id = d.id "
                 "WHERE d.sha256 = ? AND p.start <= ? ORDER BY p.start DESC LIMIT 1",
                 (actor, start, end, text, sha, start))


def _give_back(conn: sqlite3.Connection, holder: int, before: Json, snap: Json) -> None:
    """Take from the holder the event links and aliases that came with the merged actor only."""
    own_events = {tuple(key) for key in before["events"]}
    conn.executemany(_EVENT_UNLINK,
                     [(holder, *key) for key in snap["events"] if tuple(key) not in own_events])
    conn.executemany("DELETE FROM aliases WHERE actor_id = ? AND alias = ?",
                     [(holder, alias) for alias in {snap["name"], *snap["aliases"]} - set(before["aliases"])])
