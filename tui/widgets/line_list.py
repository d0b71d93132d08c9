"""A list of options drawn a line at a time (Textual's Line API, as DataTable and Log draw): only the
lines in view are rendered, and new options replace the old in place, with no rebuild and no layout."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, clamp
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Padding, visualize
from textual.widgets.option_list import Option

from tui.widgets.vim_keys import vim_keys

OPTION = "option-list--option"
"""The component classes are OptionList's, so a stylesheet written for one styles the other alike."""


class LineList(ScrollView, can_focus=True):
    """Options of one or more lines; up/down/page/home/end move the highlight, enter or a click selects."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        *vim_keys("cursor_down", "cursor_up", "first", "last"),
    ]

    # OptionList's own look, rule for rule.
    DEFAULT_CSS = """
    LineList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .option-list--option-highlighted {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .option-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .option-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        & > .option-list--option-disabled {
            color: $text-disabled;
        }
        & > .option-list--option-hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        OPTION, f"{OPTION}-disabled", f"{OPTION}-highlighted", f"{OPTION}-hover",
    }

    class Highlighted(Message):
        """An option was highlighted: by a key or a click (`moved`), or by new options arriving."""

        def __init__(self, lines: LineList, option: Option, index: int, moved: bool) -> None:
            """Say which list, which option, where, and whether the user moved there."""
            super().__init__()
            self.lines, self.option, self.index, self.moved = lines, option, index, moved

        @property
        def control(self) -> LineList:
            """The list the option is in."""
            return self.lines

    class Selected(Message):
        """An option was chosen (enter, or a click)."""

        def __init__(self, lines: LineList, option: Option, index: int) -> None:
            """Say which list, which option and where."""
            super().__init__()
            self.lines, self.option, self.index = lines, option, index

        @property
        def control(self) -> LineList:
            """The list the option is in."""
            return self.lines

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """An empty list."""
        super().__init__(id=id, classes=classes)
        self._options: list[Option] = []
        self._lines: list[tuple[int, int]] = []
        """For every line of the list, its option's index and the line's place in that option."""
        self._starts: list[int] = []
        """The first line of every option."""
        self._strips: dict[tuple[int, str], list[Strip]] = {}
        """Rendered options by index and state, until the options, the width or the styles change."""
        self._highlighted: int | None = None
        self._hover: int | None = None
        self._width = 0
        """The width the options were laid out at."""

    @property
    def options(self) -> Sequence[Option]:
        """The options shown."""
        return self._options

    @property
    def option_count(self) -> int:
        """How many options there are."""
        return len(self._options)

    @property
    def highlighted(self) -> int | None:
        """The index of the highlighted option, if any."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        """Highlight an option (clamped to the list) as the user would."""
        self._highlight(index, moved=True)

    @property
    def highlighted_option(self) -> Option | None:
        """The highlighted option, if any."""
        return None if self._highlighted is None else self._options[self._highlighted]

    def key_of(self, option: Option) -> Hashable:
        """What makes two options the same across updates (the highlight stays on it)."""
        return option.id if option.id is not None else id(option)

    def show(self, options: Sequence[Option], keep: bool = True) -> None:
        """Replace the options in place; the highlight stays on the same option if `keep` and it is
        still there, else goes to the first enabled one."""
        previous = self.highlighted_option
        self._options = list(options)
        self._strips.clear()
        self._hover = None
        self._measure()
        index = self._index_of(previous) if keep and previous is not None else None
        if index is None:
            self.scroll_to(y=0, animate=False, immediate=True)
            index = self._first_enabled(range(len(self._options)))
        self._highlighted = None
        self._highlight(index, moved=False)
        self.refresh()

    def clear_options(self) -> None:
        """Empty the list."""
        self.show([])

    def _index_of(self, option: Option) -> int | None:
        """The index of the option the same as this one, if there is one."""
        key = self.key_of(option)
        return next((i for i, new in enumerate(self._options) if self.key_of(new) == key), None)

    def _measure(self) -> None:
        """Lay the options out in lines at the list's width (their heights are cached there)."""
        width = self._width = self._option_width()
        self._lines, self._starts = [], []
        # Not laid out yet: the first resize measures them.
        for index, option in enumerate(self._options if width > 0 else ()):
            self._starts.append(len(self._lines))
            height = visualize(self, option.prompt, markup=False).get_height(self.styles, width)
            self._lines.extend((index, line) for line in range(height))
        size = Size(self.scrollable_content_region.width, len(self._lines))
        if size != self.virtual_size:
            # A list's length is no layout of the screen: set it quietly and update the scrollbar (which
            # asks for a layout itself if it comes or goes).
            self.set_reactive(LineList.virtual_size, size)
            self._scroll_update(size)

    def _option_width(self) -> int:
        """The width an option's text wraps to: the list's, less the option's padding."""
        return self.scrollable_content_region.width - self.get_component_styles(OPTION).padding.width

    def _highlight(self, index: int | None, moved: bool) -> None:
        """Move the highlight, redraw the two options' lines, bring it into view and say so."""
        if index is not None:
            index = clamp(index, 0, len(self._options) - 1) if self._options else None
        if index is not None and self._options[index].disabled:
            return
        before, self._highlighted = self._highlighted, index
        for changed in {before, index} - {None}:
            self._refresh_option(changed)
        if index is not None:
            self.scroll_to_highlight()
            self.post_message(self.Highlighted(self, self._options[index], index, moved))

    def _refresh_option(self, index: int | None) -> None:
        """Redraw the lines of one option."""
        if index is not None and index < len(self._starts):
            end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self._lines)
            self.refresh_lines(self._starts[index], end - self._starts[index])

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Scroll so the highlighted option is in view (at the top if asked)."""
        index = self._highlighted
        if index is None or not self._starts:
            return
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self._lines)
        region = Region(0, self._starts[index], self.scrollable_content_region.width, end - self._starts[index])
        self.scroll_to_region(region, force=True, animate=False, top=top, immediate=True)

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines in view, the options laid out again first if the width changed without a resize
        (a scrollbar came or went)."""
        if self._option_width() != self._width:
            self._strips.clear()
            self._measure()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """One line of the list: a line of the option there, drawn in its state's style."""
        line = self.scroll_offset.y + y
        if line < len(self._lines):
            index, offset = self._lines[line]
            strips = self._render_option(index)
            if offset < len(strips):
                return strips[offset]
        return Strip.blank(self.scrollable_content_region.width, self.get_visual_style(OPTION).rich_style)

    def _render_option(self, index: int) -> list[Strip]:
        """An option's lines in its state's style (rendered once per state until something changes)."""
        state = self._state(index)
        strips = self._strips.get((index, state))
        if strips is None:
            style = self.get_visual_style(OPTION, state) if state else self.get_visual_style(OPTION)
            width = self.scrollable_content_region.width
            padding = self.get_component_styles(OPTION).padding
            visual = visualize(self, self._options[index].prompt, markup=False)
            visual = Padding(visual, padding) if padding else visual
            strips = [strip.extend_cell_length(width, style.rich_style).apply_meta({"option": index})
                      for strip in visual.to_strips(self, visual, width, None, style)]
            self._strips[(index, state)] = strips
        return strips

    def _state(self, index: int) -> str:
        """The component class of an option's state ('' for a plain one)."""
        if self._options[index].disabled:
            return f"{OPTION}-disabled"
        if index == self._highlighted:
            return f"{OPTION}-highlighted"
        return f"{OPTION}-hover" if index == self._hover else ""

    def notify_style_update(self) -> None:
        """Styles changed (focus, theme): render again."""
        self._strips.clear()
        super().notify_style_update()

    def _on_resize(self) -> None:
        """A new width wraps the options anew."""
        self._strips.clear()
        self._measure()
        self.scroll_to_highlight()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        """Mark the option under the mouse."""
        hover = event.style.meta.get("option")
        if hover != self._hover:
            before, self._hover = self._hover, hover
            self._refresh_option(before)
            self._refresh_option(hover)

    def _on_leave(self, _: events.Leave) -> None:
        """The mouse left: no option is under it."""
        before, self._hover = self._hover, None
        self._refresh_option(before)

    def _on_click(self, event: events.Click) -> None:
        """A click highlights and selects the option under it."""
        clicked = event.style.meta.get("option")
        if clicked is not None and clicked < len(self._options) and not self._options[clicked].disabled:
            self.highlighted = clicked
            self.action_select()

    def _first_enabled(self, indexes: Sequence[int]) -> int | None:
        """The first index of these whose option is enabled."""
        return next((i for i in indexes if not self._options[i].disabled), None)

    def action_cursor_down(self) -> None:
        """Highlight the next enabled option, wrapping round to the first."""
        now = -1 if self._highlighted is None else self._highlighted
        count = len(self._options)
        self._step_to(self._first_enabled([(now + step) % count for step in range(1, count + 1)]))

    def action_cursor_up(self) -> None:
        """Highlight the previous enabled option, wrapping round to the last."""
        now = 0 if self._highlighted is None else self._highlighted
        count = len(self._options)
        self._step_to(self._first_enabled([(now - step) % count for step in range(1, count + 1)]))

    def _step_to(self, index: int | None) -> None:
        """Highlight this option, if there is one."""
        if index is not None:
            self.highlighted = index

    def action_first(self) -> None:
        """Highlight the first enabled option."""
        self._step_to(self._first_enabled(range(len(self._options))))

    def action_last(self) -> None:
        """Highlight the last enabled option."""
        self._step_to(self._first_enabled(range(len(self._options) - 1, -1, -1)))

    def action_page_down(self) -> None:
        """Move the highlight down about a page."""
        self._page(1)

    def action_page_up(self) -> None:
        """Move the highlight up about a page."""
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Highlight the enabled option about a page away (the next one past it, else short of it)."""
        if not self._lines:
            return
        now = self._highlighted or 0
        height = self.scrollable_content_region.height
        line = clamp(self._starts[now] + direction * height, 0, len(self._lines) - 1)
        target = self._lines[line][0]
        beyond = range(target, len(self._options)) if direction > 0 else range(target, -1, -1)
        short = range(target, now, -direction)
        self._step_to(self._first_enabled([*beyond, *short]))

    def action_select(self) -> None:
        """Choose the highlighted option."""
        option = self.highlighted_option
        if option is not None and self._highlighted is not None and not option.disabled:
            self.post_message(self.Selected(self, option, self._highlighted))
