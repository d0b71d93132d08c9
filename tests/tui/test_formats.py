"""From file to explorer: a saved web page and a PDF report read in the reader as articles."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pdf_reports import write_report
from store.db import Store
from store.files import read_document
from store.ingest import ingest_article
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import GUTTER, ArticleView

if TYPE_CHECKING:
    from explorer_driver import Explorer
    from tests.tui.conftest import Explore

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


async def _article_lines(ui: Explorer) -> list[str]:
    """Every line the reader draws, gutter included, a screenful at a time from the top."""
    view = ui.app.screen.query_one(ArticleView)
    await ui.press("g")
    lines: list[str] = []
    while True:
        lines += ["".join(segment.text for segment in view.render_line(y)).rstrip() for y in range(view.size.height)]
        if view.scroll_offset.y + view.size.height >= view.virtual_size.height:
            return lines
        await ui.press("pagedown")


async def test_the_reader_shows_a_pages_article_not_its_navigation(fresh_store: Store, explore: Explore) -> None:
    """A news page saved from a browser: the reader shows its title and paragraphs; the site's menu, ads
    and comments are nowhere in the article."""
    ingest_article(fresh_store, read_document(PAGES / "news-site.html"))
    async with explore(fresh_store) as ui:
        await ui.press("r")
        assert isinstance(ui.app.screen, ReaderScreen)
        shown = "\n".join(await _article_lines(ui))
        assert "Coast guards agree joint drills in the Sulu Sea" in shown
        assert "The coast guards of three neighbouring states agreed" in shown
        for furniture in ("Subscribe", "World", "ADVERTISEMENT", "sailor_88", "Most read", "Privacy"):
            assert furniture not in shown


async def test_the_reader_shows_a_pdfs_page_numbers(fresh_store: Store, tmp_path: Path, explore: Explore) -> None:
    """A PDF report: the gutter says "p.1" at the top and "p.2" where the second page's text starts."""
    ingest_article(fresh_store, read_document(write_report(tmp_path / "report.pdf")))
    async with explore(fresh_store) as ui:
        await ui.press("r")
        lines = await _article_lines(ui)
        gutters = [line[:GUTTER].strip() for line in lines]
        assert gutters[0] == "p.1"  # the title has no number: its page stands on its first line
        findings = next(i for i, line in enumerate(lines) if line[GUTTER:].strip() == "Findings")
        assert "p.2" in gutters[findings:findings + 2]
        assert "Harbour Studies Institute" not in "\n".join(lines)
