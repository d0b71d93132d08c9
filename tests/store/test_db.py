"""Opening stores: new, existing, read-only, and every kind of file that is not a usable store."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from store import schema
from store.db import Store, StoreError


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes, to prove a refused store was not touched."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_store_is_wal_with_schema_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        assert store.value("PRAGMA journal_mode") == "wal"
        assert store.value("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert store.value("PRAGMA foreign_keys") == 1
        assert not store.readonly


def test_reopening_keeps_data(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store, store.transaction() as db:
        db["actors"].insert({"name": "Jane Doe", "kind": "person"})
    with Store.open(tmp_path / "s.db") as store:
        assert store.value("SELECT name FROM actors") == "Jane Doe"


def test_memory_store_is_empty_and_writable(fresh_store: Store) -> None:
    assert fresh_store.value("SELECT count(*) FROM documents") == 0
    assert not fresh_store.readonly


@pytest.mark.parametrize(("content", "message"), [
    (b"just some text, not a database" * 10, "not an SQLite database"),
    (b"SQLite format 3\x00" + b"\xff" * 4000, "corrupt"),
])
def test_non_store_files_are_refused_untouched(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(StoreError, match=message):
        Store.open(path)
    assert digest(path) == before


def foreign_db(path: Path) -> Path:
    """A SQLite file of some other program."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('hello')")
    conn.commit()
    conn.close()
    return path


def test_foreign_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = foreign_db(tmp_path / "other.db")
    before = digest(path)
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)
    assert digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer natoasia-tui"):
        Store.open(path)


def test_older_schema_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    with pytest.raises(StoreError, match="older natoasia-tui"):
        Store.open(path)


def test_missing_store_read_only_and_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store there"):
        Store.open(tmp_path / "none.db", readonly=True)
    with pytest.raises(StoreError, match="no folder"):
        Store.open(tmp_path / "no" / "such" / "s.db")
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with Store.open(path) as store:
        assert store.value("SELECT count(*) FROM documents") == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_opens_read_only_and_refuses_writes(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    with Store.open(folder / "s.db") as store, store.transaction() as db:
        db["actors"].insert({"name": "Jane Doe", "kind": "person"})
    folder.chmod(0o555)
    (folder / "s.db").chmod(0o444)
    try:
        with Store.open(folder / "s.db") as store:
            assert store.readonly
            assert store.value("SELECT name FROM actors") == "Jane Doe"
            with pytest.raises(StoreError, match="read-only"):
                with store.transaction():
                    pass
    finally:
        folder.chmod(0o755)


def test_explicit_read_only_refuses_writes(tmp_path: Path) -> None:
    Store.open(tmp_path / "s.db").close()
    with Store.open(tmp_path / "s.db", readonly=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            with store.transaction():
                pass


def test_locked_store_times_out_with_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.db"
    Store.open(path).close()
    monkeypatch.setattr("store.db.BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path) as store, pytest.raises(StoreError, match="locked"):
            with store.transaction():
                pass
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_failed_transaction_rolls_back(fresh_store: Store) -> None:
    with pytest.raises(RuntimeError), fresh_store.transaction() as db:
        db["actors"].insert({"name": "Jane Doe", "kind": "person"})
        raise RuntimeError("boom")
    assert fresh_store.value("SELECT count(*) FROM actors") == 0


def test_cache_is_rebuilt_after_a_write(fresh_store: Store) -> None:
    count = lambda: fresh_store.value("SELECT count(*) FROM actors")  # noqa: E731
    assert fresh_store.cached("n", count) == 0
    with fresh_store.transaction() as db:
        db["actors"].insert({"name": "Jane Doe", "kind": "person"})
    assert fresh_store.cached("n", count) == 1


def test_queries_from_many_threads(fresh_store: Store) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(50):
                fresh_store.rows("SELECT count(*) FROM actors")
        except BaseException as error:  # noqa: BLE001 - collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
