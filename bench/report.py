"""The results as a table of figures and a table of targets (met or missed, by how much)."""

from __future__ import annotations

import math
from typing import Any


def _get(results: dict[str, Any], *keys: str | int) -> Any:
    """A nested value, or None where a measurement was skipped or failed."""
    value: Any = results
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _fmt(value: Any, unit: str = "") -> str:
    """A number with 3 significant-ish digits, or '-' if missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if isinstance(value, float):
        text = f"{value:.3g}" if abs(value) < 100 else f"{value:,.0f}"
    else:
        text = f"{value:,}"
    return text + unit


def figure_rows(results: dict[str, Any]) -> list[tuple[str, str]]:
    """(measure, value) rows for every corpus size and the UI run."""
    rows: list[tuple[str, str]] = []
    for n, run in results["runs"].items():
        corpus, serial, par = run.get("corpus", {}), run.get("ingest_serial", {}), run.get("ingest", {})
        search = run.get("search", {})
        rows += [
            (f"N={n}: corpus", f"{_fmt(corpus.get('mb'), ' MB')}, {_fmt(corpus.get('distinct_actors'))} actors"),
            (f"N={n}: ingest, 1 core", f"{_fmt(serial.get('mb_per_s'), ' MB/s')} "
             f"({_fmt(serial.get('articles_per_s'), ' art/s')}; extraction alone {_fmt(serial.get('extract_mb_per_s'), ' MB/s')})"),
            (f"N={n}: store writes per article / floor", f"{_fmt(serial.get('write_ms_per_article'), ' ms')} / "
             f"{_fmt(_get(run, 'write_floor', 'ms_per_article'), ' ms')} = {_fmt(_ratio(run), 'x')}"),
            (f"N={n}: ingest, {par.get('cores', '?')} extract workers",
             f"{_fmt(par.get('mb_per_s'), ' MB/s')} ({_fmt(par.get('articles_per_s'), ' art/s')}, "
             f"{_fmt(par.get('mb_per_s_per_core'), ' MB/s/core')})"),
            (f"N={n}: store size", f"{_fmt(par.get('store_mb'), ' MB')} "
             f"({_fmt(par.get('store_bytes_per_text_byte'), ' MB per MB of text')})"),
            (f"N={n}: re-ingest unchanged", _fmt(_get(run, "reingest", "seconds"), " s")),
            (f"N={n}: search p50 / p95 / max", " / ".join(_fmt(search.get(k), " ms") for k in ("p50_ms", "p95_ms", "max_ms"))
             + f" (cold first {_fmt(search.get('cold_first_ms'), ' ms')}, {search.get('over_25ms', '-')} over 25 ms, "
             f"{len(search.get('errors', []))} errors)"),
        ]
    return rows + _ui_rows(results)


def _ratio(run: dict[str, Any]) -> float | None:
    """Store writes per article as a multiple of the bulk-load floor's, measured in the same run."""
    ours, floor = _get(run, "ingest_serial", "write_ms_per_article"), _get(run, "write_floor", "ms_per_article")
    return ours / floor if ours and floor else None


def _anchored(results: dict[str, Any]) -> float | None:
    """Keystroke-to-results p95 as a multiple of the bare list-replace app's p50, same run."""
    ours = _get(results, "keystrokes", "results", "p95_ms")
    bare = _get(results, "keystroke_anchor", "results", "p50_ms")
    return ours / bare if ours and bare else None


