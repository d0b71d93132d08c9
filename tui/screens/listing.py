"""A screen that is one list of openable rows under group headings (timeline, sources)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header
from textual.widgets.option_list import Option

from store.export import Scope
from tui.messages import TextPlace
from tui.screens.base import CITE, ExplorerScreen
from tui.widgets.key_footer import KeyFooter
from tui.widgets.nav_list import Heading, NavList
from tui.widgets.passage_preview import PassagePreview


class ListingScreen(ExplorerScreen):
    """Grouped rows; tab jumps to the next group, enter opens the highlighted row."""

    BINDINGS = [
        Binding("tab", "next_group", "Next", key_display="⇥"),
        Binding("shift+tab", "previous_group", "Prev group", show=False),
        *CITE,
    ]
    EMPTY = "Nothing here yet."
    """What to say when there are no rows."""

    def compose(self) -> ComposeResult:
        """Header, the list, footer."""
        yield Header()
        with Horizontal(classes="with-preview"):
            yield NavList(id="listing")
            yield PassagePreview()
        yield KeyFooter()

    @property
    def listing(self) -> NavList:
        """The list of rows."""
        return self.query_one("#listing", NavList)

    def __init__(self) -> None:
        """A listing not yet loaded."""
        super().__init__()
        self.scope: Scope | None = None
        """The rows listed, as a part of the JSON export (for `e`)."""

    def export_scope(self) -> Scope | None:
        """The rows listed."""
        return self.scope

    def on_mount(self) -> None:
        """Keys go to the list; subclasses start loading."""
        self.listing.focus()
        self.listing.set_options([Heading("Loading…")])
        self.load()

    def load(self) -> None:
        """Start the background query that fills the list."""

    def fill(self, options: Sequence[Option]) -> None:
        """Show the rows, the first item highlighted."""
        self.listing.set_options(options)
        self.listing.highlighted = 1 if len(options) > 1 else None
        if not options:
            self.notify(self.EMPTY)

    def reader_place(self) -> TextPlace | None:
        """Read at the highlighted row."""
        place = self.listing.highlighted_place
        return place if isinstance(place, TextPlace) else None

    def remake(self) -> ExplorerScreen:
        """The same listing, loaded afresh."""
        return type(self)()

    def highlighted_spot(self) -> TextPlace | None:
        """Copy or pin the highlighted row."""
        return self.reader_place()

    def action_next_group(self) -> None:
        """Jump to the first row of the next group."""
        self.listing.jump_group(1)

    def action_previous_group(self) -> None:
        """Jump to the first row of the previous group."""
        self.listing.jump_group(-1)
