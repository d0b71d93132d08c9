"""The reader: a whole article, opened at a quote or mention with it highlighted."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Input, Static

from store import listings, queries
from store.db import Store
from store.export import Scope
from store.queries import DocumentInfo, MarkStep, PassageView
from store.versions import document_versions
from tui.messages import TextPlace
from tui.screens.base import COPY, CORRECT, PIN, WHY, ExplorerScreen, QuoteSpot
from tui.widgets.article_view import ArticleView
from tui.widgets.find import find_matches
from tui.widgets.key_footer import KeyFooter
from tui.widgets.kwic import where


def oldest_first(store: Store, document_id: int) -> tuple[DocumentInfo, ...]:
    """Every stored version of a document, oldest first (the order `]` steps through them)."""
    return tuple(reversed(document_versions(store, document_id)))


class ReaderScreen(ExplorerScreen):
    """Read an article; the target is scrolled into view and marked, n/N step through mentions."""

    TITLE = "Reader"
    BINDINGS = [
        Binding("right_square_bracket", "other_document(1)", "Next document", show=False),
        Binding("left_square_bracket", "other_document(-1)", "Previous document", show=False),
        # / finds words in this document (n/N then step through the matches); ctrl+k is the global
        # search here (the App binds it everywhere; listed here so the reader's footer shows it).
        Binding("slash", "find", "Find"),
        Binding("ctrl+k", "app.search_all", "Search all"),
        WHY,
        CORRECT,
        COPY,
        PIN,
        Binding("e", "export", "Export", show=False),
    ]

    def __init__(self, place: TextPlace | None, document_id: int | None = None, versions: bool = False) -> None:
        """Open at a place, or at the top of a document (the first when None); with ``versions``, `[`/`]`
        step through that document's versions (oldest first) rather than through every document."""
        super().__init__()
        self.place = place
        self.document_id = place.document_id if place else document_id
        self.versions = versions
        self.documents: Sequence[DocumentInfo] = ()

    def compose(self) -> ComposeResult:
        """Which document, the article, footer."""
        yield Header()
        yield Static(id="reader-document", markup=False)
        yield ArticleView(id="article")
        yield Static("Loading…", id="reader-status", markup=False)
        yield Input(placeholder="find in this document; enter finds, empty enter clears, escape leaves",
                    id="find", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the document in the background."""
        self.query_one("#find", Input).display = False
        self.query_one(ArticleView).focus()
        if self.versions and self.document_id is not None:
            self.fetch("documents", oldest_first, self.document_id, then=self._documents_loaded)
        else:
            self.fetch("documents", queries.documents, then=self._documents_loaded)

    def _documents_loaded(self, documents: Sequence[DocumentInfo]) -> None:
        """Say which document this is when there are several, then load it."""
        self.documents = documents
        if not documents:
            self.query_one("#reader-status", Static).update("")
            self.notify("The store has no documents yet: run `natoasia-tui ingest PATH`.", severity="warning")
            return
        ordinal = self._ordinal()
        self.document_id = documents[ordinal].id
        banner = self.query_one("#reader-document", Static)
        banner.update(documents[ordinal].title + (self._which(ordinal) if len(documents) > 1 else ""))
        banner.set_class(len(documents) > 1, "-several")
        # Passages come raw: the view makes each line visible as it draws it (a 9 MB text is not copied).
        self.fetch("document", queries.document_passages, self.document_id, then=self._show, raw=True)

    def _which(self, ordinal: int) -> str:
        """Which of the documents (or versions, with the date of each) this is, and the keys to the others."""
        if not self.versions:
            return f"  (document {ordinal + 1} of {len(self.documents)}; [ and ] for the others)"
        date = listings.publication_date(self.documents[ordinal].published, None)
        return f"  (version {ordinal + 1} of {len(self.documents)}{', ' + date if date else ''}; [ older, ] newer)"

    def _ordinal(self) -> int:
        """Where this screen's document is in the list of documents (the first if it is not there)."""
        return next((i for i, d in enumerate(self.documents) if d.id == self.document_id), 0)

    def action_other_document(self, step: int) -> None:
        """Read the next (1) or previous (-1) document from its top, on top of the history."""
        if len(self.documents) > 1:
            other = self.documents[(self._ordinal() + step) % len(self.documents)]
            self.app.push_screen(ReaderScreen(None, other.id, self.versions))

    def _show(self, passages: Sequence[PassageView]) -> None:
        """Lay out the article at the place."""
        if not passages:
            self.notify("That document is no longer in the store.", severity="error")
            return
        self.sub_title = self.documents[self._ordinal()].title
        article = self.query_one(ArticleView)
        article.show(passages, self.place)
        self.fetch("emphasis", queries.document_emphasis, self.document_id, then=article.show_emphasis, raw=True)
        if self.place is None:
            self.query_one("#reader-status", Static).update("n/N or h/l put the cursor on the actors named")

    @on(ArticleView.MarksWanted)
    def _load_marks(self, wanted: ArticleView.MarksWanted) -> None:
        """Read the marks of a stretch of the document coming into view."""
        show = self.query_one(ArticleView).add_marks
        self.fetch(f"marks-{wanted.start}", queries.reader_marks, self.document_id, wanted.start, wanted.end,
                   then=partial(show, wanted.start))

    @on(ArticleView.StepWanted)
    def _step(self, wanted: ArticleView.StepWanted) -> None:
        """Find where the cursor goes next."""
        self.fetch("step", queries.step_mark, self.document_id, wanted.offset, wanted.step, wanted.actor_id,
                   then=self._stepped)

    def _stepped(self, step: MarkStep | None) -> None:
        """Move the cursor where the step landed; say how to move it when there was nowhere to go."""
        article = self.query_one(ArticleView)
        article.move_cursor(step)
        if article.cursor is None:
            self.query_one("#reader-status", Static).update("n/N or h/l put the cursor on the actors named")

    def after_correction(self) -> None:
        """Mark the article's actors as the correction left them."""
        self.query_one(ArticleView).forget_marks()

    def reader_place(self) -> TextPlace | None:
        """Already reading."""
        return self.place

    def highlighted_quote(self) -> QuoteSpot | None:
        """The quote under the cursor, else the quote the reader was opened at."""
        article = self.query_one(ArticleView)
        if self.document_id is None:
            return None
        under = [TextPlace(self.document_id, m.passage_id, m.start, m.end) for m in [article.cursor] if m]
        spots = (*under, *[place for place in [article.place] if place])
        return spots or None

    def export_scope(self) -> Scope | None:
        """The document read, its passages and its quotes."""
        if self.document_id is None:
            return None
        chosen = [self.document_id]
        return {"documents": ("id", chosen), "passages": ("document_id", chosen), "quotes": ("document_id", chosen)}

    def remake(self) -> ExplorerScreen:
        """The same document at the same place."""
        return ReaderScreen(self.place, self.document_id, self.versions)

    def highlighted_spot(self) -> TextPlace | None:
        """The spot the reader was opened at (its quote, event or citation) while the cursor stays in its
        paragraph; once the cursor moves on, the quote or passage under the cursor."""
        article = self.query_one(ArticleView)
        cursor, place = article.cursor, article.place
        if cursor is None or self.document_id is None or (place and place.passage_id == cursor.passage_id):
            return place
        return TextPlace(self.document_id, cursor.passage_id, cursor.start, cursor.end)

    def action_find(self) -> None:
        """Open the box to find words in this document."""
        box = self.query_one("#find", Input)
        box.value = ""
        box.display = True
        self.set_focus(box)

    @on(Input.Submitted, "#find")
    def _find(self, event: Input.Submitted) -> None:
        """Mark where the words are and go to the first after the cursor; nothing typed: n/N step mentions."""
        self._close_find()
        article = self.query_one(ArticleView)
        article.matches = find_matches(article.passages, event.value)
        status = self.query_one("#reader-status", Static)
        if article.matches:
            article.action_next_mention()
        elif event.value.strip():
            status.update(f"“{event.value.strip()}” is not in this document")
        else:
            status.update("n/N step through mentions again")

    def _close_find(self) -> None:
        """Hide the find box and give the keys back to the article."""
        self.query_one("#find", Input).display = False
        self.set_focus(self.query_one(ArticleView))

    def action_go_back(self) -> None:
        """From the find box, close it; otherwise back in the history."""
        if isinstance(self.focused, Input):
            self._close_find()
        else:
            super().action_go_back()

    @on(ArticleView.CursorMoved)
    def _show_cursor(self, event: ArticleView.CursorMoved) -> None:
        """Say whose mention the cursor is on (enter opens them), which of theirs, and where."""
        spot = where(event.passage.section, event.passage.number)
        noun = "match" if event.mark.kind == "match" else "mention"
        count = f"{noun} {event.ordinal}/{event.total}" if event.total else ""
        name = f"“{event.mark.name}”" if event.mark.kind == "match" else event.mark.name
        line = f"{name} {count} · {spot}"
        self.query_one("#reader-status", Static).update(line)
