"""The same queries through `fzf --filter` (exact and fuzzy) over the corpus's passages, one per line."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

from bench.stats import summary

_BLANK = re.compile(r"\n\s*\n")


def write_passages(paths: list[Path], out: Path) -> int:
    """One line per blank-line-separated block of every article (what the store calls passages)."""
    if out.exists():
        return sum(1 for _ in out.open(encoding="utf-8"))
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for path in paths:
            for block in _BLANK.split(path.read_text(encoding="utf-8")):
                if block.strip():
                    sink.write(" ".join(block.split()) + "\n")
                    count += 1
    return count


def _fzf_ms(passages: Path, query: str, exact: bool) -> tuple[float, int]:
    """Wall milliseconds of one `fzf --filter` run and the number of lines it matched."""
    argv = ["fzf", "--filter", query] + (["--exact"] if exact else [])
    with passages.open("rb") as source:
        start = time.perf_counter()
        done = subprocess.run(argv, stdin=source, capture_output=True, check=False)
        ms = (time.perf_counter() - start) * 1000
    return ms, done.stdout.count(b"\n")


def run_fzf(passages: Path, queries: list[tuple[str, str]], search_ms: dict[str, float]) -> dict[str, Any]:
    """fzf times per mode, and how many times slower than our in-process search on the same queries."""
    if shutil.which("fzf") is None:
        return {"error": "fzf is not installed (apt-get install fzf)"}
    report: dict[str, Any] = {"queries": len(queries)}
    for mode, exact in (("exact", True), ("fuzzy", False)):
        rows = [(q, *_fzf_ms(passages, q, exact)) for _, q in queries]
        ratios = [ms / max(search_ms[q], 1e-3) for q, ms, _ in rows]
        report[mode] = {**summary([ms for _, ms, _ in rows]),
                        "median_ratio": statistics.median(ratios),
                        "ratio_of_medians": statistics.median(ms for _, ms, _ in rows)
                        / statistics.median(search_ms[q] for q, _, _ in rows),
                        "matches": {q[:40]: n for q, _, n in rows[:10]}}
    return report
