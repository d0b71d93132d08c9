"""Schema 10: a mention written as its actor's name keeps '' for its text, and still reads as written after
the actor is renamed or the mention moves to another actor (a merge, or ingest's resolution)."""

from __future__ import annotations

from conftest import MENTIONS_AS_WRITTEN
from store import queries
from store.corrections import merge_actors, rename_actor, undo
from store.db import Store


def _written(store: Store) -> list[tuple[int, str]]:
    """Every mention's start and words as written, in text order."""
    table, column = MENTIONS_AS_WRITTEN
    return [tuple(row) for row in store.rows(f"SELECT m.start, {column} FROM {table} ORDER BY m.start")]


def _actor(store: Store, name: str) -> int:
    return store.value("SELECT id FROM actors WHERE name = ?", (name,))


def test_a_mention_written_as_its_actors_name_keeps_no_copy_of_it(wire_store: Store) -> None:
    stored = dict(wire_store.rows("SELECT m.start, m.text FROM mentions m"))
    written = dict(_written(wire_store))
    named = {start for start, text in written.items() if text in ("Jane Doe", "Ola Nordmann", "Oslo")}
    assert named and all(stored[start] == "" for start in named)
    assert stored[next(start for start, text in written.items() if text == "Doe")] == "Doe"
    assert [m.text for m in queries.dossier(wire_store, _actor(wire_store, "Jane Doe")).mentions
            ] == [text for _, text in _written(wire_store) if "Doe" in text]


def test_a_renamed_actors_mentions_read_as_written(wire_store: Store) -> None:
    before = _written(wire_store)
    rename_actor(wire_store, _actor(wire_store, "Jane Doe"), "Jane Q. Doe")
    assert _written(wire_store) == before
    undo(wire_store)
    assert _written(wire_store) == before


def test_merged_mentions_read_as_written_and_go_back_on_undo(wire_store: Store) -> None:
    before, his = _written(wire_store), _of_nordmann(wire_store)
    merge_actors(wire_store, _actor(wire_store, "Ola Nordmann"), _actor(wire_store, "Jane Doe"))
    assert _written(wire_store) == before
    undo(wire_store)
    assert _written(wire_store) == before
    assert _of_nordmann(wire_store) == his


def _of_nordmann(store: Store) -> list[int]:
    return [row[0] for row in store.rows("SELECT m.start FROM mentions m JOIN actors a ON a.id = m.actor_id "
                                         "WHERE a.name = 'Ola Nordmann' ORDER BY m.start")]
