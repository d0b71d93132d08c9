"""The Markdown brief: every pin of the evidence board with its full citation and its text as stored."""

from __future__ import annotations

from store.board import Pin, pins
from store.db import Store
from store.evidence import citation

KIND_NAMES = {"quote": "Quote", "event": "Event", "citation": "Citation", "passage": "Passage"}


def brief(store: Store) -> str:
    """The board as a Markdown brief, pins in board order."""
    board = pins(store)
    lines = ["# Evidence brief", ""]
    if not board:
        lines.append("The evidence board is empty: press b on a quote, passage, event or citation to pin it.")
    for number, pinned in enumerate(board, 1):
        lines += _pin_lines(number, pinned) + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _pin_lines(number: int, pinned: Pin) -> list[str]:
    """One pin: a heading, its note, the text as a block quote, then its citation."""
    found = pinned.evidence
    lines = [f"## {number}. {KIND_NAMES.get(pinned.kind, pinned.kind)}", ""]
    if pinned.note:
        lines += [f"*Note:* {pinned.note}", ""]
    if found is None:
        return lines + [f"(The document with checksum {pinned.sha256} is no longer in the store; "
                        f"offsets {pinned.start}–{pinned.end}.)"]
    quoted = [f"> {line}" if line else ">" for line in found.text.split("\n")]
    return lines + quoted + ["", f"— {citation(found)}"]
