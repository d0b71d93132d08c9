"""Versions in the explorer: the Documents list shows the newest version of each document, `v` the others."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import DataTable, Static

from store import queries
from store.db import Store
from store.ingest import ingest_text
from tests.tui.test_corpus_journeys import column
from tui.screens.documents import DocumentsScreen, where_from
from tui.screens.reader import ReaderScreen

if TYPE_CHECKING:
    from tests.tui.conftest import Explore

ARTICLE = ("Lighthouse Keepers Return to the Northern Isles\n\n"
           "Published: May 2, 2025\n\n"
           "Three lighthouses on the northern isles will again have keepers living beside the lamps.\n\n"
           "The harbour board said the automated lamps failed twice during the winter storms.\n\n"
           "Keepers will be hired from the islands and trained on the mainland over the summer.\n\n"
           "Fishing crews welcomed the plan, saying a person on watch sees what a sensor misses.\n\n"
           "The first keeper is expected to move into the old cottage at the end of the year.\n")
OTHER = ("Ferry Timetable Changes on the Western Route\n\n"
         "Published: June 9, 2025\n\n"
         "The western ferry will sail twice a day instead of three times from the start of autumn.\n")


def versioned_store(store: Store) -> tuple[int, int]:
    """The article, a revised version of it (one sentence changed) and another article; the two ids."""
    first = ingest_text(store, ARTICLE, "keepers-v1.md")
    revised = ARTICLE.replace("at the end of the year", "at the end of this year")
    second = ingest_text(store, revised, "keepers-v2.md")
    ingest_text(store, OTHER, "ferry.txt")
    assert second.version_of == first.document_id
    return first.document_id, second.document_id


def test_the_list_holds_the_newest_version_with_its_count(fresh_store: Store) -> None:
    first, second = versioned_store(fresh_store)
    rows = queries.document_rows(fresh_store)
    assert [(row.id, row.versions) for row in rows] == [(second, 2), (rows[1].id, 1)]
    assert [row.id for row in queries.document_rows(fresh_store, versions_of=first)] == [second, first]
    assert rows[0].source == "keepers-v2.md"


def test_a_source_reads_as_name_format_folder() -> None:
    assert where_from("reports/keepers.md", "markdown") == "keepers.md (markdown)  reports"
    assert where_from("https://example.org/a", "html") == "https://example.org/a (html)"


async def test_v_lists_the_versions_and_enter_reads_the_older(fresh_store: Store, explore: Explore) -> None:
    """D -> two documents, the newest version first with "2"; v -> both versions; j, enter -> the first."""
    first, second = versioned_store(fresh_store)
    async with explore(fresh_store) as ui:
        await ui.press("D", "o")
        table = ui.app.screen.query_one(DataTable)
        assert table.row_count == 2 and "1 with older versions (v)" in ui.app.screen.sub_title
        assert column(table, 3) == ["2", ""]
        await ui.press("v")
        screen = ui.app.screen
        assert isinstance(screen, DocumentsScreen) and screen.versions_of == second
        assert "2 versions" in screen.sub_title
        assert column(screen.query_one(DataTable), 2)[1].startswith("keepers-v1.md")
        await ui.press("j", "enter")
        assert isinstance(ui.app.screen, ReaderScreen) and ui.app.screen.document_id == first


async def test_brackets_in_a_version_step_through_the_versions(fresh_store: Store, explore: Explore) -> None:
    """D, v, enter on the newest -> the reader says "version 2 of 2"; [ -> the older version (not the other
    article), ] -> the newer again; the ends wrap."""
    first, second = versioned_store(fresh_store)
    async with explore(fresh_store) as ui:
        await ui.press("D", "o", "v", "enter")
        assert isinstance(ui.app.screen, ReaderScreen) and ui.app.screen.document_id == second
        banner = str(ui.app.screen.query_one("#reader-document", Static).render())
        assert "version 2 of 2, 2025-05-02" in banner
        await ui.press("left_square_bracket")
        assert isinstance(ui.app.screen, ReaderScreen) and ui.app.screen.document_id == first
        await ui.press("left_square_bracket")
        assert ui.app.screen.document_id == second
        await ui.press("right_square_bracket")
        assert ui.app.screen.document_id == first
