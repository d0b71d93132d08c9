"""Help: every key that works on the screen you came from, and how to find who said what."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widgets import Header, Static

from tui.screens.base import ExplorerScreen
from tui.widgets.key_footer import KeyFooter
from tui.widgets.nav_table import NavTable

GUIDE = (
    "Find what someone said: press / and type part of a name (typos are fine), enter opens their "
    "dossier. Its Quotes come first; enter on a quote opens the article there, highlighted. "
    "In the article n/N step through that actor's mentions, h/l through everyone's, enter opens the "
    "marked actor; / finds words in the article (n/N then step through them), ctrl+k searches everything. "
    "w on a quote says how its speaker was chosen, L where else its words are quoted. y copies the "
    "highlighted quote or passage with its citation, b pins it to the board (B), e exports the screen. "
    "c fixes the highlighted actor, quote or mention, m merges actors, u undoes, C lists your corrections. "
    "escape or ctrl+o go back, alt+right forward. a actors, Q quotes, D documents, t timeline, s sources, "
    "r reader; on lists f filters and o sorts; "
    "ctrl+p jump by name, f1 this help from a text box."
)


PLACES = {
    "NavTable": "list",
    "NavList": "list",
    "ResultList": "results",
    "ArticleView": "article",
    "Input": "text box",
}
"""Plain names for the widgets whose keys the help lists."""


def scope_of(entry: ActiveBinding, screen: Screen[object]) -> tuple[int, str]:
    """Where a binding applies, with an order: this screen, the focused widget, everywhere."""
    if entry.node is screen:
        return 0, "this screen"
    if entry.node is screen.app:
        return 2, "everywhere"
    # A subclass ("QuietInput", the search box) answers to its nearest named base ("Input": text box).
    named = (PLACES[cls.__name__] for cls in type(entry.node).__mro__ if cls.__name__ in PLACES)
    return 1, next(named, type(entry.node).__name__)


class HelpScreen(ExplorerScreen):
    """Lists the bindings of the screen below it, with what each one does and where it applies."""

    TITLE = "Help"

    def __init__(self, about: Screen[object]) -> None:
        """Help about the given screen, read at the moment help was asked for."""
        super().__init__()
        self.about = about
        self.entries = list(about.active_bindings.values())

    def compose(self) -> ComposeResult:
        """A short guide above the table of bindings."""
        yield Header()
        yield Static(GUIDE, id="help-guide", markup=False)
        yield NavTable(id="help-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the table."""
        self.sub_title = f"keys on {self.about.title or type(self.about).__name__}"
        table = self.query_one("#help-keys", NavTable)
        table.add_columns("key", "does", "where")
        ordered = sorted(self.entries, key=lambda e: (scope_of(e, self.about)[0], not e.binding.show))
        for entry in ordered:
            binding = entry.binding
            key = self.app.get_key_display(binding)
            table.add_row(key, binding.description or binding.action, scope_of(entry, self.about)[1])
        table.focus()
