"""The footer every screen shows: the keys that apply, compact so they fit in 80 columns, drawn as one line.

Textual's Footer builds a widget per key (a dozen on most screens), each mounted, styled and laid out, and
builds them all again after the first frame; this footer is one widget that draws the same line: a key and
its description, binding groups as their keys and the group's name, a click on a key pressing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

Shown = tuple[tuple[Binding, bool, str], ...]
"""The keys a footer shows: each binding, whether it is enabled, and its tooltip."""
KEY, DESCRIPTION, ITEM, HOVER = "footer-key--key", "footer-key--description", "footer-key--item", "footer-key--hover"


class KeyFooter(Widget):
    """The screen's keys on one line; ctrl+p is listed on the help screen rather than taking footer room."""

    ALLOW_SELECT = False
    # Textual's compact Footer and FooterKey, rule for rule: the line looks as theirs did.
    DEFAULT_CSS = """
    KeyFooter {
        color: $footer-foreground;
        background: $footer-background;
        dock: bottom;
        height: 1;
        text-wrap: nowrap;
        text-overflow: clip;
        & > .footer-key--item {
            background: $footer-item-background;
        }
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {KEY, DESCRIPTION, ITEM, HOVER}

    def __init__(self) -> None:
        """A footer that shows no keys until the screen says which apply."""
        super().__init__()
        self._shown: Shown = ()
        self._keys: list[tuple[str, bool, str]] = []
        """Each key drawn, by its index in the line's style meta: the key, whether enabled, its tooltip."""
        self._hover: int | None = None

    def on_mount(self) -> None:
        """Follow the screen's keys."""
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        """Stop following them."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Draw the keys again after the next refresh, as Textual's Footer does (not while the app is
        unfocused; after the refresh, a screen pushed over this one has taken the focus its keys follow)."""
        if screen.app.app_focus and screen is self.screen:
            self.call_after_refresh(self._show_keys)

    def _show_keys(self) -> None:
        """Draw the screen's keys, if they changed (and the footer is still on a screen: it may have been
        removed with its screen meanwhile)."""
        if not self.is_attached:
            return
        shown = tuple((binding, enabled, tooltip) for _, binding, enabled, tooltip
                      in self.screen.active_bindings.values() if binding.show)
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    def _groups(self) -> Iterator[tuple[Binding.Group | None, list[tuple[Binding, bool, str]]]]:
        """The first binding of every action shown, in runs of one binding group (None: ungrouped)."""
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for shown in self._shown:
            by_action.setdefault(shown[0].action, shown)
        for group, run in groupby(by_action.values(), lambda shown: shown[0].group):
            yield group, list(run)

    def render(self) -> Text:
        """The line: each key and its description with a cell between; a group of several keys as its keys
        then its name."""
        line = Text(end="", no_wrap=True, overflow="crop")
        self._keys = []
        for group, run in self._groups():
            if group is None or len(run) == 1:
                for binding, enabled, tooltip in run:
                    self._add_key(line, binding, enabled, tooltip, binding.description)
                    line.append(" ")
                continue
            # A compact group's keys sit side by side, others' a cell apart; a cell before and after them.
            line.append(" ")
            for position, (binding, enabled, tooltip) in enumerate(run):
                line.append(" " if position and not group.compact else "")
                self._add_key(line, binding, enabled, tooltip or binding.description, "")
            line.append(" ")
            line.append(group.description, self.get_component_rich_style(DESCRIPTION))
            line.append(" ")
        line.rstrip()
        return line

    def _add_key(self, line: Text, binding: Binding, enabled: bool, tooltip: str, description: str) -> None:
        """Append one key (and its description) as Textual's FooterKey draws it, marked for the mouse."""
        index = len(self._keys)
        self._keys.append((binding.key, enabled, tooltip))
        item = self.get_component_rich_style(HOVER if index == self._hover else ITEM)
        if not enabled:
            item += Style(dim=True)
        start = len(line)
        line.append(self.app.get_key_display(binding), self.get_component_rich_style(KEY))
        if description:
            line.append(" " + description, self.get_component_rich_style(DESCRIPTION))
        line.stylize_before(item + Style.from_meta({"footer_key": index}), start, len(line))

    def _key_at(self, event: events.MouseEvent) -> int | None:
        """The index of the key under the mouse, if any."""
        index = event.style.meta.get("footer_key")
        return index if isinstance(index, int) and index < len(self._keys) else None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Light the key under the mouse and show its tooltip."""
        index = self._key_at(event)
        if index != self._hover:
            self._hover = index
            self.tooltip = None if index is None else self._keys[index][2] or None
            self.refresh()

    def on_leave(self) -> None:
        """No key is under the mouse."""
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Press the key clicked (a disabled one rings the bell), as Textual's footer does."""
        index = self._key_at(event)
        if index is not None:
            key, enabled, _ = self._keys[index]
            if enabled:
                self.app.simulate_key(key)
            else:
                self.app.bell()
