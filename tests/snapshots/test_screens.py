"""Snapshots of every explorer screen on the seed article (frozen extraction), at 80x24 and 140x40."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from explorer_driver import Explorer, settle
from store.db import Store
from store.files import read_article
from store.ingest import ingest_text
from tui.app import NatoAsiaApp

SIZES = pytest.mark.parametrize("size", [(80, 24), (140, 40)], ids=["80x24", "140x40"])


class Burst(str):
    """Text sent as one burst of keys, as a fast typist or a paste sends it; the screen is awaited once after."""


RASMUSSEN = ("slash", Burst("rasmusen"), "enter")
"""From anywhere to Rasmussen's dossier, through search. The name comes in one burst, so the walk searches
once, not once a letter (up to 0.3 s of CPU a letter at 140x40); test_search shows it typed key by key."""


def snap(snap_compare: Any, store: Store, size: tuple[int, int], *keys: str) -> bool:
    """Compare the screen after pressing keys one by one (a Burst at once), each store query finished,
    cursor not blinking."""

    async def run(pilot: Pilot[Any]) -> None:
        """Press, wait for the store, stop the blinking."""
        await settle(pilot)
        for key in keys:
            if isinstance(key, Burst):
                await Explorer(pilot.app, pilot).burst(*key)
            else:
                await pilot.press(key)
            await settle(pilot)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False

    return bool(snap_compare(NatoAsiaApp(store), terminal_size=size, run_before=run))


@SIZES
def test_actors(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see actors by mentions under kind tabs with counts; at 140 columns a dossier preview too."""
    assert snap(snap_compare, frozen_seed_store, size)


@SIZES
def test_dossier(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see Rasmussen's name, title, aliases, quotes in context; at 140 columns the passage too."""
    assert snap(snap_compare, frozen_seed_store, size, *RASMUSSEN)


@SIZES
def test_dossier_mentions(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see Rasmussen's mentions as keyword-in-context lines, his name in one highlighted column."""
    assert snap(snap_compare, frozen_seed_store, size, *RASMUSSEN, "tab")


@SIZES
def test_reader(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see the article at Rasmussen's first quote, highlighted, his name on the cursor."""
    assert snap(snap_compare, frozen_seed_store, size, *RASMUSSEN, "enter")


@SIZES
def test_search(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see 'rasmusen' typed, Rasmussen first with matched letters marked, then passage snippets."""
    assert snap(snap_compare, frozen_seed_store, size, "slash", *"rasmusen")


@SIZES
def test_timeline(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see events by year with precision, ranges as 'a → b'; at 140 columns the passage beside."""
    assert snap(snap_compare, frozen_seed_store, size, "t")


@SIZES
def test_sources(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see outlets over their citations' dates and sentences; at 140 columns the passage beside."""
    assert snap(snap_compare, frozen_seed_store, size, "s")


@SIZES
def test_help(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see how to find what someone said, then the reader's keys, this screen's first."""
    assert snap(snap_compare, frozen_seed_store, size, "r", "question_mark")


@SIZES
def test_why(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see a box over the dossier: Rasmussen, the rule in words, "stated" marked in its sentence."""
    assert snap(snap_compare, frozen_seed_store, size, *RASMUSSEN, "w")


def pin_rasmussen(store: Store) -> None:
    """Pin Rasmussen's first two quotes and the paragraph of his first mention (pinning is idempotent)."""
    from store import board, queries

    rasmussen = next(a for a in queries.actors(store) if a.name == "Anders Fogh Rasmussen")
    dossier = queries.dossier(store, rasmussen.id)
    assert dossier is not None
    mention = dossier.mentions[0]
    for spot in [*dossier.quotes[:2], mention]:
        board.pin_at(store, spot.document_id, spot.start, spot.end, spot.passage_id)


@pytest.fixture(scope="module")
def board_store() -> Iterator[Store]:
    """The frozen seed under a relative file name (citations show it, and a checkout's folder must not
    change the snapshot), with three pins."""
    from tests.snapshots.conftest import FROZEN, SEED, thaw

    text = read_article(SEED)
    article = thaw(text, json.loads(FROZEN.read_text(encoding="utf-8")))
    with Store.memory() as store:
        ingest_text(store, text, f"seeds/{SEED.name}", extract=lambda _: article)
        pin_rasmussen(store)
        yield store


@SIZES
def test_board(snap_compare: Any, board_store: Store, size: tuple[int, int]) -> None:
    """You should see three pins numbered in order: Rasmussen's two quotes with his name, then a paragraph;
    each with its text in quotation marks, its citation (title, year, section, ¶, file), the second's note."""
    assert snap(snap_compare, board_store, size, "B", "j", "c", *"first said in Tokyo", "enter")


@SIZES
def test_quotes(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see every quote with its speaker, words and ¶, under kind tabs with counts."""
    assert snap(snap_compare, frozen_seed_store, size, "Q")


@SIZES
def test_documents(snap_compare: Any, frozen_seed_store: Store, size: tuple[int, int]) -> None:
    """You should see the seed article with its date, file and counts of passages, quotes, actors, events."""
    assert snap(snap_compare, frozen_seed_store, size, "D")
