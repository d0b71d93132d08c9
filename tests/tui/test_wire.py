"""Pilot tests of the explorer on a small hand-built wire story: every screen, key and the history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import Input, Static

from store import queries
from store.db import Store, StoreError
from store.ingest import ingest_text
from store.model import Actor, Article
from tui.messages import TextPlace
from tui.screens.actors import ActorsScreen
from tui.screens.dossier import DossierScreen
from tui.screens.help import HelpScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.screens.sources import SourcesScreen
from tui.screens.timeline import TimelineScreen
from tui.widgets.article_view import GUTTER, ArticleView
from tui.widgets.nav_list import NavList
from tui.widgets.passage_preview import PassagePreview
from tui.widgets.passage_view import PassageView

if TYPE_CHECKING:
    from tests.tui.conftest import Explore


async def test_actors_are_listed_by_prominence_and_filter_by_kind_and_text(
    wire_store: Store, explore: Explore
) -> None:
    """The first screen lists every actor, most mentioned first; ] and typing narrow it."""
    async with explore(wire_store) as ui:
        app = ui.app
        assert isinstance(app.screen, ActorsScreen)
        assert {row[2] for row in ui.rows()} == {"Jane Doe", "Ola Nordmann", "Norway", "Oslo", "Reuters"}
        assert [row[2] for row in ui.rows()][-1] in {"Norway", "Reuters"}
        await ui.press("right_square_bracket")
        assert [row[2] for row in ui.rows()] == ["Jane Doe", "Ola Nordmann"]
        await ui.press("f", "o", "l", "a")
        assert isinstance(app.focused, Input)
        assert [row[2] for row in ui.rows()] == ["Ola Nordmann"]
        await ui.press("enter", "enter")
        assert isinstance(app.screen, DossierScreen)
        ola = next(actor for actor in queries.actors(wire_store) if actor.name == "Ola Nordmann")
        assert app.screen.actor_id == ola.id


async def test_escape_walks_back_through_the_history(wire_store: Store, explore: Explore) -> None:
    """Dossier, reader, timeline: escape returns through each to the actors screen, and no further."""
    async with explore(wire_store) as ui:
        app = ui.app
        await ui.press("enter", "enter", "t")
        kinds = [type(screen) for screen in app.screen_stack[1:]]
        assert kinds == [ActorsScreen, DossierScreen, ReaderScreen, TimelineScreen]
        for expected in (ReaderScreen, DossierScreen, ActorsScreen, ActorsScreen):
            await ui.press("escape")
            assert type(app.screen) is expected


async def test_reader_steps_through_the_actors_mentions(wire_store: Store, explore: Explore) -> None:
    """Opening a mention puts the cursor on it; n and N walk that actor's mentions, wrapping round."""
    async with explore(wire_store) as ui:
        app = ui.app
        await ui.press("enter")  # Jane Doe, the most mentioned
        await ui.press("tab", "enter")  # her first mention
        article = app.screen.query_one(ArticleView)
        assert article.cursor is not None and article.cursor.name == "Jane Doe"
        first = article.cursor
        await ui.press("n")
        assert article.cursor is not None and article.cursor.start > first.start
        status = app.screen.query_one("#reader-status", Static).visual
        assert str(status).startswith("Jane Doe mention 2/2 · ¶2")
        await ui.pilot.press("n")
        assert article.cursor == first
        await ui.pilot.press("l")
        assert article.cursor is not None and article.cursor.name != "Jane Doe"
        await ui.press("enter")
        assert isinstance(app.screen, DossierScreen) and app.screen.actor_id == article.cursor.actor_id


async def test_timeline_and_sources_open_their_passages(wire_store: Store, explore: Explore) -> None:
    """Events come oldest first; a citation whose outlet was lost is listed; enter opens the reader."""
    async with explore(wire_store) as ui:
        app = ui.app
        await ui.press("t")
        events = app.screen.query_one(NavList)
        assert str(events.get_option_at_index(0).prompt) == "2019"
        await ui.press("enter")
        assert isinstance(app.screen, ReaderScreen) and app.screen.place is not None
        await ui.press("s")
        assert isinstance(app.screen, SourcesScreen)
        headings = [str(events.prompt) for events in app.screen.query_one(NavList).options if events.disabled]
        assert headings[0].startswith("Reuters") and any(h.startswith("Outlet lost") for h in headings)


