"""Command palette commands: jump to any actor's dossier or any quote by name."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from store import queries
from store.nouns import counted_noun
from store.queries import ActorSummary, QuoteView
from tui.messages import ActorPlace, Navigate, Place, TextPlace
from tui.screens.printable import printable

Entry = tuple[str, str, Place]
"""What the palette matches (a name or a quote), its help line, and where it goes."""


class PlaceCommands(Provider):
    """Offers every actor and every quote as a place to go."""

    entries: Sequence[Entry] = ()
    """Loaded once per palette opening, off the UI thread."""

    async def startup(self) -> None:
        """Load actors and quotes in a thread worker so the palette opens at once."""
        worker = self.app.run_worker(self._load, thread=True, exclusive=True, group="palette")
        await worker.wait()
        self.entries = worker.result or ()

    def _load(self) -> list[Entry]:
        """Every actor and quote as (text to match, help line, place)."""
        store = self.app.store  # type: ignore[attr-defined]
        actors: Sequence[ActorSummary] = printable(queries.actors(store))
        quotes: Sequence[QuoteView] = printable(queries.quotes(store))
        entries: list[Entry] = [
            (actor.name, f"{actor.kind} · {counted_noun(actor.mentions, 'mention')}", ActorPlace(actor.id))
            for actor in actors
        ]
        entries += [
            (f"“{quote.text[:70]}”", f"quote · {quote.speaker or 'unattributed'}", self._quote_place(quote))
            for quote in quotes
        ]
        return entries

    @staticmethod
    def _quote_place(quote: QuoteView) -> TextPlace:
        """Where a quote opens in the reader."""
        return TextPlace(quote.document_id, quote.passage_id, quote.start, quote.end, quote.speaker_id)

    def _go(self, place: Place) -> None:
        """Open a place from the palette."""
        self.app.post_message(Navigate(place))

    async def search(self, query: str) -> Hits:
        """Actors and quotes whose text fuzzily matches what was typed."""
        matcher = self.matcher(query)
        for text, help_text, place in self.entries:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._go, place), text=text, help=help_text)

    async def discover(self) -> Hits:
        """Before typing: the actors, most prominent first."""
        for text, help_text, place in self.entries:
            if isinstance(place, ActorPlace):
                yield DiscoveryHit(text, partial(self._go, place), help=help_text)
