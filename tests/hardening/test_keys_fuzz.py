"""Random keys at any terminal size never crash the explorer nor leave the user without a way back."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import os
import pkgutil
import tempfile
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Input

import tui.screens
import tui.widgets
from store.db import Store
from tui.app import NatoAsiaApp

if TYPE_CHECKING:
    from tests.hardening.conftest import Driver

SIZES = [(20, 6), (40, 12), (80, 24), (140, 40)]
"""Terminal sizes an example starts at, and sizes it may be resized to mid-way."""
EXTRA_KEYS = ["escape", "enter", "tab", "shift+tab", "up", "down", "left", "right", "pageup", "pagedown",
              "home", "end", "backspace", "space", "ctrl+p"]
"""Keys every terminal sends, bound or not."""
QUITS = {"q", "ctrl+q"}
"""Tried apart: q must quit outside a text box and type a q inside one; ctrl+q quits last."""
LONG_RUN = "NATOASIA_FUZZ_EXAMPLES"
EXAMPLES = int(os.environ.get(LONG_RUN, "5"))
"""5 fixed examples (about 15 s of CPU) keep the suite quick and repeatable; NATOASIA_FUZZ_EXAMPLES=500 draws
a long run of new random ones. Five are enough for the suite: every bound key is pressed by the test below, at
the smallest and the usual size; these 58 steps add what it cannot: keys in random order mixed with
printable characters, both quit keys, and every size as a start and as a resize in mid-sequence (20x6 to
140x40 and back)."""
Step = str | tuple[int, int]
"""A key to press, or a terminal size to resize to."""


def bound_keys() -> list[str]:
    """Every key bound by the App or by any screen or widget class of tui/ (and their bases)."""
    owners: list[type[DOMNode]] = [NatoAsiaApp]
    for package in (tui.screens, tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            owners += [cls for _, cls in inspect.getmembers(module, inspect.isclass) if issubclass(cls, DOMNode)]
    keys = {
        key.strip()
        for owner in owners
        for cls in owner.__mro__
        for binding in getattr(cls, "BINDINGS", ())
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    }
    return sorted(keys - QUITS)


KEYS = sorted({*bound_keys(), *EXTRA_KEYS})
PRINTABLE = st.characters(min_codepoint=0x21, max_codepoint=0x7E)
STEPS = st.lists(
    st.one_of(st.sampled_from(KEYS), st.sampled_from(KEYS), PRINTABLE, st.sampled_from(SIZES)),
    min_size=8, max_size=30,
)
"""Sequences of 8 to 30 steps: left alone, hypothesis draws mostly very short lists."""


def run(coroutine: Callable[..., Coroutine[Any, Any, None]], *args: object) -> None:
    """Run one example's explorer in a fresh event loop (hypothesis calls the test synchronously)."""
    asyncio.run(coroutine(*args))


async def drive(driver: type[Driver], store: Store, size: tuple[int, int], steps: list[Step], quit_key: str) -> None:
    """Play the steps; then escape must lead home and the quit key must quit."""
    # e writes an export into a fresh folder, not into the folder the tests run from.
    app = NatoAsiaApp(store, export_folder=Path(tempfile.mkdtemp(prefix="natoasia-fuzz-")))
    async with app.run_test(size=size) as pilot:
        ui = driver(app, pilot)
        await ui.settle()
        for step in steps:
            if isinstance(step, tuple):
                await ui.resize(*step)
                continue
            typing = isinstance(app.focused, Input)
            await ui.press(step)
            if step == "q" and not typing:
                assert not app.is_running, "q outside a text box did not quit"
                return
            assert app.is_running, f"{step!r} closed the explorer"
        assert not ui.errors(), ui.errors()
        await ui.escape_home()
        await ui.press(quit_key)
        assert not app.is_running, f"{quit_key} on the actors screen did not quit"


@settings(max_examples=EXAMPLES, deadline=None, derandomize=LONG_RUN not in os.environ, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(size=st.sampled_from(SIZES), steps=STEPS, quit_key=st.sampled_from(sorted(QUITS)))
def test_random_keys_never_crash_and_escape_leads_home(
    driver: type[Driver], small_store: Store, size: tuple[int, int], steps: list[Step], quit_key: str
) -> None:
    """Any key sequence at any size: no exception, no error shown, escape goes home, q/ctrl+q quit."""
    event(f"{len(steps)} steps")  # --hypothesis-show-statistics then tells how many keys a run pressed
    run(drive, driver, small_store, size, steps, quit_key)


@pytest.mark.parametrize("size", [SIZES[0], SIZES[2]])
def test_every_bound_key_once_at_each_size(driver: type[Driver], small_store: Store, size: tuple[int, int]) -> None:
    """Each bound key pressed in turn (q only where it types) leaves a way home at every size."""
    run(drive, driver, small_store, size, [key for key in KEYS if key != "ctrl+p"], "ctrl+q")
