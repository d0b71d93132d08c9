"""Search results grouped by type, matched characters highlighted, each opening its target."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from store.search import Hit, SearchResults
from tui.messages import ActorPlace, Place, TextPlace
from tui.widgets.nav_list import Heading, NavList, PlaceOption
from tui.widgets.spans import component_style, mark_spans

GROUPS = (("actors", "Actors"), ("quotes", "Quotes"), ("passages", "Passages"), ("events", "Events"))


def spot_of(hit: Hit) -> TextPlace | None:
    """The text a hit points at (for an actor, its first mention), if the hit says."""
    if hit.document_id is None or hit.passage_id is None or hit.start is None or hit.end is None:
        return None
    actor_id = hit.id if hit.type == "actor" else None
    return TextPlace(hit.document_id, hit.passage_id, hit.start, hit.end, actor_id)


def place_of(hit: Hit) -> Place | None:
    """Where a hit opens: an actor's dossier, or the reader at the matched span."""
    return ActorPlace(hit.id) if hit.type == "actor" else spot_of(hit)


class ResultList(NavList):
    """The results of one search; the first result is highlighted so enter opens it."""

    COMPONENT_CLASSES = {"result-list--match", "result-list--detail"}

    def show(self, results: SearchResults) -> None:
        """Replace the list with these results."""
        options: list[Option] = []
        for attribute, title in GROUPS:
            hits: tuple[Hit, ...] = getattr(results, attribute)
            if hits:
                options.append(Heading(f"{title} ({len(hits)})"))
                options.extend(self._option(hit) for hit in hits)
        self.set_options(options)
        self.highlighted = 1 if options else None

    def _option(self, hit: Hit) -> PlaceOption:
        """A hit: its label with the matched characters marked, and a dim detail line."""
        match = component_style(self, "result-list--match")
        detail = component_style(self, "result-list--detail")
        label = mark_spans(hit.label, hit.highlights, match)
        prompt = Content.assemble(label, "\n", (hit.detail, detail)) if hit.detail else label
        return PlaceOption(prompt, place_of(hit), preview=spot_of(hit))
