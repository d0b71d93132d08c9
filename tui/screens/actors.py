"""The first screen: every actor by prominence, filtered by kind and by typing, with a preview."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Input

from store import queries
from store.affiliation import AFFILIATED_KINDS
from store.db import Store
from store.queries import ActorSummary, DocumentInfo, Dossier
from tui.messages import ActorPlace, Navigate, TextPlace
from tui.screens.base import CORRECT, EXPORT, MERGE, ExplorerScreen, Highlighted, worker_cancelled
from tui.screens.table import KindTableScreen, Page, cut, read_page, right
from tui.widgets.dossier_view import DossierView, first_mention
from tui.widgets.key_footer import KeyFooter
from tui.widgets.kind_tabs import KindTabs
from tui.widgets.nav_table import NavTable

if TYPE_CHECKING:
    from store.export import Scope

STORE_CHECK = 2.0
"""Seconds between asking the store whether another process changed it (one integer read)."""
PREVIEW_ROWS = 40
"""Rows per section of the preview, which only needs to fill one screen."""
HIDDEN_ROWS = 1
"""Rows per section read while the preview is hidden: `r` needs only the first mention."""


def actor_row(actor: ActorSummary) -> tuple[object, ...]:
    """A row of the table: mentions, quotes, name (cut to fit), kind, title."""
    return right(actor.mentions), right(actor.quotes), cut(actor.name), actor.kind, cut(actor.title or "")


def actor_page(store: Store, offset: int, limit: int | None, kind: str | None, text: str, order: str | None
               ) -> Page:
    """``limit`` actors (None: all) of a kind (None: any) in the order; with a filter, all those matching it
    as search does (names holding the text first, then aliases, titles and near spellings)."""
    name = text.strip() or None
    if name is not None:
        from store.actor_filter import filtered_actors  # brings rapidfuzz: not before the first filter

        return Page(*filtered_actors(store, kind, name, None, order), offset) if offset == 0 else Page((), -1, offset)
    return read_page(lambda s: queries.count_actors(s, kind, name),
                     lambda s, size, at: queries.actors(s, kind, size, at, name, order), store, offset, limit)


class ActorsScreen(KindTableScreen):
    """Who is in the articles: name, kind, title, mentions and quotes, most prominent first."""

    TITLE = "Actors"
    NOUN = "actor"
    ORDERS = tuple(queries.ACTOR_ORDERS)
    LAYOUT = (("name", 14, 3), ("title", 10, 2))
    FIXED = 5 + 4 + 12 + 3 * 2
    """The count and kind columns with their padding."""
    BINDINGS = [Binding("right_square_bracket", "next_kind", "Kind ▶"), EXPORT, CORRECT, MERGE]
    AUTO_FOCUS = "#actors-table"
    """Keys go to the list from the moment it is composed: focused later (in on_mount), the footer drew
    the screen's keys without the list's, then all its key widgets again with them."""

    def __init__(self) -> None:
        """An actors list that has not yet seen the store."""
        super().__init__()
        self._version: tuple[int, int] | None = None
        self._asked: tuple[int, bool] | None = None
        """The actor whose dossier was last asked for, and whether for the preview (a wide screen) or
        only for `r` (the preview hidden): each is read once, however many events ask."""
        self._dossier: Dossier | None = None
        """The last dossier read for the highlighted actor, whose first mention `r` reads at."""
        self._titles_asked = False
        """Whether the documents' titles are read or being read (once: the first screen's resizes and first
        page each ask, and a superseded read still runs to its end in its thread)."""

    def compose(self) -> ComposeResult:
        """Kind tabs and filter above the list, the dossier preview beside it on wide terminals."""
        yield Header()
        yield KindTabs(id="kinds")
        yield Input(placeholder="f: type to filter by name, alias or title (typos are fine)", id="filter",
                    compact=True)
        with Horizontal(id="actors-body"):
            yield NavTable(id="actors-table")
            with Vertical(id="preview-pane"):
                yield DossierView(id="preview")
        yield KeyFooter()

    def on_mount(self) -> None:
        """The list's columns; the kind counts read in the background."""
        table = self.table
        table.add_column("n", key="mentions", width=5)
        table.add_column("q", key="quotes", width=4)
        table.add_column("name", key="name", width=26)
        table.add_column("kind", key="kind", width=12)
        table.add_column("title", key="title", width=40)
        # No first load here: the kind tabs activate their first tab on mount, which loads the page.
        self.fetch("counts", queries.kind_counts, then=self.show_counts)
        # The first check is on_screen_resume's, which Textual sends once the screen is pushed.
        self.set_interval(STORE_CHECK, self._check_store)

    def on_screen_resume(self) -> None:
        """Coming back to the list: see at once whether the store changed meanwhile, and read again who
        speaks for the previewed actor if covering the list stopped that."""
        super().on_screen_resume()
        self._check_store()
        if self._asked is None:
            self._preview_highlighted()

    def on_screen_suspend(self) -> None:
        """Another screen covers the list: stop finding who speaks for the previewed actor. At 10,000
        articles that reads for seconds, holding the store's one connection a chunk at a time against
        the screen on top (a search typed at once waited up to 2 s a key)."""
        if self.workers.cancel_group(self, "spoken-for"):
            self._asked = None

    def _check_store(self) -> None:
        """Ask whether another process, or a correction on another screen, changed the store (only while
        this screen shows)."""
        if self.is_current:
            self.fetch("version", queries.store_state, then=self._store_version)

    def _store_version(self, version: tuple[int, int]) -> None:
        """Reload the list, the kind counts and the preview when the store changed since last asked."""
        seen, self._version = self._version, version
        if seen is not None and seen != version:
            self._reload()

    def _reload(self) -> None:
        """Load the list, the kind counts, the documents' titles and the preview again."""
        self._titles_asked = False
        self._asked = None
        self.reload()
        self.fetch("counts", queries.kind_counts, then=self.show_counts)
        self._preview_highlighted()

    def highlighted(self) -> Highlighted:
        """`c` and `m` act on the highlighted actor."""
        return Highlighted(actor_id=self.highlighted_actor_id())

    def after_correction(self) -> None:
        """Show the list as a correction left it: written on this connection, so the store's data version,
        which counts other programs' writes, does not tell."""
        self._reload()

    def export_scope(self) -> Scope | None:
        """The actors listed (of the chosen kind, matching the filter)."""
        ids = [row.id for row in self.listed.values()]
        return {"actors": ("id", ids)} if ids else None

    def remake(self) -> ExplorerScreen:
        """The actors list afresh."""
        return ActorsScreen()

    def _set_documents(self, documents: Sequence[DocumentInfo]) -> None:
        """Let the preview name each row's document when there are several."""
        titles = {document.id: document.title for document in documents}
        self.query_one("#preview", DossierView).titles = titles

    def page(self, store: Store, offset: int, params: tuple[Any, ...], limit: int | None) -> Page:
        """Actors of the kind and filter, in the chosen order, from ``offset``."""
        return actor_page(store, offset, limit, *params)

    def cells(self, row: Any) -> tuple[object, ...]:
        """Mentions, quotes, name, kind, title."""
        return actor_row(row)

    def show_page(self, page: Page) -> None:
        """List the page; once the first is on screen, what the preview needs if it shows."""
        super().show_page(page)
        self._fill_preview()

    def on_resize(self) -> None:
        """Fit the columns; a screen made wide shows the preview, which is filled then."""
        super().on_resize()
        self._fill_preview()

    def _fill_preview(self) -> None:
        """On a wide screen, learn the documents' titles once and preview the highlighted actor in full; on
        a narrow one the preview is hidden and neither is read for it."""
        if not self.has_class("-wide"):
            return
        if not self._titles_asked and self.table.row_count:
            # After the first page, not at the first resize: the list is drawn before they are read.
            self._titles_asked = True
            self.fetch("documents", queries.documents, then=self._set_documents)
        self._preview_highlighted()

    def highlighted_actor_id(self) -> int | None:
        """The id of the actor under the cursor, if any."""
        key = self.highlighted_key()
        return int(key) if key is not None else None

    @on(DataTable.RowHighlighted, "#actors-table")
    def _preview_highlighted(self) -> None:
        """Read the highlighted actor's dossier for the preview (wide terminals only show it), once: the
        first page and the table's first highlight both ask for the same actor."""
        actor_id = self.highlighted_actor_id()
        asked = (actor_id, self.has_class("-wide")) if actor_id is not None else None
        if asked is None or asked == self._asked:
            return
        self._asked = asked
        # `r` reads at the dossier's first mention, so its first rows are read even while the preview is
        # hidden. Those who speak for an actor come second: finding them reads every quote of the store.
        rows = PREVIEW_ROWS if asked[1] else HIDDEN_ROWS
        self.fetch("preview", queries.dossier, actor_id, rows, False, then=partial(self._show_preview, asked))

    def _show_preview(self, asked: tuple[int, bool], dossier: Dossier | None) -> None:
        """Keep the dossier for `r` and display it in the preview if it shows, then read who speaks for
        its actor; one read for another actor or width than the last asked is dropped."""
        if dossier is None or asked != self._asked or dossier.actor.id != self.highlighted_actor_id():
            return
        self._dossier = dossier
        if asked[1]:
            self.query_one("#preview", DossierView).show(dossier)
            if dossier.actor.kind in AFFILIATED_KINDS:
                # Its own group: the same actor's dossier read again (the list reloaded) does not cancel it.
                self.fetch("spoken-for", queries.with_spoken_for, dossier, PREVIEW_ROWS, worker_cancelled,
                           then=self._show_spoken_for)

    def _show_spoken_for(self, dossier: Dossier) -> None:
        """Add the quotes of those who speak for the actor, unless there are none (the preview shows the
        dossier as it is then) or the highlight moved on meanwhile."""
        if dossier.affiliated_total and dossier.actor.id == self.highlighted_actor_id():
            self.query_one("#preview", DossierView).show(dossier)

    @on(DataTable.RowSelected, "#actors-table")
    def _open_actor(self, event: DataTable.RowSelected) -> None:
        """Open the chosen actor's dossier."""
        if event.row_key.value is not None:
            self.post_message(Navigate(ActorPlace(int(event.row_key.value))))

    def reader_place(self) -> TextPlace | None:
        """Read at the highlighted actor's first mention (known once its dossier has been read)."""
        read = self._dossier
        return first_mention(read) if read is not None and read.actor.id == self.highlighted_actor_id() else None
