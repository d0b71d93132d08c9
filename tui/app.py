"""The natoasia-tui explorer: the App, its global keys and its history of screens."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.widgets import Input

from store.db import Store
from tui.messages import ActorPlace, Navigate, Place, TextPlace
from tui.screens.actors import ActorsScreen
from tui.screens.base import ExplorerScreen
from tui.screens.dossier import DossierScreen
from tui.screens.help import HelpScreen
from tui.screens.palette import PlaceCommands
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.screens.sources import SourcesScreen
from tui.screens.timeline import TimelineScreen

SCREEN_OF_ACTION: dict[str, type[ExplorerScreen]] = {
    "open_actors": ActorsScreen,
    "open_timeline": TimelineScreen,
    "open_sources": SourcesScreen,
    "open_reader": ReaderScreen,
    "open_search": SearchScreen,
}
"""The screen each global key opens; the key is hidden on that screen itself."""
LETTER_ACTIONS = {*SCREEN_OF_ACTION, "open_help", "quit_app"}
"""Actions bound to printable keys, which a focused text box takes for itself."""


class NatoAsiaApp(App[None]):
    """Explore who says what, where and when in the articles of a store."""

    TITLE = "natoasia"
    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    COMMANDS = App.COMMANDS | {PlaceCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "open_actors", "Actors"),
        Binding("t", "open_timeline", "Time"),
        Binding("s", "open_sources", "Sources"),
        Binding("r", "open_reader", "Read"),
        Binding("slash", "open_search", "Search"),
        Binding("question_mark", "open_help", "Help"),
        # ? types itself into a text box; f1 reaches the help from there too.
        Binding("f1", "show_help", "Help", show=False, priority=True),
        Binding("q", "quit_app", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, store: Store) -> None:
        """Explore the given store."""
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        """Start on the list of actors, saying so when the store can only be browsed."""
        if self.store.readonly:
            self.sub_title = "read-only store: browsing only"
            self.notify("This store is read-only: you can browse it, not add to it.", title="Read-only")
        self.push_screen(ActorsScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide keys that would go where you are, and letter keys while typing in a box."""
        if action in LETTER_ACTIONS and isinstance(self.focused, Input):
            return False
        here = SCREEN_OF_ACTION.get(action)
        return not (here is not None and type(self.screen) is here)

    async def action_quit_app(self) -> None:
        """Quit (q, outside text boxes; ctrl+q quits from anywhere)."""
        await self.action_quit()

    def action_go_back(self) -> None:
        """Pop the current screen, unless it is the first one."""
        if len(self.screen_stack) > 2:
            self.pop_screen()

    def _open(self, screen: ExplorerScreen) -> None:
        """Push a screen onto the history unless the same kind of screen is already showing."""
        if type(self.screen) is not type(screen):
            self.push_screen(screen)

    def action_open_actors(self) -> None:
        """Show every actor."""
        self._open(ActorsScreen())

    def action_open_timeline(self) -> None:
        """Show events in date order."""
        self._open(TimelineScreen())

    def action_open_sources(self) -> None:
        """Show outlets, citations and footnotes."""
        self._open(SourcesScreen())

    def action_open_reader(self) -> None:
        """Read the article at the current screen's spot, or the first document from the top."""
        screen = self.screen
        place = screen.reader_place() if isinstance(screen, ExplorerScreen) else None
        self._open(ReaderScreen(place))

    def action_open_search(self) -> None:
        """Search everything as you type."""
        self._open(SearchScreen())

    def action_open_help(self) -> None:
        """List every binding of the current screen."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_show_help(self) -> None:
        """Help from anywhere, text boxes included."""
        self.action_open_help()

    def open_place(self, place: Place) -> None:
        """Open a dossier or the reader at a place, on top of the history."""
        if isinstance(place, ActorPlace):
            self.push_screen(DossierScreen(place.actor_id))
        elif isinstance(place, TextPlace):
            self.push_screen(ReaderScreen(place))

    @on(Navigate)
    def _navigate(self, message: Navigate) -> None:
        """Go where a screen or widget asked to go."""
        self.open_place(message.place)
