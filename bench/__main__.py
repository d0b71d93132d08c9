"""`python -m bench`: generate corpora, measure ingest, search, the explorer in tmux, fzf; print and save."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

from bench import floor, fzf_bench, ingest_bench, profiling, report, search_bench, ui_bench
from bench.corpus import generate
from bench.queries import benchmark_queries, keystroke_queries
from store.db import Store
from store.queries import kind_counts

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("ingest", "search", "ui", "fzf", "profile")


def _arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000],
                        help="corpus sizes to measure (default: 1000 10000); UI and fzf run at the largest")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="processes for generation and extraction")
    parser.add_argument("--serial-sample", type=int, default=500,
                        help="articles ingested on one core for the per-core figure (default 500)")
    parser.add_argument("--skip", nargs="*", choices=STEPS, default=[], help="steps to leave out")
    parser.add_argument("--reuse", action="store_true", help="keep an existing store of the same N")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="output folder")
    return parser.parse_args()


def _machine() -> dict[str, Any]:
    """Where and on what the figures were measured."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(), "commit": commit, "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def _measure_size(n: int, args: argparse.Namespace, queries: list[tuple[str, str]]) -> dict[str, Any]:
    """Corpus, ingest (one core and parallel), re-ingest and search for one corpus size."""
    corpus = generate(args.out / "corpora", n, args.seed, args.workers)
    paths, db = corpus.paths, args.out / f"store-n{n}.db"
    run: dict[str, Any] = {"corpus": {"articles": n, "mb": corpus.bytes / 1e6}}
    if "ingest" not in args.skip and not (args.reuse and db.exists()):
        _log(f"N={n}: ingest on one core ({min(n, args.serial_sample)} articles)")
        run["ingest_serial"] = ingest_bench.ingest_serial(paths[:args.serial_sample], args.out / "serial.db")
        _log(f"N={n}: the same rows by executemany, then indexes and full-text rebuild (the floor)")
        run["write_floor"] = floor.write_floor(args.out / "serial.db", args.out / "floor.db")
        _log(f"N={n}: ingest with {args.workers} extraction workers")
        run["ingest"] = ingest_bench.ingest_parallel(paths, db, args.workers)
        _log(f"N={n}: re-ingest unchanged")
        run["reingest"] = ingest_bench.reingest(paths, db)
    with Store.open(db, readonly=True) as store:
        run["corpus"]["distinct_actors"] = sum(k.count for k in kind_counts(store))
    if "search" not in args.skip:
        _log(f"N={n}: search, 200 queries x 3")
        run["search"] = search_bench.run_search(db, queries)
    return run


def _measure_ui(results: dict[str, Any], n: int, args: argparse.Namespace,
                queries: list[tuple[str, str]]) -> None:
    """tmux, bare-app and fzf comparisons at the largest corpus size."""
    db = args.out / f"store-n{n}.db"
    if "ui" not in args.skip:
        _log(f"N={n}: first screen vs bare Textual, keystrokes in tmux")
        results["first_screen"] = ui_bench.first_screen(db)
        results["keystrokes"] = ui_bench.keystrokes(db, keystroke_queries(args.seed))
        results["keystroke_anchor"] = ui_bench.keystroke_anchor(keystroke_queries(args.seed))
    if "fzf" not in args.skip and "search" in results["runs"][n]:
        # fzf takes ~1 s a query at 10,000 articles: a stratified fifth of the queries above 1,000.
        subset = queries if n <= 1000 else queries[::5]
        _log(f"N={n}: fzf --filter over the passages, {len(subset)} queries x 2 modes")
        corpus = generate(args.out / "corpora", n, args.seed, args.workers)
        passages = args.out / f"passages-n{n}.txt"
        fzf_bench.write_passages(corpus.paths, passages)
        ours = {row["query"]: row["ms"] for row in results["runs"][n]["search"]["queries"]}
        results["fzf"] = fzf_bench.run_fzf(passages, [(c, q[:60]) for c, q in subset], ours)


def _profile(results: dict[str, Any], args: argparse.Namespace, queries: list[tuple[str, str]]) -> None:
    """cProfile of ingest (200 articles) and search at the smallest corpus size."""
    n = min(args.articles)
    _log(f"N={n}: profiling ingest and search")
    corpus = generate(args.out / "corpora", n, args.seed, args.workers)
    results["profile"] = {"ingest": profiling.profile_ingest(corpus.paths[:200], args.out),
                          "search": profiling.profile_search(args.out / f"store-n{n}.db", queries, args.out)}


def _log(message: str) -> None:
    """Progress on stderr, timestamped."""
    print(time.strftime("%H:%M:%S"), message, flush=True)


def main() -> None:
    """Run every step asked for, then print the tables and write the JSON."""
    args = _arguments()
    args.out.mkdir(parents=True, exist_ok=True)
    queries = benchmark_queries(args.seed)
    results: dict[str, Any] = {"machine": _machine(), "runs": {}}
    for n in sorted(args.articles):
        results["runs"][n] = _measure_size(n, args, queries)
    _measure_ui(results, max(args.articles), args, queries)
    if "profile" not in args.skip:
        _profile(results, args, queries)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in (f"results-{stamp}.json", "latest.json"):
        (args.out / name).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print(report.tables(results))
    print(f"\nJSON: {args.out / 'latest.json'}")


if __name__ == "__main__":
    main()
