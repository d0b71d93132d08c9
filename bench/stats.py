"""Percentiles and a timer, shared by every measurement."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of values; NaN for none."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def summary(values_ms: list[float]) -> dict[str, float]:
    """p50, p95 and max of a list of milliseconds, with the count."""
    return {"n": len(values_ms), "p50_ms": percentile(values_ms, 50),
            "p95_ms": percentile(values_ms, 95), "max_ms": max(values_ms, default=math.nan)}


class Stopwatch:
    """Elapsed seconds of a `with` block, read from `.seconds` afterwards."""

    seconds: float = 0.0

    @contextmanager
    def timing(self) -> Iterator[Stopwatch]:
        """Time the block."""
        start = time.perf_counter()
        try:
            yield self
        finally:
            self.seconds = time.perf_counter() - start
