"""Events in date order, grouped by year, with their precision; filtered, paged, and jumped through by date."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from store import queries
from store.db import Store
from store.queries import EventFilter, EventView
from tui.messages import TextPlace
from store.nouns import counted_noun
from tui.screens.listing import ListingScreen
from tui.widgets.dossier_view import event_date
from tui.widgets.nav_list import Heading, PlaceOption, two_line

SHOWN = 500
"""Events listed at a time: a window of the timeline that moves on as the cursor reaches its ends."""


def event_option(event: EventView) -> PlaceOption:
    """Date (a range as a range), precision and actors, then the dated sentence."""
    head = Content.assemble(
        (event_date(event), "bold"),
        f"  {event.precision}",
        f"  · {', '.join(event.actors)}" if event.actors else "",
    )
    place = TextPlace(event.document_id, event.passage_id, event.start, event.end)
    return PlaceOption(two_line(head, event.description), place)


@dataclass(frozen=True)
class Window:
    """Some events of the (filtered) timeline from ``offset``, how many there are, and which to highlight."""

    events: tuple[EventView, ...]
    total: int
    offset: int
    at: int
    """The index in ``events`` to highlight; -1 for the last."""


def read_window(store: Store, narrowed: EventFilter, offset: int, at: int) -> Window:
    """The events from ``offset`` (a negative offset counts back from the end, so -1 reads the newest)."""
    total = queries.count_events(store, narrowed)
    start = max(0, total + offset + 1 - SHOWN if offset < 0 else min(offset, max(0, total - 1)))
    return Window(queries.timeline(store, SHOWN, start, narrowed), total, start, at)


def window_at(store: Store, narrowed: EventFilter, date: str) -> Window:
    """A window whose highlighted event is the first on or after a date (the last event if none is)."""
    before = queries.events_before(store, date, narrowed)
    offset = max(0, before - SHOWN // 4)
    return read_window(store, narrowed, offset, before - offset)


class TimelineScreen(ListingScreen):
    """When things happened: dated events, oldest first; tab jumps to the next year, d to a date."""

    TITLE = "Timeline"
    EMPTY = "No dated events here."
    BOXES = (("filter", "f: words, 2024..2025, @actor"), ("jump", "d: go to a date or year"))
    LETTERS = ("focus_box", "newest", "oldest")
    BINDINGS = [
        Binding("f", "focus_box('#filter')", "Filter", priority=True),
        Binding("d", "focus_box('#jump')", "Date", priority=True),
        # Over the list's own g/G, which only reach the ends of the events listed.
        Binding("G", "newest", "Newest", show=False, priority=True),
        Binding("g", "oldest", "Oldest", show=False, priority=True),
    ]

    def __init__(self) -> None:
        """A timeline showing nothing yet."""
        super().__init__()
        self.narrowed = EventFilter()
        self.window = Window((), 0, 0, 0)
        self._placed: set[int] = set()
        """Rows the screen itself highlighted since the last window came: not the cursor reaching an end."""

    def load(self, offset: int = 0, at: int = 0) -> None:
        """Read a window of the timeline in the background."""
        self.fetch("timeline", read_window, self.narrowed, offset, at, then=self._show)

    def _show(self, window: Window) -> None:
        """List events under a heading per year, saying which of how many they are."""
        self.window = window
        self.scope = {"events": ("id", [event.id for event in window.events])}
        options: list[Option] = []
        for year, group in groupby(window.events, key=lambda event: event.date[:4]):
            options.append(Heading(year))
            options.extend(event_option(event) for event in group)
        self.fill(options)
        self.sub_title = self._describe(window)
        rows = [index for index, option in enumerate(options) if not isinstance(option, Heading)]
        if rows:
            target = rows[window.at if -len(rows) <= window.at < len(rows) else -1]
            self._placed = {1, target}
            self.listing.highlighted = target
            self.listing.scroll_to_highlight()

    def _describe(self, window: Window) -> str:
        """Which events show, of how many, and the keys that reach the others."""
        count = counted_noun(window.total, "event")
        if len(window.events) >= window.total:
            return count
        first, last = window.offset + 1, window.offset + len(window.events)
        return f"{first:,}–{last:,} of {count} · g oldest, G newest, d a date"

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        """Narrow the timeline as the user types."""
        self.narrowed = queries.event_filter(event.value)
        self.load()

    @on(Input.Submitted, "#jump")
    def _jump(self, event: Input.Submitted) -> None:
        """Go to the first event on or after the date typed."""
        date = event.value.strip()
        if date:
            self.fetch("timeline", window_at, self.narrowed, date, then=self._show)

    @on(OptionList.OptionHighlighted, "#listing")
    def _move_window(self, event: OptionList.OptionHighlighted) -> None:
        """At the first or last event listed, read the window before or after it."""
        window, index = self.window, event.option_index
        if index in self._placed:
            return
        self._placed = set()
        if index == self.listing.option_count - 1 and window.offset + len(window.events) < window.total:
            self.load(window.offset + SHOWN // 2, len(window.events) - SHOWN // 2 - 1)
        elif index <= 1 and window.offset > 0:
            back = min(window.offset, SHOWN // 2)
            self.load(window.offset - back, back)

    def action_newest(self) -> None:
        """Show the newest events, the last highlighted."""
        self.load(-1, -1)

    def action_oldest(self) -> None:
        """Show the oldest events, the first highlighted."""
        self.load(0, 0)
