"""A person at the keyboard, for Pilot tests: press keys, wait for the screen, read what it shows."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable
from textual.worker import WorkerCancelled

from tui.app import NatoAsiaApp


async def workers_done(app: App[object]) -> None:
    """Wait for the app's workers; one cancelled meanwhile (superseded by a newer query) is no failure."""
    for _ in range(10):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


class Explorer:
    """A running explorer: press keys and wait for the screen, or walk until something holds."""

    settle_rounds = 3
    """Rounds of waiting: workers whose results start more workers (a row's preview) need several."""

    def __init__(self, app: NatoAsiaApp, pilot: Pilot[None]) -> None:
        """Drive this app through its pilot."""
        self.app = app
        self.pilot = pilot

    async def settle(self) -> None:
        """Let workers finish, and those their results start, and the screen redraw."""
        for _ in range(self.settle_rounds):
            await self.pilot.pause()
            await workers_done(self.app)
        await self.pilot.pause()

    async def press(self, *keys: str) -> None:
        """Press keys one at a time, waiting for the screen after each as a person would."""
        for key in keys:
            await self.pilot.press(key)
            await self.settle()

    async def burst(self, *keys: str) -> None:
        """Send keys all at once, as a paste or a fast typist does, then wait for the screen."""
        # Pilot.press waits for the app after each key; a terminal hands keys on as they come.
        driver = self.app._driver
        assert driver is not None
        for key in keys:
            character = {"slash": "/", "space": " "}.get(key, key if len(key) == 1 else None)
            event = events.Key(key, character)
            event.set_sender(self.app)
            driver.send_message(event)
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
