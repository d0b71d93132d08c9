"""Tabs choosing which kind of actor (or quote) to list, each labelled with how many there are.

One widget draws the row of tabs and the bar under the chosen one, as Textual's Tabs look: Tabs builds a
widget per tab, a scroll container, a row and an underline (eleven widgets for the actors' kinds), each
mounted, styled and laid out on the first screen, and animates its bar again when the counts arrive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.widget import Widget

from store.kinds import ACTOR_KINDS
from store.queries import KindCount

ALL = "all"
SHORT = {"organization": "org"}
"""Shorter labels so every tab fits in 80 columns."""
TAB, ACTIVE, HOVER, BAR = "kind-tabs--tab", "kind-tabs--active", "kind-tabs--hover", "kind-tabs--bar"


class KindTabs(Widget, can_focus=True):
    """One tab for all and one per kind; left/right (when focused) or [ ] change the kind."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "previous_tab", "Previous tab", show=False),
        Binding("right", "next_tab", "Next tab", show=False),
    ]
    # Textual's Tabs, Tab and Underline, rule for rule: the tabs look as theirs did.
    DEFAULT_CSS = """
    KindTabs {
        width: 100%;
        height: 2;
        & > .kind-tabs--tab {
            color: $foreground 50%;
        }
        & > .kind-tabs--active {
            color: $foreground;
        }
        & > .kind-tabs--hover {
            color: $foreground;
        }
        & > .kind-tabs--bar {
            color: $block-cursor-background;
            background: $foreground 10%;
        }
        &:focus {
            & > .kind-tabs--bar {
                background: $foreground 30%;
            }
            & > .kind-tabs--active {
                text-style: $block-cursor-text-style;
                color: $block-cursor-foreground;
                background: $block-cursor-background;
            }
        }
        &:ansi {
            & > .kind-tabs--tab {
                text-style: dim;
            }
            & > .kind-tabs--active {
                text-style: not dim bold;
            }
            & > .kind-tabs--bar {
                color: $block-cursor-background;
                background: $border-blurred;
            }
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {TAB, ACTIVE, HOVER, BAR}

    index = reactive(-1, init=False)
    """The chosen tab (-1 until the tabs are mounted)."""

    class Changed(Message):
        """Another kind was chosen (also sent once the tabs are mounted: the first kind)."""

        def __init__(self, tabs: KindTabs) -> None:
            """Say which tabs changed."""
            super().__init__()
            self.tabs = tabs

        @property
        def control(self) -> KindTabs:
            """The tabs that changed (for `on`'s selector)."""
            return self.tabs

    def __init__(self, kinds: Sequence[str] = ACTOR_KINDS, *, id: str | None = None) -> None:
        """Tabs for every kind (of actor, unless told), counts unknown until set."""
        super().__init__(id=id)
        self.kinds = (ALL, *kinds)
        self.labels = list(self.kinds)
        """Each tab's label, in the order of ``kinds``."""
        self._hover: int | None = None

    @property
    def kind(self) -> str | None:
        """The chosen kind, or None for all."""
        chosen = self.kinds[max(self.index, 0)]
        return None if chosen == ALL else chosen

    @property
    def tab_count(self) -> int:
        """How many tabs there are."""
        return len(self.kinds)

    def on_mount(self) -> None:
        """Choose the first tab, which reads the first page."""
        self.index = 0

    def watch_index(self) -> None:
        """Draw the new choice and say so."""
        self.refresh()
        self.post_message(self.Changed(self))

    def show_counts(self, counts: Sequence[KindCount]) -> None:
        """Label each tab with its number of rows."""
        by_kind = {count.kind: count.count for count in counts}
        by_kind[ALL] = sum(by_kind.values())
        self.labels = [f"{SHORT.get(kind, kind)} {by_kind.get(kind, 0)}" for kind in self.kinds]
        self.refresh()

    def _spans(self) -> list[tuple[int, int]]:
        """Each label's first and last-but-one cell: a tab is its label with a cell of padding each side."""
        spans, at = [], 0
        for label in self.labels:
            spans.append((at + 1, at + 1 + cell_len(label)))
            at += cell_len(label) + 2
        return spans

    def render(self) -> Group:
        """The row of tabs, and the bar with the chosen tab's label underlined."""
        row = Text(no_wrap=True, overflow="crop")
        for index, label in enumerate(self.labels):
            state = ACTIVE if index == self.index else HOVER if index == self._hover else TAB
            style = self.get_component_rich_style(state)
            padding = Style(bgcolor=style.bgcolor)  # a tab's padding has its background, not its text's look
            row.append(" ", padding)
            row.append(label, style)
            row.append(" ", padding)
        bar = self.get_component_rich_style(BAR)
        chosen = self._spans()[self.index] if self.index >= 0 else (0, 0)
        return Group(row, Bar(chosen, Style.from_color(bar.color), Style.from_color(bar.bgcolor)))

    def _tab_at(self, x: int) -> int | None:
        """The tab over (or under) column x, if any."""
        return next((index for index, (start, end) in enumerate(self._spans()) if start - 1 <= x <= end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Light the tab under the mouse."""
        hover = self._tab_at(event.x) if event.y == 0 else None
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        """No tab is under the mouse."""
        self._hover = None
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """Choose the tab clicked (on its label or the bar under it), and take the keys, as Tabs do."""
        self.focus()
        clicked = self._tab_at(event.x)
        if clicked is not None:
            self.index = clicked

    def action_next_tab(self) -> None:
        """Choose the next kind, wrapping round."""
        self.index = (self.index + 1) % self.tab_count

    def action_previous_tab(self) -> None:
        """Choose the previous kind, wrapping round."""
        self.index = (self.index - 1) % self.tab_count
