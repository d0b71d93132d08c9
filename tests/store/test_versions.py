"""Versions: a revised document is stored and linked to the first; and a schema 4 store is migrated."""

from __future__ import annotations

import copy
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from conftest import as_schema_7
from store import schema
from store.db import Store
from store.ingest import ingest_text
from store.versions import document_versions, passages_alike

REPORT = ("Harbour Patrols Report\n\n"
          "Published: March 3, 2024\n\n"
          "The six coast guards share their patrol schedules every week since the agreement of 2021.\n\n"
          "Officials said the exchange of data was the most useful part of the arrangement so far.\n\n"
          "Incursions fell by a third between 2021 and 2023 where navies held joint exercises.\n\n"
          "Fuel shortages kept patrol boats in harbour in two of the six states last year.\n\n"
          "Ministers will meet in September to review the drills and discuss a reporting centre.\n")


def test_a_revised_report_is_stored_as_a_version_of_the_first(fresh_store: Store) -> None:
    first = ingest_text(fresh_store, REPORT, "v1.txt")
    revised = REPORT.replace("last year", "in 2023").replace("a third", "one third")
    second = ingest_text(fresh_store, revised, "v2.txt")
    third = ingest_text(fresh_store, revised.replace("September", "October"), "v3.txt")
    assert second.status == "added" and (second.version_of, third.version_of) == (first.document_id,) * 2
    assert first.version_of is None
    versions = document_versions(fresh_store, first.document_id)
    assert [v.id for v in versions] == [third.document_id, second.document_id, first.document_id]
    assert [v.version_of for v in versions] == [first.document_id, first.document_id, None]
    assert document_versions(fresh_store, second.document_id) == versions
    assert document_versions(fresh_store, 999) == ()


def test_a_different_document_with_the_same_title_is_no_version(fresh_store: Store) -> None:
    ingest_text(fresh_store, REPORT, "v1.txt")
    other = REPORT.split("\n\n")[0] + "\n\nA wholly different text about fisheries and their quotas in the north.\n"
    assert ingest_text(fresh_store, other, "other.txt").version_of is None


def test_the_same_text_under_another_title_is_no_version(fresh_store: Store) -> None:
    ingest_text(fresh_store, REPORT, "v1.txt")
    assert ingest_text(fresh_store, REPORT.replace("Harbour Patrols Report", "Other Title"), "o.txt").version_of is None


def test_passages_alike_needs_nine_in_ten() -> None:
    same = [f"Paragraph number {n} says something quite long about patrols." for n in range(10)]
    one_changed = [*same[:9], "A wholly new paragraph on another subject entirely."]
    two_changed = [*same[:8], "New one.", "Another new one."]
    assert passages_alike(same, same) and passages_alike(same, one_changed)
    assert not passages_alike(same, two_changed) and not passages_alike(same, same[:8])
    assert passages_alike([p.replace("quite", "very") for p in same], same)
    assert not passages_alike([], same)


def _schema_4(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make new stores as schema 4 made them: no source, format, version or page, no actor index, no
    corrections or candidates (schema 6)."""
    tables = copy.deepcopy(schema.TABLES)
    del tables["corrections"]
    del tables["quotes"]["columns"]["considered"]
    for column in ("source", "format", "version_of"):
        del tables["documents"]["columns"][column]
    del tables["documents"]["foreign_keys"]
    del tables["passages"]["columns"]["page"]
    monkeypatch.setattr(schema, "TABLES", tables)
    monkeypatch.setattr(schema, "INDEXES", tuple(i for i in schema.INDEXES if i[1] != ("version_of",)))
    monkeypatch.setattr(schema, "ACTORS_FTS", ())
    monkeypatch.setattr(schema, "EXTRA_DDL", tuple(d for d in schema.EXTRA_DDL
                                                       if "documents_title" not in d and d not in schema.PINS_DDL))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 4)


def test_a_schema_4_store_is_migrated_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    with monkeypatch.context() as patch:
        _schema_4(patch)
        with Store.open(path) as old:
            with old.transaction() as db:
                db["documents"].insert_all([
                    {"title": "A", "path": "/a.md", "sha256": "1", "text": "A", "ingested_at": "2024", "passages": 0},
                    {"title": "B", "path": "/b.txt", "sha256": "2", "text": "B", "ingested_at": "2024", "passages": 0}])
                db["actors"].insert({"name": "Jane Doe", "kind": "person", "title": "Foreign Minister"})
        as_schema_7(path)
        with closing(sqlite3.connect(path, isolation_level=None)) as conn:
            conn.execute("PRAGMA user_version = 4")
    with Store.open(path) as store:
        assert store.value("PRAGMA user_version") == schema.SCHEMA_VERSION
        rows = store.rows("SELECT source, format, version_of FROM documents ORDER BY id")
        assert [tuple(row) for row in rows] == [("/a.md", "markdown", None), ("/b.txt", "text", None)]
        assert store.value("SELECT rowid FROM actors_fts WHERE actors_fts MATCH 'minister'") == 1
        assert ingest_text(store, REPORT, "new.txt").status == "added"
        assert store.value("SELECT count(*) FROM passages WHERE page IS NULL") > 0
