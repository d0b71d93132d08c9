"""Search as you type stays responsive: one search at a time, rows measured off the UI thread, the
preview loaded once the highlight rests, and a screen closed mid-preview is no crash."""

from __future__ import annotations

import asyncio
import time
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from store import queries
from store.db import Store
from store.search import search
from tui.messages import TextPlace
from tui.screens import search as search_screen
from tui.screens.base import ExplorerScreen
from tui.screens.search import SearchScreen
from tui.widgets.passage_preview import PassagePreview
from tui.widgets.passage_view import PassageView
from tui.widgets.result_list import ResultList, result_options

if TYPE_CHECKING:
    from tests.tui.conftest import Explore


async def test_rows_arrive_measured_at_the_lists_width(wire_store: Store, explore: Explore) -> None:
    """The rows the search thread builds already know their height at the list's width."""
    async with explore(wire_store) as ui:
        await ui.search("arctic")
        results = ui.app.screen.query_one(ResultList)
        style = results.row_style()
        options = result_options(search(wire_store, "arctic"), style)
        assert style.width > 0 and len(options) > 1
        for option in options:
            assert isinstance(option.prompt, Content)
            assert option.prompt._height_cache[0] == (style.width, "fold", False)
        assert results.option_count == len(options)


async def test_searches_run_one_at_a_time_and_the_last_text_wins(
    wire_store: Store, explore: Explore, monkeypatch: Any
) -> None:
    """Keys typed faster than searches end: never two searches at once, and the box's text is shown."""
    running: list[int] = []
    overlapped: list[bool] = []

    def slow_search(*args: Any, **kwargs: Any) -> Any:
        running.append(1)
        overlapped.append(len(running) > 1)
        try:
            time.sleep(0.3)  # slower than the keys come, as on a big store
            return search(*args, **kwargs)
        finally:
            running.pop()

    monkeypatch.setattr(search_screen, "search", slow_search)
    async with explore(wire_store) as ui:
        await ui.press("slash")
        for key in "arctic":
            await ui.pilot.press(key)
        await ui.settle()
        hint = ui.app.screen.query_one("#search-hint", Static)
        assert "“arctic”" in str(hint.render())
        assert overlapped and not any(overlapped)


async def test_the_preview_waits_for_the_highlight_to_rest(wire_store: Store, explore: Explore) -> None:
    """Results typed in show their first row's passage once typing pauses; moving previews the next."""
    async with explore(wire_store) as ui:
        await ui.resize(140, 40)
        await ui.search("arctic")
        screen = ui.app.screen
        assert isinstance(screen, SearchScreen)
        first = screen.reader_place()
        shown = [view.passage.id for view in screen.query(PassageView)]
        assert first is not None and shown and shown[0] == first.passage_id
        await ui.press("down")
        moved = screen.reader_place()
        assert moved is not None and screen.query(PassageView).first().passage.id == moved.passage_id


class _PreviewApp(App[None]):
    """Just a preview, to close while it mounts."""

    def compose(self) -> ComposeResult:
        """The preview and a box."""
        yield Input()
        yield PassagePreview()


async def test_a_preview_closed_while_mounting_is_no_crash(wire_store: Store) -> None:
    """Escape right after results show can close the screen while the preview mounts its passages."""
    passage = queries.documents(wire_store)[0]
    neighbours = queries.passage_neighbours(wire_store, _first_passage_id(wire_store, passage.id), 2)
    place = TextPlace(passage.id, neighbours[0].id, neighbours[0].start, neighbours[0].start + 1, None)
    app = _PreviewApp()
    async with app.run_test() as pilot:
        preview = app.query_one(PassagePreview)
        showing = asyncio.create_task(preview.show(neighbours, place))
        await asyncio.sleep(0)
        await preview.remove()
        await showing
        await pilot.pause()


async def test_leaving_search_as_its_preview_arrives_is_no_crash(seed_store: Store, explore: Explore) -> None:
    """Escape just as a preview's passages arrive: the closing screen drops them, the app carries on."""
    async with explore(seed_store) as ui:
        await ui.search("kery")
        screen = ui.app.screen
        place = screen.reader_place()
        assert isinstance(screen, SearchScreen) and place is not None
        passages = queries.passage_neighbours(seed_store, place.passage_id, 2)
        screen.post_message(ExplorerScreen.QueryDone(partial(screen._show_preview, place=place), passages))
        ui.app.pop_screen()
        await ui.settle()
        await ui.search("kery")
        assert ui.app.is_running and isinstance(ui.app.screen, SearchScreen)
        assert not ui.app._exit_renderables


async def test_keys_typed_as_search_opens_go_to_its_box(seed_store: Store, explore: Explore) -> None:
    """A burst of keys (a paste, a fast typist) right after / lands in the box, global letters too."""
    async with explore(seed_store) as ui:
        await ui.burst("slash", *"kery")
        assert isinstance(ui.app.screen, SearchScreen)
        assert ui.app.screen.query_one("#search-input", Input).value == "kery"
        await ui.press("escape")
        await ui.burst("slash", *"rasmusen")
        assert isinstance(ui.app.screen, SearchScreen)
        assert ui.app.screen.query_one("#search-input", Input).value == "rasmusen"
        hint = ui.app.screen.query_one("#search-hint", Static)
        assert "“rasmusen”" in str(hint.render())


async def test_keys_typed_right_after_f_filter_the_actors(seed_store: Store, explore: Explore) -> None:
    """f then a burst of letters filters by all of them, f included once the box has focus."""
    async with explore(seed_store) as ui:
        await ui.burst("f", *"fogh")
        assert ui.app.screen.query_one("#filter", Input).value == "fogh"


async def test_keys_typed_right_after_escape_go_where_escape_leads(seed_store: Store, explore: Explore) -> None:
    """escape then / and a word, typed fast, from search or from the filter box: a new search for it."""
    async with explore(seed_store) as ui:
        await ui.burst("slash", *"nato")
        await ui.burst("escape", "slash", *"kery")
        assert isinstance(ui.app.screen, SearchScreen)
        assert ui.app.screen.query_one("#search-input", Input).value == "kery"
        await ui.press("escape")
        await ui.burst("f", *"ja")
        await ui.burst("escape", "slash", *"abe")
        assert isinstance(ui.app.screen, SearchScreen)
        assert ui.app.screen.query_one("#search-input", Input).value == "abe"
        assert ui.app.screen_stack[-2].query_one("#filter", Input).value == "ja"


def _first_passage_id(store: Store, document_id: int) -> int:
    """The id of a document's first passage."""
    return queries.document_passages(store, document_id)[0].id


async def test_a_long_query_scrolls_the_box_to_its_end(seed_store: Store, explore: Explore) -> None:
    """The box repaints without a layout as you type, and still follows its cursor past its width."""
    async with explore(seed_store) as ui:
        await ui.resize(40, 20)
        await ui.burst("slash", *("nato " * 12).strip())
        box = ui.app.screen.query_one("#search-input", Input)
        assert box.scroll_offset.x > 0 and box.cursor_position == len(box.value)
        assert box.virtual_size.width > box.content_region.width
