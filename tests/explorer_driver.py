"""A person at the keyboard, for Pilot tests: press keys, wait for the screen, read what it shows."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable
from textual.worker import WorkerCancelled, WorkerState

from tui.app import NatoAsiaApp


SETTLE_LIMIT = 200
"""Rounds of waiting after which a screen that never comes to rest is a failure (an endless loop of work)."""


def at_rest(app: App[object]) -> bool:
    """True when no worker is pending or running and nothing waits to be handled or drawn on the screen."""
    if any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in app.workers):
        return False
    screen = app.screen
    if screen._callbacks or screen._layout_required or screen._dirty_widgets or screen._recompose_required:
        return False
    return all(node._message_queue.empty() and not node._next_callbacks
               for node in (app, *screen.walk_children(with_self=True)))


async def workers_done(app: App[object]) -> None:
    """Wait for the workers running now; one cancelled meanwhile (a newer query superseded it) is done too."""
    # WorkerManager.wait_for_complete raises when a worker it waits on is cancelled or not yet started.
    for worker in [worker for worker in app.workers if worker.state is WorkerState.RUNNING]:
        with suppress(WorkerCancelled):
            await worker.wait()


async def settle(pilot: Pilot[object]) -> None:
    """Wait until the explorer is at rest (a state, never a time): workers whose results start more workers
    (a row's preview) take several rounds, a key that starts none takes one."""
    for _ in range(SETTLE_LIMIT):
        await pilot.pause()
        if at_rest(pilot.app):
            return
        await workers_done(pilot.app)
    raise AssertionError(f"the explorer never came to rest in {SETTLE_LIMIT} rounds")


class Explorer:
    """A running explorer: press keys and wait for the screen, or walk until something holds."""

    def __init__(self, app: NatoAsiaApp, pilot: Pilot[None]) -> None:
        """Drive this app through its pilot."""
        self.app = app
        self.pilot = pilot

    async def settle(self) -> None:
        """Let workers finish, and those their results start, and the screen redraw."""
        await settle(self.pilot)

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

    async def wait_until(self, done: Callable[[], bool], what: str) -> None:
        """Let the explorer settle until done() holds (a state, never a time); fail if it never does."""
        for _ in range(SETTLE_LIMIT):
            if done():
                return
            await self.settle()
        assert done(), f"the explorer never got to {what}"

    def palette_lists(self, text: str) -> bool:
        """True when the command palette is open and lists a command whose prompt holds the text."""
        from textual.command import CommandList, CommandPalette

        screen = self.app.screen
        if not isinstance(screen, CommandPalette):
            return False
        options = screen.query_one(CommandList).options
        return any(text.casefold() in str(option.prompt).casefold() for option in options)

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
