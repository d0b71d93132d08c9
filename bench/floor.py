"""The bulk-load floor: the rows an ingest wrote, written again the fastest way SQLite knows."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from bench.ingest_bench import remove_store
from store.db import Store
from store.schema import FTS_TABLES, TABLES

_EXTRA_TABLES = ("actor_words",)


def write_floor(source: Path, target: Path) -> dict[str, Any]:
    """Copy every row of the store at ``source`` into a new store at ``target`` by ``executemany``
    with no index and no trigger, then build the indexes and the full-text indexes in one go; all in
    one transaction. Returns the seconds it took and per document."""
    rows = _all_rows(source)
    texts = _passage_texts(source)
    remove_store(target)
    Store.open(target).close()
    conn = sqlite3.connect(target, isolation_level=None)
    indexes = _drop_indexes_and_triggers(conn)
    start = time.perf_counter()
    conn.execute("BEGIN")
    for table, table_rows in rows.items():
        if table_rows:
            marks = ", ".join("?" * len(table_rows[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
    for sql in indexes:
        conn.execute(sql)
    for table in FTS_TABLES.keys() - {"passages"}:
        conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")
    # A passage's text is its document's: the index is given it as ingest gives it (a rebuild would
    # read the whole document once per passage).
    conn.execute("CREATE TEMP TABLE staged (id INTEGER, text TEXT)")
    conn.executemany("INSERT INTO staged VALUES (?, ?)", texts)
    conn.execute("INSERT INTO passages_fts (rowid, text) SELECT id, text FROM staged")
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    documents = len(rows["documents"])
    return {"seconds": seconds, "documents": documents, "ms_per_article": 1000 * seconds / max(documents, 1)}


def _all_rows(source: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every content table, in rowid order."""
    with sqlite3.connect(source) as conn:
        return {table: conn.execute(f"SELECT * FROM {table}").fetchall() for table in (*TABLES, *_EXTRA_TABLES)}


def _passage_texts(source: Path) -> list[tuple[int, str]]:
    """Every passage's id and text, cut from its document's text."""
    with sqlite3.connect(source) as conn:
        documents = dict(conn.execute("SELECT id, text FROM documents"))
        return [(i, documents[d][start:end]) for i, d, start, end in
                conn.execute('SELECT id, document_id, start, "end" FROM passages ORDER BY id')]


def _drop_indexes_and_triggers(conn: sqlite3.Connection) -> list[str]:
    """Drop the store's secondary indexes and its triggers; return the statements that make the indexes."""
    found = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
                         "AND sql IS NOT NULL").fetchall()
    for kind, name, _ in found:
        conn.execute(f"DROP {kind.upper()} {name}")
    return [sql for kind, _, sql in found if kind == "index"]
