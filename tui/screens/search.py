"""Search everything as you type: actors, quotes, passages and events, typos tolerated."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Header, Input, Static
from textual.worker import get_current_worker

from store.db import StoreError
from store.search import SearchResults, search
from tui.messages import TextPlace
from tui.screens.base import ExplorerScreen
from tui.screens.printable import printable
from tui.widgets.key_footer import KeyFooter
from tui.widgets.nav_list import PlaceOption
from tui.widgets.passage_preview import PassagePreview
from tui.widgets.result_list import ResultList

LIMIT = 20
"""Results per type."""
HINT = "Type a name, a phrase or a year. Typos are fine. Enter opens the highlighted result."


MOVE = Binding.Group("Move")
"""up and down share one footer entry."""


class SearchScreen(ExplorerScreen):
    """A search box over results; up/down move through them, enter opens the highlighted one."""

    TITLE = "Search"
    BINDINGS = [
        Binding("down", "move(1)", "Down", group=MOVE, priority=True),
        Binding("up", "move(-1)", "Up", group=MOVE, priority=True),
    ]

    class Found(Message):
        """Results of the newest search, ready to show."""

        def __init__(self, asked: str, results: SearchResults) -> None:
            """Carry what was typed and its results (whose text is made printable)."""
            super().__init__()
            self.asked = asked
            self.results = results

    def compose(self) -> ComposeResult:
        """Box, results, footer."""
        yield Header()
        yield Input(placeholder="search actors, quotes, passages, events…", id="search-input")
        yield Static(HINT, id="search-hint", markup=False)
        with Horizontal(classes="with-preview"):
            yield ResultList(id="results")
            yield PassagePreview()
        yield KeyFooter()

    def on_mount(self) -> None:
        """Keys go to the box."""
        self.query_one("#search-input", Input).focus()

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        """Search again on every keystroke; the newest search cancels the older ones."""
        text = event.value.strip()
        if text:
            self.run_search(text)
        else:
            self.workers.cancel_group(self, "search")
            self.query_one(ResultList).clear_options()
            self.query_one("#search-hint", Static).update(HINT)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, text: str) -> None:
        """Search in a thread; results of a superseded search are dropped."""
        try:
            results = printable(search(self.store, text, limit=LIMIT))
        except StoreError as error:
            self.report_from_thread(error)
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(text, results))

    @on(Found)
    def _show(self, message: Found) -> None:
        """Show results unless the box has moved on since they were asked for."""
        if message.asked != self.query_one("#search-input", Input).value.strip():
            return
        results = message.results
        total = sum(
            len(group) for group in (results.actors, results.quotes, results.passages, results.events)
        )
        hint = f"{total} results for “{results.query}”" if total else f"Nothing found for “{results.query}”"
        self.query_one("#search-hint", Static).update(hint)
        self.query_one(ResultList).show(results)

    @on(Input.Submitted, "#search-input")
    def _open_highlighted(self) -> None:
        """Enter in the box opens the highlighted result."""
        self.query_one(ResultList).action_select()

    def reader_place(self) -> TextPlace | None:
        """Read at the highlighted result (an actor's first mention for an actor)."""
        option = self.query_one(ResultList).highlighted_option
        return option.preview if isinstance(option, PlaceOption) else None

    def action_move(self, step: int) -> None:
        """Move the highlight through the results while typing."""
        results = self.query_one(ResultList)
        if step > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()
