"""Hardening fixtures: a small two-document store and a driver that runs the explorer and checks it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from explorer_driver import Explorer
from store.db import Store
from tui.screens.actors import ActorsScreen

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
SMALL = ("wire-manila-patrol.txt", "analysis-quad-summit.md")
"""The articles of the small store: short, with quotes, events, citations and several actor kinds."""


class Driver(Explorer):
    """A running explorer with the checks every hardening test makes: no crash, no error shown."""

    def errors(self) -> list[str]:
        """Error notifications shown so far (a store error on a good store is a bug)."""
        return [f"{n.title}: {n.message}" for n in self.app._notifications if n.severity == "error"]

    def at_home(self) -> bool:
        """True on the first Actors screen with nothing above it, keys on the list (not in a text box)."""
        stack = self.app.screen_stack
        return len(stack) == 2 and isinstance(stack[-1], ActorsScreen) and not isinstance(self.app.focused, Input)

    async def escape_home(self) -> None:
        """Press escape until the first Actors screen shows; fail if the user would be stuck."""
        for _ in range(2 * len(self.app.screen_stack) + 4):
            if self.at_home():
                break
            await self.press("escape")
        stack = [type(screen).__name__ for screen in self.app.screen_stack]
        assert self.at_home(), f"escape never led back to the actors screen: stuck at {stack}"


@pytest.fixture(scope="session")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file with two short fixture articles (a wire story and a Markdown analysis)."""
    pytest.importorskip("store.extract.pipeline", reason="extraction pipeline not written yet")
    from store.files import read_article
    from store.ingest import ingest_text

    path = tmp_path_factory.mktemp("small") / "small.db"
    with Store.open(path) as store:
        for name in SMALL:
            ingest_text(store, read_article(ARTICLES / name), name)
    return path


@pytest.fixture(scope="session")
def small_store(small_db: Path) -> Iterator[Store]:
    """The small store, opened read-only for the whole session."""
    with Store.open(small_db, readonly=True) as store:
        yield store


@pytest.fixture(scope="session")
def driver() -> type[Driver]:
    """The Driver class, for tests that run the explorer themselves (hypothesis examples)."""
    return Driver
