"""Corpus-wide actors: one article's actors matched to the store's by name, kind and alias, the same whatever order
articles come in."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from store import terms
from store.model import Actor
from store.schema import mention_text

_BY_NAME = "SELECT id FROM actors WHERE name = ? AND kind = ?"
_ROW_BY_NAME = "SELECT id, name, title FROM actors WHERE name = ? AND kind = ?"
_Row = tuple[int, str, str | None]
"""An actor's id, name and title: what matching and merging read of it, in the query that finds it."""
_BY_OUR_ALIASES = "SELECT id, name, title FROM actors WHERE name IN (SELECT value FROM json_each(?)) AND kind = ?"
# The actors a form is a shorter form of: an alias, or a person's surname; not the actor of that name.
# CROSS JOIN: start from the alias index, not from every actor of the kind.
_HOLDERS = ("SELECT a.id, a.name, a.title FROM aliases al CROSS JOIN actors a ON a.id = al.actor_id "
            "WHERE al.alias = ?1 AND a.kind = ?2 AND a.name != ?1 "
            "UNION SELECT id, name, title FROM actors WHERE ?2 = 'person' AND kind = 'person' "
            "AND surname = ?1 COLLATE NOCASE AND name != ?1 ORDER BY 1")
# Each document's mentions of an actor by its name or an alias, as written; `_short_only` keeps the names.
_NAMED_AS = (f"SELECT m.document_id, {mention_text()} FROM mentions m JOIN actors a ON a.id = m.actor_id "
             "WHERE m.actor_id = ?1 AND (m.text IN ('', a.name) "
             "OR m.text IN (SELECT alias FROM aliases WHERE actor_id = ?1))")
_RECOUNT = ("UPDATE actors SET mentions = (SELECT count(*) FROM mentions WHERE actor_id = actors.id), "
            "documents = (SELECT count(DISTINCT document_id) FROM mentions WHERE actor_id = actors.id), "
            "quotes = (SELECT count(*) FROM quotes WHERE speaker_id = actors.id) WHERE id = ?")
_MOVES = (
    "UPDATE mentions SET actor_id = ?1 WHERE actor_id = ?2 AND document_id IN (SELECT value FROM json_each(?3))",
    "UPDATE quotes SET speaker_id = ?1 WHERE speaker_id = ?2 AND document_id IN (SELECT value FROM json_each(?3))",
    "UPDATE citations SET outlet_actor_id = ?1 WHERE outlet_actor_id = ?2 "
    "AND document_id IN (SELECT value FROM json_each(?3))",
    "UPDATE OR REPLACE event_actors SET actor_id = ?1 WHERE actor_id = ?2 "
    "AND event_id IN (SELECT id FROM events WHERE document_id IN (SELECT value FROM json_each(?3)))",
)
"""Giving actor ?2's records in documents ?3 (a JSON list) to actor ?1."""
_FOLD = (
    "INSERT OR IGNORE INTO aliases (actor_id, alias) SELECT ?1, alias FROM aliases WHERE actor_id = ?2 "
    "UNION SELECT ?1, name FROM actors WHERE id = ?2",
    "UPDATE name_words SET actors = actors - 1 WHERE id IN (SELECT word_id FROM actor_words WHERE actor_id = ?2)",
    "DELETE FROM actor_words WHERE actor_id = ?2",
    "DELETE FROM aliases WHERE actor_id = ?2",
    "DELETE FROM actors WHERE id = ?2",
)
"""Folding actor ?2 into actor ?1 once its records are moved (each statement is given both ids)."""
_BY_SURNAME = "SELECT id, name, title FROM actors WHERE surname = ? COLLATE NOCASE AND kind = 'person'"


def resolve_actors(conn: sqlite3.Connection, actors: Sequence[Actor],
                   changed: set[int] | None = None) -> tuple[dict[str, int], int]:
    """Store ids for each article actor's name (joining known actors, adding new ones), and how many are new.

    Given ``changed``, the ids of actors whose forms changed are added to it and their words are left
    for the caller to index (``index_words``) once for many articles."""
    ids: dict[str, int] = {}
    indexed_here = changed is None
    changed = set() if changed is None else changed
    grown: list[Actor] = []
    new = 0
    for actor in actors:
        before = conn.total_changes
        found, added = _resolve(conn, actor)
        new += added
        if conn.total_changes != before:
            changed.add(found)
            grown.append(actor)
        ids[actor.name] = found
    absorbed: dict[int, int] = {}
    # Only an actor added or given a new form can change who shares a short form.
    for form, kind in sorted({(form, a.kind) for a in grown for form in _short_forms(a)}):
        changed.update(_separate(conn, form, kind, absorbed))
    if indexed_here:
        index_words(conn, changed)
    return {name: absorbed.get(found, found) for name, found in ids.items()}, new


