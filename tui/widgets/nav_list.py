"""An option list with vim keys whose options can carry a place to open."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.messages import Navigate, Place, TextPlace
from tui.widgets.vim_keys import vim_keys


class PlaceOption(Option):
    """An option that opens a place when chosen, and can show a spot of text while highlighted."""

    def __init__(self, prompt: VisualType, place: Place | None, preview: TextPlace | None = None,
                 quote_id: int | None = None) -> None:
        """Remember where this option leads, which text to preview if that is not a text place, and the
        quote it shows, if it is one (`w` explains how that quote was attributed)."""
        super().__init__(prompt)
        self.place = place
        self.quote_id = quote_id
        self.preview = preview if preview is not None else place if isinstance(place, TextPlace) else None


class Heading(Option):
    """A disabled option that titles the group of options below it."""

    def __init__(self, title: str) -> None:
        """Make a heading that the cursor skips; the stylesheet gives it its look."""
        super().__init__(Content(title), disabled=True)


def counted(title: str, shown: int, total: int) -> str:
    """A heading with its count: "Mentions (300 of 2,345)" when the store holds more than shown."""
    return f"{title} ({shown} of {total:,})" if total > shown else f"{title} ({shown})"


def two_line(head: Content, body: str | Content | Text) -> Group:
    """A prompt of a head line over a body indented by two cells, wrapped with a hanging indent."""
    return Group(head, Padding(body, (0, 0, 0, 2)))


class PlaceHighlight:
    """The place and quote of a list's highlighted option, for lists of place options."""

    highlighted_option: Option | None

    @property
    def highlighted_place(self) -> Place | None:
        """The place of the highlighted option, if it has one."""
        option = self.highlighted_option
        return option.place if isinstance(option, PlaceOption) else None

    @property
    def highlighted_quote(self) -> int | None:
        """The id of the quote the highlighted option shows, if it shows one."""
        option = self.highlighted_option
        return option.quote_id if isinstance(option, PlaceOption) else None


class NavList(PlaceHighlight, OptionList):
    """OptionList with j/k/g/G, section jumps, and enter posting the chosen option's place."""

    BINDINGS = [
        *vim_keys("cursor_down", "cursor_up", "first", "last"),
        Binding("enter", "select", "Open"),
    ]

    def headings(self) -> list[int]:
        """Indexes of the group headings, in order."""
        return [index for index, option in enumerate(self.options) if isinstance(option, Heading)]

    def jump_group(self, step: int) -> bool:
        """Highlight the first item of the next (step=1) or previous (-1) group, wrapping round."""
        current = self.highlighted if self.highlighted is not None else -1
        starts = [index for index in self.headings() if index + 1 < self.option_count]
        if not starts:
            return False
        targets = [i for i in starts if (i + 1 > current if step > 0 else i + 1 < current)] or starts
        self.highlighted = (targets[0] if step > 0 else targets[-1]) + 1
        self.scroll_to_highlight(top=True)
        # One line more so the group's heading shows above its first row.
        self.scroll_relative(y=-1, animate=False, immediate=True)
        return True

    @on(OptionList.OptionSelected)
    def _open_place(self, event: OptionList.OptionSelected) -> None:
        """Turn choosing a place option into a Navigate message for the App."""
        if isinstance(event.option, PlaceOption) and event.option.place is not None:
            event.stop()
            self.post_message(Navigate(event.option.place))