async def test_search_opens_the_first_result_and_help_lists_the_keys(
    wire_store: Store, explore: Explore
) -> None:
    """/ searches as you type (typo included); enter opens the top hit; ? lists the screen's keys."""
    async with explore(wire_store) as ui:
        app = ui.app
        await ui.search("nordman")
        assert isinstance(app.screen, SearchScreen)
        await ui.press("f1")
        assert isinstance(app.screen, HelpScreen) and ("↓", "Down", "this screen") in ui.rows()
        assert {where for _, _, where in ui.rows()} <= {"this screen", "text box", "everywhere"}  # no class names
        await ui.press("escape", "enter")
        assert isinstance(app.screen, DossierScreen)
        await ui.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = ui.rows()
        assert ("⇥", "Next", "this screen") in rows
        assert any(row[0] == "/" for row in rows) and any(row[0] == "esc" for row in rows)


async def test_a_failing_store_is_reported_not_fatal(
    wire_store: Store, explore: Explore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store error in a search or a screen's query becomes a notification; the explorer keeps running."""

    def locked(*args: object, **kwargs: object) -> None:
        """Fail as a store locked by another program does."""
        raise StoreError("store.db: the store is locked by another program; try again when it has finished")

    monkeypatch.setattr("tui.screens.search.search", locked)
    monkeypatch.setattr(queries, "timeline", locked)
    async with explore(wire_store) as ui:
        said: list[str] = []
        monkeypatch.setattr(ui.app, "notify", lambda message, **kwargs: said.append(message))
        await ui.search("d")
        await ui.press("escape", "t")
        assert len(said) == 2
        assert all("locked by another program" in message for message in said)
        assert isinstance(ui.app.screen, TimelineScreen) and ui.app.is_running


async def test_resizing_keeps_the_place_and_wide_screens_preview(wire_store: Store, explore: Explore) -> None:
    """The reader keeps its cursor in view through resizes; at 140 columns the timeline previews passages."""
    async with explore(wire_store) as ui:
        await ui.press("enter", "tab", "enter", "n")
        article = ui.app.screen.query_one(ArticleView)
        cursor = article.cursor
        for width, height in ((140, 40), (60, 16), (80, 24)):
            await ui.resize(width, height)
            assert cursor is not None and article.cursor == cursor and article.in_view(cursor.start)
        await ui.press("t")
        await ui.resize(140, 40)
        await ui.press("j")
        preview = ui.app.screen.query_one(PassagePreview)
        place = ui.app.screen.query_one(NavList).highlighted_place
        assert preview.display and isinstance(place, TextPlace)
        assert place.passage_id in {view.passage.id for view in preview.query(PassageView)}


async def test_the_preview_follows_the_highlight_in_the_views_it_has(wire_store: Store, explore: Explore) -> None:
    """Moving the highlight shows the new place's passage, its text and its target in the views already
    mounted: none is removed and mounted again (each mount restyles and lays out the screen)."""
    async with explore(wire_store) as ui:
        await ui.press("t")
        await ui.resize(140, 40)
        preview = ui.app.screen.query_one(PassagePreview)
        before = list(preview.query(PassageView))
        shown_before = before[0].passage.id
        await ui.press("j")
        place = ui.app.screen.query_one(NavList).highlighted_place
        after = list(preview.query(PassageView))
        assert isinstance(place, TextPlace) and after[0] is before[0]
        assert after[0].passage.id == place.passage_id != shown_before
        shown = after[0].query_one(".passage-text", Static).content
        assert str(shown) == after[0].passage.text
        target = place.start - after[0].passage.start
        assert any(span.start <= target < span.end for span in getattr(shown, "spans", ()))


async def test_command_palette_jumps_to_an_actor_or_a_quote(wire_store: Store, explore: Explore) -> None:
    """ctrl+p lists actors and quotes by name; enter opens the dossier or the reader at the quote."""
    async with explore(wire_store) as ui:
        await ui.press("ctrl+p", *"nordmann")
        await ui.wait_until(lambda: ui.palette_lists("Nordmann"), "Nordmann in the palette")
        await ui.press("enter")
        assert isinstance(ui.app.screen, DossierScreen)
        await ui.press("ctrl+p", *"arctic")
        await ui.wait_until(lambda: ui.palette_lists("Arctic"), "the Arctic quote in the palette")
        await ui.press("enter")
        assert isinstance(ui.app.screen, ReaderScreen) and ui.app.screen.place is not None
        quote = next(q for q in queries.quotes(wire_store) if "Arctic" in q.text)
        assert (ui.app.screen.place.start, ui.app.screen.place.end) == (quote.start, quote.end)


async def test_control_characters_in_an_article_are_shown_not_obeyed(
    fresh_store: Store, make_article: Callable[..., Article], explore: Explore
) -> None:
    """An escape sequence in the text reaches the screen as visible symbols (␛), at the same offsets."""
    text = "Talks\x1b[2J in Oslo\n\nDoe said: “We stand\x07 together.”\n"
    doe = Actor("Jane Doe", "person", None, ("Doe",))
    article = make_article(text, [doe], quotes=[("We stand\x07 together.", "Jane Doe", "speech")])
    ingest_text(fresh_store, text, "escapes.txt", extract=lambda _: article)
    async with explore(fresh_store) as ui:
        await ui.press("enter", "enter")
        article = ui.app.screen.query_one(ArticleView)
        lines = ["".join(segment.text for segment in article.render_line(y))[GUTTER:].strip() for y in range(4)]
        assert lines == ["Talks␛[2J in Oslo", "", "Doe said: “We stand␇ together.”", ""]
        assert "\x1b" not in str(ui.app.screen.sub_title)


async def test_a_read_only_store_says_so(tmp_path: Path, explore: Explore) -> None:
    """Opened read-only, the explorer browses as usual and its header says the store is read-only."""
    with Store.open(tmp_path / "s.db") as store:
        ingest_text(
            store,
            "Title\n\nJane Doe met Ola Nordmann.\n",
            "a.txt",
            extract=lambda text: Article(text, "Title", None, None),
        )
    with Store.open(tmp_path / "s.db", readonly=True) as store:
        async with explore(store) as ui:
            # The actors list's header line (its count and order) says so too.
            assert "read-only" in ui.app.sub_title and "read-only" in ui.app.screen.sub_title


async def test_r_reads_at_the_highlighted_actors_first_mention(wire_store: Store, explore: Explore) -> None:
    """r on the actors list opens the reader at the highlighted actor's first mention, cursor on it."""
    async with explore(wire_store) as ui:
        await ui.press("j", "r")
        assert isinstance(ui.app.screen, ReaderScreen)
        cursor = ui.app.screen.query_one(ArticleView).cursor
        assert cursor is not None and cursor.name == "Ola Nordmann"


async def test_reader_names_the_document_and_moves_between_documents(
    wire_store: Store, make_article: Callable[..., Article], explore: Explore
) -> None:
    """With two documents the reader says which one it shows; ] and [ open the others, escape returns."""
    text = "Second Story\n\nJane Doe spoke again in Oslo.\n"
    doe = Actor("Jane Doe", "person", None, ("Doe",))
    ingest_text(wire_store, text, "second.txt", extract=lambda _: make_article(text, [doe]))
    async with explore(wire_store) as ui:
        await ui.press("r")
        banner = lambda: str(ui.app.screen.query_one("#reader-document", Static).visual)  # noqa: E731
        assert "document 1 of 2" in banner() and ui.app.screen.query_one("#reader-document").display
        await ui.press("right_square_bracket")
        assert banner().startswith("Second Story") and "document 2 of 2" in banner()
        await ui.press("escape")
        assert "document 1 of 2" in banner()
