"""`python -m bench.hostile`: time and peak memory of reading, extracting and storing hostile articles.

Each case is generated at each size, written to a file and ingested in a child process of its own
(capped in time and address space, so a quadratic case cannot take the machine), which reports
seconds for read, extraction and store writes, the CPU seconds they took (what the verdict reads: on a
shared machine wall-clock time counts other work too) and its peak RSS. A case that misses the target
(2 s per MB, 300 MB peak) is run once more under cProfile for the function that costs most.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SECONDS_PER_MB, PEAK_MB = 2.0, 300
"""The targets of issue 9."""
MEMORY_CAP = 4 * 2**30
"""Address space a child may take: a runaway case fails with MemoryError instead of swapping."""
_SENTENCE = ("Minister Kari Lunde met officials of the Nordic Council in Tromsø on May 3, 2021, and "
             "said the talks were “useful” (Nordlys, May 4). ")
"""Made-up names: a benchmark, like the tests, never uses an article's own text."""


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


CASES: dict[str, Callable[[int], str]] = {
    "repeated name": lambda size: "Talks in Bergen\n\n" + _fill("Halvorsen ", size),
    "repeated full name": lambda size: "Talks in Bergen\n\n" + _fill("Jonas Berg Halvorsen said. ", size),
    "one long line": lambda size: _fill(_SENTENCE, size),
    "one long word": lambda size: "Talks\n\n" + "x" * size,
    "many tiny paragraphs": lambda size: "Talks\n\n" + _fill("Word.\n\n", size),
    "a line of capitals": lambda size: "Talks\n\n" + _fill("XQZ WVB ", size),
    "a line of common words": lambda size: "Talks\n\n" + _fill("Water ", size),
    # 16 bytes of UTF-8 a level (the curly marks take 3 each): the text is about ``size`` bytes, as the others.
    "deep nesting": lambda size: ("Talks\n\nLunde said " + "“‘([" * (size // 16) + "useful"
                                  + "])’”" * (size // 16) + "."),
}
"""Each hostile input, as text of about the size asked for."""


def _arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.hostile", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0], help="MB of text (0.1 1)")
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES), help="cases to run")
    parser.add_argument("--timeout", type=float, default=300, help="seconds a case may take (300)")
    parser.add_argument("--no-profile", action="store_true", help="do not profile the cases that miss")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="output folder")
    parser.add_argument("--child", nargs=3, metavar=("CASE", "MB", "PROFILE"), help=argparse.SUPPRESS)
    return parser.parse_args()


def _child(case: str, mb: float, listing: str) -> dict[str, Any]:
    """In the child: read, extract and store one case (under cProfile if a listing is asked for)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "hostile.txt")
        path.write_text(CASES[case](int(mb * 1e6)), encoding="utf-8")
        if listing == "-":
            steps = _steps(path)
        else:
            from bench.profiling import profile_call

            top = profile_call(lambda: _steps(path), Path(listing), top=5)
            Path(listing).with_suffix(".json").write_text(json.dumps(top), encoding="utf-8")
            steps = [0.0, 0.0, 0.0, 0.0]
    return {"read_s": steps[0], "extract_s": steps[1], "write_s": steps[2], "total_s": round(sum(steps[:3]), 3),
            "cpu_s": steps[3], "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def _steps(path: Path) -> list[float]:
    """Seconds to read the file, extract it and write it to a new store beside it, and the CPU seconds of
    the three."""
    from store.db import Store
    from store.extract.pipeline import extract_article
    from store.files import read_article
    from store.ingest import ingest_text

    cpu, marks = time.process_time(), [time.perf_counter()]
    text = read_article(path)
    marks.append(time.perf_counter())
    article = extract_article(text)
    marks.append(time.perf_counter())
    with Store.open(path.with_name("s.db")) as store:
        ingest_text(store, text, str(path), extract=lambda _: article)
    marks.append(time.perf_counter())
    return [*(round(after - before, 3) for before, after in zip(marks, marks[1:])), round(time.process_time() - cpu, 3)]


def _cap_memory() -> None:
    """In the child before it starts: cap its address space."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _run(case: str, mb: float, timeout: float, listing: Path | None = None) -> dict[str, Any]:
    """One case in a child process: its figures, or why it stopped."""
    command = [sys.executable, "-m", "bench.hostile", "--child", case, str(mb), str(listing or "-")]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                              preexec_fn=_cap_memory)
    except subprocess.TimeoutExpired:
        return {"stopped": f"over {timeout:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["exit code %d" % done.returncode])[-1]
        return {"stopped": "MemoryError" if "MemoryError" in last else last[:120]}
    return json.loads(done.stdout)


def _verdict(figures: dict[str, Any], mb: float) -> str:
    """Whether a case met both targets."""
    if "stopped" in figures:
        return "missed"
    # CPU seconds where the child reports them: on a shared machine wall-clock time counts other work too.
    fast = figures.get("cpu_s", figures["total_s"]) <= SECONDS_PER_MB * max(mb, 1.0) and figures["peak_mb"] <= PEAK_MB
    return "met" if fast else "missed"


def _hot_spot(case: str, mb: float, args: argparse.Namespace) -> str:
    """The function with the most own time when the case runs under cProfile."""
    listing = args.out / f"hostile-{case.replace(' ', '-')}-{mb:g}mb.txt"
    figures = _run(case, mb, args.timeout * 2, listing)
    if "stopped" in figures or not listing.with_suffix(".json").exists():
        return f"profile stopped ({figures.get('stopped', '?')})"
    top = json.loads(listing.with_suffix(".json").read_text())[0]
    return f"{top['function']}: {top['own_s']} s own of the run"


def _rows(results: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    """Table rows: one per case and size."""
    rows = []
    for r in results:
        f = r["figures"]
        timing = (f"{f['total_s']} s (read {f['read_s']}, extract {f['extract_s']}, write {f['write_s']}); "
                  f"CPU {f.get('cpu_s', '-')} s" if "total_s" in f else f["stopped"])
        rows.append((r["case"], f"{r['mb']:g} MB", timing, f"{f.get('peak_mb', '-')} MB", r["verdict"],
                     r.get("hot_spot", "")))
    return rows


def main() -> None:
    """Every case at every size; print the table, write the JSON."""
    args = _arguments()
    if args.child:
        print(json.dumps(_child(args.child[0], float(args.child[1]), args.child[2])))
        return
    from bench.report import table

    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for mb in args.sizes:
        for case in args.cases:
            figures = _run(case, mb, args.timeout)
            result = {"case": case, "mb": mb, "figures": figures, "verdict": _verdict(figures, mb)}
            if result["verdict"] == "missed" and not args.no_profile:
                result["hot_spot"] = _hot_spot(case, mb, args)
            print(time.strftime("%H:%M:%S"), case, f"{mb:g} MB", figures, flush=True)
            results.append(result)
    (args.out / "hostile.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(table(_rows(results), ("input", "size", "read + extract + write", "peak RSS", "target", "hot spot")))


if __name__ == "__main__":
    main()
