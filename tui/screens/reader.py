"""The reader: a whole article, opened at a quote or mention with it highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.widgets import Header, Static

from store import queries
from store.queries import DocumentInfo, ReaderDocument
from tui.messages import TextPlace
from tui.screens.base import ExplorerScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.key_footer import KeyFooter
from tui.widgets.kwic import where


class ReaderScreen(ExplorerScreen):
    """Read an article; the target is scrolled into view and marked, n/N step through mentions."""

    TITLE = "Reader"

    def __init__(self, place: TextPlace | None) -> None:
        """Open at a place, or at the top of the first document when None."""
        super().__init__()
        self.place = place

    def compose(self) -> ComposeResult:
        """Which document, the article, footer."""
        yield Header()
        yield Static(id="reader-document", markup=False)
        yield ArticleView(id="article")
        yield Static("Loading…", id="reader-status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the document in the background."""
        self.query_one(ArticleView).focus()
        self.fetch("documents", queries.documents, then=self._documents_loaded)

    def _documents_loaded(self, documents: Sequence[DocumentInfo]) -> None:
        """Say which document this is when there are several, then load it."""
        if not documents:
            self.query_one("#reader-status", Static).update("")
            self.notify("The store has no documents yet: run `natoasia-tui ingest PATH`.", severity="warning")
            return
        document_id = self.place.document_id if self.place else documents[0].id
        ordinal = next((i for i, d in enumerate(documents, 1) if d.id == document_id), 1)
        current = documents[ordinal - 1]
        line = f"{current.title}" + (
            f"  (document {ordinal} of {len(documents)})" if len(documents) > 1 else ""
        )
        banner = self.query_one("#reader-document", Static)
        banner.update(line)
        banner.set_class(len(documents) > 1, "-several")
        self.fetch("document", queries.reader_document, document_id, then=self._show)

    async def _show(self, document: ReaderDocument | None) -> None:
        """Lay out the article at the place."""
        if document is None:
            self.notify("That document is no longer in the store.", severity="error")
            return
        self.sub_title = document.document.title
        article = self.query_one(ArticleView)
        await article.show(document, self.place)
        if article.cursor is None:
            self.query_one("#reader-status", Static).update("n/N or h/l put the cursor on the actors named")

    def reader_place(self) -> TextPlace | None:
        """Already reading."""
        return self.place

    @on(ArticleView.CursorMoved)
    def _show_cursor(self, event: ArticleView.CursorMoved) -> None:
        """Say whose mention the cursor is on (enter opens them), which of theirs, and where."""
        spot = where(event.passage.section, event.passage.number)
        count = f"mention {event.ordinal}/{event.total}" if event.total else ""
        line = f"{event.mark.name} {count} · {spot}"
        self.query_one("#reader-status", Static).update(line)
