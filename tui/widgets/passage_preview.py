"""A preview of where a highlighted row leads: its passage between its neighbours, the spot marked."""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import VerticalScroll

from store.queries import PassageView as Passage
from tui.messages import TextPlace
from tui.widgets.passage_view import Paint, PassageView


class PassagePreview(VerticalScroll, can_focus=False):
    """Shows passages with the place's span highlighted, its passage at the top."""

    async def show(self, passages: Sequence[Passage], place: TextPlace) -> None:
        """Replace the preview with these passages, marking the place."""
        await self.remove_children()
        views = [PassageView(passage, ()) for passage in passages]
        await self.mount_all(views)
        for view in views:
            view.paint(Paint(place.actor_id, (place.start, place.end), None))
        target = next((view for view in views if view.passage.id == place.passage_id), None)
        if target is not None:
            self.call_after_refresh(self.scroll_to_widget, target, top=True, animate=False)
