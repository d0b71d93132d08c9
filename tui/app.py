"""The natoasia-tui explorer: the App, its global keys and its history of screens."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.widgets import Input

from store.db import Store
from tui.messages import ActorPlace, Navigate, Place, TextPlace
from tui.screens.actors import ActorsScreen
from tui.screens.base import ExplorerScreen
from tui.settings import load_settings, save_setting

if TYPE_CHECKING:
    from textual.command import Provider  # the palette's module loads when the palette first opens

# Only the first screen is imported at start-up: the others (search brings the fuzzy matcher) load
# the first time they open, so the time to the first screen does not grow with the explorer.
SCREEN_OF_ACTION: dict[str, str] = {
    "open_actors": "tui.screens.actors:ActorsScreen",
    "open_timeline": "tui.screens.timeline:TimelineScreen",
    "open_sources": "tui.screens.sources:SourcesScreen",
    "open_reader": "tui.screens.reader:ReaderScreen",
    "open_search": "tui.screens.search:SearchScreen",
    "open_corrections": "tui.screens.corrections:CorrectionsScreen",
    "open_board": "tui.screens.board:BoardScreen",
    "open_quotes": "tui.screens.quotes:QuotesScreen",
    "open_documents": "tui.screens.documents:DocumentsScreen",
}
"""The screen each global key opens (module:class); the key is hidden on that screen itself."""
SCREEN_COMMANDS = {
    "open_actors": ("Actors", "every actor, sortable and filtered by kind and name (a)"),
    "open_quotes": ("Quotes", "every quote with its speaker, document and paragraph (Q)"),
    "open_documents": ("Documents", "every document (newest version; v the others) with its source and counts (D)"),
    "open_timeline": ("Timeline", "dated events, filtered by words, dates and actor (t)"),
    "open_sources": ("Sources", "outlets by citations, lost outlets, footnotes (s)"),
    "open_search": ("Search", "actors, quotes, passages and events as you type (/)"),
    "open_board": ("Board", "your pinned quotes, passages, events and citations (B)"),
    "open_corrections": ("Corrections", "every correction you made, stale or not (C)"),
}
"""The screens the command palette offers, with their help lines."""
LETTER_ACTIONS = {*SCREEN_OF_ACTION, "open_help", "quit_app", "undo"}
"""Actions bound to printable keys, which a focused text box takes for itself."""


def screen_class(path: str) -> type[ExplorerScreen]:
    """The screen class at "module:class", imported on first use."""
    module, name = path.split(":")
    screen: type[ExplorerScreen] = getattr(import_module(module), name)
    return screen


def width_classes(width: int) -> dict[str, bool]:
    """The HORIZONTAL_BREAKPOINTS class a screen of ``width`` cells takes (True) and the others (False).
    Textual sets it at the screen's first resize, after laying the screen out without it: a screen given
    it before it mounts is laid out and drawn once, not narrow and then again wide."""
    wide_enough = [name for least, name in sorted(NatoAsiaApp.HORIZONTAL_BREAKPOINTS) if width >= least]
    return {name: name == wide_enough[-1] for _, name in NatoAsiaApp.HORIZONTAL_BREAKPOINTS}


def place_commands() -> type[Provider]:
    """The command palette's actors and quotes, imported when the palette first opens."""
    from tui.screens.palette import PlaceCommands

    return PlaceCommands


