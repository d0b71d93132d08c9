"""The fuzzy picker: a box over the screen to choose an actor, a kind or a correction by typing part of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

SHOWN = 200
"""Choices listed at most: typing narrows a long list of actors."""


@dataclass(frozen=True)
class Choice:
    """One thing to pick: what is shown and matched, a dim detail, and what picking it returns."""

    label: str
    detail: str
    value: Any


def ranked(query: str, choices: Sequence[Choice]) -> list[tuple[int, Content]]:
    """The indexes of the choices that fuzzily match what was typed, best first, each with its label
    highlighted (every choice, in order, when nothing is typed)."""
    if not query.strip():
        return [(index, Content(choice.label)) for index, choice in enumerate(choices[:SHOWN])]
    matcher = Matcher(query)
    scored = [(matcher.match(choice.label), index) for index, choice in enumerate(choices)]
    best = sorted((pair for pair in scored if pair[0] > 0), key=lambda pair: (-pair[0], pair[1]))[:SHOWN]
    return [(index, matcher.highlight(choices[index].label)) for _, index in best]


class PickerScreen(ModalScreen[Any]):
    """Type to narrow the choices, up/down to move, enter to pick, escape to cancel (returns None).
    With no choices at all it asks for text instead, and enter returns what was typed."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True),
        Binding("down", "move(1)", "Down", show=False, priority=True),
        Binding("up", "move(-1)", "Up", show=False, priority=True),
    ]

    def __init__(self, title: str, choices: Sequence[Choice] = (), typed: str = "") -> None:
        """A picker titled ``title`` over ``choices`` (a text prompt when there are none)."""
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.typed = typed

    def compose(self) -> ComposeResult:
        """Title, the box to type in, and the matching choices."""
        with Vertical(id="picker-box"):
            yield Static(self.title_text, id="picker-title", markup=False)
            yield Input(self.typed, placeholder="type to narrow" if self.choices else "type, then enter",
                        id="picker-input")
            if self.choices:
                yield OptionList(id="picker-list")
            yield Static("enter picks · escape cancels", id="picker-hint", markup=False)

    def on_mount(self) -> None:
        """List every choice, the first highlighted."""
        self._fill(self.typed)

    @on(Input.Changed, "#picker-input")
    def _typed(self, event: Input.Changed) -> None:
        """Narrow the list as the user types."""
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        """Show the choices matching ``query``."""
        if not self.choices:
            return
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options([Option(self._prompt(self.choices[index], shown), id=str(index))
                             for index, shown in ranked(query, self.choices)])
        listing.highlighted = 0 if listing.option_count else None

    @staticmethod
    def _prompt(choice: Choice, label: Content) -> Content:
        """A choice's row: its (highlighted) label and its dim detail."""
        return label + Content.styled(f"  {choice.detail}", "dim") if choice.detail else label

    def action_move(self, step: int) -> None:
        """Move the highlight without leaving the box."""
        if self.choices:
            listing = self.query_one(OptionList)
            if listing.option_count:
                listing.highlighted = ((listing.highlighted or 0) + step) % listing.option_count

    @on(Input.Submitted, "#picker-input")
    def _submitted(self) -> None:
        """Pick the highlighted choice (or, as a prompt, the typed text)."""
        if not self.choices:
            text = self.query_one(Input).value.strip()
            self.dismiss(text or None)
            return
        listing = self.query_one(OptionList)
        if listing.highlighted is not None:
            option = listing.get_option_at_index(listing.highlighted)
            self.dismiss(self.choices[int(option.id or 0)].value)

    @on(OptionList.OptionSelected, "#picker-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        """A click (or enter in the list) picks too."""
        self.dismiss(self.choices[int(event.option.id or 0)].value)

    def action_cancel(self) -> None:
        """Close without picking."""
        self.dismiss(None)
