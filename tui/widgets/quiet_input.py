"""A text box whose growing text does not lay the screen out again."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class QuietInput(Input):
    """An Input that repaints itself as you type, without a layout of the whole screen per key.

    Input keeps its text's width as its virtual size, which Textual declares a layout change; a box of
    fixed size only needs its own scroll range from it, and a layout redraws every widget on screen."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
