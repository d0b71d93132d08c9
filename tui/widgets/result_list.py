"""Search results grouped by type, matched characters highlighted, each opening its target."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.style import Style
from textual.widgets.option_list import Option

from store.search import Hit, SearchResults
from tui.messages import ActorPlace, Navigate, Place, TextPlace
from tui.widgets.line_list import LineList
from tui.widgets.nav_list import Heading, PlaceHighlight, PlaceOption
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


@dataclass(frozen=True)
class RowStyle:
    """How the list draws a row right now: its two text styles and the width its text wraps to."""

    match: Style
    detail: Style
    width: int


def result_options(results: SearchResults, style: RowStyle) -> list[Option]:
    """The rows for some results, each already measured at the list's width.

    Pure and free of widgets, so the search thread builds the rows: wrapping every label to learn its
    height is most of the cost of showing results, and the UI thread only finds it cached."""
    options: list[Option] = []
    titles = dict(GROUPS)
    # The group holding the best match comes first, so its best hit is highlighted and enter opens it.
    for attribute in results.ranked:
        hits: tuple[Hit, ...] = getattr(results, attribute)
        if hits:
            options.append(Heading(f"{titles[attribute]} ({len(hits)})"))
            options.extend(_option(hit, style) for hit in hits)
    for option in options:
        if isinstance(option.prompt, Content) and style.width > 0:
            # Content keeps the height of its last width; OptionList asks for exactly this one.
            option.prompt.get_height({}, style.width)
    return options


def _option(hit: Hit, style: RowStyle) -> PlaceOption:
    """A hit: its label with the matched characters marked, and a dim detail line."""
    label = mark_spans(hit.label, hit.highlights, style.match)
    prompt = Content.assemble(label, "\n", (hit.detail, style.detail)) if hit.detail else label
    quote_id = hit.id if hit.type == "quote" else None
    return PlaceOption(prompt, place_of(hit), preview=spot_of(hit), quote_id=quote_id)


class ResultList(PlaceHighlight, LineList):
    """The results of one search, drawn a line at a time and replaced in place as the query changes; the
    best result is highlighted so enter opens it, unless you moved to another that is still there."""

    BINDINGS = [Binding("enter", "select", "Open")]
    COMPONENT_CLASSES = LineList.COMPONENT_CLASSES | {"result-list--match", "result-list--detail"}

    def key_of(self, option: Option) -> Hashable:
        """A result is the same result when it opens the same place and shows the same quote."""
        if isinstance(option, PlaceOption):
            return option.place, option.preview, option.quote_id
        return super().key_of(option)

    def row_style(self) -> RowStyle:
        """The styles and wrapping width rows need now (asked on the UI thread, used by the search's)."""
        return RowStyle(component_style(self, "result-list--match"),
                        component_style(self, "result-list--detail"), self._option_width())

    def show(self, options: Sequence[Option], keep: bool = True) -> None:
        """Replace the results with these rows (from `result_options`), in place: the highlight stays on
        a result you moved to if it is still found, else goes to the best one."""
        best = self._first_enabled(range(self.option_count))
        super().show(options, keep=keep and self.highlighted not in (None, best))

    @on(LineList.Selected)
    def _open_place(self, event: LineList.Selected) -> None:
        """Choosing a result asks the App to open its place."""
        if isinstance(event.option, PlaceOption) and event.option.place is not None:
            event.stop()
            self.post_message(Navigate(event.option.place))
