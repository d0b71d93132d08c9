"""A row-cursor data table with vim keys."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

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
        self.stale = False
        """True while the rows shown are being read again (another kind, filter or order)."""
        self._select_when_read = False

    def action_select_cursor(self) -> None:
        """Open the highlighted row; while the rows are being read again, open it once they are (enter
        right after ] or a sort means a row of the new list, not of the one about to go)."""
        if self.stale:
            self._select_when_read = True
        else:
            super().action_select_cursor()

    def rows_read(self) -> None:
        """The rows asked for are listed: an enter held meanwhile opens the highlighted one now."""
        self.stale = False
        if self._select_when_read:
            self._select_when_read = False
            super().action_select_cursor()

    def fit_columns(self, widths: dict[str, int]) -> None:
        """Give columns new widths (by key), as the terminal's width changes; widths as they were change
        nothing (a layout resizes the screen again without changing its width: measuring and drawing
        every row again then cost the first screen a frame)."""
        fitted = {ColumnKey(key): max(1, width) for key, width in widths.items()}
        if all(self.columns[key].width == width for key, width in fitted.items()):
            return
        for key, width in fitted.items():
            self.columns[key].width = width
        # DataTable caches rendered rows and its size by column width: both must be measured again.
        self._clear_caches()
        self._require_update_dimensions = True
        self.refresh(layout=True)
