"""Corpus-wide actors: one article's actors matched to the store's by name, kind and alias."""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlite_utils

from store.model import Actor


def resolve_actors(db: sqlite_utils.Database, actors: Sequence[Actor]) -> tuple[dict[str, int], int]:
    """Store ids for each article actor's name (joining known actors, adding new ones), and how many are new."""
    ids: dict[str, int] = {}
    new = 0
    for actor in actors:
        found = _known(db, actor)
        if found is None:
            found = db["actors"].insert({"name": actor.name, "kind": actor.kind, "title": actor.title}).last_pk
            new += 1
        else:
            _merge(db, found, actor)
        _add_aliases(db, found, actor)
        ids[actor.name] = found
    _reindex(db, set(ids.values()))
    return ids, new


def _known(db: sqlite_utils.Database, actor: Actor) -> int | None:
    """The store actor this one is, if exactly one fits: same name, a known alias, or a shorter form."""
    exact = _ids(db, "SELECT id FROM actors WHERE name = ? AND kind = ?", (actor.name, actor.kind))
    if exact:
        return exact[0]
    for sql, params in _candidate_queries(actor):
        found = _ids(db, sql, params)
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _candidate_queries(actor: Actor) -> list[tuple[str, tuple[str, ...]]]:
    """Lookups in order of trust: our name is their alias; their name is our alias; surname alone."""
    queries = [
        ("SELECT DISTINCT a.id FROM aliases al JOIN actors a ON a.id = al.actor_id "
         "WHERE a.kind = ? AND al.alias = ?", (actor.kind, actor.name)),
        ("SELECT id FROM actors WHERE kind = ? AND name IN (SELECT value FROM json_each(?))",
         (actor.kind, json.dumps(list(actor.aliases)))),
    ]
    if actor.kind == "person":
        surname = actor.name.split()[-1]
        if " " in actor.name:
            # A person known so far only by surname ("Rasmussen") gets the full name now.
            queries.append(("SELECT id FROM actors WHERE kind = 'person' AND name = ?", (surname,)))
        else:
            queries.append(("SELECT id FROM actors WHERE kind = 'person' AND name LIKE ? ESCAPE '\\'",
                            ("% " + _like_escape(surname),)))
    return queries


def _like_escape(text: str) -> str:
    """Make ``text`` match literally inside a LIKE pattern."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _ids(db: sqlite_utils.Database, sql: str, params: tuple[str, ...]) -> list[int]:
    """The first column of every row of a parameterised query."""
    return [row[0] for row in db.execute(sql, params).fetchall()]


def _merge(db: sqlite_utils.Database, actor_id: int, actor: Actor) -> None:
    """Fold a newly seen form into a known actor: a longer name replaces a shorter one; titles add up."""
    name, title = db.execute("SELECT name, title FROM actors WHERE id = ?", (actor_id,)).fetchone()
    updates: dict[str, str] = {}
    taken = _ids(db, "SELECT id FROM actors WHERE name = ? AND kind = ?", (actor.name, actor.kind))
    if len(actor.name) > len(name) and not taken:
        updates["name"] = actor.name
        db["aliases"].insert({"actor_id": actor_id, "alias": name}, ignore=True)
    merged = merge_titles(title, actor.title)
    if merged != title:
        updates["title"] = merged
    if updates:
        db["actors"].update(actor_id, updates)


def merge_titles(old: str | None, new: str | None) -> str | None:
    """Titles joined with '; ', leaving out a new one already contained in an old one."""
    parts = [part for part in (old or "").split("; ") if part]
    for part in (new or "").split("; "):
        if part and not any(part.casefold() in known.casefold() for known in parts):
            parts.append(part)
    return "; ".join(parts) or None


def _add_aliases(db: sqlite_utils.Database, actor_id: int, actor: Actor) -> None:
    """Record the actor's other forms, including its article name if the store knows it by another."""
    name = db.execute("SELECT name FROM actors WHERE id = ?", (actor_id,)).fetchone()[0]
    forms = {alias for alias in (*actor.aliases, actor.name) if alias and alias != name}
    db["aliases"].insert_all(({"actor_id": actor_id, "alias": alias} for alias in sorted(forms)),
                             ignore=True)


def _reindex(db: sqlite_utils.Database, actor_ids: set[int]) -> None:
    """Rewrite the full-text rows (name, aliases, title) of the actors this article touched."""
    ids = json.dumps(sorted(actor_ids))
    db.execute("DELETE FROM actors_fts WHERE rowid IN (SELECT value FROM json_each(?))", (ids,))
    db.execute(
        "INSERT INTO actors_fts (rowid, name, aliases, title) "
        "SELECT a.id, a.name, (SELECT group_concat(alias, ' ') FROM aliases WHERE actor_id = a.id), "
        "a.title FROM actors a WHERE a.id IN (SELECT value FROM json_each(?))",
        (ids,),
    )
