"""The evidence board: pinned quotes, passages, events and citations in the user's order, with notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from store.db import Store, StoreError
from store.evidence import Evidence, evidence_at, evidence_in

NOTE_CHARS = 500
"""A note is one line; longer ones are cut here."""
_PINS = 'SELECT id, position, note, kind, sha256, start, "end" FROM pins ORDER BY position, id'
_ADD = ('INSERT OR IGNORE INTO pins (sha256, kind, start, "end", position, pinned_at) '
        "VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM pins), ?)")
_NEIGHBOUR = {1: "SELECT id, position FROM pins WHERE position > ? ORDER BY position LIMIT 1",
              -1: "SELECT id, position FROM pins WHERE position < ? ORDER BY position DESC LIMIT 1"}
"""The pin just after (1) or before (-1) a position."""


@dataclass(frozen=True)
class Pin:
    """One pin on the board and the evidence it points at now (None when its document is gone)."""

    id: int
    position: int
    note: str
    kind: str
    sha256: str
    start: int
    end: int
    evidence: Evidence | None


def pin(store: Store, evidence: Evidence) -> bool:
    """Pin evidence at the end of the board; False if it was pinned already. A read-only store raises
    StoreError saying so."""
    if store.readonly:
        raise StoreError(f"{store.path} is read-only: pins cannot be saved (open a store you can write "
                         "with --db)")
    key = (evidence.sha256, evidence.kind, evidence.start, evidence.end)
    with store.transaction() as db:
        added = db.conn.execute(_ADD, (*key, datetime.now(UTC).isoformat(timespec="seconds"))).rowcount
    return bool(added)


def pin_at(store: Store, document_id: int, start: int, end: int, passage_id: int | None = None
           ) -> tuple[Evidence, bool] | None:
    """Pin what a span of a document is best cited as (see ``evidence_at``): the evidence and whether
    it is new on the board; None when there is nothing there."""
    found = evidence_at(store, document_id, start, end, passage_id)
    return None if found is None else (found, pin(store, found))


def pins(store: Store) -> tuple[Pin, ...]:
    """Every pin in board order, each resolved against the store as it is now."""
    with store.snapshot():
        rows = store.rows(_PINS)
        return tuple(Pin(*row, evidence=evidence_in(store, row["sha256"], row["kind"], row["start"], row["end"]))
                     for row in rows)


def move(store: Store, pin_id: int, step: int) -> bool:
    """Swap a pin with the one after (step 1) or before (-1) it; False when it is already at that end."""
    with store.transaction() as db:
        position = db.conn.execute("SELECT position FROM pins WHERE id = ?", (pin_id,)).fetchone()
        other = position and db.conn.execute(_NEIGHBOUR[1 if step > 0 else -1], (position[0],)).fetchone()
        if not other:
            return False
        db.conn.execute("UPDATE pins SET position = ? WHERE id = ?", (other[1], pin_id))
        db.conn.execute("UPDATE pins SET position = ? WHERE id = ?", (position[0], other[0]))
    return True


def annotate(store: Store, pin_id: int, note: str) -> None:
    """Set a pin's note: one line (line breaks become spaces), at most NOTE_CHARS characters."""
    line = " ".join(note.split())[:NOTE_CHARS]
    with store.transaction() as db:
        db.conn.execute("UPDATE pins SET note = ? WHERE id = ?", (line, pin_id))


def unpin(store: Store, pin_id: int) -> None:
    """Take a pin off the board."""
    with store.transaction() as db:
        db.conn.execute("DELETE FROM pins WHERE id = ?", (pin_id,))
