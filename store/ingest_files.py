"""Ingest many files: read and extract in worker processes (or in this one), write in batches through
one writer, in the files' order, so the store is the same whatever the number of workers."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from store.db import Store, StoreError
from store.files import ArticleError
from store.ingest import Document, Extract, IngestResult, ingest_batch, text_sha256
from store.read.sources import Source, read_source
from store.search_indexes import merge_after_ingest

BATCH_ARTICLES = 64
BATCH_BYTES = 4_000_000
BATCH_SECONDS = 2.0
"""A batch is written (one transaction) once it holds this many articles or bytes of text, or has
waited this long: large enough that the full-text index and the vocabulary are fed rarely, small
enough that a crash loses little and progress shows soon."""
_CHUNK = 2
"""Files a worker takes at a time: enough to keep it busy, few enough that order costs no waiting."""


@dataclass(frozen=True)
class Prepared:
    """One file or URL read and, unless its text was already stored, extracted; or why it was refused."""

    path: Source
    size: int
    """Bytes of the file (for throughput; 0 for a URL)."""
    document: Document | None = None
    error: ArticleError | None = None


def default_jobs() -> int:
    """One extraction process per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def known_digests(path: Path) -> frozenset[str]:
    """The SHA-256 of every text stored at ``path`` (a worker skips extracting these); none if there is
    no usable store there yet (opening it to write will say why, if it cannot be)."""
    if not path.is_file():
        return frozenset()
    try:
        with Store.open(path, readonly=True) as store:
            return frozenset(row[0] for row in store.rows("SELECT sha256 FROM documents"))
    except StoreError:
        return frozenset()


def prepare(source: Source, known: frozenset[str], extract: Extract | None = None) -> Prepared:
    """Read one file or URL and extract its article unless its text is among ``known``."""
    size = file_size(source)
    try:
        read = read_source(source)
    except ArticleError as error:
        return Prepared(source, size, error=error)
    digest = text_sha256(read.text)
    article = None if digest in known else (extract or _extractor())(read.text)
    return Prepared(source, size, Document.of(read, article, digest))


def file_size(source: Source) -> int:
    """The file's size in bytes, 0 for a URL or if it cannot be asked (reading it will say why)."""
    if isinstance(source, str):
        return 0
    try:
        return source.stat().st_size
    except OSError:
        return 0


def _extractor() -> Extract:
    """The extraction pipeline, imported only where an article is extracted."""
    from store.extract.pipeline import extract_article

    return extract_article


_worker_known: frozenset[str] = frozenset()
"""The stored digests, set once in each worker process."""


def _start_worker(known: frozenset[str]) -> None:
    """Give a worker process the digests it may skip; ctrl+c is the writer's to handle (a worker
    would print a traceback), and the writer ends the workers."""
    global _worker_known
    _worker_known = known
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _prepare_in_worker(source: Source) -> Prepared:
    """``prepare`` in a worker process."""
    return prepare(source, _worker_known)


def prepared_files(paths: Sequence[Source], known: frozenset[str], jobs: int,
                   extract: Extract | None = None) -> Iterator[Prepared]:
    """Every file prepared, in the order given; with ``jobs`` > 1 in that many worker processes."""
    if jobs <= 1 or len(paths) <= 1:
        yield from (prepare(path, known, extract) for path in paths)
        return
    # fork: workers start at once with the pipeline's modules and data already loaded.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(jobs, _start_worker, (known,)) as pool:
        yield from pool.imap(_prepare_in_worker, paths, chunksize=_CHUNK)


Written = Callable[[Prepared, IngestResult | None], None]
"""Told of each file once its batch is committed (None for a refused file), in the files' order."""


def ingest_files(store: Callable[[], Store], prepared: Iterable[Prepared], written: Written,
                 seen: Callable[[Prepared], None] = lambda _: None, force: bool = False) -> None:
    """Write the prepared files in batches, each one transaction, into the store ``store()`` opens (at
    the first file that can be added); ``seen`` hears of each file as it arrives, ``written`` once its
    batch is in the store. With ``force`` stored documents are extracted again. The full-text indexes
    are then merged in proportion to the text added."""
    batch: list[Prepared] = []
    size = added = 0
    started = time.monotonic()
    for item in prepared:
        seen(item)
        batch.append(item)
        size += len(item.document.text) if item.document else 0
        if len(batch) >= BATCH_ARTICLES or size >= BATCH_BYTES or time.monotonic() - started >= BATCH_SECONDS:
            added += _write(store, batch, written, force)
            batch, size, started = [], 0, time.monotonic()
    added += _write(store, batch, written, force)
    if added:
        merge_after_ingest(store(), added)


def _write(store: Callable[[], Store], batch: list[Prepared], written: Written, force: bool) -> int:
    """One batch in one transaction, then each file's result in order; the characters of text it added."""
    documents = [item.document for item in batch if item.document]
    results = iter(ingest_batch(store(), documents, force) if documents else [])
    added = 0
    for item in batch:
        result = next(results) if item.document else None
        if item.document and result and result.status != "unchanged":
            added += len(item.document.text)
        written(item, result)
    return added
