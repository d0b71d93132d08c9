"""cProfile of the ingest and search paths; the full listings go to files, the top entries to JSON."""

from __future__ import annotations

import cProfile
import io
import pstats
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.ingest_bench import ingest_serial
from bench.search_bench import run_search


def profile_call(work: Callable[[], object], listing: Path, top: int = 15) -> list[dict[str, Any]]:
    """Run `work` under cProfile; write listings by own and cumulative time; return the top own-time rows."""
    profiler = cProfile.Profile()
    profiler.runcall(work)
    text = io.StringIO()
    for order in ("tottime", "cumulative"):
        pstats.Stats(profiler, stream=text).strip_dirs().sort_stats(order).print_stats(40)
    listing.write_text(text.getvalue(), encoding="utf-8")
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = sorted(stats.items(), key=lambda item: -item[1][2])[:top]
    return [{"function": f"{Path(f).name}:{line}({name})", "calls": nc, "own_s": round(tt, 4),
             "cumulative_s": round(ct, 4)} for (f, line, name), (_, nc, tt, ct, _) in rows]


def profile_ingest(paths: list[Path], out: Path) -> list[dict[str, Any]]:
    """Profile a serial ingest of these articles into a fresh store."""
    return profile_call(lambda: ingest_serial(paths, out / "profile-ingest.db"), out / "profile-ingest.txt")


def profile_search(db: Path, queries: list[tuple[str, str]], out: Path) -> list[dict[str, Any]]:
    """Profile one pass of the benchmark queries."""
    return profile_call(lambda: run_search(db, queries, repeats=1), out / "profile-search.txt")
