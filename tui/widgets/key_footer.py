"""The footer every screen shows: compact, so the keys that apply fit in 80 columns."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[Binding, bool, str], ...]
"""The keys a footer shows: each binding, whether it is enabled, and its tooltip."""


class KeyFooter(Footer):
    """A compact footer; ctrl+p is listed on the help screen rather than taking footer room."""

    def __init__(self) -> None:
        """Compact, without the command palette entry."""
        super().__init__(compact=True, show_command_palette=False)
        self._shown: Shown | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Draw the keys again only when they changed: focus moving between widgets with the same keys (every
        key press in a list, every screen change) rebuilt a dozen key widgets and their styles each time."""
        shown = tuple((binding, enabled, tooltip) for _, binding, enabled, tooltip in screen.active_bindings.values())
        if shown == self._shown and self._bindings_ready:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # only once the footer is redrawn with them (as the base class decides)
        super().bindings_changed(screen)
