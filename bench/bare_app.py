"""The baseline for time to first screen: a minimal Textual app with a header, a line of text, a footer."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY = "bare textual app ready"


class BareApp(App[None]):
    """Nothing but the widgets every app has."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        """A header, one line of text and a footer."""
        yield Header()
        yield Static(READY)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
