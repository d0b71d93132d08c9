"""The `explore` fixture: run the explorer on a store and drive it like a person at the keyboard."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from store.db import Store
from tui.app import NatoAsiaApp

Explore = Callable[[Store], AbstractAsyncContextManager["Explorer"]]


class Explorer:
    """A running explorer: press keys and wait for the screen, or walk until something holds."""

    def __init__(self, app: NatoAsiaApp, pilot: Pilot[None]) -> None:
        """Drive this app through its pilot."""
        self.app = app
        self.pilot = pilot

    async def settle(self) -> None:
        """Let workers finish, and those their results start (a row's preview), and the screen redraw."""
        for _ in range(3):
            await self.pilot.pause()
            await self.app.workers.wait_for_complete()

    async def press(self, *keys: str) -> None:
        """Press keys one at a time, waiting for the screen after each as a person would."""
        for key in keys:
            await self.pilot.press(key)
            await self.settle()

    async def resize(self, width: int, height: int) -> None:
        """Resize the terminal and let the layout settle."""
        await self.pilot.resize_terminal(width, height)
        await self.settle()

    def rows(self, selector: str = "DataTable") -> list[tuple[str, ...]]:
        """The rows of a table on the current screen, as text."""
        table = self.app.screen.query_one(selector, DataTable)
        return [tuple(map(str, table.get_row_at(row))) for row in range(table.row_count)]

    async def search(self, text: str) -> None:
        """Open search from wherever the explorer is, type the text and wait for the results."""
        await self.press("slash", *text)

    async def press_until(self, key: str, done: Callable[[], bool], limit: int = 80) -> None:
        """Press a key until done() holds; fail if it never does within limit presses."""
        for _ in range(limit):
            if done():
                return
            await self.press(key)
        assert done(), f"pressed {key!r} {limit} times without getting there"


@asynccontextmanager
async def exploring(store: Store) -> AsyncIterator[Explorer]:
    """The explorer on a store at 80x24, first screen loaded."""
    app = NatoAsiaApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        explorer = Explorer(app, pilot)
        await explorer.settle()
        yield explorer


@pytest.fixture
def explore() -> Explore:
    """Open the explorer on a store: `async with explore(store) as ui: await ui.press(...)`."""
    return exploring
