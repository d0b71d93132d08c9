"""Every document in the store: title, date, file, and what extraction found in it; enter reads it."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Input

from store import queries
from store.db import Store
from store.queries import DocumentRow
from tui.screens.reader import ReaderScreen
from tui.screens.table import Page, TableScreen, cut, right
from tui.widgets.key_footer import KeyFooter
from tui.widgets.nav_table import NavTable

COUNTS = ("passages", "quotes", "actors", "events")
"""The count columns, each as wide as its name."""


def where_from(path: str) -> str:
    """A file as its name, then its folder: the name survives a narrow column's cut."""
    file = PurePath(path)
    return f"{file.name}  {file.parent}" if str(file.parent) not in ("", ".") else file.name


def date_line(published: str | None) -> str:
    """The publication line without a leading label such as "Published:"."""
    return re.sub(r"^\w+:\s*", "", published or "")


def document_page(store: Store, text: str, order: str | None) -> Page:
    """Every document matching the filter, in the order (a store holds tens or hundreds: one page)."""
    rows = queries.document_rows(store, order, text)
    return Page(rows, len(rows), 0)


class DocumentsScreen(TableScreen):
    """Which documents are in the store; enter opens one in the reader."""

    TITLE = "Documents"
    NOUN = "document"
    ORDERS = tuple(queries.DOCUMENT_ORDERS)
    LAYOUT = (("title", 16, 3), ("date", 10, 1), ("path", 10, 2))
    FIXED = sum(len(key) + 2 for key in COUNTS)

    def compose(self) -> ComposeResult:
        """Filter above the table."""
        yield Header()
        yield Input(placeholder="f: type to filter by title or file", id="filter", compact=True)
        yield NavTable(id="documents-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Columns, then the rows."""
        table = self.table
        for key in ("title", "date", "path"):
            table.add_column(key, key=key, width=10)
        for key in COUNTS:
            table.add_column(key, key=key, width=len(key))
        table.focus()
        self.reload()

    def page(self, store: Store, offset: int, params: tuple[Any, ...], limit: int | None) -> Page:
        """The documents matching the filter, in the chosen order."""
        return document_page(store, *params)

    def cells(self, row: Any) -> tuple[object, ...]:
        """Title, publication line, file, counts."""
        document: DocumentRow = row
        counts = (right(getattr(document, key)) for key in COUNTS)
        return (cut(document.title), cut(date_line(document.published)), cut(where_from(document.path)), *counts)

    @on(DataTable.RowSelected, "#documents-table")
    def _open_document(self) -> None:
        """Read the chosen document from its top."""
        document = self.highlighted_row
        if document is not None:
            self.app.push_screen(ReaderScreen(None, document.id))
