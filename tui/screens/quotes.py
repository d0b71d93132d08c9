"""Every quote in the corpus: speaker, words, document and paragraph; filtered by kind and by typing."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Input

from store import queries
from store.db import Store
from store.kinds import QUOTE_KINDS
from store.queries import QuoteRow
from tui.messages import Navigate, TextPlace
from tui.screens.base import COPY, CORRECT, LINEAGE, PIN, WHY, QuoteSpot
from tui.screens.table import Page, KindTableScreen, cut, read_page
from tui.widgets.key_footer import KeyFooter
from tui.widgets.kind_tabs import KindTabs
from tui.widgets.kwic import where
from tui.widgets.nav_table import NavTable

NO_SPEAKER = {"speech": "(unattributed)", "phrase": "(phrase)", "title": "(title)"}
"""What the speaker column says of a quote no one is said to say."""


def quote_place(quote: QuoteRow) -> TextPlace:
    """The reader at the quote, stepping through its speaker's mentions."""
    return TextPlace(quote.document_id, quote.passage_id, quote.start, quote.end, quote.speaker_id)


class QuotesScreen(KindTableScreen):
    """Who said what, where: every quote; enter reads it in its article, w says why it is theirs, c corrects it."""

    TITLE = "Quotes"
    NOUN = "quote"
    ORDERS = tuple(queries.QUOTE_ORDERS)
    LAYOUT = (("speaker", 12, 2), ("quote", 24, 5), ("where", 12, 2))
    BINDINGS = [WHY, CORRECT, COPY, PIN, LINEAGE]

    def compose(self) -> ComposeResult:
        """Kind tabs and filter above the table."""
        yield Header()
        yield KindTabs(QUOTE_KINDS, id="kinds")
        yield Input(placeholder="f: type to filter by speaker or words", id="filter", compact=True)
        yield NavTable(id="quotes-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Columns, then counts; the kind tabs' first activation reads the first page."""
        table = self.table
        for key in ("speaker", "quote", "where"):
            table.add_column(key, key=key, width=12)
        table.focus()
        self.fetch("counts", queries.quote_kind_counts, then=self.show_counts)

    def page(self, store: Store, offset: int, params: tuple[Any, ...], limit: int | None) -> Page:
        """Quotes of the kind and filter, in the chosen order, from ``offset``."""
        kind, text, order = params
        return read_page(lambda s: queries.count_quotes(s, kind, text),
                         lambda s, size, at: queries.quote_rows(s, kind, text, order, size, at), store, offset,
                         limit)

    def cells(self, row: Any) -> tuple[object, ...]:
        """Speaker, the quote's words, document and paragraph."""
        quote: QuoteRow = row
        speaker = quote.speaker or NO_SPEAKER.get(quote.kind, "")
        return cut(speaker), cut(f"“{quote.text}”"), cut(where("", quote.paragraph) + " " + quote.document_title)

    @on(DataTable.RowSelected, "#quotes-table")
    def _open_quote(self) -> None:
        """Read the chosen quote in its article."""
        quote = self.highlighted_row
        if quote is not None:
            self.post_message(Navigate(quote_place(quote)))

    def reader_place(self) -> TextPlace | None:
        """Read at the highlighted quote."""
        quote = self.highlighted_row
        return quote_place(quote) if quote is not None else None

    def highlighted_spot(self) -> TextPlace | None:
        """Copy or pin the highlighted quote."""
        return self.reader_place()

    def after_correction(self) -> None:
        """Read the rows and counts again: a speaker or a kind may have changed."""
        self.fetch("counts", queries.quote_kind_counts, then=self.show_counts)
        self.reload()

    def highlighted_quote(self) -> QuoteSpot | None:
        """The highlighted quote, for w, c and L."""
        quote = self.highlighted_row
        return quote.id if quote is not None else None
