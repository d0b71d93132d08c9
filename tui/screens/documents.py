"""Every document in the store (its newest version; `v` lists the others): title, date, source, format and what
extraction found in it; enter reads it."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Input

from store import listings, queries
from store.db import Store
from store.queries import DocumentRow
from tui.screens.reader import ReaderScreen
from tui.screens.table import Page, TableScreen, cut, right
from tui.widgets.key_footer import KeyFooter
from tui.widgets.nav_table import NavTable

COUNTS = ("passages", "quotes", "actors", "events")
"""The count columns, each as wide as its name."""


def where_from(source: str, form: str = "text") -> str:
    """A file as its name, its format, then its folder (the name survives a narrow column's cut); a URL whole."""
    if "://" in source:
        return f"{source} ({form})"
    file = PurePath(source)
    folder = f"  {file.parent}" if str(file.parent) not in ("", ".") else ""
    return f"{file.name} ({form}){folder}"


def versions_cell(versions: int) -> Text:
    """How many versions a document has, blank for one (the usual case)."""
    return right(versions) if versions > 1 else Text("")


def document_page(store: Store, text: str, versions_of: int | None, order: str | None) -> Page:
    """The documents matching the filter, in the order (a store holds tens or hundreds: one page)."""
    rows = queries.document_rows(store, order, text, versions_of)
    return Page(rows, len(rows), 0)


class DocumentsScreen(TableScreen):
    """Which documents are in the store (the newest version of each); enter opens one in the reader, `v`
    lists the versions of the highlighted one (this screen again, for that document only)."""

    BINDINGS = [Binding("v", "versions", "Versions")]
    TITLE = "Documents"
    NOUN = "document"
    ORDERS = tuple(queries.DOCUMENT_ORDERS)
    LAYOUT = (("title", 14, 4), ("date", 10, 0), ("source", 8, 3))
    FIXED = sum(len(key) + 2 for key in COUNTS) + len(" ver ")

    def __init__(self, versions_of: int | None = None) -> None:
        """Every document, or (``versions_of``) every version of one, newest first."""
        super().__init__()
        self.versions_of = versions_of
        if versions_of is not None:
            self.title, self.NOUN, self.ORDERS = "Versions", "version", ()

    def compose(self) -> ComposeResult:
        """Filter above the table."""
        yield Header()
        yield Input(placeholder="f: type to filter by title or file", id="filter", compact=True)
        yield NavTable(id="documents-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Columns, then the rows."""
        table = self.table
        for key in ("title", "date", "source"):
            table.add_column(key, key=key, width=10)
        table.add_column("ver", key="versions", width=3)
        for key in COUNTS:
            table.add_column(key, key=key, width=len(key))
        table.focus()
        self.reload()

    def params(self) -> tuple[object, ...]:
        """The filter and whose versions are listed (None: every document's newest)."""
        return (self.filter_text, self.versions_of)

    def page(self, store: Store, offset: int, params: tuple[Any, ...], limit: int | None) -> Page:
        """The documents matching the filter, in the chosen order."""
        return document_page(store, *params)

    def cells(self, row: Any) -> tuple[object, ...]:
        """Title, date (of the publication line, else the year), source and format, versions, counts."""
        document: DocumentRow = row
        counts = (right(getattr(document, key)) for key in COUNTS)
        source = cut(where_from(document.source or document.path, document.format))
        return (cut(document.title), cut(listings.publication_date(document.published, document.year)), source, versions_cell(document.versions),
                *counts)

    def describe(self) -> str:
        """The header's line, saying how many documents have older versions (`v` lists them)."""
        versioned = sum(1 for document in self.listed.values() if document.versions > 1)
        older = f" · {versioned:,} with older versions (v)" if versioned and self.versions_of is None else ""
        return super().describe() + older

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`v` lists versions only on the list of documents, not on a list of versions."""
        if action == "versions" and (self.versions_of is not None or isinstance(self.focused, Input)):
            return False
        return super().check_action(action, parameters)

    def action_versions(self) -> None:
        """List every version of the highlighted document, newest first."""
        document = self.highlighted_row
        if document is not None:
            self.app.push_screen(DocumentsScreen(document.id))

    @on(DataTable.RowSelected, "#documents-table")
    def _open_document(self) -> None:
        """Read the chosen document from its top (from a list of versions, `[`/`]` then step through them)."""
        document = self.highlighted_row
        if document is not None:
            self.app.push_screen(ReaderScreen(None, document.id, versions=self.versions_of is not None))
