"""The line-at-a-time list: OptionList's keys and clicks, only the lines in view drawn, and new options
taking the old ones' place with the highlight kept on an option the user moved to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.strip import Strip
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from store.db import Store

from tui.messages import ActorPlace, Navigate
from tui.widgets.line_list import LineList
from tui.widgets.nav_list import Heading, PlaceOption
from tui.widgets.result_list import ResultList

if TYPE_CHECKING:
    from tests.tui.conftest import Explore


def rows(*names: str) -> list[Option]:
    """A heading over one result per name, each opening an actor numbered by its place."""
    return [Heading("Actors"), *(PlaceOption(Content(name), ActorPlace(i)) for i, name in enumerate(names, 1))]


class ListApp(App[None]):
    """A result list of a given height, remembering what it was asked to open and highlight."""

    CSS = "ResultList { height: 6; border: none; }"

    def __init__(self, options: list[Option]) -> None:
        """Start with these options."""
        super().__init__()
        self.options = options
        self.opened: list[object] = []
        self.highlights: list[tuple[int, bool]] = []

    def compose(self) -> ComposeResult:
        """Just the list."""
        yield ResultList()

    def on_mount(self) -> None:
        """Fill and focus the list."""
        results = self.query_one(ResultList)
        results.show(self.options)
        results.focus()

    def on_navigate(self, message: Navigate) -> None:
        """Remember where enter or a click asked to go."""
        self.opened.append(message.place)

    def on_line_list_highlighted(self, message: LineList.Highlighted) -> None:
        """Remember each highlight and whether the user moved there."""
        self.highlights.append((message.index, message.moved))


async def test_keys_move_past_headings_and_wrap() -> None:
    """down/up skip the heading and wrap; home/end reach the ends; j/k move too."""
    app = ListApp(rows("Ann", "Bo", "Cy"))
    async with app.run_test() as pilot:
        results = app.query_one(ResultList)
        assert results.highlighted == 1
        await pilot.press("down", "down")
        assert results.highlighted == 3
        await pilot.press("down")
        assert results.highlighted == 1
        await pilot.press("up")
        assert results.highlighted == 3
        await pilot.press("home")
        assert results.highlighted == 1
        await pilot.press("end", "k")
        assert results.highlighted == 2
        await pilot.press("j")
        assert results.highlighted == 3


async def test_page_keys_move_a_screenful() -> None:
    """pgdn moves about the list's height (6 lines), pgup back; neither stops on a heading."""
    app = ListApp(rows(*(f"name {i}" for i in range(30))))
    async with app.run_test() as pilot:
        results = app.query_one(ResultList)
        await pilot.press("pagedown")
        assert results.highlighted == 7
        await pilot.press("pageup", "pageup")
        assert results.highlighted == 1
        await pilot.press("end")
        assert results.highlighted == 30 and results.scroll_offset.y == 31 - 6


async def test_enter_and_a_click_open_the_place() -> None:
    """enter opens the highlighted result; a click highlights the clicked one and opens it."""
    app = ListApp(rows("Ann", "Bo", "Cy"))
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert app.opened == [ActorPlace(1)]
        await pilot.click(ResultList, offset=(2, 3))
        assert app.opened == [ActorPlace(1), ActorPlace(3)]
        assert app.query_one(ResultList).highlighted == 3


class CountingList(ResultList):
    """A result list that notes which options it renders."""

    drawn: set[int] = set()

    def _render_option(self, index: int) -> list[Strip]:
        """Note the option, then render it."""
        self.drawn.add(index)
        return super()._render_option(index)


class LongListApp(ListApp):
    """500 results in a list six lines high."""

    def compose(self) -> ComposeResult:
        """Just the counting list."""
        yield CountingList()


async def wait_for(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    """Let the app run until done() holds (it draws when idle)."""
    for _ in range(50):
        if done():
            return
        await pilot.pause()
    assert done()


async def test_only_the_lines_in_view_are_drawn() -> None:
    """A list of 500 results six lines high renders the options in view, not every option."""
    app = LongListApp(rows(*(f"name {i}" for i in range(500))))
    async with app.run_test() as pilot:
        results = app.query_one(CountingList)
        await wait_for(pilot, lambda: bool(results.drawn))
        assert max(results.drawn) < 10
        await pilot.press("end")
        await wait_for(pilot, lambda: 500 in results.drawn)
        assert len(results.drawn) < 20


async def test_new_results_keep_a_result_you_moved_to() -> None:
    """Results replaced in place: the highlight stays on the result you moved to while it is found,
    and goes to the best (first) one when it is gone or you had not moved."""
    app = ListApp(rows("Ann", "Bo", "Cy"))
    async with app.run_test() as pilot:
        results = app.query_one(ResultList)
        results.show([Heading("Actors"), *rows("Ann", "Bo", "Cy")[2:]])
        assert results.highlighted == 1 and results.highlighted_place == ActorPlace(2)
        await pilot.press("down")
        assert results.highlighted_place == ActorPlace(3)
        new = rows("Ann", "Bo", "Cy")
        assert app.highlights[-1] == (2, True)
        results.show([new[0], new[3], new[1]])
        await pilot.pause()
        assert results.highlighted == 1 and results.highlighted_place == ActorPlace(3)
        assert app.highlights[-1] == (1, False)
        results.show(rows("Ann", "Bo"))
        await pilot.pause()
        assert results.highlighted == 1 and results.highlighted_place == ActorPlace(1)


async def test_the_search_screen_updates_its_list_in_place(seed_store: Store, explore: Explore) -> None:
    """Typing more of a word refills the same list (no new list is mounted), its best result highlighted."""
    async with explore(seed_store) as ui:
        await ui.search("nat")
        results = ui.app.screen.query_one(ResultList)
        assert results.option_count > 1
        await ui.press("o")
        assert "“nato”" in str(ui.app.screen.query_one("#search-hint", Static).render())
        assert ui.app.screen.query_one(ResultList) is results and results.highlighted == 1
