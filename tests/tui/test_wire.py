"""Pilot tests of the explorer on a small hand-built wire story: every screen, key and the history."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable, Input

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
from tui.widgets.nav_list import NavList

SIZE = (80, 24)


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and the screen redraw."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def names(app: NatoAsiaApp) -> list[str]:
    """Names listed on the actors screen, top to bottom."""
    table = app.screen.query_one("#actors-table", DataTable)
    return [str(table.get_row_at(row)[1]) for row in range(table.row_count)]


async def test_actors_are_listed_by_prominence_and_filter_by_kind_and_text(wire_store: Store) -> None:
    """The first screen lists every actor, most mentioned first; ] and typing narrow it."""
    app = NatoAsiaApp(wire_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ActorsScreen)
        assert set(names(app)) == {"Jane Doe", "Ola Nordmann", "Norway", "Oslo", "Reuters"}
        assert names(app)[-1] in {"Norway", "Reuters"}
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert names(app) == ["Jane Doe", "Ola Nordmann"]
        await pilot.press("f", "o", "l", "a")
        await settle(pilot)
        assert isinstance(app.focused, Input)
        assert names(app) == ["Ola Nordmann"]
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DossierScreen)
        assert app.screen.actor_id == wire_store.db.execute("SELECT id FROM actors WHERE name = 'Ola Nordmann'").fetchone()[0]


async def test_escape_walks_back_through_the_history(wire_store: Store) -> None:
    """Dossier, reader, timeline: escape returns through each to the actors screen, and no further."""
    app = NatoAsiaApp(wire_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        kinds = [type(screen) for screen in app.screen_stack[1:]]
        assert kinds == [ActorsScreen, DossierScreen, ReaderScreen, TimelineScreen]
        for expected in (ReaderScreen, DossierScreen, ActorsScreen, ActorsScreen):
            await pilot.press("escape")
            await settle(pilot)
            assert type(app.screen) is expected


async def test_reader_steps_through_the_actors_mentions(wire_store: Store) -> None:
    """Opening a mention puts the cursor on it; n and N walk that actor's mentions, wrapping round."""
    app = NatoAsiaApp(wire_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # Jane Doe, the most mentioned
        await settle(pilot)
        await pilot.press("tab", "enter")  # her first mention
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        assert article.cursor is not None and article.cursor.name == "Jane Doe"
        first = article.cursor
        await pilot.press("n")
        assert article.cursor is not None and article.cursor.start > first.start
        await pilot.press("n")
        assert article.cursor == first
        await pilot.press("l")
        assert article.cursor is not None and article.cursor.name != "Jane Doe"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DossierScreen) and app.screen.actor_id == article.cursor.actor_id


async def test_timeline_and_sources_open_their_passages(wire_store: Store) -> None:
    """Events come oldest first; a citation whose outlet was lost is listed; enter opens the reader."""
    app = NatoAsiaApp(wire_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        events = app.screen.query_one(NavList)
        assert str(events.get_option_at_index(0).prompt) == "2019"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.place is not None
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SourcesScreen)
        headings = [str(events.prompt) for events in app.screen.query_one(NavList).options if events.disabled]
        assert headings[0].startswith("Reuters") and any(h.startswith("Outlet lost") for h in headings)


async def test_search_opens_the_first_result_and_help_lists_the_keys(wire_store: Store) -> None:
    """/ searches as you type (typo included); enter opens the top hit; ? lists the screen's keys."""
    app = NatoAsiaApp(wire_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"nordman")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DossierScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = [tuple(map(str, table.get_row_at(row))) for row in range(table.row_count)]
        assert ("⇥", "Next", "this screen") in rows
        assert any(row[0] == "/" for row in rows) and any(row[0] == "esc" for row in rows)
