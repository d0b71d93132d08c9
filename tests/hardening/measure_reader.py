"""Time and memory to open the reader at a quote in the middle of a store's largest document.

Run: python tests/hardening/measure_reader.py STORE  (prints seconds and MB above the explorer's own).
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import time
from pathlib import Path

from store.db import Store
from tui.app import NatoAsiaApp
from tui.messages import TextPlace
from tui.screens.actors import ActorsScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView


def middle_quote(path: Path) -> TextPlace:
    """The attributed quote nearest the middle of the largest document."""
    with sqlite3.connect(path) as db:
        document, size = db.execute(
            "SELECT document_id, max(\"end\") FROM passages GROUP BY document_id ORDER BY 2 DESC").fetchone()
        row = db.execute(
            "SELECT passage_id, start, \"end\", speaker_id FROM quotes WHERE document_id = ? "
            "ORDER BY abs(start - ?) LIMIT 1", (document, size // 2)).fetchone()
    return TextPlace(document, row[0], row[1], row[2], row[3])


def rss_mb(field: str = "VmRSS") -> float:
    """The process's resident memory now (VmRSS) or at its peak (VmHWM), in MB."""
    line = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith(field))
    return int(line.split()[1]) / 1e3


def reset_peak() -> None:
    """Start the peak (VmHWM) afresh from now (Linux), so it measures the reader alone."""
    Path("/proc/self/clear_refs").write_text("5")


def shown(app: NatoAsiaApp) -> bool:
    """True once the reader has laid out its document at the place."""
    views = app.screen.query(ArticleView)
    return bool(views) and views.first().place is not None


async def measure(path: Path) -> tuple[float, float]:
    """Seconds and peak MB above the explorer's own to open the reader at the place and show it."""
    place = middle_quote(path)
    with Store.open(path, readonly=True) as store:
        app = NatoAsiaApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            while not isinstance(app.screen, ActorsScreen):
                await pilot.pause()
            await app.workers.wait_for_complete()
            reset_peak()
            before = rss_mb()
            started = time.perf_counter()
            app.push_screen(ReaderScreen(place))
            while not shown(app):
                await pilot.pause()
            await pilot.pause()
            seconds = time.perf_counter() - started
            peak = rss_mb("VmHWM")
    return seconds, peak - before


if __name__ == "__main__":
    seconds, megabytes = asyncio.run(measure(Path(sys.argv[1])))
    print(f"{sys.argv[1]}: opened at the target in {seconds:.2f} s, +{megabytes:.0f} MB peak")
