"""One passage in a preview, with its paragraph number and marked spans."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from store.queries import PassageView as Passage
from store.queries import ReaderMark
from tui.widgets.spans import BLOCKQUOTE_MARK, component_style


@dataclass(frozen=True)
class Paint:
    """How to mark a passage: whose mentions stand out, the target span, and the cursor."""

    actor_id: int | None
    target: tuple[int, int] | None
    cursor: ReaderMark | None


class PassageView(Horizontal):
    """A gutter with the paragraph or footnote number beside the passage text."""

    COMPONENT_CLASSES = {
        "passage-view--mention",
        "passage-view--actor",
        "passage-view--quote",
        "passage-view--target",
        "passage-view--cursor",
    }

    def __init__(self, passage: Passage, marks: Sequence[ReaderMark]) -> None:
        """Show a passage; marks are the spans inside it, in document offsets."""
        super().__init__(classes=f"passage -{passage.kind}")
        self.passage = passage
        self.marks = tuple(marks)

    def compose(self) -> ComposeResult:
        """Gutter and text."""
        yield Static(self._gutter(), classes="gutter", markup=False)
        yield Static(self.passage.text, classes="passage-text", markup=False)

    def show(self, passage: Passage) -> None:
        """Show another passage in these widgets (its text is drawn at the next ``paint``): a preview
        that follows a highlight mounts no new widgets, so restyles and lays out nothing new."""
        self.remove_class(f"-{self.passage.kind}")
        self.passage, self.marks = passage, ()
        self.add_class(f"-{passage.kind}")
        self.query_one(".gutter", Static).update(self._gutter())

    def _gutter(self) -> str:
        """The paragraph or footnote number, a blockquote's mark, or nothing."""
        number = self.passage.number
        quoted = BLOCKQUOTE_MARK if self.passage.kind == "blockquote" else ""
        return quoted if number is None else (f"[{number}]" if self.passage.kind == "footnote" else f"¶{number}")

    def paint(self, paint: Paint) -> None:
        """Mark mentions and quotes, the current actor's more strongly, then the target and cursor."""
        base = self.passage.start
        content = Content(self.passage.text)
        for mark in self.marks:
            content = content.stylize(
                self._style_of(mark, paint.actor_id), mark.start - base, mark.end - base
            )
        if paint.target is not None:
            start, end = max(paint.target[0] - base, 0), min(paint.target[1] - base, len(self.passage.text))
            if start < end:
                content = content.stylize(self._style("target"), start, end)
        if paint.cursor is not None and paint.cursor in self.marks:
            content = content.stylize(
                self._style("cursor"), paint.cursor.start - base, paint.cursor.end - base
            )
        self.query_one(".passage-text", Static).update(content)

    def _style_of(self, mark: ReaderMark, actor_id: int | None) -> Style:
        """The style for a mark: quotes, the current actor's mentions, or other actors' mentions."""
        if mark.kind == "quote":
            return self._style("quote")
        return self._style("actor" if actor_id is not None and mark.actor_id == actor_id else "mention")

    def _style(self, name: str) -> Style:
        """A component style from the stylesheet."""
        return component_style(self, f"passage-view--{name}")
