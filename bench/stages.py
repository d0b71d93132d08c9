"""`python -m bench.stages FOLDER`: CPU milliseconds per article of each stage of extraction.

Each stage function that `store.extract.pipeline` calls is wrapped, in that module only, by a timer of
its own CPU time (`time.process_time`, so other work on a shared machine does not count), then every
article of the folder is extracted once, after one article extracted untimed (a process's first
extraction loads word lists and compiles patterns once); nothing is written. The stages' total is short of the whole by
the pipeline's own glue (its sorting and tuples), given as "the rest"."""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.report import table
from store.extract import pipeline
from store.files import article_files, read_article

STAGES = ("split_passages", "article_year", "article_date", "passage_sentences", "find_citations",
          "find_actors", "with_outlets", "describe", "find_quotes", "find_events")
"""The names `pipeline` calls its stages by, in the order it calls them."""


def _timed(name: str, stage: Callable[..., Any], spent: Counter[str]) -> Callable[..., Any]:
    """``stage``, adding its CPU time to ``spent[name]``."""
    def timed(*args: Any, **kwargs: Any) -> Any:
        began = time.process_time()
        try:
            return stage(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - began
    return timed


def stage_times(texts: list[str]) -> Counter[str]:
    """CPU seconds of each stage, and of the whole ("total"), over extracting ``texts``."""
    spent: Counter[str] = Counter()
    pipeline.extract_article(texts[0])
    originals = {name: getattr(pipeline, name) for name in STAGES}
    for name, stage in originals.items():
        setattr(pipeline, name, _timed(name, stage, spent))
    try:
        for text in texts:
            began = time.process_time()
            pipeline.extract_article(text)
            spent["total"] += time.process_time() - began
    finally:
        for name, stage in originals.items():
            setattr(pipeline, name, stage)
    return spent


def rows(spent: Counter[str], articles: int, megabytes: float) -> list[tuple[str, str, str]]:
    """(stage, ms per article, share of the whole) for each stage, the rest and the whole."""
    total = spent["total"] or 1e-9
    rest = total - sum(spent[name] for name in STAGES)
    named = [(name, spent[name]) for name in STAGES] + [("the rest", rest), ("total", total)]
    return [(name, f"{1000 * seconds / articles:.2f}", f"{seconds / total:.0%}") for name, seconds in named] + [
        ("MB/s of extraction", f"{megabytes / total:.3f}", "")]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.stages", description=__doc__)
    parser.add_argument("folder", type=Path, help="a folder of articles (e.g. a bench corpus)")
    parser.add_argument("--limit", type=int, default=300, help="extract at most this many (default 300)")
    args = parser.parse_args()
    texts = [read_article(path) for path in article_files(args.folder)[: args.limit]]
    spent = stage_times(texts)
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    print(f"{len(texts)} articles, {megabytes:.2f} MB, CPU")
    print(table(rows(spent, len(texts), megabytes), ("stage", "ms per article", "share")))


if __name__ == "__main__":
    main()
