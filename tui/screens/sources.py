"""Who is cited: outlets with their citations, citations whose outlet was lost, and footnotes."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input
from textual.widgets.option_list import Option

from store import queries
from store.queries import CitationView, FootnoteView, Sources
from tui.messages import TextPlace
from tui.screens.listing import ListingScreen
from tui.widgets.nav_list import Heading, PlaceOption, counted, two_line


def citation_option(citation: CitationView) -> PlaceOption:
    """A citation: its date and raw form, then the citing sentence."""
    head = Content.assemble((citation.date or "no date", "bold"), f"  {citation.raw}")
    place = TextPlace(citation.document_id, citation.passage_id, citation.start, citation.end)
    return PlaceOption(two_line(head, citation.excerpt), place)


def footnote_option(footnote: FootnoteView) -> Option:
    """A footnote; it opens in the reader when its passage is known."""
    prompt = Content.assemble((f"[{footnote.number}]", "bold"), f"  {footnote.text}")
    if footnote.passage_id is None:
        return Option(prompt)
    return PlaceOption(prompt, TextPlace(footnote.document_id, footnote.passage_id, 0, 0))


SHOWN = 50
"""Citations listed per outlet (and lost outlets, and footnotes) at most, so the list builds at once."""


class SourcesScreen(ListingScreen):
    """Outlets and what cites them; enter opens the citing passage; tab jumps to the next outlet."""

    TITLE = "Sources"
    EMPTY = "No citations or footnotes here."
    BOXES = (("filter", "f: type to filter by outlet (or footnote)"),)
    LETTERS = ("focus_box", "sort")
    BINDINGS = [
        Binding("f", "focus_box('#filter')", "Filter", priority=True),
        Binding("o", "sort", "Sort", show=False),
    ]
    ORDERS = tuple(queries.SOURCE_ORDERS)

    def __init__(self) -> None:
        """Sources by citation count, unfiltered."""
        super().__init__()
        self.order = 0
        self.filter_text = ""

    def load(self) -> None:
        """Load sources in the background."""
        self.sub_title = f"sorted by {self.ORDERS[self.order]} (o)"
        self.fetch("sources", queries.sources, SHOWN, self.ORDERS[self.order], self.filter_text, then=self._show)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        self.filter_text = event.value
        self.load()

    def action_sort(self) -> None:
        """Sort outlets the next way (by citations, by name)."""
        self.order = (self.order + 1) % len(self.ORDERS)
        self.load()

    def _show(self, sources: Sources) -> None:
        """An outlet heading over its citations, then lost outlets, then footnotes."""
        cited = [c.id for outlet in sources.outlets for c in outlet.citations] + [c.id for c in sources.unattributed]
        self.scope = {"citations": ("id", cited),
                      "footnotes": ("document_id", sorted({f.document_id for f in sources.footnotes}))}
        options: list[Option] = []
        for outlet in sources.outlets:
            options.append(Heading(counted(outlet.outlet, len(outlet.citations), outlet.total)))
            options.extend(citation_option(c) for c in outlet.citations)
        if sources.unattributed:
            lost = counted("Outlet lost in the text", len(sources.unattributed), sources.unattributed_total)
            options.append(Heading(lost))
            options.extend(citation_option(c) for c in sources.unattributed)
        if sources.footnotes:
            options.append(Heading(counted("Footnotes", len(sources.footnotes), sources.footnote_total)))
            options.extend(footnote_option(f) for f in sources.footnotes)
        self.fill(options)
