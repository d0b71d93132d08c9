"""The evidence board: pinned quotes, passages, events and citations, ordered and annotated by hand."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, Input
from textual.widgets.option_list import Option

from store import board
from store.board import Pin
from store.brief import KIND_NAMES, brief
from store.db import Store
from store.evidence import citation
from tui.messages import TextPlace
from tui.screens.base import COPY, ExplorerScreen
from tui.widgets.key_footer import KeyFooter
from tui.widgets.nav_list import NavList, PlaceOption, two_line

SHOWN_CHARS = 280
"""A pin's text is cut to this many characters on the board (the brief and `y` keep it whole)."""
EMPTY = "The board is empty: press b on a quote, passage, event or citation to pin it here."


def pin_option(number: int, pinned: Pin) -> Option:
    """A pin: number, kind and speaker or date; its text; its citation; its note."""
    found = pinned.evidence
    kind = KIND_NAMES.get(pinned.kind, pinned.kind)
    if found is None:
        return Option(Content(f"{number}. {kind} — its document is no longer in the store"), disabled=True)
    who = found.speaker or found.date or ""
    head = Content.assemble((f"{number}. {kind}", "bold"), f"  {who}" if who else "")
    text = " ".join(found.text.split())
    text = text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"
    # Rich Text, as the other two-line rows' bodies: it wraps under the head at the list's width.
    note = (f"\nnote: {pinned.note}", "italic") if pinned.note else ""
    body = Text.assemble(f"“{text}”\n", (citation(found), "dim"), note)
    place = TextPlace(found.document_id, found.passage_id, found.start, found.end)
    return PlaceOption(two_line(head, body), place)


class BoardScreen(ExplorerScreen):
    """Pins in the user's order: move them, note them, remove them, export them as a brief."""

    TITLE = "Board"
    BINDINGS = [
        Binding("K,shift+up", "move_pin(-1)", "Up", key_display="K"),
        Binding("J,shift+down", "move_pin(1)", "Down", key_display="J"),
        Binding("c", "annotate", "Note"),
        Binding("x,delete", "remove_pin", "Remove", key_display="x"),
        Binding("e", "export", "Brief"),
        COPY,
    ]

    def __init__(self) -> None:
        """A board not yet read from the store."""
        super().__init__()
        self.pins: Sequence[Pin] = ()

    def compose(self) -> ComposeResult:
        """Header, the pins, a note box (shown by c), footer."""
        yield Header()
        yield NavList(id="board")
        yield Input(placeholder="a one-line note; enter keeps it, escape leaves it", id="note", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Read the pins in the background; keys go to the list."""
        self.query_one("#note", Input).display = False
        self.query_one("#board", NavList).focus()
        self.load()

    def load(self, keep: int | None = None) -> None:
        """Read the pins again, then highlight the pin ``keep`` (by id) or the one highlighted now."""
        highlighted = self.highlighted_pin()
        keep = keep if keep is not None else highlighted.id if highlighted else None
        self.fetch("board", board.pins, then=lambda pins: self._show(pins, keep))

    def _show(self, pins: Sequence[Pin], keep: int | None) -> None:
        """List the pins, the kept one highlighted."""
        self.pins = pins
        listing = self.query_one("#board", NavList)
        listing.set_options([pin_option(number, p) for number, p in enumerate(pins, 1)])
        ids = [p.id for p in pins]
        listing.highlighted = ids.index(keep) if keep in ids else (0 if ids else None)
        self.sub_title = f"{len(pins)} pin" + ("" if len(pins) == 1 else "s") if pins else EMPTY

    def highlighted_pin(self) -> Pin | None:
        """The pin under the cursor."""
        index = self.query_one("#board", NavList).highlighted
        return self.pins[index] if index is not None and index < len(self.pins) else None

    def highlighted_spot(self) -> TextPlace | None:
        """Copy the highlighted pin."""
        place = self.query_one("#board", NavList).highlighted_place
        return place if isinstance(place, TextPlace) else None

    def remake(self) -> ExplorerScreen:
        """The board afresh."""
        return BoardScreen()

    def export_build(self) -> tuple[str, Callable[[Store], str]] | None:
        """The board as a Markdown brief."""
        return ".md", brief

    def _write(self, what: str, change: Callable[..., object], *args: object) -> None:
        """Change the board in the store (when it can be written), then show it again."""
        pinned = self.highlighted_pin()
        if pinned is not None and self.writable(what):
            self.fetch("board-write", change, pinned.id, *args, then=lambda _: self.load(pinned.id))

    def action_move_pin(self, step: int) -> None:
        """Move the highlighted pin up (-1) or down (1) the board."""
        self._write("Pins", board.move, step)

    def action_remove_pin(self) -> None:
        """Take the highlighted pin off the board."""
        self._write("Pins", board.unpin)

    def action_annotate(self) -> None:
        """Write a one-line note on the highlighted pin."""
        pinned = self.highlighted_pin()
        if pinned is None or not self.writable("Notes"):
            return
        box = self.query_one("#note", Input)
        box.value = pinned.note
        box.display = True
        self.set_focus(box)

    @on(Input.Submitted, "#note")
    def _noted(self, event: Input.Submitted) -> None:
        """Keep the note, close the box."""
        self._close_note()
        self._write("Notes", board.annotate, event.value)

    def _close_note(self) -> None:
        """Hide the note box and give the keys back to the list."""
        self.query_one("#note", Input).display = False
        self.set_focus(self.query_one("#board", NavList))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The board's letter keys type into the note box while it has focus."""
        typing = isinstance(self.focused, Input)
        return super().check_action(action, parameters) and not (typing and action != "go_back")

    def action_go_back(self) -> None:
        """From the note box, leave the note as it was; otherwise back in the history."""
        if isinstance(self.focused, Input):
            self._close_note()
        else:
            super().action_go_back()
