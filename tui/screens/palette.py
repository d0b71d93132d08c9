"""Command palette commands: jump to any actor's dossier or any quote, found by the explorer's own search."""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from store import queries
from store.db import StoreError
from store.nouns import counted_noun
from store.search import Hit as Found
from store.search import search
from tui.messages import ActorPlace, Navigate, Place
from tui.screens.printable import printable
from tui.widgets.result_list import place_of

LIMIT = 10
"""Actors and quotes offered per query: a bounded search answers in milliseconds at any store size."""
DISCOVER = 20
"""Actors offered before anything is typed, most prominent first."""
WEIGHT = {"actor": 0.9, "quote": 0.85}
"""Scores stay below an exact screen command's, and a name beats a quote that matches as well."""


class PlaceCommands(Provider):
    """Offers actors and quotes as places to go, from the same search as the search screen."""

    def _go(self, place: Place) -> None:
        """Open a place from the palette."""
        self.app.post_message(Navigate(place))

    async def search(self, query: str) -> Hits:
        """Actors and quotes matching what was typed, best first (searched in a thread)."""
        store = self.app.store  # type: ignore[attr-defined]
        try:
            found = printable(await asyncio.to_thread(search, store, query, LIMIT))
        except StoreError as error:  # a store another program broke: say so, offer nothing
            self.app.notify(str(error), title="Store error", severity="error")
            return
        matcher = self.matcher(query)
        for rank, hit in enumerate(found.actors + found.quotes):
            place = place_of(hit)
            if place is not None:
                text = hit.label if hit.type == "actor" else f"“{hit.label[:70]}”"
                score = WEIGHT[hit.type] * hit.match / 100 - rank / 10_000  # ties keep the search's order
                yield Hit(score, matcher.highlight(text), partial(self._go, place), text=text, help=_help(hit))

    async def discover(self) -> Hits:
        """Before typing: the most prominent actors."""
        store = self.app.store  # type: ignore[attr-defined]
        for actor in printable(await asyncio.to_thread(queries.actors, store, None, DISCOVER)):
            help_text = f"{actor.kind} · {counted_noun(actor.mentions, 'mention')}"
            yield DiscoveryHit(actor.name, partial(self._go, ActorPlace(actor.id)), help=help_text)


def _help(hit: Found) -> str:
    """The line under a hit: an actor's kind, title and mentions; a quote's speaker."""
    return hit.detail if hit.type == "actor" else f"quote · {hit.detail}"
