"""A preview of where a highlighted row leads: its passage between its neighbours, the spot marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from textual.containers import VerticalScroll

from store.queries import PassageView as Passage
from tui.messages import TextPlace
from tui.widgets.attached import in_history
from tui.widgets.passage_view import Paint, PassageView

PREVIEW_CHARS = 2000
"""Characters of a passage a preview shows: a megabyte paragraph is previewed around the place."""


def clipped(passage: Passage, place: TextPlace) -> Passage:
    """The passage cut to PREVIEW_CHARS, around the place in its own passage, from the top in others."""
    if len(passage.text) <= PREVIEW_CHARS:
        return passage
    at = max(0, place.start - passage.start - PREVIEW_CHARS // 4) if passage.id == place.passage_id else 0
    text = passage.text[at:at + PREVIEW_CHARS]
    return replace(passage, text=text, start=passage.start + at, end=passage.start + at + len(text))


class PassagePreview(VerticalScroll, can_focus=False):
    """Shows the place's passage at the top, its span highlighted, and what follows it."""

    async def show(self, passages: Sequence[Passage], place: TextPlace) -> None:
        """Show the place's passage and those after it, marking the place. The views already mounted
        show the new passages (mounting anew restyled and laid out every widget at each highlight while
        typing); only the count's difference is mounted or removed."""
        ordinals = [passage.ordinal for passage in passages if passage.id == place.passage_id]
        shown = [clipped(passage, place) for passage in passages if ordinals and passage.ordinal >= ordinals[0]]
        views = list(self.query_children(PassageView))
        for view, passage in zip(views, shown):
            view.show(passage)
        if len(views) > len(shown):
            await self.remove_children(views[len(shown):])
        await self.mount_all(PassageView(passage, ()) for passage in shown[len(views):])
        # Escape right after a result showed closes the screen while the views mount.
        if not in_history(self):
            return
        for view in self.query_children(PassageView):
            view.paint(Paint(place.actor_id, (place.start, place.end), None))
        self.scroll_home(animate=False)
