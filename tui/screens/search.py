"""Search everything as you type: actors, quotes, passages and events, typos tolerated."""

from __future__ import annotations

import threading
import time
from functools import partial

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Header, Input, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store.db import Store, StoreError
from store.nouns import counted_noun
from store.queries import PassageView, passage_neighbours
from store.export import Scope
from store.search import SearchResults, search
from tui.messages import ActorPlace, TextPlace
from tui.screens.base import CITE, CORRECT, LINEAGE, MERGE, WHY, ExplorerScreen, Highlighted, QuoteSpot
from tui.screens.printable import printable
from tui.widgets.attached import in_history
from tui.widgets.key_footer import KeyFooter
from tui.widgets.line_list import LineList
from tui.widgets.nav_list import PlaceOption
from tui.widgets.passage_preview import PassagePreview
from tui.widgets.quiet_input import QuietInput
from tui.widgets.result_list import ResultList, RowStyle, result_options

LIMIT = 20
"""Results per type."""
SHORT_QUERY = 3
"""Up to this many characters a query is a prefix that the next key will narrow: few rows are built."""
SHORT_LIMIT = 5
"""Results per type for a short query: four groups of five fill a screen, and each costs its row."""
PREVIEW_AFTER_TYPING = 0.3
"""Seconds new results must stay put before the first one's passage is previewed: typing never waits on
a preview (mounting one costs a layout of the screen)."""
PREVIEW_AFTER_MOVE = 0.05
"""Seconds the highlight must rest after up or down: holding a key down previews only where it stops."""
HINT = "Type a name, a phrase or a year. Typos are fine. Enter opens the highlighted result."


MOVE = Binding.Group("Move")
"""up and down share one footer entry."""


def settled_neighbours(store: Store, passage_id: int, pause: float) -> tuple[PassageView, ...] | None:
    """After a pause, a passage and its neighbours; None when a newer highlight superseded this one."""
    time.sleep(pause)
    if get_current_worker().is_cancelled:
        return None
    return passage_neighbours(store, passage_id, 2)


