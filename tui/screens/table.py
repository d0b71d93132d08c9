"""A screen that is one sortable, filterable table of the corpus, read a page at a time as you scroll."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.reactive import var
from textual.widgets import DataTable, Input

from store.db import Store
from store.queries import KindCount
from store.nouns import counted_noun
from tui.screens.base import ExplorerScreen
from tui.widgets.kind_tabs import KindTabs
from tui.widgets.nav_table import NavTable

PAGE = 200
"""Rows read at a time after the first: the next page is read when the cursor comes near the last row
listed (the table measures every row it is given, so a page costs the UI thread in proportion)."""
NEAR_END = 20
"""Rows before the last listed at which the next page is read."""


def first_page(height: int) -> int:
    """Rows the first read lists: a screen of ``height`` lines and the margin that reads the next page,
    so the first screen waits on no row it does not show."""
    return max(1, height) + NEAR_END


@dataclass(frozen=True)
class Page:
    """Some rows of a list from ``offset`` on, and how many rows the list has in all."""

    rows: tuple[Any, ...]
    total: int
    offset: int


def read_page(count: Callable[[Store], int], rows: Callable[[Store, int | None, int], Sequence[Any]],
              store: Store, offset: int, limit: int | None) -> Page:
    """``limit`` rows (None: all) from ``offset`` of a list, with its total (asked only with the first page)."""
    return Page(tuple(rows(store, limit, offset)), count(store) if offset == 0 else -1, offset)


def cut(text: str) -> Text:
    """A cell that its column's width cuts with an ellipsis."""
    return Text(text, no_wrap=True, overflow="ellipsis", end="")


def right(number: int) -> Text:
    """A count, right-aligned in its column."""
    return Text(f"{number:,}", justify="right")


