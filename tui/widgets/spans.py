"""Marking spans of text: matched characters, a quote inside its sentence."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.style import Style


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
