"""Resizing between 20x6 and 200x60 on every screen keeps the screen, the highlighted row and the place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList

from store.db import Store
from tui.app import NatoAsiaApp
from tui.screens.actors import ActorsScreen
from tui.screens.dossier import DossierScreen
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.screens.sources import SourcesScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.line_list import LineList

if TYPE_CHECKING:
    from tests.hardening.conftest import Driver

SIZES = [(20, 6), (200, 60), (20, 6), (40, 12), (80, 24), (140, 40)]
"""Smallest to largest and back, then up through the sizes people use. Each jump is made once: 200x60, the
dearest size to draw, is visited once (from the smallest, and back to it)."""


def list_place(screen: Screen[object]) -> object:
    """The highlighted row of the screen's (first) option list or table."""
    lists = screen.query(OptionList) or screen.query(LineList)
    found = lists.first() if lists else screen.query(DataTable).first()
    if isinstance(found, (OptionList, LineList)):
        return found.highlighted, getattr(found.highlighted_option, "place", None)
    return found.cursor_row


def reader_place(screen: Screen[object]) -> object:
    """The reader's target and cursor mention."""
    article = screen.query_one(ArticleView)
    return article.place, article.cursor


def search_place(screen: Screen[object]) -> object:
    """The query typed and the highlighted result."""
    return screen.query_one("#search-input", Input).value, list_place(screen)


def actors_place(screen: Screen[object]) -> object:
    """The highlighted actor."""
    assert isinstance(screen, ActorsScreen)
    return screen.highlighted_actor_id()


SCREENS: list[tuple[str, tuple[str, ...], type[Screen[object]], Callable[[Screen[object]], object]]] = [
    ("actors", ("j", "j"), ActorsScreen, actors_place),
    ("dossier", ("enter", "j", "j", "j"), DossierScreen, list_place),
    ("reader", ("r", "l", "l", "l"), ReaderScreen, reader_place),
    ("search", ("slash", *"japan", "down"), SearchScreen, search_place),
    ("timeline", ("t", "j", "j"), TimelineScreen, list_place),
    ("sources", ("s", "j", "j"), SourcesScreen, list_place),
    ("help", ("question_mark", "j", "j", "j"), HelpScreen, list_place),
]


def cursor_in_view(screen: Screen[object]) -> bool:
    """The reader's cursor passage overlaps the visible article (trivially true if nothing fits)."""
    article = screen.query_one(ArticleView)
    if article.cursor is None or article.region.height == 0:
        return True
    return article.in_view(article.cursor.start)


@pytest.mark.parametrize(("keys", "kind", "place_of"), [case[1:] for case in SCREENS],
                         ids=[case[0] for case in SCREENS])
async def test_resizing_keeps_the_place(
    driver: type[Driver], small_store: Store, keys: tuple[str, ...], kind: type[Screen[object]],
    place_of: Callable[[Screen[object]], object],
) -> None:
    """Every screen, moved off its first row, survives each size with the same screen and row."""
    app = NatoAsiaApp(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = driver(app, pilot)
        await ui.settle()
        await ui.press(*keys)
        assert isinstance(app.screen, kind)
        before = place_of(app.screen)
        assert before is not None, "the keys did not move to a row"
        for width, height in SIZES:
            await ui.resize(width, height)
            assert app.screen is app.screen_stack[-1] and isinstance(app.screen, kind), (width, height)
            assert place_of(app.screen) == before, f"place lost at {width}x{height}"
            if isinstance(app.screen, ReaderScreen):
                assert cursor_in_view(app.screen), f"reader cursor scrolled out of view at {width}x{height}"
        assert not ui.errors()
