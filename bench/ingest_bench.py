"""Ingest throughput: serial (one core, extraction and writing split) and with parallel extraction."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from store.db import Store
from store.files import read_article
from store.ingest import ingest_text
from store.model import Article


def remove_store(path: Path) -> None:
    """Delete a store file and its WAL companions."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def store_bytes(path: Path) -> int:
    """Size on disk of a store, its WAL included."""
    return sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())


def _extract_file(path: Path) -> tuple[Path, str, Article]:
    """Read and extract one article (runs in a worker process)."""
    from store.extract.pipeline import extract_article

    text = read_article(path)
    return path, text, extract_article(text)


def _rates(seconds: float, n_bytes: int, articles: int, cores: int) -> dict[str, float]:
    """Throughput figures for one timed ingest."""
    mb = n_bytes / 1e6
    return {"seconds": seconds, "mb": mb, "articles": articles, "mb_per_s": mb / seconds,
            "articles_per_s": articles / seconds, "cores": cores, "mb_per_s_per_core": mb / seconds / cores}


def ingest_serial(paths: list[Path], db: Path) -> dict[str, Any]:
    """Ingest in one process, timing extraction apart from the store writes."""
    from store.extract.pipeline import extract_article

    remove_store(db)
    extracting = 0.0

    def timed(text: str) -> Article:
        nonlocal extracting
        start = time.perf_counter()
        article = extract_article(text)
        extracting += time.perf_counter() - start
        return article

    n_bytes = 0
    start = time.perf_counter()
    with Store.open(db) as store:
        for path in paths:
            text = read_article(path)
            n_bytes += len(text.encode("utf-8"))
            ingest_text(store, text, path, extract=timed)
    seconds = time.perf_counter() - start
    result = _rates(seconds, n_bytes, len(paths), 1)
    result.update(extract_seconds=extracting, write_seconds=seconds - extracting,
                  extract_mb_per_s=n_bytes / 1e6 / extracting)
    return result


def ingest_parallel(paths: list[Path], db: Path, workers: int) -> dict[str, Any]:
    """Extract in `workers` processes while this one writes each article in its own transaction."""
    remove_store(db)
    n_bytes = 0
    start = time.perf_counter()
    with Store.open(db) as store, multiprocessing.get_context("fork").Pool(workers) as pool:
        for path, text, article in pool.imap(_extract_file, paths, chunksize=4):
            n_bytes += len(text.encode("utf-8"))
            ingest_text(store, text, path, extract=_given(article))
    seconds = time.perf_counter() - start
    result = _rates(seconds, n_bytes, len(paths), workers)
    result["store_bytes_per_text_byte"] = store_bytes(db) / n_bytes
    result["store_mb"] = store_bytes(db) / 1e6
    return result


def _given(article: Article) -> Callable[[str], Article]:
    """An extract function that returns an article extracted elsewhere."""
    return lambda _text: article


def reingest(paths: list[Path], db: Path) -> dict[str, Any]:
    """Ingest the unchanged corpus again: every article must come back 'unchanged'."""
    start = time.perf_counter()
    with Store.open(db) as store:
        statuses = [ingest_text(store, read_article(p), p).status for p in paths]
    return {"seconds": time.perf_counter() - start, "articles": len(paths),
            "unchanged": statuses.count("unchanged")}
