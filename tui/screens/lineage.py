"""Quote lineage: every document quoting the same words as one quote, oldest first."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from store.lineage import Echo, lineage
from tui.messages import TextPlace
from tui.screens.base import ExplorerScreen
from tui.screens.listing import ListingScreen
from tui.widgets.kwic import where
from tui.widgets.nav_list import PlaceOption, two_line


def echo_option(echo: Echo) -> PlaceOption:
    """A document's date and title, then its quote of the words with speaker and place."""
    quote = echo.quote
    when = echo.date or "undated"
    head = Content.assemble((when, "bold"), f"  {echo.title}")
    body = f"“{quote.text}” — {quote.speaker or 'unattributed'} · {where(quote.section, quote.paragraph)}"
    place = TextPlace(quote.document_id, quote.passage_id, quote.start, quote.end, quote.speaker_id)
    return PlaceOption(two_line(head, body), place, quote_id=quote.id)


class LineageScreen(ListingScreen):
    """Who reported a statement first: its quotes across documents in date order; enter opens one."""

    TITLE = "Lineage"
    EMPTY = "No other document quotes these words."

    def __init__(self, quote_id: int) -> None:
        """The lineage of one quote."""
        super().__init__()
        self.quote_id = quote_id

    def load(self) -> None:
        """Find the same words in every document, in the background."""
        self.fetch("lineage", lineage, self.quote_id, then=self._show)

    def _show(self, echoes: Sequence[Echo]) -> None:
        """List the documents' quotes, oldest first."""
        self.sub_title = f"the same words in {len(echoes)} documents" if echoes else None
        self.scope = {"quotes": ("id", [echo.quote.id for echo in echoes])}
        self.fill(list(map(echo_option, echoes)))

    def remake(self) -> ExplorerScreen:
        """The same lineage."""
        return LineageScreen(self.quote_id)
