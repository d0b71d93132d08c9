"""Ingest throughput: serial (one core, extraction and writing split) and with parallel extraction."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from store.db import Store
from store.ingest import IngestResult
from store.ingest_files import Prepared, ingest_files, known_digests, prepared_files
from store.model import Article


def remove_store(path: Path) -> None:
    """Delete a store file and its WAL companions."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def store_bytes(path: Path) -> int:
    """Size on disk of a store, its WAL included."""
    return sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())


def _rates(seconds: float, n_bytes: int, articles: int, cores: int) -> dict[str, float]:
    """Throughput figures for one timed ingest."""
    mb = n_bytes / 1e6
    return {"seconds": seconds, "mb": mb, "articles": articles, "mb_per_s": mb / seconds,
            "articles_per_s": articles / seconds, "cores": cores, "mb_per_s_per_core": mb / seconds / cores}


def ingest_serial(paths: list[Path], db: Path) -> dict[str, Any]:
    """Ingest in one process as ``ingest --jobs 1`` does, timing extraction apart from the rest."""
    from store.extract.pipeline import extract_article

    remove_store(db)
    extracting = 0.0

    def timed(text: str) -> Article:
        nonlocal extracting
        start = time.perf_counter()
        article = extract_article(text)
        extracting += time.perf_counter() - start
        return article

    start = time.perf_counter()
    with Store.open(db) as store:
        statuses = _ingest(store, prepared_files(paths, frozenset(), 1, timed))
    seconds = time.perf_counter() - start
    n_bytes = statuses["bytes"]
    result = _rates(seconds, n_bytes, len(paths), 1)
    result.update(extract_seconds=extracting, write_seconds=seconds - extracting,
                  extract_mb_per_s=n_bytes / 1e6 / extracting,
                  write_ms_per_article=1000 * (seconds - extracting) / len(paths))
    return result


def _ingest(store: Store, prepared: Iterable[Prepared]) -> Counter[str]:
    """Write prepared files as the CLI does; count outcomes and the bytes of text read."""
    counts: Counter[str] = Counter()

    def written(item: Prepared, result: IngestResult | None) -> None:
        counts[result.status if result else "refused"] += 1
        counts["bytes"] += len(item.document.text.encode("utf-8")) if item.document else 0

    ingest_files(lambda: store, prepared, written)
    return counts


def ingest_parallel(paths: list[Path], db: Path, workers: int) -> dict[str, Any]:
    """Ingest as ``ingest --jobs workers`` does: extraction in worker processes, batches written here."""
    remove_store(db)
    start = time.perf_counter()
    with Store.open(db) as store:
        n_bytes = _ingest(store, prepared_files(paths, frozenset(), workers))["bytes"]
    seconds = time.perf_counter() - start
    result = _rates(seconds, n_bytes, len(paths), workers)
    result["store_bytes_per_text_byte"] = store_bytes(db) / n_bytes
    result["store_mb"] = store_bytes(db) / 1e6
    return result


def reingest(paths: list[Path], db: Path) -> dict[str, Any]:
    """Ingest the unchanged corpus again: every article must come back 'unchanged'."""
    start = time.perf_counter()
    known = known_digests(db)
    with Store.open(db) as store:
        counts = _ingest(store, prepared_files(paths, known, 1))
    return {"seconds": time.perf_counter() - start, "articles": len(paths), "unchanged": counts["unchanged"]}
