"""The footer every screen shows: compact, so the keys that apply fit in 80 columns."""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """A compact footer; ctrl+p is listed on the help screen rather than taking footer room."""

    def __init__(self) -> None:
        """Compact, without the command palette entry."""
        super().__init__(compact=True, show_command_palette=False)
