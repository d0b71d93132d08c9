"""The first screen: every actor by prominence, filtered by kind and by typing, with a preview."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.widgets import DataTable, Header, Input, Tabs

from store import queries
from store.db import Store
from store.queries import ActorSummary, DocumentInfo, Dossier, KindCount
from tui.messages import ActorPlace, Navigate, TextPlace
from store.export import Scope
from tui.screens.base import CORRECT, EXPORT, MERGE, ExplorerScreen, Highlighted
from tui.widgets.dossier_view import DossierView
from tui.widgets.key_footer import KeyFooter
from tui.widgets.kind_tabs import KindTabs
from tui.widgets.nav_table import NavTable

NAME_WIDTH = 26
"""Long names are cut with an ellipsis so the title still shows at 80 columns."""
STORE_CHECK = 2.0
"""Seconds between asking the store whether another process changed it (one integer read)."""
PREVIEW_ROWS = 40
"""Rows per section of the preview, which only needs to fill one screen."""
TITLE_WIDTH = 40
"""Titles are cut to this many cells."""
SHOWN = 500
"""Rows listed at most; a big corpus is narrowed by typing, and each page is one quick query."""


def actor_row(actor: ActorSummary) -> list[object]:
    """A row of the table: mentions, name (cut to fit), kind, title."""
    count = Text(str(actor.mentions), justify="right")
    return [count, Text(actor.name, no_wrap=True, overflow="ellipsis"), actor.kind, actor.title or ""]


@dataclass(frozen=True)
class ActorPage:
    """The most prominent actors matching a kind and a filter, and how many match in all."""

    actors: tuple[ActorSummary, ...]
    total: int


def actor_page(store: Store, kind: str | None, text: str) -> ActorPage:
    """One page of actors of a kind (None: any) matching the filter as search does (names holding the
    text first, then aliases, titles and typos)."""
    from store.actor_filter import filtered_actors  # brings rapidfuzz: not before the first filter

    return ActorPage(*filtered_actors(store, kind, text, SHOWN))


class ActorsScreen(ExplorerScreen):
    """Who is in the articles: name, kind, title and mentions, most prominent first."""

    TITLE = "Actors"
    BINDINGS = [
        # Priority, so the keys typed right after f are handed on once the box has focus.
        Binding("f", "focus_filter", "Filter", priority=True),
        Binding("right_square_bracket", "next_kind", "Kind ▶"),
        Binding("left_square_bracket", "previous_kind", "◀ Kind", show=False),
        Binding("down", "focus_list", "List", show=False),
        # Shown while typing in the filter (back to the list) or above other screens (check_action).
        Binding("escape", "go_back", "Back", priority=True),
        EXPORT,
        CORRECT,
        MERGE,
    ]

    filter_text: var[str] = var("", init=False)
    """What the user typed into the filter."""

    def __init__(self) -> None:
        """An actors list that has not yet seen the store."""
        super().__init__()
        self._version: tuple[int, int] | None = None
        self._page: ActorPage | None = None
        """The page listed now."""

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
        """Load actors and counts in the background; keys go to the list."""
        table = self.query_one("#actors-table", NavTable)
        table.add_column("n", key="mentions", width=5)
        table.add_column("name", key="name", width=NAME_WIDTH)
        table.add_column("kind", key="kind", width=12)
        # A fixed width: an auto-sized column measures every one of the 500 rows before the first paint.
        table.add_column("title", key="title", width=TITLE_WIDTH)
        table.focus()
        # No first load here: the kind tabs activate their first tab on mount, which loads the page
        # (loading here too built the 500-row table twice before the first screen settled).
        self.fetch("counts", queries.kind_counts, then=self._set_counts)
        self._check_store()
        self.set_interval(STORE_CHECK, self._check_store)

    def on_screen_resume(self) -> None:
        """Coming back to the list: see at once whether the store changed meanwhile."""
        super().on_screen_resume()
        self._check_store()

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

    def _set_documents(self, documents: Sequence[DocumentInfo]) -> None:
        """Let the preview name each row's document when there are several."""
        titles = {document.id: document.title for document in documents}
        self.query_one("#preview", DossierView).titles = titles

    def _set_counts(self, counts: Sequence[KindCount]) -> None:
        """Label the kind tabs."""
        self.query_one(KindTabs).show_counts(counts)

    def watch_filter_text(self) -> None:
        """Ask for the matching actors as the filter changes (the first load included)."""
        self._load_page()

    @on(Tabs.TabActivated, "#kinds")
    def _load_page(self) -> None:
        """Ask the store for the actors of the chosen kind that match the filter; newer asks win."""
        kind = self.query_one(KindTabs).kind
        self.fetch("actors", actor_page, kind, self.filter_text, then=self._show_page)

    def _show_page(self, page: ActorPage) -> None:
        """List the page, keeping the highlighted actor if it is still listed."""
        table = self.query_one("#actors-table", NavTable)
        current = self.highlighted_actor_id()
        self._page = page
        table.clear()
        for actor in page.actors:
            table.add_row(*actor_row(actor), key=str(actor.id))
        shown = len(page.actors)
        self.sub_title = f"top {shown} of {page.total}: f to filter" if page.total > shown else None
        if not page.actors and self.filter_text.strip():
            self.sub_title = f"no actor matches “{self.filter_text.strip()}”"
        ids = [actor.id for actor in page.actors]
        if current in ids:
            table.move_cursor(row=ids.index(current))
        if not self.query_one("#preview", DossierView).titles:
            # Every document's title (the whole corpus) only once the first page is on screen.
            self.fetch("documents", queries.documents, then=self._set_documents)

    def highlighted_actor_id(self) -> int | None:
        """The id of the actor under the cursor, if any."""
        table = self.query_one("#actors-table", NavTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    @on(DataTable.RowHighlighted, "#actors-table")
    def _preview_highlighted(self) -> None:
        """Load the highlighted actor's dossier into the preview (wide terminals only show it)."""
        actor_id = self.highlighted_actor_id()
        if actor_id is not None:
            self.fetch("preview", queries.dossier, actor_id, PREVIEW_ROWS, then=self._show_preview)

    def _show_preview(self, dossier: Dossier | None) -> None:
        """Display the preview."""
        if dossier is not None:
            self.query_one("#preview", DossierView).show(dossier)

    @on(DataTable.RowSelected, "#actors-table")
    def _open_actor(self, event: DataTable.RowSelected) -> None:
        """Open the chosen actor's dossier."""
        if event.row_key.value is not None:
            self.post_message(Navigate(ActorPlace(int(event.row_key.value))))

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        self.filter_text = event.value

    def highlighted(self) -> Highlighted:
        """`c` and `m` act on the highlighted actor."""
        return Highlighted(actor_id=self.highlighted_actor_id())

    def after_correction(self) -> None:
        """Show the list as a correction left it: written on this connection, so the store's data version,
        which counts other programs' writes, does not tell."""
        self._reload()

    def _reload(self) -> None:
        """Load the list, the kind counts and the preview again."""
        self._load_page()
        self.fetch("counts", queries.kind_counts, then=self._set_counts)
        self._preview_highlighted()

    @on(Input.Submitted, "#filter")
    def action_focus_list(self) -> None:
        """Move the keys from the filter to the list (enter or down in the filter)."""
        self.set_focus(self.query_one("#actors-table", NavTable))

    def reader_place(self) -> TextPlace | None:
        """Read at the highlighted actor's first mention (known once its preview has loaded)."""
        preview = self.query_one("#preview", DossierView)
        shown = preview.dossier.actor.id if preview.dossier else None
        return preview.first_mention() if shown == self.highlighted_actor_id() else None

    def export_scope(self) -> Scope | None:
        """The actors listed (of the chosen kind, matching the filter)."""
        actors = self._page.actors if self._page else ()
        return {"actors": ("id", [actor.id for actor in actors])} if actors else None

    def remake(self) -> ExplorerScreen:
        """The actors list afresh."""
        return ActorsScreen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """f (and e) type themselves into the filter box once the box has focus."""
        typing = isinstance(self.focused, Input)
        if action == "go_back" and not typing and len(self.app.screen_stack) <= 2:
            return False  # the first screen: there is nothing to go back to
        return super().check_action(action, parameters) and not (typing and action == "focus_filter")

    def action_focus_filter(self) -> None:
        """Type to filter the list; the keys right after f already go to the box."""
        self.set_focus(self.query_one("#filter", Input))

    def action_next_kind(self) -> None:
        """Show the next kind of actor."""
        self.query_one(KindTabs).action_next_tab()

    def action_previous_kind(self) -> None:
        """Show the previous kind of actor."""
        self.query_one(KindTabs).action_previous_tab()

    def action_go_back(self) -> None:
        """From the filter, go back to the list; otherwise back in the history."""
        if isinstance(self.focused, Input):
            self.action_focus_list()
        else:
            super().action_go_back()
