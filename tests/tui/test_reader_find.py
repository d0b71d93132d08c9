"""The reader's conventions at 80x24: / finds in the document with n/N, ctrl+k searches everything,
and a resize keeps the target paragraph on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store import queries
from store.db import Store
from tui.messages import TextPlace
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from explorer_driver import Explorer
    from tests.tui.conftest import Explore


def status(ui: Explorer) -> str:
    """What the reader's status line says."""
    return str(ui.app.screen.query_one("#reader-status").render())


async def test_slash_finds_in_the_document_and_n_steps_through_matches(seed_store: Store, explore: Explore) -> None:
    """/ opens a find box; enter goes to the first match, n/N step and wrap; empty enter gives n/N back."""
    async with explore(seed_store) as ui:
        await ui.press("r", "slash", *"asia-pacific", "enter")
        assert isinstance(ui.app.screen, ReaderScreen)
        article = ui.app.screen.query_one(ArticleView)
        total = len(article.matches)
        assert total >= 2 and status(ui).startswith(f"“asia-pacific” match 1/{total}")
        await ui.press("n")
        assert status(ui).startswith(f"“asia-pacific” match 2/{total}")
        await ui.press("N", "N")
        assert status(ui).startswith(f"“asia-pacific” match {total}/{total}")
        assert article.cursor is not None and article.in_view(article.cursor.start)
        await ui.press("slash", "enter", "n")
        assert article.matches == () and "mention" in status(ui)


async def test_nothing_found_says_so_and_ctrl_k_searches_everything(seed_store: Store, explore: Explore) -> None:
    """Words not in the document are named as not found; ctrl+k opens the global search."""
    async with explore(seed_store) as ui:
        await ui.press("r", "slash", *"zzqx", "enter")
        assert status(ui) == "“zzqx” is not in this document"
        await ui.press("ctrl+k")
        assert isinstance(ui.app.screen, SearchScreen)


LONG = "Long Report\n\n" + "\n\n".join(
    f"Paragraph {i} talks about things. " + "Some words follow to make the paragraph wrap on a narrow screen. " * (1 + i % 7)
    for i in range(300))
"""A long made-up report whose paragraphs wrap to different heights at each width."""


async def test_resizing_keeps_the_target_paragraph_in_view(fresh_store: Store, explore: Explore) -> None:
    """Opened at ¶200 of a long report, the reader still shows it after each resize (80x24 → 140x40 → …)."""
    from conftest import build_article
    from store.ingest import ingest_text

    ingest_text(fresh_store, LONG, "long.txt", extract=build_article)
    target = queries.document_passages(fresh_store, 1)[201]
    async with explore(fresh_store) as ui:
        ui.app.open_place(TextPlace(1, target.id, target.start, target.start + 9))
        await ui.settle()
        article = ui.app.screen.query_one(ArticleView)
        for size in ((140, 40), (80, 24), (200, 60), (60, 20)):
            await ui.resize(*size)
            assert article.in_view(target.start), size
