"""`w` explains how a quote was attributed: from the dossier, the reader and search, at 80x24."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from textual.widgets import Input

from store import queries
from store.db import Store
from tests.tui.test_journeys import highlighted_place
from tui.screens.dossier import DossierScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.screens.why import RULES, WhyScreen
from tui.widgets.result_list import ResultList

if TYPE_CHECKING:
    from explorer_driver import Explorer
    from tests.tui.conftest import Explore


def why_text(ui: Explorer) -> str:
    """Everything the why box says, one line per part."""
    screen = ui.app.screen
    assert isinstance(screen, WhyScreen)
    return "\n".join(str(part.render()) for part in screen.query("#why-box Static"))


def silenced(ui: Explorer, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Collect what the explorer would notify instead of showing it."""
    said: list[str] = []
    monkeypatch.setattr(ui.app.screen, "notify", lambda message, **kwargs: said.append(message))
    return said


async def open_threat_quote(ui: Explorer, store: Store) -> None:
    """Rasmussen's dossier with his quote on China highlighted."""
    await ui.search("rasmusen")
    await ui.press("enter")
    assert isinstance(ui.app.screen, DossierScreen)
    dossier = queries.dossier(store, ui.app.screen.actor_id)
    assert dossier is not None
    threat = next(q for q in dossier.quotes if "direct threat" in q.text)
    await ui.press_until("j", lambda: getattr(highlighted_place(ui.app), "start", None) == threat.start)


async def test_why_from_the_dossier(seed_store: Store, explore: Explore) -> None:
    """A quote in the dossier: w names the rule in words and shows the cue; escape goes back."""
    async with explore(seed_store) as ui:
        await open_threat_quote(ui, seed_store)
        await ui.press("w")
        said = why_text(ui)
        assert "Anders Fogh Rasmussen" in said
        assert RULES["cue_before"] in said.replace("\n", " ")
        assert "Cue: replied" in said and "Rasmussen replied" in said
        await ui.press("escape")
        assert isinstance(ui.app.screen, DossierScreen)


async def test_why_on_a_mention_says_there_is_no_quote(
        seed_store: Store, explore: Explore, monkeypatch: pytest.MonkeyPatch) -> None:
    """A mention row is no quote: w says so and opens nothing."""
    async with explore(seed_store) as ui:
        await open_threat_quote(ui, seed_store)
        await ui.press("tab")
        said = silenced(ui, monkeypatch)
        await ui.press("w")
        assert isinstance(ui.app.screen, DossierScreen)
        assert said and "No quote is highlighted" in said[0]


async def test_why_in_the_reader_and_its_keys_stay_in_the_box(seed_store: Store, explore: Explore) -> None:
    """The reader opened at a quote explains it; screen keys do not open screens under the box."""
    async with explore(seed_store) as ui:
        await open_threat_quote(ui, seed_store)
        await ui.press("enter")
        assert isinstance(ui.app.screen, ReaderScreen)
        await ui.press("w", "a")
        assert "Cue: replied" in why_text(ui)
        await ui.press("escape")
        assert isinstance(ui.app.screen, ReaderScreen)


async def test_why_on_a_quote_found_by_search(seed_store: Store, explore: Explore) -> None:
    """In search, w types into the box; on a quote result in the list it explains the quote."""
    async with explore(seed_store) as ui:
        await ui.search("direct threatw")
        assert isinstance(ui.app.screen, SearchScreen)
        assert ui.app.screen.query_one(Input).value == "direct threatw"
        await ui.press("backspace", "tab")
        results = ui.app.screen.query_one(ResultList)
        await ui.press_until("j", lambda: results.highlighted_quote is not None, limit=10)
        await ui.press("w")
        assert "We do not consider China a direct threat" in why_text(ui)
