"""Keyword-in-context lines: left context, the highlighted mention, right context, and where it is."""

from __future__ import annotations

from textual.content import Content
from textual.style import Style

from store.queries import MentionView


def where(section: str, paragraph: int | None, document: str | None = None) -> str:
    """Say where a passage is: "¶3 NATO and China", prefixed by the document when there are several."""
    parts = [f"¶{paragraph}" if paragraph is not None else "", section]
    if document:
        parts.insert(0, document)
    return " ".join(part for part in parts if part)


def kwic_line(mention: MentionView, width: int, mark: Style) -> Content:
    """One line of `width` cells with the mention centred-left and its context cropped around it."""
    label = f"¶{mention.paragraph:<3}" if mention.paragraph is not None else "    "
    body = max(width - len(label) - 1, 20)
    left_width = max(body * 2 // 5, 8)
    right_width = max(body - left_width - len(mention.text) - 2, 0)
    left = mention.left[-left_width:].rjust(left_width)
    right = mention.right[:right_width]
    return Content.assemble((label + " ", ""), left, (mention.text, mark), right)