class SearchScreen(ExplorerScreen):
    """A search box over results; up/down move through them, enter opens the highlighted one."""

    TITLE = "Search"
    BINDINGS = [
        Binding("down", "move(1)", "Down", group=MOVE, priority=True),
        Binding("up", "move(-1)", "Up", group=MOVE, priority=True),
        WHY,
        LINEAGE,
        CORRECT,
        MERGE,
        *CITE,
    ]

    class Found(Message):
        """Results of the newest search, ready to show."""

        def __init__(self, asked: str, results: SearchResults, options: list[Option]) -> None:
            """Carry what was typed, its results (whose text is made printable) and their rows."""
            super().__init__()
            self.asked = asked
            self.results = results
            self.options = options

    def __init__(self) -> None:
        """A search screen with nothing typed yet."""
        super().__init__()
        # Searches run one at a time: a burst of keys never has several searches fighting for the CPU.
        self._one_search = threading.Lock()
        self._previewed: TextPlace | None = None
        """The place the preview shows (it is not fetched again for it)."""
        self.scope: Scope | None = None
        """The results shown, as a part of the JSON export (for `e`)."""

    def compose(self) -> ComposeResult:
        """Box, results, footer."""
        yield Header()
        yield QuietInput(placeholder="search actors, quotes, passages, events…", id="search-input")
        yield Static(HINT, id="search-hint", markup=False)
        with Horizontal(classes="with-preview"):
            yield ResultList(id="results")
            yield PassagePreview()
        yield KeyFooter()

    def on_mount(self) -> None:
        """Keys go to the box, from the next one on (Widget.focus would wait for keys already sent)."""
        self.set_focus(self.query_one("#search-input", Input))

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        """Search again on every keystroke; the newest search cancels the older ones."""
        text = event.value.strip()
        if text:
            self.run_search(text, self.query_one(ResultList).row_style())
        else:
            self.workers.cancel_group(self, "search")
            self.query_one(ResultList).clear_options()
            self.query_one("#search-hint", Static).update(HINT, layout=False)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, text: str, style: RowStyle) -> None:
        """Search in a thread, one search at a time; a superseded search stops at its next stage.

        A short prefix, which the next key will likely narrow, gets a few rows at once and the rest only
        if typing rests. The thread also builds and measures the rows, so the UI thread only shows them."""
        short = len(text) <= SHORT_QUERY
        if self._search_and_post(text, style, SHORT_LIMIT if short else LIMIT) and short:
            time.sleep(PREVIEW_AFTER_TYPING)
            self._search_and_post(text, style, LIMIT)

    def _search_and_post(self, text: str, style: RowStyle, limit: int) -> bool:
        """Search (in the search worker) and post the results; False if superseded or failed."""
        worker = get_current_worker()
        with self._one_search:
            if worker.is_cancelled:
                return False
            try:
                results = search(self.store, text, limit=limit, cancelled=lambda: worker.is_cancelled)
            except StoreError as error:
                self.report_from_thread(error)
                return False
        if worker.is_cancelled:
            return False
        results = printable(results)
        self.post_message(self.Found(text, results, result_options(results, style)))
        return True

    @on(Found)
    def _show(self, message: Found) -> None:
        """Show results unless the box has moved on since they were asked for, or the screen closed."""
        if not in_history(self) or message.asked != self.query_one("#search-input", Input).value.strip():
            return
        results = message.results
        total = sum(
            len(group) for group in (results.actors, results.quotes, results.passages, results.events)
        )
        found = f"{counted_noun(total, 'result')} for “{results.query}”"
        hint = found if total else f"Nothing found for “{results.query}”"
        # The hint is one line high whatever it says: no need to lay the screen out again.
        self.query_one("#search-hint", Static).update(hint, layout=False)
        self.scope = {group: ("id", [hit.id for hit in getattr(results, group)])
                      for group in ("actors", "quotes", "passages", "events")}
        self.query_one(ResultList).show(message.options)

    @on(LineList.Highlighted, "#results")
    def _preview_when_settled(self, event: LineList.Highlighted) -> None:
        """Preview the highlighted result once the highlight rests, not on every keystroke's results."""
        self._preview(event.option, PREVIEW_AFTER_MOVE if event.moved else PREVIEW_AFTER_TYPING)

    def on_resize(self) -> None:
        """A screen made wide shows its preview: fill it with the highlighted result's passage."""
        self._preview(self.query_one(ResultList).highlighted_option, 0)

    def _preview(self, option: Option | None, pause: float) -> None:
        """Fetch the passage of an option's place after a pause (a newer highlight or newer results start
        the pause again), unless the preview is hidden (a narrow screen: no work for what is not shown)
        or already shows it."""
        place = option.preview if isinstance(option, PlaceOption) else None
        if place is None or place == self._previewed or not self.has_class("-wide"):
            return
        show = partial(self._show_preview, place=place)
        self.fetch("context", settled_neighbours, place.passage_id, pause, then=show)

    async def _show_preview(self, passages: tuple[PassageView, ...] | None, place: TextPlace) -> None:
        """Show the preview unless a newer highlight took its place (or went back to what it shows)."""
        if passages is not None and place == self.reader_place():
            self._previewed = place
            await self.query_one(PassagePreview).show(passages, place)

    @on(Input.Submitted, "#search-input")
    def _open_highlighted(self) -> None:
        """Enter in the box opens the highlighted result."""
        self.query_one(ResultList).action_select()

    def reader_place(self) -> TextPlace | None:
        """Read at the highlighted result (an actor's first mention for an actor)."""
        option = self.query_one(ResultList).highlighted_option
        return option.preview if isinstance(option, PlaceOption) else None

    def highlighted_quote(self) -> QuoteSpot | None:
        """The highlighted result, if it is a quote."""
        return self.query_one(ResultList).highlighted_quote

    def highlighted(self) -> Highlighted:
        """`c` and `m` act on the highlighted actor result, `c` also on a quote result (passages and events
        hold nothing to correct)."""
        results = self.query_one(ResultList)
        place = results.highlighted_place
        if isinstance(place, ActorPlace):
            return Highlighted(actor_id=place.actor_id)
        return Highlighted(quote_id=results.highlighted_quote)

    def after_correction(self) -> None:
        """Search again: a merge, a rename or a new speaker changes what the results say."""
        text = self.query_one("#search-input", Input).value.strip()
        if text:
            self.run_search(text, self.query_one(ResultList).row_style())

    def export_scope(self) -> Scope | None:
        """The results shown."""
        return self.scope

    def remake(self) -> ExplorerScreen:
        """A new search."""
        return SearchScreen()

    def highlighted_spot(self) -> TextPlace | None:
        """The highlighted quote, passage or event (an actor is no text to copy)."""
        place = self.query_one(ResultList).highlighted_place
        return place if isinstance(place, TextPlace) else None

    def action_move(self, step: int) -> None:
        """Move the highlight through the results while typing."""
        results = self.query_one(ResultList)
        if step > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()
