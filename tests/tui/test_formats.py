"""From file to explorer: saved web pages (news site, think tank, blog) and a PDF report in the reader."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pdf_reports import write_report
from store import queries
from store.db import Store
from store.files import read_document
from store.ingest import ingest_article
from store.read.web import read_url
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


@pytest.mark.parametrize(("name", "shown", "furniture"), [
    ("news-site.html", ["Coast guards agree joint drills in the Sulu Sea", "¶1   The coast guards of three"],
     ["Subscribe", "World", "ADVERTISEMENT", "sailor_88", "Most read", "Privacy"]),
    ("thinktank-endnotes.html", ["From tripwire to denial", "[1]  Kaarel Mets, Reinforcing the North"],
     ["cookies", "Donate", "Sign up for our newsletter", "Share this"]),
    ("blog-post.html", ["Three things to watch", "- Whether the leaders agree"],
     ["About me", "Archives", "islandgirl", "kayak", "Older post"]),
], ids=["news", "think-tank", "blog"])
async def test_the_reader_shows_a_pages_article_not_its_navigation(
    fresh_store: Store, explore: Explore, name: str, shown: list[str], furniture: list[str]
) -> None:
    """A page saved from a browser: the reader shows its title, headings, paragraphs and notes; the site's
    menu, ads, comments and sidebars are nowhere in the article."""
    ingest_article(fresh_store, read_document(PAGES / name))
    async with explore(fresh_store) as ui:
        await ui.press("r")
        assert isinstance(ui.app.screen, ReaderScreen)
        text = "\n".join(await _article_lines(ui))
        assert all(part in text for part in shown), text
        assert not [part for part in furniture if part in text]


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


async def test_the_reader_sets_a_block_quote_apart(fresh_store: Store, explore: Explore) -> None:
    """The news page's block quote: its own passage, marked “ in the gutter where a paragraph has its ¶."""
    ingest_article(fresh_store, read_document(PAGES / "news-site.html"))
    async with explore(fresh_store) as ui:
        await ui.press("r")
        lines = await _article_lines(ui)
        quoted = [line for line in lines if "Joint patrols alone" in line]
        assert quoted and quoted[0].startswith("“") and quoted[0][1:GUTTER].strip() == "", lines


async def test_a_fetched_url_is_read_in_the_explorer_with_the_url_as_its_source(
    fresh_store: Store, site: str, explore: Explore
) -> None:
    """A page served on 127.0.0.1, fetched and read as `ingest URL` does: the reader shows its article and
    the Documents list names the URL it came from."""
    url = f"{site}/thinktank-endnotes.html"
    ingest_article(fresh_store, read_url(url))
    async with explore(fresh_store) as ui:
        await ui.press("r")
        text = "\n".join(await _article_lines(ui))
        assert "From tripwire to denial" in text and "[1]  Kaarel Mets" in text
        await ui.press("D")
        (row,) = ui.rows()
        assert f"{url} (html)" in row, row
        assert queries.document_rows(fresh_store)[0].source == url
TABLE_REPORT = """\
# Ferry Fares Compared

The harbour board published **new fares** for the [island routes](https://port.example.gov/fares) this week.

| Route | Fare | Crossings a day |
|-------|------|-----------------|
| North Isle | 4 euro | 6 |
| Long Sound | 11 euro | 2 |
| Source: the harbour board's notice of this spring, which lists every route it runs over the summer months and the fares that apply to each of them | | |
"""


async def test_the_reader_shows_a_markdown_table_as_columns(fresh_store: Store, tmp_path: Path,
                                                            explore: Explore) -> None:
    """A Markdown report: emphasis and links read as their words, the table's rows as aligned columns
    without pipes, its one-cell source line as text; the stored text keeps its rows, offsets exact."""
    path = tmp_path / "fares.md"
    path.write_text(TABLE_REPORT, encoding="utf-8")
    ingest_article(fresh_store, read_document(path))
    async with explore(fresh_store) as ui:
        await ui.press("r")
        lines = [line[GUTTER:] for line in await _article_lines(ui)]
    assert "The harbour board published new fares for the island routes this week." in lines
    assert "Route      │ Fare    │ Crossings a day" in lines
    assert "North Isle │ 4 euro  │ 6" in lines
    assert "Long Sound │ 11 euro │ 2" in lines
    assert not [line for line in lines if "|" in line or "**" in line or "](" in line]
    assert "| North Isle | 4 euro | 6 |" in fresh_store.value("SELECT text FROM documents")


async def test_the_reader_styles_markdown_emphasis(fresh_store: Store, tmp_path: Path, explore: Explore) -> None:
    """**new fares** in the Markdown file: the reader draws "new fares" bold, without the asterisks."""
    path = tmp_path / "fares.md"
    path.write_text(TABLE_REPORT, encoding="utf-8")
    ingest_article(fresh_store, read_document(path))
    async with explore(fresh_store) as ui:
        await ui.press("r")
        view = ui.app.screen.query_one(ArticleView)
        await ui.wait_until(lambda: view.size.height > 0, "the reader's text laid out")
        segments = [segment for y in range(view.size.height) for segment in view.render_line(y)]
    bold = "".join(segment.text for segment in segments if segment.style and segment.style.bold)
    assert "new fares" in bold and "**" not in "".join(segment.text for segment in segments)
