"""The baselines: a minimal Textual app (first screen), and one that replaces a list at every key (typing)."""

from __future__ import annotations

import sys

from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, OptionList, Static

READY = "bare textual app ready"
ROWS = 84
"""Rows the typing baseline lists per key: the explorer's most (four groups of 20 results and their
headings), each of two lines like a result and its detail."""


class BareApp(App[None]):
    """Nothing but the widgets every app has."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        """A header, one line of text and a footer."""
        yield Header()
        yield Static(READY)
        yield Footer()


class BareListApp(App[None]):
    """A box over Textual's own OptionList, all of whose rows are replaced at every key: the cost of
    showing new results the plain way, for the keystroke figures to be read against."""

    def compose(self) -> ComposeResult:
        """A header, the box, a line saying what the rows are for, the list and a footer."""
        yield Header()
        yield Input(placeholder=READY)
        yield Static(READY, id="hint")
        yield OptionList(markup=False)
        yield Footer()

    @on(Input.Changed)
    def _replace(self, event: Input.Changed) -> None:
        """New rows for the new text, then the line naming it (as the explorer's “query” header)."""
        text = event.value
        rows = [f"{text} result {i}\n  where {text} was found, row {i}" for i in range(ROWS)]
        self.query_one(OptionList).set_options(rows)
        self.query_one(OptionList).highlighted = 0
        self.query_one("#hint", Static).update(f"{ROWS} results for “{text}”")


if __name__ == "__main__":
    (BareListApp() if "--list" in sys.argv[1:] else BareApp()).run()
