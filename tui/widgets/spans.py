"""Marking spans of text: matched characters, a quote inside its sentence."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.style import Style
from textual.widget import Widget

BLOCKQUOTE_MARK = "“"
"""The gutter's mark beside a block quote (a passage quoted at length, set apart from the text)."""


def mark_spans(text: str, spans: Iterable[tuple[int, int]], style: Style) -> Content:
    """Content of text with each (start, end) span styled; spans outside the text are clipped."""
    content = Content(text)
    for start, end in spans:
        start, end = max(start, 0), min(end, len(text))
        if start < end:
            content = content.stylize(style, start, end)
    return content


def mark_quote(context: str, quote: str, style: Style) -> Content:
    """The reporting context with the quote styled; the quote alone if the context lacks it."""
    at = context.find(quote) if quote else -1
    if at < 0:
        return mark_spans(f"“{quote}”", [(1, len(quote) + 1)], style)
    return mark_spans(context, [(at, at + len(quote))], style)


def component_style(widget: Widget, name: str) -> Style:
    """A component class of the stylesheet as a text style, keeping opaque backgrounds and reverse."""
    # Widget.get_visual_style(partial=True) fades opaque backgrounds and drops reverse, which the
    # cursor and highlights need to stand out with 16 colours or none.
    styles = widget.get_component_styles(name)
    text = styles.text_style
    return Style(
        background=styles.background if styles.has_rule("background") else None,
        foreground=styles.color if styles.has_rule("color") else None,
        bold=text.bold,
        italic=text.italic,
        underline=text.underline,
        reverse=text.reverse,
    )
