"""j/k/g/G bindings, shared by every list-like widget so the keys behave the same everywhere."""

from __future__ import annotations

from textual.binding import Binding


def vim_keys(down: str, up: str, top: str, bottom: str) -> list[Binding]:
    """Bindings of j, k, g and G to a widget's own down, up, top and bottom actions (not in the footer)."""
    return [
        Binding("j", down, "Down", show=False),
        Binding("k", up, "Up", show=False),
        Binding("g", top, "Top", show=False),
        Binding("G", bottom, "Bottom", show=False),
    ]