def _resolve(conn: sqlite3.Connection, actor: Actor) -> tuple[int, bool]:
    """The store id of one article actor, joining a known actor or adding one; True when added."""
    known = _known(conn, actor)
    if known is not None:
        _add_aliases(conn, known[0], _merge(conn, known, actor), actor)
        return known[0], False
    found = conn.execute("INSERT INTO actors (name, kind, title, surname) VALUES (?, ?, ?, ?)",
                         (actor.name, actor.kind, actor.title, surname(actor.name, actor.kind))).lastrowid
    _add_aliases(conn, found, actor.name, actor)
    return found, True


def surname(name: str, kind: str) -> str | None:
    """The last word of a person's name of several words (what a later bare surname will match)."""
    return name.split()[-1] if kind == "person" and " " in name.strip() else None


def _short_forms(actor: Actor) -> set[str]:
    """The shorter forms of an actor's name that may stand for it alone: its aliases that are part of its
    name or an acronym, a person's surname and name without initials (a title such as "President" is
    no such form: it stands for many)."""
    last = surname(actor.name, actor.kind)
    plain = " ".join(_without_initials(actor.name.split())) if last else actor.name
    forms = (*actor.aliases, *([last, plain] if last else []))
    return {form for form in forms if form != actor.name and _name_part(form, actor.name)}


def _name_part(form: str, name: str) -> bool:
    """True for an acronym, or words that stand together in the name ("Rasmussen", "Department of
    Defense" of "U.S. Department of Defense"), initials aside."""
    if " " not in form and form.replace(".", "").replace("&", "").isupper():
        return True
    short, words = _without_initials(form.split()), _without_initials(name.split())
    return any(words[i : i + len(short)] == short for i in range(len(words) - len(short) + 1))


def _known(conn: sqlite3.Connection, actor: Actor) -> _Row | None:
    """The store actor this one is, if exactly one fits: same name, a longer name it is a short form of,
    or a short form of it known alone.

    Short forms are matched so that the order documents come in does not matter: one that two actors
    share stays its own actor (and ``_separate`` gives it back the documents it joined one of them in)."""
    exact = conn.execute(_ROW_BY_NAME, (actor.name, actor.kind)).fetchone()
    if exact:
        return exact
    holders = _holders(conn, actor.name, actor.kind)
    if holders:
        return _one(holders)
    shorter = conn.execute(_BY_OUR_ALIASES, (json.dumps(sorted(_short_forms(actor))), actor.kind)).fetchall()
    # A short form known alone is ours only if no other actor has it too.
    return _one(shorter) if len(shorter) == 1 and not _holders(conn, shorter[0][1], actor.kind) else None


def _one(found: list[_Row]) -> _Row | None:
    """The only actor found, or None when there are none or several."""
    return found[0] if len(found) == 1 else None


def _holders(conn: sqlite3.Connection, form: str, kind: str) -> list[_Row]:
    """Actors of a kind, other than the one named ``form``, that ``form`` is a shorter form of: by alias,
    as a person's surname, or as a person's name without initials ("Kevin Hassett" of "Kevin A. Hassett");
    in id order."""
    found = [row for row in conn.execute(_HOLDERS, (form, kind)).fetchall() if _name_part(form, row[1])]
    last = surname(form, kind)
    if last:
        ids = {row[0] for row in found}
        found += [row for row in conn.execute(_BY_SURNAME, (last,)).fetchall()
                  if row[0] not in ids and _fuller(row[1], form)]
    return sorted(found)


def _fuller(name: str, form: str) -> bool:
    """True when ``name`` is ``form`` with initials added ("Kevin A. Hassett", "Kevin Hassett")."""
    words, short = name.split(), form.split()
    initials = [{word for word in each if _is_initial(word)} for each in (words, short)]
    return name != form and _without_initials(words) == _without_initials(short) and initials[1] <= initials[0]


def _without_initials(words: list[str]) -> list[str]:
    """A name's words other than initials ("A.")."""
    return [word for word in words if not _is_initial(word)]


