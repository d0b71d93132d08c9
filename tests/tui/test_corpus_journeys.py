"""The analyst's questions of issue 10, each a journey at 80x24 on the ten-article fixture corpus."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

import pytest

from textual.widgets import DataTable

from store import queries
from store.db import Store
from tui.screens.documents import DocumentsScreen
from tui.screens.dossier import DossierScreen
from tui.screens.quotes import QuotesScreen
from tui.screens.reader import ReaderScreen
from tui.screens.sources import SourcesScreen
from tui.screens.timeline import TimelineScreen
from tui.screens.why import WhyScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.dossier_view import DossierView
from tui.widgets.nav_list import Heading, NavList, PlaceOption
from tui.widgets.result_list import ResultList

if TYPE_CHECKING:
    from tests.tui.conftest import Explore


def column(table: DataTable[object], index: int) -> list[str]:
    """One column of a table, as text."""
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def test_who_is_quoted_most_and_what_did_they_say(corpus_store: Store, explore: Explore) -> None:
    """Actors sorted by quotes -> the top one; the Quotes screen filtered to them -> the reader at a quote."""
    async with explore(corpus_store) as ui:
        await ui.press("o")
        assert "sorted by quotes" in ui.app.screen.sub_title
        top = column(ui.app.screen.query_one(DataTable), 2)[0]
        assert top == "Keiko Aramaki"
        await ui.press("Q")
        assert isinstance(ui.app.screen, QuotesScreen)
        await ui.press("f", *"aramaki", "enter")
        table = ui.app.screen.query_one(DataTable)
        assert set(column(table, 0)) == {"Keiko Aramaki"} and table.row_count == 6
        assert "6 quotes" in ui.app.screen.sub_title
        await ui.press("j", "enter")
        assert isinstance(ui.app.screen, ReaderScreen)
        article = ui.app.screen.query_one(ArticleView)
        assert article.place is not None and article.in_view(article.place.start)
        await ui.press("escape")
        assert isinstance(ui.app.screen, QuotesScreen)
        quote = ui.app.screen.highlighted_row
        assert (quote.start, quote.end) == (article.place.start, article.place.end)
        await ui.press("w")
        assert isinstance(ui.app.screen, WhyScreen)


async def test_quotes_kind_tabs_and_sorting(corpus_store: Store, explore: Explore) -> None:
    """] shows only phrases; o cycles the order, named in the header."""
    async with explore(corpus_store) as ui:
        await ui.press("Q", "right_square_bracket", "right_square_bracket")
        table = ui.app.screen.query_one(DataTable)
        assert set(column(table, 0)) == {"(phrase)"}
        await ui.press("left_square_bracket", "left_square_bracket", "o", "o")
        assert "sorted by speaker" in ui.app.screen.sub_title


async def test_enter_right_after_a_kind_tab_opens_a_row_of_that_kind(corpus_store: Store, explore: Explore,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Q, then ] ] and enter at once (as a fast typist sends them) while the rows take a while to read (a big
    store): the reader opens at the first phrase, not at the first row of the list still shown."""
    (first,) = queries.quote_rows(corpus_store, kind="phrase", limit=1)
    read = QuotesScreen.page

    def slow_page(screen: QuotesScreen, *args: Any) -> Any:
        time.sleep(0.3)
        return read(screen, *args)

    monkeypatch.setattr(QuotesScreen, "page", slow_page)
    async with explore(corpus_store) as ui:
        await ui.press("Q")
        await ui.burst("right_square_bracket", "right_square_bracket", "enter")
        await ui.wait_until(lambda: isinstance(ui.app.screen, ReaderScreen), "the reader")
        assert isinstance(ui.app.screen, ReaderScreen)
        place = ui.app.screen.query_one(ArticleView).place
        assert place is not None and (place.start, place.end) == (first.start, first.end)


async def test_what_china_has_said_through_its_ministry(corpus_store: Store, explore: Explore) -> None:
    """/china -> China's dossier lists its spokespeople's quotes, each saying who spoke for it."""
    async with explore(corpus_store) as ui:
        await ui.search("china")
        await ui.press("enter")
        assert isinstance(ui.app.screen, DossierScreen)
        items = ui.app.screen.query_one(DossierView).query_one(NavList)
        headings = [str(option.prompt) for option in items.options if isinstance(option, Heading)]
        assert "Quotes of those who speak for it (5)" in headings
        prompts = " ".join(str(option.prompt) for option in items.options)
        assert "for it: Lin Qiao (Chinese Foreign Ministry spokesperson)" in prompts
        await ui.press("tab", "enter")
        assert isinstance(ui.app.screen, ReaderScreen)


async def test_what_happened_about_taiwan_in_2024_and_2025(corpus_store: Store, explore: Explore) -> None:
    """t -> f '2024..2025 @Taiwan' -> only Taiwan's events of those years; G the newest; d a date."""
    async with explore(corpus_store) as ui:
        await ui.press("t")
        assert isinstance(ui.app.screen, TimelineScreen)
        await ui.press("f", *"2024..2025 @Taiwan", "enter")
        events = ui.app.screen.window.events
        assert events and all("2024" <= e.date[:4] <= "2025" and "Taiwan" in e.actors for e in events)
        await ui.press("G")
        listing = ui.app.screen.listing
        assert listing.highlighted == listing.option_count - 1
        await ui.press("d", *"2025-01", "enter")
        option = listing.highlighted_option
        assert isinstance(option, PlaceOption)
        chosen = next(e for e in events if e.start == option.place.start)
        assert chosen.date >= "2025-01" and all(e.date < "2025-01" for e in events[:events.index(chosen)])


