"""The text of passages and of the stretches around records: read from their document's text, stored once."""

from __future__ import annotations

import sqlite3

from store.db import Store

_TEXT = "SELECT text FROM documents WHERE id = ?"


class DocumentText:
    """A document's text by id, the last one read kept: rows in document order read each document once
    (SQLite copies the whole text at every read of the column, so a query slicing it per row would
    cost a document per row)."""

    def __init__(self, source: Store | sqlite3.Connection) -> None:
        """Read texts through a store (queries) or a bare connection (inside a write transaction)."""
        self.source = source
        self.document_id: int | None = None
        self.text = ""

    def __call__(self, document_id: int) -> str:
        """The document's text ("" if there is no such document)."""
        if document_id != self.document_id:
            self.document_id, self.text = document_id, self._read(document_id)
        return self.text

    def _read(self, document_id: int) -> str:
        """One document's text from the store."""
        if isinstance(self.source, Store):
            found = self.source.value(_TEXT, (document_id,))
        else:
            row = self.source.execute(_TEXT, (document_id,)).fetchone()
            found = row[0] if row else None
        return found or ""


def passage_texts(conn: sqlite3.Connection, document_id: int) -> list[str]:
    """A document's passages' texts, in the order they were stored."""
    text = DocumentText(conn)(document_id)
    spans = conn.execute('SELECT start, "end" FROM passages WHERE document_id = ? ORDER BY id', (document_id,))
    return [text[start:end] for start, end in spans]