def _is_initial(word: str) -> bool:
    """True for one capital and a dot."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _separate(conn: sqlite3.Connection, form: str, kind: str, absorbed: dict[int, int]) -> list[int]:
    """Make a short form's documents belong where they would had they come last: with one actor holding
    the form, the form's own actor joins it; with two or more, the documents that named one of them by
    that form alone go back to the form's own actor. The ids changed; ``absorbed`` maps a dropped id to
    the one it joined."""
    holders = _holders(conn, form, kind)
    alone = _ids(conn, _BY_NAME, (form, kind))
    if len(holders) == 1 and alone:
        _absorb(conn, alone[0], holders[0][0])
        absorbed[alone[0]] = holders[0][0]
        return [holders[0][0]]
    moved = []
    for holder, name, _ in holders if len(holders) > 1 else ():
        documents = _short_only(conn, holder, name, form)
        if documents:
            target = _actor_named(conn, form, kind)
            _move(conn, holder, target, documents)
            moved += [holder, target]
    return moved


def _short_only(conn: sqlite3.Connection, holder: int, name: str, form: str) -> list[int]:
    """The documents whose longest name for an actor (``holder``, named ``name``) is ``form``: it was named
    there by that form alone.
    A title or description the actor had as an alias ("President") is no name: an article that wrote only
    "President Lind" and "Lind" named "Lind" alone, whichever order the store met its actors in."""
    names: dict[int, set[str]] = {}
    for document, text in conn.execute(_NAMED_AS, (holder,)):
        if text == name or _name_part(text, name):
            names.setdefault(document, set()).add(text)
    return sorted(document for document, texts in names.items()
                  if form in texts and max(map(len, texts)) == len(form))


def _absorb(conn: sqlite3.Connection, source: int, target: int) -> None:
    """Fold one actor into another: its records, its name and aliases as aliases; then drop it."""
    documents = _ids(conn, "SELECT DISTINCT document_id FROM mentions WHERE actor_id = ?", (source,))
    _move(conn, source, target, documents)
    for sql in _FOLD:
        conn.execute(sql, (target, source))


def _actor_named(conn: sqlite3.Connection, name: str, kind: str) -> int:
    """The id of the actor of this name and kind, added if there is none."""
    found = _ids(conn, _BY_NAME, (name, kind))
    if found:
        return found[0]
    return conn.execute("INSERT INTO actors (name, kind) VALUES (?, ?)", (name, kind)).lastrowid


def _move(conn: sqlite3.Connection, source: int, target: int, documents: list[int]) -> None:
    """Give one actor's mentions, quotes, events and citations in some documents to another; recount both."""
    for sql in _MOVES:
        conn.execute(sql, (target, source, json.dumps(documents)))
    conn.executemany(_RECOUNT, [(source,), (target,)])


def _ids(conn: sqlite3.Connection, sql: str, params: tuple[str, ...]) -> list[int]:
    """The first column of every row of a parameterised query."""
    return [row[0] for row in conn.execute(sql, params).fetchall()]


def _merge(conn: sqlite3.Connection, known: _Row, actor: Actor) -> str:
    """Fold a newly seen form into a known actor (of the same kind: a longer name replaces a shorter one;
    titles add up) and return the actor's name now."""
    actor_id, name, title = known
    if len(actor.name) > len(name) and not _ids(conn, _BY_NAME, (actor.name, actor.kind)):
        conn.execute("UPDATE actors SET name = ?, surname = ? WHERE id = ?",
                     (actor.name, surname(actor.name, actor.kind), actor_id))
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
    # One statement each, not one a word and one a link (a batch of 64 articles links 13,000).
    conn.execute("INSERT OR IGNORE INTO name_words (word) SELECT value FROM json_each(?)",
                 (json.dumps(list({w for w, _ in pairs})),))
    conn.execute("INSERT OR IGNORE INTO actor_words (word_id, actor_id) SELECT n.id, json_extract(p.value, '$[1]') "
                 "FROM json_each(?) p JOIN name_words n ON n.word = json_extract(p.value, '$[0]')",
                 (json.dumps(sorted(pairs)),))


def actor_words(name: str, title: str | None, aliases: Iterable[str]) -> set[str]:
    """The compacted words a search can find an actor by: of its name, aliases and title parts."""
    return {word for text in (name, title or "", *aliases) for word in terms.compact(text).split()}
