"""Snapshots of every explorer screen on the seed article, at 80x24 and at 140x40."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from store.db import Store
from tui.app import NatoAsiaApp

SIZES = pytest.mark.parametrize("size", [(80, 24), (140, 40)], ids=["80x24", "140x40"])
Journey = Callable[[Pilot[Any]], Awaitable[None]]


def journey(*keys: str) -> Journey:
    """Press keys one by one, letting every store query finish, then stop the cursor blinking."""

    async def run(pilot: Pilot[Any]) -> None:
        for key in ("_", *keys):
            if key != "_":
                await pilot.press(key)
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False

    return run


RASMUSSEN = ("slash", *"rasmusen", "enter")
"""From anywhere to Rasmussen's dossier, through search."""


@SIZES
def test_actors(snap_compare: Any, seed_store: Store, size: tuple[int, int]) -> None:
    """You should see every actor, NATO and the countries first, with kind tabs and counts; at 140 columns
    the highlighted actor's dossier preview sits to the right of the list."""
    assert snap_compare(NatoAsiaApp(seed_store), terminal_size=size, run_before=journey())


@SIZES
def test_dossier(snap_compare: Any, seed_store: Store, size: tuple[int, int]) -> None:
    """You should see Anders Fogh Rasmussen's name, title and aliases, then his quotes (the first one
    highlighted) with their reporting sentences and paragraph numbers."""
    assert snap_compare(NatoAsiaApp(seed_store), terminal_size=size, run_before=journey(*RASMUSSEN))


@SIZES
def test_dossier_mentions(snap_compare: Any, seed_store: Store, size: tuple[int, int]) -> None:
    """You should see the Mentions heading and Rasmussen's mentions as keyword-in-context lines, the name
    lined up in one column and highlighted, each with its paragraph number."""
    keys = (*RASMUSSEN, "tab")
    assert snap_compare(NatoAsiaApp(seed_store), terminal_size=size, run_before=journey(*keys))


@SIZES
def test_reader(snap_compare: Any, seed_store: Store, size: tuple[int, int]) -> None:
    """You should see the article around Rasmussen's first quote, the quote highlighted, his name on the
    cursor, other actors underlined and paragraph numbers in the gutter."""
    keys = (*RASMUSSEN, "enter")
    assert snap_compare(NatoAsiaApp(seed_store), terminal_size=size, run_before=journey(*keys))


@SIZES
def test_search(snap_compare: Any, seed_store: Store, size: tuple[int, int]) -> None:
    """You should see 'rasmusen' in the box, Anders Fogh Rasmussen first under Actors with the matched
    letters highlighted, then quotes and passages with snippets and where they are."""
    keys = ("slash", *"rasmusen")
    assert snap_compare(NatoAsiaApp(seed_store), terminal_size=size, run_before=journey(*keys))


@SIZES
def test_timeline(snap_compare: Any, seed_store: Store, size: tuple[int, int]) -> None:
    """You should see events from the early 1990s on under year headings, each date with its precision,
    ranges as 'start → end', and the dated sentence indented below."""
    assert snap_compare(NatoAsiaApp(seed_store), terminal_size=size, run_before=journey("t"))


@SIZES
def test_sources(snap_compare: Any, seed_store: Store, size: tuple[int, int]) -> None:
    """You should see outlets as headings with each citation's date, raw form and citing sentence."""
    assert snap_compare(NatoAsiaApp(seed_store), terminal_size=size, run_before=journey("s"))


@SIZES
def test_help(snap_compare: Any, seed_store: Store, size: tuple[int, int]) -> None:
    """You should see how to find what someone said, then the reader's keys: n/N, h/l, enter, escape and
    the keys that work everywhere, each with what it does and where it applies."""
    assert snap_compare(NatoAsiaApp(seed_store), terminal_size=size, run_before=journey("r", "question_mark"))