class NatoAsiaApp(App[None]):
    """Explore who says what, where and when in the articles of a store."""

    TITLE = "natoasia"
    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    COMMANDS = App.COMMANDS | {place_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the App opens the screen (and waits for it) before it hands on the next key, so a
        # burst like "/kery" types "kery" into the search box instead of sending it to the old screen.
        # check_action hides these letters while a text box has focus.
        Binding("a", "open_actors", "Actors", priority=True),
        Binding("t", "open_timeline", "Time", priority=True),
        Binding("s", "open_sources", "Sources", priority=True),
        Binding("r", "open_reader", "Read", priority=True),
        Binding("slash", "open_search", "Search", priority=True),
        # Shown in the help, not in every footer: 80 columns have no room for them.
        Binding("C", "open_corrections", "Corrections", show=False, priority=True),
        Binding("u", "undo", "Undo correction", show=False),
        # In the reader / finds in the document; ctrl+k searches everything from any screen.
        # Not a priority: in a text box ctrl+k deletes to the end of the line.
        Binding("ctrl+k", "search_all", "Search all", show=False),
        Binding("B", "open_board", "Board", priority=True),
        # Back and forward through the history, as in a browser or vim's jump list. ctrl+i is the same
        # byte as tab in a terminal, so forward is alt+right (tab keeps moving between panes).
        Binding("ctrl+o,alt+left", "history_back", "Back", show=False, priority=True),
        Binding("alt+right", "history_forward", "Forward", show=False, priority=True),
        # Shown in the help rather than the footer, which has no room left at 80 columns.
        Binding("Q", "open_quotes", "Quotes", show=False, priority=True),
        Binding("D", "open_documents", "Documents", show=False, priority=True),
        Binding("question_mark", "open_help", "Help"),
        # ? types itself into a text box; f1 reaches the help from there too.
        Binding("f1", "show_help", "Help", priority=True),
        Binding("q", "quit_app", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, store: Store, settings: Path | None = None, export_folder: Path | None = None) -> None:
        """Explore the given store; the theme is kept in the ``settings`` file (none: not kept) and
        `e` writes into ``export_folder`` (none: the current folder)."""
        super().__init__()
        self.store = store
        self.settings = settings
        self.export_folder = export_folder or Path.cwd()
        self._forward: list[ExplorerScreen] = []
        """Screens escape went back from, newest last: alt+right opens them again."""

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, then one for each screen (so the palette reaches every screen)."""
        yield from super().get_system_commands(screen)
        for action, (title, help_text) in SCREEN_COMMANDS.items():
            yield SystemCommand(title, help_text, partial(self.run_action, action))

    def on_mount(self) -> None:
        """Start on the list of actors, saying so when the store can only be browsed."""
        self._restore_theme()
        if self.store.readonly:
            self.sub_title = "read-only store: browsing only"
            self.notify("This store is read-only: you can browse it, not add to it.", title="Read-only")
        self.push_screen(ActorsScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide keys that would go where you are, and letter keys while typing in a box."""
        # A modal box (why) sits over a screen: the screen keys would open screens under it.
        if action in LETTER_ACTIONS and (isinstance(self.focused, Input) or isinstance(self.screen, ModalScreen)):
            return False
        if action == "show_help":
            return isinstance(self.focused, Input)  # shown (and needed) only where ? types itself
        shown = type(self.screen)
        showing = f"{shown.__module__}:{shown.__qualname__}"
        if action == "open_search" and showing == SCREEN_OF_ACTION["open_reader"]:
            return False  # the reader's own / finds in the document
        return SCREEN_OF_ACTION.get(action) != showing

    def _restore_theme(self) -> None:
        """Use the theme chosen last time, and keep the one chosen now."""
        if self.settings is None:
            return
        theme = load_settings(self.settings).get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._keep_theme)

    def _keep_theme(self, theme: Any) -> None:
        """Save the chosen theme for the next run (an unwritable config folder only loses the choice)."""
        if self.settings is not None:
            save_setting(self.settings, "theme", theme.name)

    async def action_quit_app(self) -> None:
        """Quit (q, outside text boxes; ctrl+q quits from anywhere)."""
        await self.action_quit()

    def action_go_back(self) -> None:
        """Pop the current screen, unless it is the first one; alt+right can open it again."""
        if len(self.screen_stack) > 2:
            again = self.screen.remake() if isinstance(self.screen, ExplorerScreen) else None
            self.pop_screen()
            if again is not None:
                self._forward.append(again)

    def action_history_back(self) -> None:
        """Back in the history (ctrl+o, alt+left), like escape."""
        self.action_go_back()

    def action_history_forward(self) -> None:
        """Forward again to the screen the last back left (alt+right)."""
        if self._forward and not isinstance(self.screen, ModalScreen):
            self.push_screen(self._forward.pop(), forward=True)
        elif not self._forward:
            self.notify("Nothing to go forward to: escape or ctrl+o go back first.", title="Forward")

    def push_screen(self, screen: Screen[Any] | str, *args: Any, forward: bool = False, **kwargs: Any) -> Any:
        """Open a screen; going somewhere new (not a box over a screen) forgets the way forward."""
        if not forward and not isinstance(screen, ModalScreen):
            self._forward.clear()
        if isinstance(screen, Screen):
            screen.update_classes(width_classes(self.size.width), animate=False)
        return super().push_screen(screen, *args, **kwargs)

    async def _open(self, action: str, *args: object) -> None:
        """Push an action's screen onto the history unless the same kind of screen is already showing."""
        kind = screen_class(SCREEN_OF_ACTION[action])
        if type(self.screen) is not kind:
            # Wait for it to mount (and focus its box) before the App takes its next key: keys typed
            # while a screen opens (fast typing, a paste) belong to that screen.
            await self.push_screen(kind(*args))

    async def action_open_actors(self) -> None:
        """Show every actor."""
        await self._open("open_actors")

    async def action_open_timeline(self) -> None:
        """Show events in date order."""
        await self._open("open_timeline")

    async def action_open_sources(self) -> None:
        """Show outlets, citations and footnotes."""
        await self._open("open_sources")

    async def action_open_reader(self) -> None:
        """Read the article at the current screen's spot, or the first document from the top."""
        screen = self.screen
        place = screen.reader_place() if isinstance(screen, ExplorerScreen) else None
        await self._open("open_reader", place)

    async def action_open_quotes(self) -> None:
        """Show every quote."""
        await self._open("open_quotes")

    async def action_open_documents(self) -> None:
        """Show every document."""
        await self._open("open_documents")

    async def action_open_search(self) -> None:
        """Search everything as you type."""
        await self._open("open_search")

    async def action_open_corrections(self) -> None:
        """List every correction, stale or not."""
        await self._open("open_corrections")

    def action_undo(self) -> None:
        """Undo the last correction, through the screen showing (which then shows the store as it is)."""
        if isinstance(self.screen, ExplorerScreen):
            self.screen.action_undo()

    async def action_search_all(self) -> None:
        """Search everything (ctrl+k), also from the reader, where / finds in the document."""
        await self._open("open_search")

    async def action_open_board(self) -> None:
        """Show the evidence board: the pinned quotes, passages, events and citations."""
        await self._open("open_board")

    def action_open_help(self) -> None:
        """List every binding of the current screen."""
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_show_help(self) -> None:
        """Help from anywhere, text boxes included."""
        self.action_open_help()

    def open_place(self, place: Place) -> None:
        """Open a dossier or the reader at a place, on top of the history."""
        if isinstance(place, ActorPlace):
            from tui.screens.dossier import DossierScreen

            self.push_screen(DossierScreen(place.actor_id))
        elif isinstance(place, TextPlace):
            from tui.screens.reader import ReaderScreen

            self.push_screen(ReaderScreen(place))

    @on(Navigate)
    def _navigate(self, message: Navigate) -> None:
        """Go where a screen or widget asked to go."""
        self.open_place(message.place)
