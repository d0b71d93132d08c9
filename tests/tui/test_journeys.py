"""The explorer's journeys on the bundled seed article, at 80x24, keyboard only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import DataTable

from store import queries
from store.queries import PassageView as Passage
from store.db import Store
from tui.app import NatoAsiaApp
from tui.messages import TextPlace
from tui.screens.actors import ActorsScreen
from tui.screens.dossier import DossierScreen
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.kind_tabs import KindTabs
from tui.widgets.nav_list import NavList

if TYPE_CHECKING:
    from tests.tui.conftest import Explore


def highlighted_place(app: NatoAsiaApp) -> TextPlace | None:
    """The place of the highlighted row of the screen's list."""
    place = app.screen.query(NavList).first().highlighted_place
    return place if isinstance(place, TextPlace) else None


def target_in_view(app: NatoAsiaApp) -> Passage:
    """The reader's passage holding the target, asserting the target is on screen."""
    article = app.screen.query_one(ArticleView)
    assert article.place is not None
    assert article.in_view(article.place.start), "the target is scrolled out of view"
    return next(p for p in article.passages if p.id == article.place.passage_id)


async def test_what_rasmussen_said_about_china(seed_store: Store, explore: Explore) -> None:
    """Search 'rasmusen' -> his dossier -> his quote on China -> the reader at it -> escape to the dossier."""
    async with explore(seed_store) as ui:
        app = ui.app
        await ui.search("rasmusen")
        assert isinstance(app.screen, SearchScreen)
        await ui.press("enter")
        assert isinstance(app.screen, DossierScreen)
        dossier = queries.dossier(seed_store, app.screen.actor_id)
        assert dossier is not None and dossier.actor.name == "Anders Fogh Rasmussen"
        threat = next(q for q in dossier.quotes if "direct threat" in q.text)
        await ui.press_until("j", lambda: getattr(highlighted_place(app), "start", None) == threat.start)
        await ui.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        passage = target_in_view(app)
        assert passage.start <= threat.start < threat.end <= passage.end
        article = app.screen.query_one(ArticleView)
        assert (article.place.start, article.place.end) == (threat.start, threat.end)
        await ui.press("escape")
        assert isinstance(app.screen, DossierScreen)
        assert highlighted_place(app).start == threat.start


async def test_xinhua_leads_to_the_citing_passage(seed_store: Store, explore: Explore) -> None:
    """Actors -> outlets -> Xinhua -> its sources -> the passage citing it."""
    async with explore(seed_store) as ui:
        app = ui.app
        assert isinstance(app.screen, ActorsScreen)
        tabs = app.screen.query_one(KindTabs)
        await ui.press_until("right_square_bracket", lambda: tabs.kind == "outlet")
        table = app.screen.query_one("#actors-table", DataTable)
        row = lambda: str(table.get_row_at(table.cursor_row)[2])  # noqa: E731
        await ui.press_until("j", lambda: row() == "Xinhua")
        await ui.press("enter")
        assert isinstance(app.screen, DossierScreen)
        cited = {
            c.start for c in queries.sources(seed_store).outlets for c in c.citations if c.outlet == "Xinhua"
        }
        await ui.press_until("j", lambda: getattr(highlighted_place(app), "start", None) in cited)
        await ui.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert "(Xinhua," in target_in_view(app).text


async def test_1999_opens_the_belgrade_passage(seed_store: Store, explore: Explore) -> None:
    """Timeline -> 1999 -> the passage about the bombing in Belgrade."""
    async with explore(seed_store) as ui:
        app = ui.app
        await ui.press("t")
        events = {e.start: e for e in queries.timeline(seed_store)}
        chosen = lambda: events.get(getattr(highlighted_place(app), "start", -1))  # noqa: E731
        await ui.press_until("tab", lambda: chosen() is not None and chosen().date == "1999")
        await ui.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert "Belgrade" in target_in_view(app).text


async def test_help_shows_the_readers_keys(seed_store: Store, explore: Explore) -> None:
    """? on the reader lists n/N, enter, escape, / (find in the document), ctrl+k (search everything) and
    the global keys, each with what it does."""
    async with explore(seed_store) as ui:
        app = ui.app
        await ui.press("r", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = {key: does for key, does, _ in ui.rows()}
        assert keys["n"] == "Next match or mention" and keys["N"] == "Previous match or mention"
        assert keys["/"] == "Find" and keys["^k"] == "Search all"
        assert {"esc", "a", "t", "s", "?", "q", "y", "b"} <= set(keys)
        await ui.press("escape")
        assert isinstance(app.screen, ReaderScreen)
