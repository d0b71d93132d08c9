"""The actors list follows the store: another process's ingest shows on return and on the next check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.widgets import DataTable

from conftest import WIRE, wire_article
from store import queries
from store.db import Store
from store.ingest import ingest_text
from store.model import Actor, Article
from tui.screens.actors import ActorsScreen
from tui.screens.dossier import DossierScreen
from tui.widgets.kind_tabs import KindTabs

if TYPE_CHECKING:
    from tests.tui.conftest import Explore

LATER = "Later Talks\n\nMinister Ana Silva met Minister Ben Okoro in Lisbon.\n"


def all_tab(screen: object) -> str:
    """The label of the 'all' kind tab."""
    assert isinstance(screen, ActorsScreen)
    return screen.query_one(KindTabs).labels[0]


async def test_another_process_ingest_shows_when_the_list_comes_back(tmp_path: Path, explore: Explore,
                                                                     make_article: Callable[..., Article]) -> None:
    """An ingest by another connection while a dossier is open: back on the list, counts and rows agree."""
    path = tmp_path / "s.db"
    with Store.open(path) as writer:
        ingest_text(writer, WIRE, "wire.txt", extract=wire_article)
        with Store.open(path, readonly=True) as store:
            async with explore(store) as ui:
                before = queries.count_actors(store)
                assert all_tab(ui.app.screen) == f"all {before}"
                await ui.press("enter")
                assert isinstance(ui.app.screen, DossierScreen)
                later = make_article(LATER, [Actor("Ana Silva", "person"), Actor("Ben Okoro", "person")])
                ingest_text(writer, LATER, "later.txt", extract=lambda _: later)
                await ui.press("escape")
                after = queries.count_actors(store)
                assert after == before + 2
                assert all_tab(ui.app.screen) == f"all {after}"
                assert ui.app.screen.query_one("#actors-table", DataTable).row_count == after
