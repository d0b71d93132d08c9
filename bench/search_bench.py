"""In-process search latency over the fixed 200 queries: p50, p95, max, by category, worst queries."""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.stats import summary
from store.db import Store


def _timed_search(store: Store, query: str) -> tuple[float, int, str | None]:
    """Milliseconds for one search, its number of hits, and the error it raised, if any."""
    from store.search import search

    start = time.perf_counter()
    try:
        hits = len(search(store, query, limit=20).all)
        error = None
    except Exception as exc:  # a hostile query must never raise: record it, keep measuring
        hits, error = 0, f"{type(exc).__name__}: {exc}"
    return (time.perf_counter() - start) * 1000, hits, error


def run_search(db: Path, queries: list[tuple[str, str]], repeats: int = 3) -> dict[str, Any]:
    """Open the store read-only, time a cold first query, then each query `repeats` times (median)."""
    with Store.open(db, readonly=True) as store:
        cold_ms, _, _ = _timed_search(store, queries[0][1])
        runs = [[_timed_search(store, q) for _, q in queries] for _ in range(repeats)]
    per_query = []
    for i, (category, query) in enumerate(queries):
        times = [run[i][0] for run in runs]
        per_query.append({"category": category, "query": query[:60], "ms": statistics.median(times),
                          "hits": runs[0][i][1], "error": runs[0][i][2]})
    return _report(per_query, cold_ms)


def _report(per_query: list[dict[str, Any]], cold_ms: float) -> dict[str, Any]:
    """Overall and per-category figures, the slowest queries, the errors and the empty results."""
    by_category: dict[str, list[float]] = defaultdict(list)
    for row in per_query:
        by_category[row["category"]].append(row["ms"])
    return {
        "cold_first_ms": cold_ms,
        **summary([row["ms"] for row in per_query]),
        "over_25ms": sum(row["ms"] > 25 for row in per_query),
        "by_category": {c: summary(v) for c, v in by_category.items()},
        "slowest": sorted(per_query, key=lambda r: -r["ms"])[:8],
        "errors": [r for r in per_query if r["error"]],
        "no_hits": [r["query"] for r in per_query if not r["hits"] and not r["error"]],
        "queries": per_query,
    }
