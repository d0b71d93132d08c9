"""Whether a widget's screen is still in the history: results arriving for a closed screen are dropped."""

from __future__ import annotations

from textual.dom import DOMNode


def in_history(node: DOMNode) -> bool:
    """True while the node is attached, not being removed, and its screen is in the App's stack."""
    # A popped screen (or a removed widget) is torn down over later turns of the event loop; widget
    # work on it then (painting with component styles it never got) is what crashed. Textual marks the
    # nodes it is removing `_pruning` (its own recompose checks the same flag).
    if not node.is_attached or any(getattr(each, "_pruning", False) for each in node.ancestors_with_self):
        return False
    return node.screen in node.app.screen_stack
