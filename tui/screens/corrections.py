"""Corrections: every correction the user made, newest first, when and what, stale or not; x undoes one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from store import corrections
from store.corrections import Correction
from tui.screens.base import ExplorerScreen
from tui.widgets.key_footer import KeyFooter
from tui.widgets.nav_table import NavTable

EMPTY = ("No corrections yet. On an actor, quote or mention press c to correct it (m merges two actors); "
         "u undoes the last.")
WHEN_WIDTH = 16
"""'2026-12-02 02:15': the date and minute a correction was made."""


def correction_row(correction: Correction) -> list[object]:
    """A row: when, what kind, what it changed, and whether it still applies."""
    state = Text("stale", style="bold red") if correction.stale else Text("applies", style="green")
    when = correction.made_at.replace("T", " ")[:WHEN_WIDTH]
    return [when, correction.action.replace("_", " "), Text(correction.summary, overflow="ellipsis"), state]


class CorrectionsScreen(ExplorerScreen):
    """The user's corrections: each is re-applied after every ingest; one whose target is gone is stale."""

    TITLE = "Corrections"
    BINDINGS = [Binding("x", "undo_this", "Undo this")]

    def compose(self) -> ComposeResult:
        """Header, the corrections table, a line when there are none, footer."""
        yield Header()
        yield Static("", id="corrections-status", markup=False)
        yield NavTable(id="corrections-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Lay out the columns and load the corrections."""
        table = self.query_one(NavTable)
        table.add_column("when", key="when", width=WHEN_WIDTH)
        table.add_column("action", key="action", width=10)
        table.add_column("what", key="what")
        table.add_column("state", key="state", width=7)
        table.focus()
        self.after_correction()

    def after_correction(self) -> None:
        """Load the corrections again (after an undo here or anywhere)."""
        self.fetch("corrections", corrections.corrections, then=self._show)

    def _show(self, listed: Sequence[Correction]) -> None:
        """List the corrections, keeping the cursor where it was."""
        table = self.query_one(NavTable)
        row = table.cursor_row
        table.clear()
        for correction in listed:
            table.add_row(*correction_row(correction), key=str(correction.id))
        stale = sum(correction.stale for correction in listed)
        status = f"{len(listed)} corrections, {stale} stale (no longer applies)" if listed else EMPTY
        self.query_one("#corrections-status", Static).update(status)
        if listed:
            table.move_cursor(row=min(row, len(listed) - 1))

    def action_undo_this(self) -> None:
        """Undo the highlighted correction and forget it."""
        table = self.query_one(NavTable)
        if not self.can_save():
            return
        if not table.row_count:
            self.notify("No correction to undo.", title="Undo")
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.fetch("correct", corrections.undo, int(key or 0), then=self.undone)
