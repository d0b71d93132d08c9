"""A list longer than a page: every row reachable, read a page at a time, G reading to the very end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import DataTable

from store.db import Store
from store.ingest import ingest_text
from store.model import Actor
from tests.conftest import build_article
from tui.screens.table import PAGE, first_page

if TYPE_CHECKING:
    from tests.tui.conftest import Explore

PEOPLE = PAGE + 120
"""More actors than one page holds."""


def crowded_store(store: Store) -> Store:
    """A store whose one article names PEOPLE made-up people, one paragraph each."""
    names = [f"Person{number:04d} Example" for number in range(PEOPLE)]
    text = "A crowded article\n\n" + "\n\n".join(f"{name} spoke." for name in names)
    actors = [Actor(name, "person") for name in names]
    ingest_text(store, text, "crowded.txt", extract=lambda body: build_article(body, actors))
    return store


async def test_every_actor_is_reachable_a_page_at_a_time(fresh_store: Store, explore: Explore) -> None:
    """The first page lists a screenful of actors and says more come; moving near its end reads PAGE more;
    G reads the rest and lands on the last."""
    async with explore(crowded_store(fresh_store)) as ui:
        table = ui.app.screen.query_one(DataTable)
        first = first_page(ui.app.size.height)
        assert table.row_count == first
        assert f"{first:,} of {PEOPLE:,} actors read" in ui.app.screen.sub_title
        table.move_cursor(row=first - 1)
        await ui.settle()
        assert table.row_count == first + PAGE
        await ui.press("G")
        assert table.row_count == PEOPLE and table.cursor_row == PEOPLE - 1
        assert ui.app.screen.sub_title.startswith(f"{PEOPLE:,} actors")
        await ui.press("g", "o", "o", "o")
        assert "sorted by name" in ui.app.screen.sub_title and table.row_count == first