async def test_which_outlets_are_cited_most(corpus_store: Store, explore: Explore) -> None:
    """s -> outlets by citation count; f narrows to one outlet."""
    async with explore(corpus_store) as ui:
        await ui.press("s")
        assert isinstance(ui.app.screen, SourcesScreen)
        headings = [str(o.prompt) for o in ui.app.screen.listing.options if isinstance(o, Heading)]
        counts = [int(h.rsplit("(", 1)[1].rstrip(")")) for h in headings[:3]]
        assert counts == sorted(counts, reverse=True) and counts[0] == 4
        await ui.press("f", *"kyodo")
        headings = [str(o.prompt) for o in ui.app.screen.listing.options if isinstance(o, Heading)]
        assert headings == ["Kyodo (2)"]


async def test_sites_a_report_links_to_are_cited_outlets(corpus_store: Store, explore: Explore) -> None:
    """A Markdown report that cites by link and names no outlet: s lists the linked sites with their
    counts; f narrows to one; enter opens the reader on the link's words."""
    async with explore(corpus_store) as ui:
        await ui.press("s", "f", *"records.exam")
        headings = [str(o.prompt) for o in ui.app.screen.listing.options if isinstance(o, Heading)]
        assert headings == ["records.example.gov (2)"]
        await ui.press("enter", "enter")
        assert isinstance(ui.app.screen, ReaderScreen)
        place = ui.app.screen.query_one(ArticleView).place
        assert place is not None
        text = corpus_store.value("SELECT text FROM documents WHERE id = ?", (place.document_id,))
        assert text[place.start:place.end] == "a dragged anchor"


async def test_a_half_remembered_phrase_with_typos(corpus_store: Store, explore: Explore) -> None:
    """/ and a phrase with a typo -> the quotes first (over actors that look a little like it); enter
    opens the reader at the quote."""
    async with explore(corpus_store) as ui:
        await ui.search("walking dangerus road")
        assert str(ui.app.screen.query_one(ResultList).options[0].prompt).startswith("Quotes")
        await ui.press("enter")
        assert isinstance(ui.app.screen, ReaderScreen)
        article = ui.app.screen.query_one(ArticleView)
        (quote,) = queries.quote_rows(corpus_store, text="dangerous road")
        assert article.place is not None and (article.place.start, article.place.end) == (quote.start, quote.end)


async def test_which_documents_are_in_the_store(corpus_store: Store, explore: Explore) -> None:
    """D -> every document with its file and counts; enter reads the highlighted one."""
    async with explore(corpus_store) as ui:
        await ui.press("D")
        assert isinstance(ui.app.screen, DocumentsScreen)
        table = ui.app.screen.query_one(DataTable)
        assert table.row_count == 10 and "10 documents" in ui.app.screen.sub_title
        assert any(path.startswith("wire-tokyo-budget.txt") for path in column(table, 2))
        await ui.press("j", "enter")
        assert isinstance(ui.app.screen, ReaderScreen)
        assert ui.app.screen.document_id == queries.document_rows(corpus_store)[1].id


async def test_documents_dates_are_dates_and_columns_fill_80_cells(corpus_store: Store, explore: Explore) -> None:
    """D -> the date column holds the publication line's date or the year, never a byline or a masthead;
    the columns (with their padding) fill the table's cells beside its scrollbar, none lost to rounding and
    none cut off by the scrollbar (every cut ends in "…")."""
    async with explore(corpus_store) as ui:
        await ui.press("D")
        table = ui.app.screen.query_one(DataTable)
        dates = column(table, 1)
        assert "2025-12-30" in dates and all(re.fullmatch(r"(\d{4}(-\d\d){0,2})?", date) for date in dates)
        assert sum(c.get_render_width(table) for c in table.columns.values()) == table.size.width - 1


async def test_the_command_palette_opens_every_screen(corpus_store: Store, explore: Explore) -> None:
    """ctrl+p, 'documents', enter -> the Documents screen; the same for Quotes."""
    async with explore(corpus_store) as ui:
        await ui.press("ctrl+p", *"documents")
        await ui.wait_until(lambda: ui.palette_lists("documents"), "Documents in the palette")
        await ui.press("enter")
        assert isinstance(ui.app.screen, DocumentsScreen)
        await ui.press("ctrl+p", *"quotes")
        await ui.wait_until(lambda: ui.palette_lists("quotes"), "Quotes in the palette")
        await ui.press("enter")
        assert isinstance(ui.app.screen, QuotesScreen)


async def test_a_new_sort_starts_at_its_top(corpus_store: Store, explore: Explore) -> None:
    """j j, o -> the cursor on the first row of the new order, not on the row it was on (who leads is asked)."""
    async with explore(corpus_store) as ui:
        await ui.press("j", "j", "o")
        table = ui.app.screen.query_one(DataTable)
        assert "sorted by quotes" in ui.app.screen.sub_title and table.cursor_row == 0
        assert column(table, 2)[0] == "Keiko Aramaki"
