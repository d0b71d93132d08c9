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
MARKUP = ("[b]in[/b]", "[@click=app.quit]now[/]", "[red]together[/red]", "[link=https://example.org]here[/link]")
"""Textual and Rich markup that would bold, colour, link or run an action if it were interpreted."""
MARKUP_ARTICLE = (
    f"Talks {MARKUP[0]} Oslo {MARKUP[1]}\n\n"
    f"Foreign Minister Jane Doe said: “We stand {MARKUP[2]} {MARKUP[3]}.” (Reuters, March 2)\n"
)


def store_of(folder: Path, text: str) -> Path:
    """A store file holding one article, read through the same path as `ingest`."""
    from store.files import read_article
    from store.ingest import ingest_text

    path = folder / "article.txt"
    path.write_text(text, encoding="utf-8")
    with Store.open(path.with_suffix(".db")) as store:
        ingest_text(store, read_article(path), str(path))
    return path.with_suffix(".db")


@pytest.fixture(scope="module")
def escapes_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store holding the article with escapes."""
    with Store.open(store_of(tmp_path_factory.mktemp("escapes"), ARTICLE), readonly=True) as store:
        assert CLEAR in store.value("SELECT text FROM documents")
        yield store


def screen_lines(app: NatoAsiaApp) -> tuple[list[str], str]:
    """The text of each line of the screen's cells, and the bytes a terminal would be sent for it."""
    update = app.screen._compositor.render_update(full=True)
    lines = ["".join(strip.text for strip in line) for line in update.strips]
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      width=app.size.width, height=app.size.height, legacy_windows=False)
    return lines, update.render_segments(console)


def leaks(app: NatoAsiaApp) -> list[str]:
    """What of the article's control characters shows raw: in a cell, the terminal stream or the SVG."""
    lines, stream = screen_lines(app)
    svg = app.export_screenshot().replace("\n", "")  # the SVG's own line breaks
    found = [f"cell {match!r}" for match in sorted(set(CONTROL.findall("".join(lines))))]
    found += [f"sent {raw!r}" for raw in SENT_RAW if raw in stream]
    return found + [f"svg {match!r}" for match in sorted(set(CONTROL.findall(svg)))]


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


async def test_markup_in_an_article_is_shown_literally(driver: type[Driver], tmp_path: Path) -> None:
    """Square-bracket markup in a title or quote shows as typed in the reader and search, never runs."""
    with Store.open(store_of(tmp_path, MARKUP_ARTICLE), readonly=True) as store:
        app = NatoAsiaApp(store)
        async with app.run_test(size=(140, 40)) as pilot:
            ui = driver(app, pilot)
            await ui.settle()
            for keys in (("r",), ("slash", *"together")):
                await ui.press(*keys)
                cells = "\n".join(screen_lines(app)[0])
                assert [markup for markup in MARKUP if markup not in cells] == [], keys
                await ui.escape_home()
            assert app.is_running and not ui.errors()
