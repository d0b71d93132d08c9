"""The `explore` fixture: run the explorer on a store and drive it like a person at the keyboard."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import pytest

from explorer_driver import Explorer
from store.db import Store
from tui.app import NatoAsiaApp

Explore = Callable[[Store], AbstractAsyncContextManager["Explorer"]]


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
