"""The first screen: every actor by prominence, filtered by kind and by typing, with a preview."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.widgets import DataTable, Header, Input, Tabs

from store import queries
from store.queries import ActorSummary, DocumentInfo, Dossier, KindCount
from tui.messages import ActorPlace, Navigate
from tui.screens.base import ExplorerScreen
from tui.widgets.dossier_view import DossierView
from tui.widgets.key_footer import KeyFooter
from tui.widgets.kind_tabs import KindTabs
from tui.widgets.nav_table import NavTable

NAME_WIDTH = 26
"""Long names are cut with an ellipsis so the title still shows at 80 columns."""
SHOWN = 500
"""Rows listed at most; a big corpus is narrowed by typing, and refilling stays instant."""


def prominence(actor: ActorSummary) -> tuple[int, int, str]:
    """Sort key: most mentioned first, then most quoted, then by name."""
    return (-actor.mentions, -actor.quotes, actor.name.casefold())


def actor_row(actor: ActorSummary) -> list[object]:
    """A row of the table: mentions, name (cut to fit), kind, title."""
    count = Text(str(actor.mentions), justify="right")
    return [count, Text(actor.name, no_wrap=True, overflow="ellipsis"), actor.kind, actor.title or ""]


def matches(actor: ActorSummary, kind: str | None, text: str) -> bool:
    """True if the actor is of the kind (None: any) and its name or title contains the text."""
    haystack = f"{actor.name} {actor.title or ''}".casefold()
    return (kind is None or actor.kind == kind) and text.casefold() in haystack


class ActorsScreen(ExplorerScreen):
    """Who is in the articles: name, kind, title and mentions, most prominent first."""

    TITLE = "Actors"
    BINDINGS = [
        Binding("f", "focus_filter", "Filter"),
        Binding("right_square_bracket", "next_kind", "Kind ▶"),
        Binding("left_square_bracket", "previous_kind", "◀ Kind", show=False),
        Binding("down", "focus_list", "List", show=False),
        Binding("escape", "go_back", "Back", show=False),
    ]

    actors: var[tuple[ActorSummary, ...]] = var(())
    """Every actor in the store, most prominent first."""
    filter_text: var[str] = var("")
    """What the user typed into the filter."""

    def compose(self) -> ComposeResult:
        """Kind tabs and filter above the list, the dossier preview beside it on wide terminals."""
        yield Header()
        yield KindTabs(id="kinds")
        yield Input(placeholder="f: type to filter by name or title", id="filter", compact=True)
        with Horizontal(id="actors-body"):
            yield NavTable(id="actors-table")
            with Vertical(id="preview-pane"):
                yield DossierView(id="preview")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load actors and counts in the background; keys go to the list."""
        table = self.query_one("#actors-table", NavTable)
        table.add_column("n", key="mentions", width=3)
        table.add_column("name", key="name", width=NAME_WIDTH)
        table.add_column("kind", key="kind", width=12)
        table.add_column("title", key="title")
        table.focus()
        self.fetch("actors", queries.actors, then=self._set_actors)
        self.fetch("counts", queries.kind_counts, then=self._set_counts)
        self.fetch("documents", queries.documents, then=self._set_documents)

    def _set_documents(self, documents: Sequence[DocumentInfo]) -> None:
        """Let the preview name each row's document when there are several."""
        titles = {document.id: document.title for document in documents}
        self.query_one("#preview", DossierView).titles = titles

    def _set_actors(self, actors: Sequence[ActorSummary]) -> None:
        """Keep every actor, sorted by prominence."""
        self.actors = tuple(sorted(actors, key=prominence))

    def _set_counts(self, counts: Sequence[KindCount]) -> None:
        """Label the kind tabs."""
        self.query_one(KindTabs).show_counts(counts)

    def watch_actors(self) -> None:
        """Refill the list when the actors arrive."""
        self._refill()

    def watch_filter_text(self) -> None:
        """Refill the list as the filter changes."""
        self._refill()

    @on(Tabs.TabActivated, "#kinds")
    def _kind_changed(self) -> None:
        """Refill the list for the chosen kind."""
        self._refill()

    def _refill(self) -> None:
        """Show the actors matching kind and filter, keeping the highlighted actor if still listed."""
        table = self.query_one("#actors-table", NavTable)
        kind = self.query_one(KindTabs).kind
        matching = [a for a in self.actors if matches(a, kind, self.filter_text)]
        shown = matching[:SHOWN]
        current = self.highlighted_actor_id()
        table.clear()
        for actor in shown:
            table.add_row(*actor_row(actor), key=str(actor.id))
        self.sub_title = f"top {len(shown)} of {len(matching)}: f to filter" if len(matching) > SHOWN else ""
        ids = [actor.id for actor in shown]
        if current in ids:
            table.move_cursor(row=ids.index(current))

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
            self.fetch("preview", queries.dossier, actor_id, then=self._show_preview)

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

    @on(Input.Submitted, "#filter")
    def action_focus_list(self) -> None:
        """Move the keys from the filter to the list (enter or down in the filter)."""
        self.query_one("#actors-table").focus()

    def action_focus_filter(self) -> None:
        """Type to filter the list."""
        self.query_one("#filter", Input).focus()

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
