"""The actors' full-text index fed once a batch: inside an ingest's transaction the index's triggers give way
to temporary ones that only note which actors changed, and the index learns those actors' names and titles
in two statements at the end. FTS5 writes its pending words at the end of every statement a trigger of it
fires in: an index segment per added or renamed actor (30 a generated article) cost a sixth of the writes."""

from __future__ import annotations

import json
import sqlite3

_TRIGGERS = ("actors_ai", "actors_au", "actors_ad")
"""The index's triggers (store/schema.py's ACTORS_FTS)."""
_DROP = {name: f"DROP TRIGGER {name}" for name in _TRIGGERS}
_NOTE = "INSERT OR IGNORE INTO actors_changed (id, old_name, old_title, indexed) VALUES "
_NOTING = (
    "CREATE TEMP TABLE actors_changed (id INTEGER PRIMARY KEY, old_name TEXT, old_title TEXT, indexed INTEGER)",
    f"CREATE TEMP TRIGGER actors_added AFTER INSERT ON main.actors BEGIN {_NOTE}(new.id, NULL, NULL, 0); END",
    "CREATE TEMP TRIGGER actors_renamed AFTER UPDATE OF name, title ON main.actors "
    f"BEGIN {_NOTE}(old.id, old.name, old.title, 1); END",
    "CREATE TEMP TRIGGER actors_dropped AFTER DELETE ON main.actors "
    f"BEGIN {_NOTE}(old.id, old.name, old.title, 1); END",
)
"""An actor's first change in the batch is the one kept: it says what the index holds of it (nothing for
an actor added in the batch), whatever happens to it, or to a new actor given its id, afterwards."""
_CATCH_UP = (
    "INSERT INTO actors_fts (actors_fts, rowid, name, title) "
    "SELECT 'delete', id, old_name, old_title FROM temp.actors_changed WHERE indexed ORDER BY id",
    "INSERT INTO actors_fts (rowid, name, title) "
    "SELECT a.id, a.name, a.title FROM temp.actors_changed c JOIN actors a ON a.id = c.id ORDER BY a.id",
    "DROP TRIGGER temp.actors_added",
    "DROP TRIGGER temp.actors_renamed",
    "DROP TRIGGER temp.actors_dropped",
    "DROP TABLE temp.actors_changed",
)


def defer(conn: sqlite3.Connection) -> list[str]:
    """Inside a write transaction, hold the index's updates until ``catch_up``; return what ``catch_up``
    needs to put its triggers back (a rollback puts them back by itself)."""
    found = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'actors' "
                              "AND name IN (SELECT value FROM json_each(?))", (json.dumps(_TRIGGERS),)))
    triggers = [found[name] for name in _TRIGGERS if name in found]
    for name in found:
        conn.execute(_DROP[name])
    for statement in _NOTING:
        conn.execute(statement)
    return triggers


def catch_up(conn: sqlite3.Connection, triggers: list[str]) -> None:
    """Give the index the changed actors' old and new words, then put its triggers back."""
    for statement in (*_CATCH_UP, *triggers):
        conn.execute(statement)

