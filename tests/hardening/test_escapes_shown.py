"""Terminal escape sequences inside an article are shown as text on every screen, never sent raw."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from rich.console import Console

from store.db import Store
from tui.app import NatoAsiaApp

if TYPE_CHECKING:
    from tests.hardening.conftest import Driver

CLEAR, CLIPBOARD, BELL, RED = "\x1b[2J", "\x1b]52;c;cHduZWQ=\x07", "\x07", "\x1b[31m"
ARTICLE = (
    f"Talks in Oslo{CLEAR} End in Accord\n\n"
    "Publication: Example Wire, March 3, 2020\n\n"
    f"Foreign Minister Jane Doe said: “We stand together{BELL} on the Arctic.” (Reuters, March 2)\n\n"
    f"Doe met Prime Minister Ola Nordmann in Oslo on March 2, 2020.{CLIPBOARD} Nordmann{RED} said the "
    "talks were useful.\n"
)
"""A made-up article with a screen clear, an OSC 52 clipboard write, a bell and a colour change."""
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
SENT_RAW = (CLEAR, "\x1b]52", BELL)
"""What must never reach the terminal: the article's own sequences (Textual never writes these)."""


@pytest.fixture(scope="module")
def escapes_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store holding the article with escapes, read through the same path as `ingest`."""
    from store.files import read_article
    from store.ingest import ingest_text

    path = tmp_path_factory.mktemp("escapes") / "escapes.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = path.with_suffix(".db")
    with Store.open(db) as store:
        ingest_text(store, read_article(path), str(path))
        assert CLEAR in store.value("SELECT text FROM documents")
    with Store.open(db, readonly=True) as store:
        yield store


def leaks(app: NatoAsiaApp) -> list[str]:
    """What of the article's control characters shows raw: in a cell, the terminal stream or the SVG."""
    update = app.screen._compositor.render_update(full=True)
    cells = "".join(segment.text for strip in update.strips for segment in strip)
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      width=app.size.width, height=app.size.height, legacy_windows=False)
    console.print(update, end="")
    stream = console.file.getvalue()  # type: ignore[attr-defined]
    svg = app.export_screenshot().replace("\n", "")  # the SVG's own line breaks
    found = [f"cell {match!r}" for match in sorted(set(CONTROL.findall(cells)))]
    found += [f"sent {raw!r}" for raw in SENT_RAW if raw in stream]
    return found + [f"svg {match!r}" for match in sorted(set(CONTROL.findall(svg)))]


@pytest.mark.xfail(strict=True, reason=(
    "tui/ shows store text raw: Textual Content/Strip keep C0 controls (Rich strips only BEL, BS, VT, FF, "
    "CR), so ESC from an article reaches the terminal from the Header sub_title (reader title: ESC[2J "
    "clears the screen), PassageView, dossier kwic_line, timeline and search prompts (an OSC 52 clipboard "
    "write starts). Fix: one tui helper mapping C0/DEL to Control Pictures (U+2400+code, same length so "
    "offsets still fit) applied wherever store text is shown."))
@pytest.mark.parametrize("size", [(80, 24), (140, 40)])
async def test_every_screen_shows_escapes_as_text(driver: type[Driver], escapes_store: Store,
                                                  size: tuple[int, int]) -> None:
    """Actors (with preview), dossiers, the reader at each mark, search, timeline and sources."""
    app = NatoAsiaApp(escapes_store)
    found: dict[str, list[str]] = {}
    async with app.run_test(size=size) as pilot:
        ui = driver(app, pilot)
        await ui.settle()
        found["actors"] = leaks(app)
        for key in ("enter", "tab", "enter", "l", "l", "l", "G", "escape", "escape"):
            await ui.press(key)
            found[f"{type(app.screen).__name__} after {key}"] = leaks(app)
        for keys in (("slash", *"together"), ("slash", *"talks"), ("t",), ("s",), ("r", "G")):
            await ui.press(*keys)
            found[f"{type(app.screen).__name__} after {''.join(keys)}"] = leaks(app)
            await ui.escape_home()
        assert not ui.errors()
    assert not {where: what for where, what in found.items() if what}
