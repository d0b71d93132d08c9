"""Corpus-wide actors: one article's actors matched to the store's by name, kind and alias."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from store import terms
from store.model import Actor

_BY_NAME = "SELECT id FROM actors WHERE name = ? AND kind = ?"
# CROSS JOIN: start from the alias index, not from every actor of the kind.
_BY_ALIAS = ("SELECT DISTINCT a.id FROM aliases al CROSS JOIN actors a ON a.id = al.actor_id "
             "WHERE al.alias = ? AND a.kind = ?")
_BY_OUR_ALIASES = "SELECT id FROM actors WHERE name IN (SELECT value FROM json_each(?)) AND kind = ?"
_BY_SURNAME = "SELECT id FROM actors WHERE surname = ? COLLATE NOCASE AND kind = 'person'"


def resolve_actors(conn: sqlite3.Connection, actors: Sequence[Actor],
                   changed: set[int] | None = None) -> tuple[dict[str, int], int]:
    """Store ids for each article actor's name (joining known actors, adding new ones), and how many are new.

    Given ``changed``, the ids of actors whose forms changed are added to it and their words are left
    for the caller to index (``index_words``) once for many articles."""
    ids: dict[str, int] = {}
    indexed_here = changed is None
    changed = set() if changed is None else changed
    new = 0
    for actor in actors:
        before = conn.total_changes
        found = _known(conn, actor)
        if found is None:
            found = conn.execute("INSERT INTO actors (name, kind, title, surname) VALUES (?, ?, ?, ?)",
                                 (actor.name, actor.kind, actor.title, surname(actor.name, actor.kind))
                                 ).lastrowid
            new += 1
            _add_aliases(conn, found, actor.name, actor)
        else:
            _add_aliases(conn, found, _merge(conn, found, actor), actor)
        if conn.total_changes != before:
            changed.add(found)
        ids[actor.name] = found
    if indexed_here:
        index_words(conn, changed)
    return ids, new


def surname(name: str, kind: str) -> str | None:
    """The last word of a person's name of several words (what a later bare surname will match)."""
    return name.split()[-1] if kind == "person" and " " in name.strip() else None


def _known(conn: sqlite3.Connection, actor: Actor) -> int | None:
    """The store actor this one is, if exactly one fits: same name, a known alias, or a shorter form."""
    exact = _ids(conn, _BY_NAME, (actor.name, actor.kind))
    if exact:
        return exact[0]
    for sql, params in _candidate_queries(actor):
        found = _ids(conn, sql, params)
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _candidate_queries(actor: Actor) -> list[tuple[str, tuple[str, ...]]]:
    """Lookups in order of trust: our name is their alias; their name is our alias; surname alone."""
    queries = [(_BY_ALIAS, (actor.name, actor.kind)),
               (_BY_OUR_ALIASES, (json.dumps(list(actor.aliases)), actor.kind))]
    if actor.kind == "person":
        last = actor.name.split()[-1]
        if " " in actor.name:
            # A person known so far only by surname ("Rasmussen") gets the full name now.
            queries.append((_BY_NAME, (last, "person")))
        else:
            queries.append((_BY_SURNAME, (last,)))
    return queries


def _ids(conn: sqlite3.Connection, sql: str, params: tuple[str, ...]) -> list[int]:
    """The first column of every row of a parameterised query."""
    return [row[0] for row in conn.execute(sql, params).fetchall()]


def _merge(conn: sqlite3.Connection, actor_id: int, actor: Actor) -> str:
    """Fold a newly seen form into a known actor (a longer name replaces a shorter one; titles add
    up) and return the actor's name now."""
    name, kind, title = conn.execute("SELECT name, kind, title FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if len(actor.name) > len(name) and not _ids(conn, _BY_NAME, (actor.name, actor.kind)):
        conn.execute("UPDATE actors SET name = ?, surname = ? WHERE id = ?",
                     (actor.name, surname(actor.name, kind), actor_id))
        conn.execute("INSERT OR IGNORE INTO aliases (actor_id, alias) VALUES (?, ?)", (actor_id, name))
        name = actor.name
    merged = merge_titles(title, actor.title)
    if merged != title:
        conn.execute("UPDATE actors SET title = ? WHERE id = ?", (merged, actor_id))
    return name


def merge_titles(old: str | None, new: str | None) -> str | None:
    """Titles joined with '; ', leaving out a new one already contained in an old one."""
    parts = [part for part in (old or "").split("; ") if part]
    for part in (new or "").split("; "):
        if part and not any(part.casefold() in known.casefold() for known in parts):
            parts.append(part)
    return "; ".join(parts) or None


def _add_aliases(conn: sqlite3.Connection, actor_id: int, name: str, actor: Actor) -> None:
    """Record the actor's other forms, including its article name if the store knows it by another."""
    forms = {alias for alias in (*actor.aliases, actor.name) if alias and alias != name}
    if forms:
        conn.executemany("INSERT OR IGNORE INTO aliases (actor_id, alias) VALUES (?, ?)",
                         [(actor_id, alias) for alias in sorted(forms)])


def index_words(conn: sqlite3.Connection, actor_ids: Iterable[int]) -> None:
    """Link every word of these actors' names, aliases and titles to them (forms only ever grow)."""
    rows = conn.execute(
        "SELECT a.id, a.name, a.title, (SELECT json_group_array(alias) FROM aliases WHERE actor_id = a.id) "
        "FROM actors a WHERE a.id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(actor_ids)),))
    pairs = {(word, actor_id) for actor_id, name, title, aliases in rows
             for word in actor_words(name, title, json.loads(aliases))}
    conn.executemany("INSERT OR IGNORE INTO name_words (word) VALUES (?)", [(w,) for w in {w for w, _ in pairs}])
    conn.executemany("INSERT OR IGNORE INTO actor_words (word_id, actor_id) "
                     "SELECT id, ? FROM name_words WHERE word = ?", [(a, w) for w, a in sorted(pairs)])


def actor_words(name: str, title: str | None, aliases: Iterable[str]) -> set[str]:
    """The compacted words a search can find an actor by: of its name, aliases and title parts."""
    return {word for text in (name, title or "", *aliases) for word in terms.compact(text).split()}
