"""The schema: every table, index and full-text index exists, and constraints hold."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import as_schema_7
from store import schema
from store.db import Store


def test_every_table_and_fts_index_exists(fresh_store: Store) -> None:
    names = schema.table_names(fresh_store.conn)
    assert set(schema.TABLES) <= names
    assert {"passages_fts", "quotes_fts", "events_fts", "actor_words"} <= names


def test_version_and_application_id(fresh_store: Store) -> None:
    assert fresh_store.value("PRAGMA user_version") == schema.SCHEMA_VERSION
    assert fresh_store.value("PRAGMA application_id") == schema.APPLICATION_ID


@pytest.mark.parametrize(("table", "columns"), [(t, c) for t, c, _ in schema.INDEXES])
def test_lookups_use_an_index(fresh_store: Store, table: str, columns: tuple[str, ...]) -> None:
    where = " AND ".join(f'"{column}" = 1' for column in columns)
    plan = " ".join(row[3] for row in fresh_store.rows(f"EXPLAIN QUERY PLAN SELECT * FROM {table} WHERE {where}"))
    assert "USING" in plan and ("INDEX" in plan or "PRIMARY KEY" in plan), plan


def test_foreign_keys_are_enforced(fresh_store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError), fresh_store.transaction() as db:
        db["mentions"].insert({"actor_id": 99, "document_id": 99, "passage_id": 99, "start": 0,
                               "end": 1, "text": "x"})


def test_actor_name_and_kind_are_unique(fresh_store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError), fresh_store.transaction() as db:
        db["actors"].insert_all([{"name": "Georgia", "kind": "country"}] * 2)


def test_passage_fts_follows_inserts_in_the_same_transaction(wire_store: Store) -> None:
    found = wire_store.rows("SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?", ('"nordmann"',))
    assert len(found) == 2


def test_creating_twice_is_harmless(fresh_store: Store) -> None:
    schema.create(fresh_store.db)
    assert fresh_store.value("SELECT count(*) FROM sqlite_master WHERE name = 'documents'") == 1


def test_a_schema_5_store_is_migrated_in_place(tmp_path) -> None:
    """A store made before corrections gains the corrections table and the quotes' candidates column."""
    path = tmp_path / "old.db"
    Store.open(path).close()
    as_schema_7(path)
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in ("DROP TABLE corrections", "DROP TABLE pins", "ALTER TABLE quotes DROP COLUMN considered",
                      "PRAGMA user_version = 5"):
        conn.execute(statement)
    conn.close()
    with Store.open(path) as store:
        assert store.value("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert "corrections" in schema.table_names(store.conn)
        assert "considered" in {row[1] for row in store.rows("PRAGMA table_info(quotes)")}


def test_quotes_are_indexed_again_only_when_their_words_change(wire_store: Store) -> None:
    def index() -> list[tuple]:
        return [tuple(row) for row in wire_store.rows("SELECT id, block FROM quotes_fts_data ORDER BY id")]

    quote = wire_store.value("SELECT id FROM quotes ORDER BY id LIMIT 1")
    before = index()
    with wire_store.transaction() as db:
        db.conn.execute("UPDATE quotes SET speaker_id = NULL, considered = NULL WHERE id = ?", (quote,))
    assert index() == before
    with wire_store.transaction() as db:
        db.conn.execute("UPDATE quotes SET text = 'zebracrossing' WHERE id = ?", (quote,))
    assert wire_store.rows("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'zebracrossing'")[0][0] == quote
    wire_store.conn.execute("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)")
