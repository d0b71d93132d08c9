"""Who is cited: outlets with their citations, citations whose outlet was lost, and footnotes."""

from __future__ import annotations

from textual.content import Content
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
    EMPTY = "No citations or footnotes in the store."

    def load(self) -> None:
        """Load sources in the background."""
        self.fetch("sources", queries.sources, SHOWN, then=self._show)

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
