"""The first screen does only the work it shows: each read asked once, nothing drawn while it is hidden."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest

from explorer_driver import Explorer
from store import queries
from store.db import Store
from tui.app import NatoAsiaApp
from tui.widgets.dossier_view import DossierView
from tui.widgets.key_footer import KeyFooter
from tui.widgets.kind_tabs import KindTabs

NARROW, WIDE = (80, 24), (140, 40)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times the first screen asks the store for a dossier, and for who speaks for its actor."""
    asked: Counter[str] = Counter()
    for name in ("dossier", "with_spoken_for"):
        read = getattr(queries, name)

        def counted(*args: Any, name: str = name, read: Any = read, **kwargs: Any) -> Any:
            asked[name] += 1
            return read(*args, **kwargs)

        monkeypatch.setattr(queries, name, counted)
    return asked


@asynccontextmanager
async def first_screen(store: Store, size: tuple[int, int]) -> AsyncIterator[Explorer]:
    """The explorer at a terminal size, its first screen come to rest."""
    app = NatoAsiaApp(store)
    async with app.run_test(size=size) as pilot:
        ui = Explorer(app, pilot)
        await ui.settle()
        yield ui


async def test_a_wide_first_screen_reads_and_draws_the_previewed_dossier_once(
    seed_store: Store, reads: Counter[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first page and the table's first highlight both name the top actor (NATO): one dossier read and
    one read of who speaks for it, not two of each; the preview is drawn twice, not four times: the dossier,
    then with the 8 quotes of those who speak for NATO."""
    shown = []
    monkeypatch.setattr(DossierView, "show", lambda view, dossier: shown.append(dossier.affiliated_total))
    async with first_screen(seed_store, WIDE):
        assert reads == {"dossier": 1, "with_spoken_for": 1}
        assert shown == [0, 8]


async def test_a_narrow_first_screen_leaves_the_hidden_preview_undrawn(seed_store: Store, reads: Counter[str]) -> None:
    """At 80 columns the preview is hidden: the dossier is read (r reads at its first mention) but not drawn,
    nor is who speaks for its actor looked for; r still opens the reader."""
    async with first_screen(seed_store, NARROW) as ui:
        assert ui.app.screen.query_one("#preview", DossierView).dossier is None
        assert reads == {"dossier": 1}
        assert ui.app.screen.reader_place() is not None


async def test_the_first_screens_footer_is_one_widget_that_draws_every_key(seed_store: Store) -> None:
    """The footer draws the screen's keys itself: no widget per key to mount, style and lay out (Textual's
    Footer builds a dozen after the first frame); the keys shown are those the screen has."""
    async with first_screen(seed_store, NARROW) as ui:
        footer = ui.app.screen.query_one(KeyFooter)
        assert not footer.children
        shown = [b.binding for b in ui.app.screen.active_bindings.values() if b.binding.show]
        assert len(shown) >= 8
        assert str(footer.render()).split() == [word for binding in shown
                                                for word in (ui.app.get_key_display(binding), *binding.description.split())]


async def test_a_click_on_a_footer_key_presses_it(seed_store: Store) -> None:
    """Clicking "f Filter" in the footer moves the keys to the filter box, as pressing f does."""
    async with first_screen(seed_store, NARROW) as ui:
        footer = ui.app.screen.query_one(KeyFooter)
        column = str(footer.render()).index("f Filter")
        await ui.pilot.click(KeyFooter, offset=(column, 0))
        await ui.settle()
        assert ui.app.focused is ui.app.screen.query_one("#filter")


async def test_the_kind_tabs_are_one_widget_and_a_click_chooses_a_kind(seed_store: Store) -> None:
    """The tabs draw their row and bar themselves (Textual's Tabs mount eleven widgets for them); a click on
    a tab's label lists that kind, as ] does."""
    async with first_screen(seed_store, NARROW) as ui:
        tabs = ui.app.screen.query_one(KindTabs)
        assert not tabs.children
        assert tabs.labels[0].startswith("all ") and tabs.kind is None
        column = next(index for index, label in enumerate(tabs.labels) if label.startswith("outlet"))
        start = sum(len(label) + 2 for label in tabs.labels[:column]) + 1
        await ui.pilot.click(KindTabs, offset=(start, 0))
        await ui.settle()
        assert tabs.kind == "outlet"
        assert {row[3] for row in ui.rows()} == {"outlet"}


async def test_a_screen_over_the_list_stops_finding_who_speaks_for_its_actor(
    seed_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Who speaks for a country takes seconds of reading in a large store, through the connection a search
    typed over the list needs too: opening the search stops it, and coming back to the list reads it again."""
    asked, stopped = [], []

    def slow_read(store: Store, found: queries.Dossier, limit: int | None = None,
                  cancelled: Callable[[], bool] = lambda: False) -> queries.Dossier:
        asked.append(found.actor.name)
        for _ in range(2000):  # a long read: it ends when cancelled (or, failing that, after ~10 s)
            if cancelled():
                stopped.append(found.actor.name)
                break
            time.sleep(0.005)
        return found

    async def until(done: Callable[[], bool]) -> bool:
        for _ in range(400):
            if done():
                return True
            await pilot.pause(0.01)
        return done()

    monkeypatch.setattr(queries, "with_spoken_for", slow_read)
    app = NatoAsiaApp(seed_store)
    async with app.run_test(size=WIDE) as pilot:
        assert await until(lambda: len(asked) == 1)
        await pilot.press("slash")
        assert await until(lambda: len(stopped) == 1)
        await pilot.press("escape")
        assert await until(lambda: len(asked) == 2)
        assert asked == [asked[0]] * 2 and stopped == [asked[0]]