def _ui_rows(results: dict[str, Any]) -> list[tuple[str, str]]:
    """Rows for the tmux, fzf and bare-app comparisons (measured at the largest N)."""
    ui, fzf, keys = results.get("first_screen", {}), results.get("fzf", {}), results.get("keystrokes", {})
    return [
        ("first screen: explorer / bare Textual", f"{_fmt(ui.get('app_s'), ' s')} / {_fmt(ui.get('bare_s'), ' s')} "
         f"= {_fmt(ui.get('ratio'), 'x')}"),
        ("keystroke -> echo p50 / p95", " / ".join(_fmt(_get(keys, "echo", k), " ms") for k in ("p50_ms", "p95_ms"))),
        ("keystroke -> results p50 / p95", " / ".join(_fmt(_get(keys, "results", k), " ms") for k in ("p50_ms", "p95_ms"))
         + f" (tmux poll {_fmt(keys.get('poll_ms'), ' ms')}, {keys.get('timeouts', '-')} timeouts)"),
        ("same keys, bare list-replace app: results p50 / p95", " / ".join(
            _fmt(_get(results, "keystroke_anchor", "results", k), " ms") for k in ("p50_ms", "p95_ms"))),
        ("peak RSS, explorer searched", _fmt(keys.get("peak_rss_mb"), " MB")),
        ("fzf --exact p50 / p95 (x slower)", f"{_fmt(_get(fzf, 'exact', 'p50_ms'), ' ms')} / {_fmt(_get(fzf, 'exact', 'p95_ms'), ' ms')}"
         f" ({_fmt(_get(fzf, 'exact', 'median_ratio'), 'x')})"),
        ("fzf fuzzy p50 / p95 (x slower)", f"{_fmt(_get(fzf, 'fuzzy', 'p50_ms'), ' ms')} / {_fmt(_get(fzf, 'fuzzy', 'p95_ms'), ' ms')}"
         f" ({_fmt(_get(fzf, 'fuzzy', 'median_ratio'), 'x')})"),
    ]


def target_rows(results: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(target, measured, verdict) for every target of issues 4 and 13: the store's at each N, the
    explorer's (measured once, at the largest N) after them."""
    rows = [row for n, run in results["runs"].items() for row in _store_targets(n, run)]
    checks = [
        ("keystroke p95 <= 33 ms", _get(results, "keystrokes", "results", "p95_ms"), 33.0, "ms"),
        ("keystroke p95 <= bare list-replace p50", _anchored(results), 1.0, "x"),
        ("first screen <= 1.3x bare", _get(results, "first_screen", "ratio"), 1.3, "x"),
        ("peak RSS <= 150 MB", _get(results, "keystrokes", "peak_rss_mb"), 150.0, "MB"),
        (">= 20x faster than fzf --exact", _get(results, "fzf", "exact", "median_ratio"), -20.0, "x"),
    ]
    return rows + [_checked(*check) for check in checks]


def _store_targets(n: str | int, run: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The targets measured on the store of ``n`` articles."""
    checks = [
        ("search p95 <= 5 ms", _get(run, "search", "p95_ms"), 5.0, "ms"),
        ("every query <= 25 ms", _get(run, "search", "max_ms"), 25.0, "ms"),
        ("extraction alone >= 1 MB/s per core", _get(run, "ingest_serial", "extract_mb_per_s"), -1.0, "MB/s"),
        ("ingest >= 1 MB/s per core, one core", _get(run, "ingest_serial", "mb_per_s"), -1.0, "MB/s"),
        ("ingest >= 1 MB/s per core, every core", _get(run, "ingest", "mb_per_s_per_core"), -1.0, "MB/s"),
        ("store writes <= 2x the floor", _ratio(run), 2.0, "x"),
        ("store <= 3x the text", _get(run, "ingest", "store_bytes_per_text_byte"), 3.0, "x"),
        ("re-ingest unchanged <= 5 s", _get(run, "reingest", "seconds"), 5.0, "s"),
    ]
    return [_checked(f"N={n}: {name}", *rest) for name, *rest in checks]


def _checked(name: str, value: float | None, limit: float, unit: str) -> tuple[str, str, str]:
    """A target's row: its name, the value measured and the verdict."""
    return name, _fmt(value, " " + unit), _verdict(value, limit)


def _verdict(value: float | None, limit: float) -> str:
    """'met', 'missed by N%' or 'not measured'; a negative limit means 'at least'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "not measured"
    bound = abs(limit)
    ok = value >= bound if limit < 0 else value <= bound
    if ok:
        return "met"
    return f"missed by {abs(value - bound) / bound:.0%}"


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    """A Markdown table (it reads well in a terminal too)."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([line(header), "| " + " | ".join("-" * w for w in widths) + " |", *map(line, rows)])


def tables(results: dict[str, Any]) -> str:
    """The figures' table, then the targets' table."""
    return "\n\n".join((table(figure_rows(results), ("measure", "value")),
                        table(target_rows(results), ("target", "measured", "verdict"))))


def main() -> None:
    """`python -m bench.report [JSON]`: print the tables of a saved run again (default bench/out/latest.json)."""
    import json
    import sys
    from pathlib import Path

    path = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/out/latest.json")
    print(tables(json.loads(path.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
