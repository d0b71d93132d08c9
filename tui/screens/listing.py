"""A screen that is one list of openable rows under group headings (timeline, sources)."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Input
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
    BOXES: tuple[tuple[str, str], ...] = ()
    """Text boxes above the list, as (id, placeholder): a filter, a date to go to."""
    LETTERS: tuple[str, ...] = ("focus_box",)
    """Actions of letter keys, which a focused box types instead."""

    def compose(self) -> ComposeResult:
        """Header, the boxes, the list, footer."""
        yield Header()
        if self.BOXES:
            with Horizontal(classes="listing-boxes"):
                for box, placeholder in self.BOXES:
                    yield Input(placeholder=placeholder, id=box, compact=True)
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
        if not options and not isinstance(self.focused, Input):  # not at every key typed into a filter
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Letters type themselves into a box that has focus."""
        if action in self.LETTERS and isinstance(self.focused, Input):
            return False
        return super().check_action(action, parameters)

    def action_focus_box(self, selector: str) -> None:
        """Type into one of the boxes."""
        self.set_focus(self.query_one(selector, Input))

    @on(Input.Submitted)
    def action_focus_list(self) -> None:
        """Back to the list (enter in a box)."""
        self.listing.focus()

    def action_go_back(self) -> None:
        """From a box, back to the list; otherwise back in the history."""
        if isinstance(self.focused, Input):
            self.listing.focus()
        else:
            super().action_go_back()

    def action_next_group(self) -> None:
        """Jump to the first row of the next group."""
        self.listing.jump_group(1)

    def action_previous_group(self) -> None:
        """Jump to the first row of the previous group."""
        self.listing.jump_group(-1)
