"""Events in date order, grouped by year, with their precision; enter opens the passage."""

from __future__ import annotations

from itertools import groupby

from textual.content import Content
from textual.widgets.option_list import Option

from store import queries
from store.db import Store
from store.queries import EventView
from tui.messages import TextPlace
from tui.screens.listing import ListingScreen
from tui.widgets.dossier_view import event_date
from tui.widgets.nav_list import Heading, PlaceOption, two_line


def event_option(event: EventView) -> PlaceOption:
    """Date (a range as a range), precision and actors, then the dated sentence."""
    head = Content.assemble(
        (event_date(event), "bold"),
        f"  {event.precision}",
        f"  · {', '.join(event.actors)}" if event.actors else "",
    )
    place = TextPlace(event.document_id, event.passage_id, event.start, event.end)
    return PlaceOption(two_line(head, event.description), place)


SHOWN = 2000
"""Events listed at most: the oldest, which is where a timeline is read from."""


def first_events(store: Store) -> tuple[tuple[EventView, ...], int]:
    """The oldest events and how many there are in all."""
    return queries.timeline(store, SHOWN), queries.count_events(store)


class TimelineScreen(ListingScreen):
    """When things happened: every dated event, oldest first; tab jumps to the next year."""

    TITLE = "Timeline"
    EMPTY = "No dated events in the store."

    def load(self) -> None:
        """Load the first events in the background."""
        self.fetch("timeline", first_events, then=self._show)

    def _show(self, page: tuple[tuple[EventView, ...], int]) -> None:
        """List events under a heading per year, saying how many more there are."""
        events, total = page
        self.scope = {"events": ("id", [event.id for event in events])}
        self.sub_title = f"first {len(events):,} of {total:,} events" if total > len(events) else None
        ordered = sorted(events, key=lambda event: (event.date, event.end_date or ""))
        options: list[Option] = []
        for year, group in groupby(ordered, key=lambda event: event.date[:4]):
            options.append(Heading(year))
            options.extend(event_option(event) for event in group)
        self.fill(options)