def spread(width: int, columns: Sequence[tuple[str, int, int]]) -> dict[str, int]:
    """Column widths filling ``width`` cells: each (key, least, share) column gets its least width and
    its share of the room left (a column's cell padding, one cell each side, counted)."""
    room = max(0, width - sum(least + 2 for _, least, _ in columns))
    shares = sum(share for _, _, share in columns)
    if not shares:
        return {key: least for key, least, _ in columns}
    widths = {key: least + room * share // shares for key, least, share in columns}
    # Rounding down leaves up to a cell per column unused: hand those to the columns with a share, in order.
    sharing = [key for key, _, share in columns if share]
    for index in range(room - sum(room * share // shares for _, _, share in columns)):
        widths[sharing[index % len(sharing)]] += 1
    return widths


class TableScreen(ExplorerScreen):
    """Rows of a NavTable that `f` filters as you type, `o`/`O` sort, read a page at a time."""

    BINDINGS = [
        # Priority, so the keys typed right after f are handed on once the box has focus.
        Binding("f", "focus_filter", "Filter", priority=True),
        Binding("o", "sort(1)", "Sort"),
        Binding("O", "sort(-1)", "Sort back", show=False),
        Binding("down", "focus_list", "List", show=False),
        # Over the table's own G, which only reaches the last row read so far.
        Binding("G", "last_row", "Last", show=False, priority=True),
        # Shown while typing in the filter (back to the list) or above other screens (check_action).
        Binding("escape", "go_back", "Back", priority=True),
    ]
    ORDERS: tuple[str, ...] = ()
    """The names of the orders `o` cycles through; the first is the default."""
    NOUN = "row"
    """What a row is, for the header ("1 quote", "2 quotes")."""
    LAYOUT: tuple[tuple[str, int, int], ...] = ()
    """Columns as (key, least width, share of the room left): names get the room a wide terminal has."""
    FIXED = 0
    """Cells taken by columns of a fixed width (counts), which LAYOUT's columns share the rest beside."""

    filter_text: var[str] = var("", init=False)
    """What the user typed into the filter."""
    order: var[int] = var(0, init=False)
    """Which of ORDERS the rows are sorted by."""

    def __init__(self) -> None:
        """A table that has read nothing yet."""
        super().__init__()
        self._total = 0
        self._reading = False
        self._params: tuple[object, ...] = ()
        self._from_top = False
        self.listed: dict[str, Any] = {}
        """The rows listed, by row key."""

    @property
    def table(self) -> NavTable:
        """The table of rows."""
        return self.query_one(NavTable)

    @property
    def order_name(self) -> str | None:
        """The name of the chosen order (None when the screen has only one)."""
        return self.ORDERS[self.order] if self.ORDERS else None

    def params(self) -> tuple[object, ...]:
        """What the rows depend on besides the order (a kind, the filter), read on the UI thread."""
        return (self.filter_text,)

    def page(self, store: Store, offset: int, params: tuple[object, ...], limit: int | None) -> Page:
        """Read ``limit`` rows (None: all) from ``offset`` for ``params`` and the order's name last (in a
        thread)."""
        raise NotImplementedError

    def cells(self, row: Any) -> tuple[object, ...]:
        """The cells of one row."""
        raise NotImplementedError

    def key_of(self, row: Any) -> str:
        """The row key of one row (its id)."""
        return str(row.id)

    def on_resize(self) -> None:
        """Size the columns to the terminal, once the new layout has given the table its width."""
        if self.LAYOUT:
            self.call_after_refresh(self._fit_columns)

    def _fit_columns(self) -> None:
        """Share the table's own width (less its scrollbar's cell) among its columns: the screen's width
        says nothing of what a preview beside the list or the screen's edges take."""
        width = self.table.size.width - 1
        if width > 0:
            self.table.fit_columns(spread(width - self.FIXED, self.LAYOUT))

    def watch_filter_text(self) -> None:
        """Read again from the top as the filter changes."""
        self.reload()

    def watch_order(self) -> None:
        """Read again in the new order, from its top: a new sort is asked to see who leads it."""
        self._from_top = True
        self.reload()

    def reload(self) -> None:
        """Read the first page again; a newer read supersedes an older one."""
        self._reading = True
        self.table.stale = True
        self._params = (*self.params(), self.order_name)
        self.fetch("rows", self.page, 0, self._params, first_page(self.app.size.height), then=self.show_page)

    def show_page(self, page: Page) -> None:
        """List a page: the first replaces the rows (keeping the highlighted one if listed), others add."""
        table = self.table
        self._reading = False
        current = self.highlighted_key() if page.offset == 0 and not self._from_top else None
        self._from_top = False
        if page.offset == 0:
            self._total = page.total
            self.listed.clear()
            table.clear()
        elif page.offset != table.row_count:
            return
        for row in page.rows:
            key = self.key_of(row)
            self.listed[key] = row
            table.add_row(*self.cells(row), key=key)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current))
        self.sub_title = self.describe()
        if page.offset == 0:
            table.rows_read()

    def describe(self) -> str:
        """The header's line: how many rows, how many read, how they are sorted."""
        shown = self.table.row_count
        count = counted_noun(self._total, self.NOUN)
        head = f"{shown:,} of {count} read, more as you scroll" if shown < self._total else count
        if not self._total and self.filter_text.strip():
            head = f"no {self.NOUN} matches “{self.filter_text.strip()}”"
        sort = f" · sorted by {self.order_name} (o)" if self.order_name else ""
        # The screen's line takes the place of the App's, which says when the store is read-only.
        return head + sort + (" · read-only store" if self.store.readonly else "")

    @property
    def highlighted_row(self) -> Any | None:
        """The row under the cursor, if any."""
        key = self.highlighted_key()
        return None if key is None else self.listed.get(key)

    def highlighted_key(self) -> str | None:
        """The key of the row under the cursor, if any."""
        table = self.table
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    @on(DataTable.RowHighlighted)
    def _read_more(self, event: DataTable.RowHighlighted) -> None:
        """Near the last row listed, read the next page."""
        table = self.table
        if not self._reading and table.row_count < self._total and event.cursor_row >= table.row_count - NEAR_END:
            self._reading = True
            self.fetch("more", self.page, table.row_count, self._params, PAGE, then=self.show_page)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        self.filter_text = event.value

    @on(Input.Submitted, "#filter")
    def action_focus_list(self) -> None:
        """Move the keys from the filter to the list (enter or down in the filter)."""
        self.set_focus(self.table)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """f and o type themselves into the filter box once the box has focus."""
        if action in ("focus_filter", "sort", "last_row") and isinstance(self.focused, Input):
            return False
        if action == "sort" and len(self.ORDERS) < 2:
            return False
        if action == "go_back" and not isinstance(self.focused, Input) and len(self.app.screen_stack) <= 2:
            return False  # the first screen: there is nothing to go back to
        return super().check_action(action, parameters)

    def action_focus_filter(self) -> None:
        """Type to filter the list; the keys right after f already go to the box."""
        self.set_focus(self.query_one("#filter", Input))

    def action_last_row(self) -> None:
        """Go to the last row, reading every row not read yet first."""
        table = self.table
        if table.row_count < self._total:
            self._reading = True
            self.fetch("more", self.page, table.row_count, self._params, None, then=self._show_last)
        else:
            table.action_scroll_bottom()

    def _show_last(self, page: Page) -> None:
        """List the rest of the rows and go to the last."""
        self.show_page(page)
        self.table.action_scroll_bottom()

    def action_sort(self, step: int) -> None:
        """Sort by the next (1) or previous (-1) order."""
        self.order = (self.order + step) % len(self.ORDERS)

    def action_go_back(self) -> None:
        """From the filter, go back to the list; otherwise back in the history."""
        if isinstance(self.focused, Input):
            self.action_focus_list()
        else:
            super().action_go_back()


class KindTableScreen(TableScreen):
    """A TableScreen whose rows are of kinds, chosen with tabs above the table ([ and ] or left/right)."""

    BINDINGS = [
        Binding("right_square_bracket", "next_kind", "Kind"),
        Binding("left_square_bracket", "previous_kind", "◀ Kind", show=False),
    ]

    @on(KindTabs.Changed, "#kinds")
    def _kind_changed(self) -> None:
        """Read the chosen kind from the top (the tabs' first activation is the first read)."""
        self.reload()

    def show_counts(self, counts: Sequence[KindCount]) -> None:
        """Label the kind tabs."""
        self.query_one(KindTabs).show_counts(counts)

    def params(self) -> tuple[object, ...]:
        """The chosen kind and the filter."""
        return self.query_one(KindTabs).kind, self.filter_text

    def action_next_kind(self) -> None:
        """Show the next kind (the rows shown are stale at once: the tabs say so only by a message)."""
        self._kind_step(1)

    def action_previous_kind(self) -> None:
        """Show the previous kind."""
        self._kind_step(-1)

    def _kind_step(self, step: int) -> None:
        """Activate the next (1) or previous (-1) kind tab; the rows shown are stale from now if it changes."""
        tabs = self.query_one(KindTabs)
        self.table.stale = self.table.stale or tabs.tab_count > 1
        if step > 0:
            tabs.action_next_tab()
        else:
            tabs.action_previous_tab()
