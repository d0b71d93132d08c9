"""An ingest leaves each full-text index merged, so a search reads one segment, not one per batch."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from store import ingest_files
from store.schema import FTS_INDEXES
from tui.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's varint at ``at`` (values under 2**56 suffice here) and where the next field starts."""
    value = 0
    for offset in range(8):
        byte = data[at + offset]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + offset + 1
    return (value << 8) | data[at + 8], at + 9


def segments(db: Path, index: str) -> int:
    """How many segments the FTS5 index holds: its structure record is a 4-byte cookie, then the
    number of levels and of segments as varints."""
    with sqlite3.connect(db) as conn:
        record = conn.execute(f"SELECT block FROM {index}_data WHERE id = 10").fetchone()[0]
    _, at = _varint(record, 4)
    return _varint(record, at)[0]


def test_an_ingest_of_many_batches_leaves_one_segment_an_index(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_files, "BATCH_ARTICLES", 1)  # a batch, and so a segment, a file
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES, folder)
    db = tmp_path / "s.db"
    assert main(["ingest", str(folder), "--jobs", "1", "--db", str(db)]) == 0
    assert {index: segments(db, index) for index in FTS_INDEXES} == dict.fromkeys(FTS_INDEXES, 1)
    with sqlite3.connect(db) as conn:  # the merged segments' pages are given back, not left free in the file
        assert conn.execute("PRAGMA freelist_count").fetchone() == (0,)


def test_an_ingest_that_adds_nothing_commits_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES, folder)
    db = tmp_path / "s.db"
    assert main(["ingest", str(folder), "--db", str(db)]) == 0
    with sqlite3.connect(db) as watcher:  # its data_version moves when another connection commits
        before = watcher.execute("PRAGMA data_version").fetchone()
        assert main(["ingest", str(folder), "--db", str(db)]) == 0
        assert watcher.execute("PRAGMA data_version").fetchone() == before
