"""Hostile search strings typed or pasted into the explorer's search box are searched as text."""

from __future__ import annotations

import re
import string
from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Input, Static

from store.db import Store
from tui.app import NatoAsiaApp
from tui.screens.search import SearchScreen

if TYPE_CHECKING:
    from tests.hardening.conftest import Driver

TYPED = [string.punctuation, "NEAR(japan patrol, 2)", "'; DROP TABLE actors;--", '"japan', "title:jap*"]
"""Typed key by key as a person would: every punctuation key (none may leave the box), FTS5, SQL."""
PASTED = [
    *string.punctuation,
    "AND", "OR", "NOT", "japan OR", "NOT japan", "japan AND NOT", "NEAR(", "NEAR(japan patrol, 2)",
    "japan*", "*", "^japan", "title:japan", "{title text}: japan", "-japan", "japan + patrol", "(japan",
    'japan"', '"', '""', "'", '"a" "b', "“unclosed", "‘single", "“nested ‘quotes” here’",
    "1 OR 1=1", "% _ \\", "x' UNION SELECT sql FROM sqlite_master--", "japan; DELETE FROM documents",
    "a" * 10_000,
    "japan " * 1_667,
    "\x00japan",
    "\x1b[2J\x1b]52;c;cHduZWQ=\x07",
    "\x07\x08\x7f\x0b\x0c",
    "tab\there",
    "😀", "🇯🇵 Japan", "👨‍👩‍👧", "e\u0301", "日本", "اليابان",
    "\u200b\ufeff", "\ud7ff\ue000",
]
"""Pasted (one event each, so many stay quick): each punctuation mark alone, FTS5 operators, unbalanced
and curly quotes, SQL fragments, 10,000 characters, control characters, emoji and other scripts."""
SHOWN = re.compile(r"^(1 result for “.*”|\d[\d,]* results for “.*”|Nothing found for “.*”)$", re.DOTALL)


async def enter(ui: Driver, text: str, paste: bool) -> tuple[str, str]:
    """Clear the box, type or paste the text, and return the box's value and the line above the results."""
    box = ui.app.screen.query_one("#search-input", Input)
    box.value = ""
    await ui.settle()
    if paste:
        box.post_message(events.Paste(text))
        await ui.settle()
    else:
        await ui.pilot.press(*text)  # typed fast: stale searches are superseded on the way
        await ui.settle()
    assert isinstance(ui.app.screen, SearchScreen), f"typing {text!r} left the search screen"
    assert not ui.errors(), (text, ui.errors())
    return box.value, str(ui.app.screen.query_one("#search-hint", Static).content)


async def search_each(driver: type[Driver], store: Store, texts: list[str], paste: bool) -> None:
    """Search each text in one explorer; each gets a count or 'Nothing found', then escape leads home."""
    app = NatoAsiaApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = driver(app, pilot)
        await ui.settle()
        await ui.press("slash")
        for text in texts:
            value, shown = await enter(ui, text, paste)
            kept = text.splitlines()[0] if paste else text  # a paste keeps its first line
            assert value == kept, f"the box holds {value[:40]!r}, not {kept[:40]!r}"
            assert SHOWN.match(shown) or not text.strip(), (text[:40], shown)
        await ui.press("enter")
        await ui.escape_home()


async def test_typed_strings_show_a_count_or_nothing_found(driver: type[Driver], small_store: Store) -> None:
    """FTS5 syntax, punctuation, unbalanced quotes and SQL typed key by key are searched as text."""
    await search_each(driver, small_store, TYPED, paste=False)


async def test_pasted_strings_show_a_count_or_nothing_found(driver: type[Driver], small_store: Store) -> None:
    """Long strings, control characters and emoji pasted into the box never raise nor show an error."""
    await search_each(driver, small_store, PASTED, paste=True)


async def test_typing_q_in_the_box_searches_instead_of_quitting(driver: type[Driver], small_store: Store) -> None:
    """q and the screen letters are text inside the search box."""
    await search_each(driver, small_store, ["qatsr?"], paste=False)
