"""A whole article to read, with a cursor over the actors it mentions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.reactive import var

from store.queries import PassageView as Passage
from store.queries import ReaderDocument
from tui.messages import ActorPlace, Navigate, TextPlace
from tui.widgets.passage_view import Mark, Paint, PassageView
from tui.widgets.vim_keys import vim_keys


def marks_of(document: ReaderDocument) -> list[Mark]:
    """Every mention and attributed quote of a document, in reading order."""
    marks = [
        Mark(m.start, m.end, m.passage_id, m.actor_id, m.actor_name, "mention") for m in document.mentions
    ]
    marks += [
        Mark(q.start, q.end, q.passage_id, q.speaker_id, q.speaker or "", "quote")
        for q in document.quotes
        if q.speaker_id is not None
    ]
    return sorted(marks, key=lambda mark: (mark.start, mark.end))


def settle(document: ReaderDocument, place: TextPlace | None) -> TextPlace | None:
    """A place whose span lies outside its passage (a footnote, say) marks the whole passage."""
    passage = next((p for p in document.passages if place and p.id == place.passage_id), None)
    if place is None or passage is None or passage.start <= place.start < passage.end:
        return place
    return replace(place, start=passage.start, end=passage.end)


STEP = Binding.Group("Step", compact=True)
"""n and N share one footer entry."""


class ArticleView(VerticalScroll, can_focus=True):
    """Scrolls an article; n/N step through the current actor's mentions, h/l through everyone's."""

    BINDINGS = [
        *vim_keys("scroll_down", "scroll_up", "scroll_home", "scroll_end"),
        Binding("n", "next_mention", "Next mention", group=STEP),
        Binding("N", "previous_mention", "Previous mention", group=STEP),
        Binding("l,right", "next_mark", "Next actor", show=False),
        Binding("h,left", "previous_mark", "Prev actor", show=False),
        Binding("enter", "open_mark", "Actor"),
    ]

    class CursorMoved(Message):
        """The cursor is on another mention: which, the how-many-th of its actor's, in which passage."""

        def __init__(self, mark: Mark, ordinal: int, total: int, passage: Passage) -> None:
            """Describe the cursor's new spot."""
            super().__init__()
            self.mark = mark
            self.ordinal = ordinal
            self.total = total
            self.passage = passage

    cursor: var[Mark | None] = var(None)
    """The focused mention: n/N/h/l move it, enter opens its actor's dossier."""

    def __init__(self, *, id: str | None = None) -> None:
        """An empty view until a document is shown."""
        super().__init__(id=id)
        self.place: TextPlace | None = None
        self.marks: list[Mark] = []

    async def show(self, document: ReaderDocument, place: TextPlace | None) -> None:
        """Lay out the document and put the cursor at the place (or the top)."""
        self.place = settle(document, place)
        self.marks = marks_of(document)
        by_passage: dict[int, list[Mark]] = {}
        for mark in self.marks:
            by_passage.setdefault(mark.passage_id, []).append(mark)
        await self.remove_children()
        await self.mount_all(PassageView(p, by_passage.get(p.id, [])) for p in document.passages)
        self.set_reactive(ArticleView.cursor, self._initial_cursor())
        for view in self.query(PassageView):
            view.paint(self._paint())
        self.call_after_refresh(self.scroll_to_cursor)
        self._tell_cursor()

    def _initial_cursor(self) -> Mark | None:
        """The place's actor's mention nearest to it (same passage first), else the next mention."""
        place = self.place
        if place is None:
            return None
        own = [m for m in self.marks if m.kind == "mention" and m.actor_id == place.actor_id]
        if own:
            return min(own, key=lambda m: (m.passage_id != place.passage_id, abs(m.start - place.start)))
        return next((m for m in self.marks if m.kind == "mention" and m.end > place.start), None)

    def _paint(self) -> Paint:
        """The current marking."""
        target = (self.place.start, self.place.end) if self.place else None
        return Paint(self.place.actor_id if self.place else None, target, self.cursor)

    def watch_cursor(self, old: Mark | None, new: Mark | None) -> None:
        """Repaint the passages the cursor left and entered, and bring it into view."""
        for view in self._views_of(old, new):
            view.paint(self._paint())
        self.scroll_to_cursor()
        self._tell_cursor()

    def _tell_cursor(self) -> None:
        """Say where the cursor is: its passage, and which of its actor's mentions it is."""
        mark = self.cursor
        views = list(self._views_of(mark))
        if mark is None or not views:
            return
        same = [m for m in self.marks if m.kind == "mention" and m.actor_id == mark.actor_id]
        ordinal = same.index(mark) + 1 if mark in same else 0
        self.post_message(self.CursorMoved(mark, ordinal, len(same), views[0].passage))

    def _views_of(self, *marks: Mark | None) -> Iterable[PassageView]:
        """The passage views holding the given marks."""
        ids = {mark.passage_id for mark in marks if mark is not None}
        return (view for view in self.query(PassageView) if view.passage.id in ids)

    def _focus_point(self) -> tuple[int, int] | None:
        """(passage id, offset) to keep in sight: the cursor, else the target."""
        if self.cursor is not None:
            return self.cursor.passage_id, self.cursor.start
        if self.place is not None:
            return self.place.passage_id, self.place.start
        return None

    def scroll_to_cursor(self) -> None:
        """Scroll so the cursor (or else the target) sits mid-screen; keeps the place on resize."""
        point = self._focus_point()
        views = [view for view in self.query(PassageView) if point and view.passage.id == point[0]]
        if point is None or not views:
            return
        y = views[0].virtual_region.y + views[0].line_of(point[1])
        self.scroll_to_region(Region(0, y, 1, 1), center=True, animate=False, force=True)

    def _step(self, step: int, only_actor: bool) -> None:
        """Move the cursor to the next/previous mention, of the current actor only if asked."""
        actor_id = self.place.actor_id if self.place else None
        pool = [
            m
            for m in self.marks
            if m.kind == "mention" and (not only_actor or actor_id is None or m.actor_id == actor_id)
        ]
        if not pool:
            return
        here = self.cursor.start if self.cursor else -1
        ahead = [m for m in pool if m.start > here] if step > 0 else [m for m in pool if m.start < here][::-1]
        self.cursor = ahead[0] if ahead else (pool[0] if step > 0 else pool[-1])

    def action_next_mention(self) -> None:
        """Next mention of the current actor (wraps round)."""
        self._step(1, only_actor=True)

    def action_previous_mention(self) -> None:
        """Previous mention of the current actor (wraps round)."""
        self._step(-1, only_actor=True)

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

    def on_resize(self) -> None:
        """Text rewraps on resize; keep the cursor in view."""
        self.call_after_refresh(self.scroll_to_cursor)
