"""A whole article to read, with a cursor over the actors it mentions; only the lines shown are drawn."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.queries import MarkStep, ReaderMark
from store.queries import PassageView as Passage
from tui.messages import ActorPlace, Navigate, TextPlace
from tui.screens.printable import visible
from tui.widgets.article_layout import Layout
from tui.widgets.find import match_step
from tui.widgets.spans import BLOCKQUOTE_MARK
from tui.widgets.table_rows import TableDrawing
from tui.widgets.vim_keys import vim_keys

if TYPE_CHECKING:
    from store.read.markdown_emphasis import Emphasis

GUTTER = 5
"""Cells for the paragraph or footnote number left of the text."""
WINDOW = 16_384
"""Marks are asked for this many characters of the document at a time, as they come into view."""
CHUNK_BACK = 4_096
"""How far before a line a mark (a long quote) may start and still reach into it."""
KIND_STYLES = {"title": "title", "heading": "heading", "publication": "muted", "footnote": "muted",
               "blockquote": "blockquote"}
"""The component style of each kind of passage that has one of its own."""
STEP = Binding.Group("Step", compact=True)
"""n and N share one footer entry."""


def settle(passages: Sequence[Passage], place: TextPlace | None) -> TextPlace | None:
    """A place whose span lies outside its passage (a footnote, say) marks the whole passage."""
    passage = next((p for p in passages if place and p.id == place.passage_id), None)
    if place is None or passage is None or passage.start <= place.start < passage.end:
        return place
    return replace(place, start=passage.start, end=passage.end)


class ArticleView(ScrollView, can_focus=True):
    """Scrolls an article; n/N step through the current actor's mentions, h/l through everyone's."""

    COMPONENT_CLASSES = {
        "passage-view--mention", "passage-view--actor", "passage-view--quote", "passage-view--target",
        "passage-view--cursor", "article-view--gutter", "article-view--title", "article-view--heading",
        "article-view--muted", "article-view--blockquote", "article-view--em", "article-view--strong",
    }
    BINDINGS = [
        *vim_keys("scroll_down", "scroll_up", "scroll_home", "scroll_end"),
        Binding("n", "next_mention", "Next match or mention", group=STEP),
        Binding("N", "previous_mention", "Previous match or mention", group=STEP),
        Binding("l,right", "next_mark", "Next actor", show=False),
        Binding("h,left", "previous_mark", "Prev actor", show=False),
        Binding("enter", "open_mark", "Actor", show=False),
    ]

    class CursorMoved(Message):
        """The cursor is on another mention: which, the how-many-th of its actor's, in which passage."""

        def __init__(self, mark: ReaderMark, ordinal: int, total: int, passage: Passage) -> None:
            """Describe the cursor's new spot."""
            super().__init__()
            self.mark = mark
            self.ordinal = ordinal
            self.total = total
            self.passage = passage

    class MarksWanted(Message):
        """The marks of a stretch of the document are about to show: ask the store for them."""

        def __init__(self, start: int, end: int) -> None:
            """The stretch, as document offsets."""
            super().__init__()
            self.start = start
            self.end = end

    class StepWanted(Message):
        """Move the cursor: the mention after (1), before (-1) or nearest (0) an offset, of one actor or all."""

        def __init__(self, offset: int, step: int, actor_id: int | None) -> None:
            """Where from, which way, whose."""
            super().__init__()
            self.offset = offset
            self.step = step
            self.actor_id = actor_id

    cursor: var[ReaderMark | None] = var(None)
    """The focused mention: n/N/h/l move it, enter opens its actor's dossier."""

    def __init__(self, *, id: str | None = None) -> None:
        """An empty view until a document is shown."""
        super().__init__(id=id)
        self.place: TextPlace | None = None
        self.passages: Sequence[Passage] = ()
        self.lines_at: Layout | None = None
        """Where each line falls at the current width (None until the view has a size and a document)."""
        self.matches: tuple[ReaderMark, ...] = ()
        """Where the words looked for with / are, in text order: n/N step through them while there are any."""
        self._marks: dict[int, tuple[ReaderMark, ...]] = {}
        self._asked: set[int] = set()
        self._tables: dict[tuple[int, int], TableDrawing] = {}
        self._emphasis: Sequence[Emphasis] = ()

    def show(self, passages: Sequence[Passage], place: TextPlace | None) -> None:
        """Show a document's passages, the place marked and in view; the cursor goes near it."""
        self.passages = passages
        self._tables.clear()
        self._emphasis = ()
        self.place = settle(passages, place)
        self._lay_out()
        start = self.place.start if self.place else 0
        actor = self.place.actor_id if self.place else None
        if self.place is not None:
            self.post_message(self.StepWanted(start if actor else start - 1, 0 if actor else 1, actor))

    def _lay_out(self) -> None:
        """Lay the article out at the current width and bring the cursor (or target) into view."""
        width = self.scrollable_content_region.width - GUTTER
        if not self.passages or width < 1:
            return
        self.lines_at = Layout(self.passages, width)
        self.scroll_to_cursor()

    def show_emphasis(self, emphasis: Sequence[Emphasis]) -> None:
        """Style a Markdown article's emphasised runs (its marks are not in the stored text)."""
        self._emphasis = emphasis
        self.refresh()

    def forget_marks(self) -> None:
        """Drop the marks read so far (a correction changed them): they are read again as they are drawn."""
        self._marks.clear()
        self._asked.clear()
        self.refresh()

    def add_marks(self, start: int, marks: Sequence[ReaderMark]) -> None:
        """Marks the store found for the window starting at ``start``; redraw with them."""
        self._marks[start // WINDOW] = tuple(marks)
        self.refresh()

    def move_cursor(self, step: MarkStep | None) -> None:
        """Put the cursor where a step landed (nothing happens if there was nowhere to go)."""
        if step is None:
            return
        self.cursor = step.mark
        passage = next((p for p in self.passages if p.id == step.mark.passage_id), None)
        if passage is not None:
            total = step.total if step.mark.kind in ("mention", "match") else 0
            self.post_message(self.CursorMoved(step.mark, step.ordinal, total, passage))

    def watch_cursor(self) -> None:
        """Redraw and bring the cursor into view."""
        self.scroll_to_cursor()
        self.refresh()

    def _focus_point(self) -> int | None:
        """The offset to keep in sight: the cursor, else the target."""
        if self.cursor is not None:
            return self.cursor.start
        return self.place.start if self.place is not None else None

    def in_view(self, offset: int) -> bool:
        """True when the line showing a document offset is on screen."""
        if self.lines_at is None:
            return False
        y = self.lines_at.y_of(offset)
        return self.scroll_offset.y <= y < self.scroll_offset.y + self.scrollable_content_region.height

    def scroll_to_cursor(self) -> None:
        """Scroll so the cursor (or else the target) sits mid-screen; keeps the place on resize."""
        layout, point = self.lines_at, self._focus_point()
        if layout is None:
            return
        near = layout.block_at(point or 0)
        for index in range(max(0, near - 2), min(near + 3, len(layout.blocks))):
            layout.wrap(index)  # the pieces round the point get their real heights first
        y = layout.y_of(point) if point is not None else 0
        self.virtual_size = Size(self.scrollable_content_region.width, layout.height)
        self.scroll_to_region(Region(0, y, 1, 1), center=True, animate=False, force=True, immediate=True)

    def on_resize(self) -> None:
        """Text rewraps on resize; keep the cursor in view."""
        if self.lines_at is None or self.lines_at.width != self.scrollable_content_region.width - GUTTER:
            self._lay_out()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Wrap the pieces about to show (keeping what is on screen still), then draw the lines."""
        if self.lines_at is not None:
            self._wrap_visible(self.lines_at)
        return super().render_lines(crop)

    def _wrap_visible(self, layout: Layout) -> None:
        """Give the pieces on screen their real heights; a piece above the top keeps its end in place."""
        top = self.scroll_offset.y
        index, _ = layout.locate(top)
        starts_above = layout.tops[index] < top
        shift = layout.wrap(index) if starts_above else 0
        while index < len(layout.blocks) and layout.tops[index] < top + shift + self.size.height:
            layout.wrap(index)
            index += 1
        self.virtual_size = Size(self.scrollable_content_region.width, layout.height)
        if shift:
            self.set_scroll(None, top + shift)

    def render_line(self, y: int) -> Strip:
        """One line of the article: the gutter, then the text with its marks."""
        width = self.scrollable_content_region.width
        layout = self.lines_at
        if layout is None or not layout.blocks:
            return Strip.blank(width, self.rich_style)
        index, row = layout.locate(self.scroll_offset.y + y)
        if row >= layout.heights[index]:
            return Strip.blank(width, self.rich_style)
        block = layout.blocks[index]
        passage = self.passages[block.passage]
        gutter = self._gutter_at(block.passage, row) if block.first else ""
        segments = [Segment(gutter.ljust(GUTTER)[:GUTTER], self.rich_style + self._style("gutter"))]
        span = layout.line(index, row)
        if span is not None and passage.kind == "table":
            text_of = partial(self._text_segments, passage)
            segments += self._table(block.passage, width - GUTTER).segments(span, text_of, self._style("muted"))
        elif span is not None:
            segments += self._text_segments(passage, span)
        return Strip(segments).adjust_cell_length(width, self.rich_style)

    def _table(self, index: int, width: int) -> TableDrawing:
        """How the table passage at ``index`` is drawn at ``width`` cells (measured once a width)."""
        key = (index, width)
        if key not in self._tables:
            self._tables[key] = TableDrawing(self.passages[index], width)
        return self._tables[key]

    def _gutter_at(self, index: int, row: int) -> str:
        """The gutter's label on a passage's first lines: its number, then its PDF page where a new page
        starts ("p.3")."""
        passage = self.passages[index]
        turned = passage.page is not None and (index == 0 or self.passages[index - 1].page != passage.page)
        labels = [label for label in (self._gutter(passage), f"p.{passage.page}" if turned else "") if label]
        return labels[row] if row < len(labels) else ""

    @staticmethod
    def _gutter(passage: Passage) -> str:
        """The paragraph (¶3) or footnote ([3]) number of a passage, if it has one; a block quote's mark (“)."""
        if passage.number is None:
            return BLOCKQUOTE_MARK if passage.kind == "blockquote" else ""
        return f"[{passage.number}]" if passage.kind == "footnote" else f"¶{passage.number}"

    def _text_segments(self, passage: Passage, span: tuple[int, int]) -> list[Segment]:
        """A line's text cut where its marks begin and end, each part in its style."""
        start, end = span
        text = visible(passage.text[start - passage.start:end - passage.start])
        base = self.rich_style + self._style(KIND_STYLES.get(passage.kind, ""))  # the kind's look, if any
        styled = [(max(s, start), min(e, end), style) for s, e, style in self._spans(start, end)]
        cuts = sorted({start, end, *(s for s, _, _ in styled), *(e for _, e, _ in styled)})
        segments = []
        for left, right in zip(cuts, cuts[1:]):
            style = base
            for s, e, extra in styled:
                if s <= left and right <= e:
                    style += extra
            segments.append(Segment(text[left - start:right - start], style))
        return segments

    def _spans(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        """Styled spans over start..end: marks (the current actor's stronger), the target, the cursor."""
        actor = self.place.actor_id if self.place else None
        spans = [(run.start, run.end, self._style(run.kind)) for run in self._emphasis
                 if run.start < end and run.end > start]
        spans += [(m.start, m.end, self._style(self._kind_of(m, actor))) for m in self._marks_near(start, end)
                  if m.start < end and m.end > start]
        if self.place is not None and self.place.start < end and self.place.end > start:
            spans.append((self.place.start, self.place.end, self._style("target")))
        cursor = self.cursor
        if cursor is not None and cursor.start < end and cursor.end > start:
            spans.append((cursor.start, cursor.end, self._style("cursor")))
        return spans

    @staticmethod
    def _kind_of(mark: ReaderMark, actor_id: int | None) -> str:
        """The style a mark takes: quotes, the current actor's mentions, or other actors' mentions."""
        if mark.kind == "quote":
            return "quote"
        return "actor" if actor_id is not None and mark.actor_id == actor_id else "mention"

    def _marks_near(self, start: int, end: int) -> list[ReaderMark]:
        """Marks loaded for the windows round start..end; asks the store for windows not loaded yet."""
        found: list[ReaderMark] = []
        for window in range(max(0, start - CHUNK_BACK) // WINDOW, end // WINDOW + 1):
            if window not in self._marks and window not in self._asked:
                self._asked.add(window)
                self.post_message(self.MarksWanted(window * WINDOW, (window + 1) * WINDOW))
            found += self._marks.get(window, ())
        return found

    def _style(self, name: str) -> Style:
        """A component style from the stylesheet (none for an unknown name)."""
        if not name:
            return Style()
        if name in {"mention", "actor", "quote", "target", "cursor"}:
            # Marks lay only their own attributes over the line's style.
            return self.get_component_rich_style(f"passage-view--{name}", partial=True, default=Style())
        if name in {"em", "strong"}:
            return self.get_component_rich_style(f"article-view--{name}", partial=True, default=Style())
        # A line's own style in full: a translucent colour ($text-muted) is blended with the background.
        return self.get_component_rich_style(f"article-view--{name}", default=Style())

    def _step(self, step: int, only_actor: bool) -> None:
        """Ask for the next/previous mention, of the current actor only if asked."""
        actor_id = self.place.actor_id if self.place and only_actor else None
        here = self.cursor.start if self.cursor else -1
        self.post_message(self.StepWanted(here, step, actor_id))

    def action_next_mention(self) -> None:
        """Next match of the words looked for, else next mention of the current actor (wraps round)."""
        self._step_match(1) if self.matches else self._step(1, only_actor=True)

    def action_previous_mention(self) -> None:
        """Previous match of the words looked for, else previous mention of the current actor."""
        self._step_match(-1) if self.matches else self._step(-1, only_actor=True)

    def _step_match(self, step: int) -> None:
        """Put the cursor on the match after (1) or before (-1) it, wrapping round."""
        self.move_cursor(match_step(self.matches, self.cursor.start if self.cursor else -1, step))

    def action_next_mark(self) -> None:
        """Next mention of any actor."""
        self._step(1, only_actor=False)

    def action_previous_mark(self) -> None:
        """Previous mention of any actor."""
        self._step(-1, only_actor=False)

    def action_open_mark(self) -> None:
        """Open the dossier of the actor under the cursor."""
        if self.cursor is not None and self.cursor.actor_id is not None:
            self.post_message(Navigate(ActorPlace(self.cursor.actor_id)))

