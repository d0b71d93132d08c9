"""What a user sees in tmux: time to first screen (vs a bare Textual app), keystroke to results, RSS."""

from __future__ import annotations

import compileall
import importlib.util
import math
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.bare_app import READY
from bench.stats import summary
from bench.tmux import Pane, poll_cost_ms
from store.db import Store
from store.queries import actors

ROOT = Path(__file__).resolve().parent.parent
# Until the command line lands, the App is started directly (same store, same first screen).
_DIRECT = "import sys; from store.db import Store; from tui.app import NatoAsiaApp; " \
          "NatoAsiaApp(Store.open(sys.argv[1], readonly=True)).run()"


def _app_argv(db: Path) -> list[str]:
    """How a user starts the explorer on this store: `natoasia-tui --db PATH`."""
    if importlib.util.find_spec("tui.cli") is None:
        return [sys.executable, "-c", _DIRECT, str(db)]
    return [str(Path(sys.executable).with_name("natoasia-tui")), "--db", str(db)]


def _first_screen_ready(db: Path) -> Callable[[str], bool]:
    """The explorer's first screen is up when its actor list shows the three most prominent actors (the
    first 12 characters of each name: at 120 columns the list beside the preview cuts longer names)."""
    with Store.open(db, readonly=True) as store:
        top = [actor.name[:12] for actor in actors(store, limit=3)]
    return lambda screen: all(name in screen for name in top)


def compile_like_an_install() -> None:
    """Compile our packages to bytecode, as `pip install` does: the bare app's Textual is compiled, and a
    source tree run with PYTHONDONTWRITEBYTECODE (set on this machine) compiled ours at every start, ~45 ms."""
    for package in ("store", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)


def first_screen(db: Path, runs: int = 5) -> dict[str, Any]:
    """Median seconds to first screen of the explorer and of the bare app, alternating runs."""
    compile_like_an_install()
    app_times: list[float] = []
    bare_times: list[float] = []
    ready = _first_screen_ready(db)
    for i in range(runs):
        app_times.append(_first_screen_once(Pane(f"app{i}", _app_argv(db), ROOT), ready))
        bare = Pane(f"bare{i}", [sys.executable, "-m", "bench.bare_app"], ROOT)
        bare_times.append(_first_screen_once(bare, lambda screen: READY in screen))
    app, bare = _median_of_shown(app_times), _median_of_shown(bare_times)
    return {"app_s": app, "bare_s": bare, "ratio": app / bare, "app_runs": app_times, "bare_runs": bare_times}


def _median_of_shown(times: list[float]) -> float:
    """Median of the runs whose screen appeared (a NaN run is reported in the runs, not the median)."""
    shown = [seconds for seconds in times if not math.isnan(seconds)]
    return statistics.median(shown) if shown else float("nan")


def _first_screen_once(pane: Pane, ready: Callable[[str], bool]) -> float:
    """Seconds from launch to the first screen for one run (NaN if it never appeared)."""
    pane.start()
    try:
        seconds = pane.wait(ready, pane.started, timeout=30)
    finally:
        pane.stop()
    return float("nan") if seconds is None else seconds


def _expected_labels(store: Store, query: str) -> list[str]:
    """The beginnings of the labels of the top hits the app should show for this query."""
    from store.search import search

    return [hit.label.strip()[:14] for hit in search(store, query, limit=5).all[:5] if hit.label.strip()]


def keystrokes(db: Path, queries: list[str]) -> dict[str, Any]:
    """Type each query one key at a time in the explorer's search; time echo and results per key."""
    pane = Pane("keys", _app_argv(db), ROOT)
    pane.start()
    rows: list[dict[str, Any]] = []
    try:
        if pane.wait(_first_screen_ready(db), pane.started, timeout=60) is None:
            return {"error": "the explorer's first screen never appeared", "screen": pane.screen()}
        resolution = poll_cost_ms(pane)
        with Store.open(db, readonly=True) as store:
            for query in queries:
                rows += _type_query(pane, query, lambda prefix: _expected_labels(store, prefix))
        rss = pane.peak_rss_mb()
    finally:
        pane.stop()
    return _keystroke_report(rows, resolution, rss)


def keystroke_anchor(queries: list[str]) -> dict[str, Any]:
    """The same keys typed into the bare app that replaces a Textual OptionList's rows at every key:
    what showing new rows costs the plain way on this machine, in this run."""
    pane = Pane("bare-keys", [sys.executable, "-m", "bench.bare_app", "--list"], ROOT)
    pane.start()
    rows: list[dict[str, Any]] = []
    try:
        if pane.wait(lambda screen: READY in screen, pane.started, timeout=60) is None:
            return {"error": "the bare app never appeared", "screen": pane.screen()}
        resolution = poll_cost_ms(pane)
        for query in queries:
            rows += _type_query(pane, query, lambda prefix: [], opening=())
    finally:
        pane.stop()
    return _keystroke_report(rows, resolution, None)


OPEN_SEARCH = (("Escape", False, 0.3), ("/", True, 0.5))
"""Keys (tmux name, literal?, pause after) that open the explorer's search afresh."""


def _type_query(pane: Pane, query: str, expected: Callable[[str], list[str]],
                opening: tuple[tuple[str, bool, float], ...] = OPEN_SEARCH) -> list[dict[str, Any]]:
    """Empty the box (opening search first in the explorer) and type `query`, one timed key at a time."""
    for key, literal, pause in (*opening, ("C-u", False, 0.3)):
        pane.send(key, literal=literal)
        time.sleep(pause)
    return [_timed_key(pane, query[:i], query[i - 1], expected(query[:i])) for i in range(1, len(query) + 1)]


def _timed_key(pane: Pane, prefix: str, key: str, expected: list[str]) -> dict[str, Any]:
    """Send one key; time until the typed text shows (echo) and until its results show.

    The explorer heads its results with the query in curly quotes ("40 results for “secur”"), which
    marks exactly when results for this prefix are on screen; failing that, the labels of the top hits
    the store returns for the prefix must be visible.
    """
    header = f"“{prefix}”"
    start = time.perf_counter()
    pane.send(key)
    echo = pane.wait(lambda s: prefix in s, start, timeout=2)
    results = pane.wait(lambda s: header in s or bool(expected) and any(l in s for l in expected[:3]),
                        start, timeout=2)
    return {"prefix": prefix, "echo_ms": _ms(echo), "results_ms": _ms(results), "expected": expected[:1]}


def _ms(seconds: float | None) -> float:
    """Milliseconds, with a timeout (None) counted as 2,000 ms."""
    return 2000.0 if seconds is None else seconds * 1000


def _keystroke_report(rows: list[dict[str, Any]], resolution: float, rss: float | None) -> dict[str, Any]:
    """Percentiles for echo (the key shows in the input) and for results (they show for the new text)."""
    return {"poll_ms": resolution, "echo": summary([r["echo_ms"] for r in rows]),
            "results": summary([r["results_ms"] for r in rows]),
            "timeouts": sum(r["results_ms"] >= 2000 for r in rows), "peak_rss_mb": rss, "keys": rows}
