"""The user's corrections: kept apart from extracted rows, applied at once and again after every
ingest, listed (stale or not), undone, exported and imported. The explorer calls these; it writes no SQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from store import amend
from store.actor_snapshot import put_mention, restore, snapshot
from store.db import Store, StoreError
from store.forget import recount
from store.schema import mention_text

Json = dict[str, Any]
_MENTION = f"SELECT m.actor_id, {mention_text()} FROM mentions m JOIN actors a ON a.id = m.actor_id WHERE m.id = ?"
READ_ONLY = "the store is read-only, so corrections can't be saved"
EXPORT_SCHEMA = 1
_SELECT = "SELECT id, made_at, action, target, value, before, summary, stale FROM corrections"


@dataclass(frozen=True)
class Correction:
    """One correction: when it was made, what it changed (in words), and whether it still applies."""

    id: int
    made_at: str
    action: str
    """One of ACTIONS."""
    summary: str
    stale: bool
    """True when its quote, mention or actor is no longer found (after a re-ingest)."""
    target: Json
    value: Any


Apply = Callable[[sqlite3.Connection, Json, Any], bool]
APPLY: dict[str, Apply] = {
    "speaker": amend.apply_quote,
    "quote_kind": amend.apply_quote,
    "merge": amend.apply_merge,
    "rename": amend.apply_rename,
    "actor_kind": amend.apply_kind,
    "not_actor": lambda conn, target, _: amend.apply_not_actor(conn, target),
    "detach": lambda conn, target, _: amend.apply_detach(conn, target),
}
"""How each action changes the extracted rows; False means its target is gone (stale)."""
ACTIONS = tuple(APPLY)


@contextmanager
def writing(store: Store) -> Iterator[sqlite3.Connection]:
    """One short write transaction (busy timeout and all), or a clear refusal on a read-only store."""
    if store.readonly:
        raise StoreError(f"{store.path}: {READ_ONLY}")
    with store.transaction():
        yield store.conn


def record(conn: sqlite3.Connection, action: str, target: Json, value: Any, before: Any, summary: str,
           made_at: str | None = None) -> Correction:
    """Store a correction (made now unless ``made_at`` says when) and apply it."""
    made_at = made_at or datetime.now(UTC).isoformat(timespec="seconds")
    stale = not APPLY[action](conn, target, value)
    row_id = conn.execute(
        "INSERT INTO corrections (made_at, action, target, value, before, summary, stale) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (made_at, action, json.dumps(target), json.dumps(value), json.dumps(before), summary, int(stale))).lastrowid
    return Correction(int(row_id), made_at, action, summary, stale, target, value)


def set_speaker(store: Store, quote_id: int, actor: int | None) -> Correction:
    """Give a quote this speaker (it becomes speech), or none."""
    with writing(store) as conn:
        key = amend.span_key(conn, "quotes", quote_id)
        before = amend.quote_state(conn, key)
        kind = "speech" if actor is not None else before["kind"]
        value = {"kind": kind, "speaker": amend.actor_ref(conn, actor)}
        summary = f"speaker of {_quoted(conn, quote_id)}: {_who(before)} → {_who(value)}"
        return record(conn, "speaker", key, value, before, summary)


def set_quote_kind(store: Store, quote_id: int, kind: str) -> Correction:
    """Make a quote speech, a phrase or a title (only speech keeps a speaker)."""
    with writing(store) as conn:
        key = amend.span_key(conn, "quotes", quote_id)
        before = amend.quote_state(conn, key)
        value = {"kind": kind, "speaker": before["speaker"] if kind == "speech" else None}
        summary = f"kind of {_quoted(conn, quote_id)}: {before['kind']} → {kind}"
        return record(conn, "quote_kind", key, value, before, summary)


def merge_actors(store: Store, gone: int, kept: int) -> Correction:
    """Fold actor ``gone`` into ``kept``: one actor with both names."""
    with writing(store) as conn:
        target, value = amend.actor_ref(conn, gone), amend.actor_ref(conn, kept)
        before = {"gone": snapshot(conn, gone), "kept": snapshot(conn, kept)}
        summary = f"merge {target['name']} ({target['kind']}) into {value['name']}"
        return record(conn, "merge", target, value, before, summary)


def rename_actor(store: Store, actor: int, name: str) -> Correction:
    """Give an actor another canonical name (the old one stays an alias)."""
    with writing(store) as conn:
        target = amend.actor_ref(conn, actor)
        return record(conn, "rename", target, name, target["name"], f"rename {target['name']} → {name}")


def set_actor_kind(store: Store, actor: int, kind: str) -> Correction:
    """Make an actor a person, organization, country, place, outlet or group."""
    with writing(store) as conn:
        target = amend.actor_ref(conn, actor)
        summary = f"kind of {target['name']}: {target['kind']} → {kind}"
        return record(conn, "actor_kind", target, kind, target["kind"], summary)


def not_an_actor(store: Store, actor: int) -> Correction:
    """Remove an actor that is none (its mentions go, its quotes lose their speaker)."""
    with writing(store) as conn:
        target = amend.actor_ref(conn, actor)
        before = snapshot(conn, actor)
        return record(conn, "not_actor", target, None, before, f"not an actor: {target['name']}")


def detach_mention(store: Store, mention: int) -> Correction:
    """Take one mention away from its actor."""
    with writing(store) as conn:
        key = amend.span_key(conn, "mentions", mention)
        actor, text = conn.execute(_MENTION, (mention,)).fetchone()
        ref = amend.actor_ref(conn, actor)
        summary = f"detach “{text}” (at {key['start']}) from {ref['name']}"
        return record(conn, "detach", key, None, {"actor": ref, "text": text}, summary)


def _quoted(conn: sqlite3.Connection, quote_id: int) -> str:
    """The first words of a quote, in quotation marks."""
    text = conn.execute("SELECT text FROM quotes WHERE id = ?", (quote_id,)).fetchone()[0]
    return f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"


def _who(state: Json | None) -> str:
    """The speaker a quote state names, or 'nobody'."""
    speaker = state["speaker"] if state else None
    return speaker["name"] if speaker else "nobody"


def _undo_merge(conn: sqlite3.Connection, target: Json, value: Any, before: Any) -> None:
    """Bring the merged actor back with its own rows, names and links."""
    restore(conn, before["gone"], amend.actor_id(conn, value), before["kept"])


def _undo_detach(conn: sqlite3.Connection, target: Json, value: Any, before: Any) -> None:
    """Give the mention back to its actor."""
    actor = amend.actor_id(conn, before["actor"])
    if actor is not None:
        put_mention(conn, actor, target["sha256"], target["start"], target["end"], before["text"])
        recount(conn, [actor])


UNDO: dict[str, Callable[[sqlite3.Connection, Json, Any, Any], object]] = {
    "speaker": lambda conn, target, _, before: amend.apply_quote(conn, target, before),
    "quote_kind": lambda conn, target, _, before: amend.apply_quote(conn, target, before),
    "rename": lambda conn, target, value, before: amend.apply_rename(conn, {**target, "name": value}, before),
    "actor_kind": lambda conn, target, value, before: amend.apply_kind(conn, {**target, "kind": value}, before),
    "merge": _undo_merge,
    "not_actor": lambda conn, _, __, before: restore(conn, before, None),
    "detach": _undo_detach,
}
"""How each action is taken back: the state before it, found by the same kind of keys."""


def undo(store: Store, correction_id: int | None = None) -> Correction | None:
    """Take back one correction (the last one by default) and forget it; None if there is none."""
    with writing(store) as conn:
        if correction_id is None:
            row = conn.execute(_SELECT + " ORDER BY id DESC LIMIT 1").fetchone()
        else:
            row = conn.execute(_SELECT + " WHERE id = ?", (correction_id,)).fetchone()
        if row is None:
            return None
        correction = _correction(row)
        if not correction.stale:
            UNDO[correction.action](conn, correction.target, correction.value, json.loads(row[5]))
        conn.execute("DELETE FROM corrections WHERE id = ?", (correction.id,))
        return correction


def reapply(conn: sqlite3.Connection) -> None:
    """Apply every correction again, oldest first, inside the caller's write transaction (after an
    ingest), marking those whose target is gone as stale and those found again as not."""
    rows = conn.execute(_SELECT + " ORDER BY id").fetchall()
    for row in rows:
        correction = _correction(row)
        stale = not APPLY[correction.action](conn, correction.target, correction.value)
        if stale != correction.stale:
            conn.execute("UPDATE corrections SET stale = ? WHERE id = ?", (int(stale), correction.id))


def corrections(store: Store) -> tuple[Correction, ...]:
    """Every correction, newest first."""
    return tuple(_correction(row) for row in store.rows(_SELECT + " ORDER BY id DESC"))


def _correction(row: sqlite3.Row | tuple[Any, ...]) -> Correction:
    """A Correction from a row of _SELECT."""
    return Correction(row[0], row[1], row[2], row[6], bool(row[7]), json.loads(row[3]), json.loads(row[4]))

