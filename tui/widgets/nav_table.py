"""A row-cursor data table with vim keys."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable

from tui.widgets.vim_keys import vim_keys


class NavTable(DataTable[object]):
    """DataTable that moves by rows with j/k and jumps with g/G."""

    BINDINGS = [
        *vim_keys("cursor_down", "cursor_up", "scroll_top", "scroll_bottom"),
        Binding("enter", "select_cursor", "Open"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        """A table with a row cursor and zebra stripes."""
        super().__init__(
            id=id, cursor_type="row", zebra_stripes=True, cursor_foreground_priority="renderable"
        )
