"""`natoasia-tui ingest`: find the article files and URLs, read and extract them on every core, add them to the
store in batches, and say how it goes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from store.db import Store, StoreError
from store.files import ArticleError
from store.read.sources import Source, article_sources
from tui.ingest_progress import Progress
from tui.terminal import EXIT_BAD_INPUT, EXIT_OK, fail, shown, silence_stdout

if TYPE_CHECKING:
    from store.ingest import IngestResult
    from store.ingest_files import Prepared


class _IngestRun:
    """One ``ingest`` command: the store (opened at the first good file), its report lines, its progress."""

    def __init__(self, path: Path, progress: Progress) -> None:
        """Ingest into the store at ``path``, telling ``progress``."""
        self.path = path
        self.progress = progress
        self.store: Store | None = None
        self.created = self.reader_gone = self.failed = False

    def open(self) -> Store:
        """The store, opened (or created) at the first call."""
        if self.store is None:
            self.created = not (self.path.exists() or self.path.is_symlink())
            self.store = Store.open(self.path)
        return self.store

    def seen(self, item: Prepared) -> None:
        """One file read and extracted: move the progress on."""
        self.progress.seen(item.size, _reason(item) if item.error else None)

    def written(self, item: Prepared, result: IngestResult | None) -> None:
        """One file's batch is in the store: report it (or why it was refused)."""
        if result is None:
            self.failed = True
            self.progress.error(item.error)
            return
        self.progress.outcome(result.status)
        self._say(_describe(result))

    def _say(self, line: str) -> None:
        """Print a report line; once the reader has gone, carry on without one (the ingest matters more)."""
        self._while_read(lambda: self.progress.say(line))

    def _while_read(self, show: Callable[[], None]) -> None:
        """Show something on stdout unless its reader has gone (then silence stdout for good)."""
        if self.reader_gone:
            return
        try:
            show()
        except BrokenPipeError:
            self.reader_gone = True
            silence_stdout()

    def _holds_documents(self) -> bool:
        """True if the open store has a document (a store that cannot even say has none worth keeping)."""
        from store.queries import has_documents

        try:
            return self.store is not None and has_documents(self.store)
        except StoreError:
            return False

    def close(self) -> None:
        """Close the store, removing it if this run created it and added nothing (a full disk, say)."""
        empty = self.created and (self.store is None or not self._holds_documents())
        if self.store is not None:
            self.store.close()
        for suffix in ("", "-wal", "-shm") if empty else ():
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        if self.reader_gone:
            counts = self.progress.counts
            fail(f"the output was closed; the ingest went on ({counts['added']} added, "
                 f"{counts['unchanged']} unchanged)")

    def summarise(self) -> None:
        """The summary line, unless the reader has gone."""
        self._while_read(self.progress.finish)


def ingest_paths(paths: Sequence[str], follow_links: bool, store_path: Path, jobs: int | None = None,
                 verbose: bool = False, force: bool = False) -> int:
    """Ingest every article the paths and URLs name into the store, extracting in ``jobs`` processes (one
    per core by default; with ``force`` stored articles too); report progress, and each file when verbose
    or piped; carry on past bad ones."""
    from store.ingest_files import default_jobs, file_size, ingest_files, known_digests, prepared_files

    files, failed = _collect(paths, follow_links)
    if not files:
        return EXIT_BAD_INPUT
    run = _IngestRun(store_path, Progress(len(files), sum(map(file_size, files)), verbose=verbose))
    try:
        known = frozenset() if force else known_digests(store_path)
        prepared = prepared_files(files, known, jobs or default_jobs())
        ingest_files(run.open, prepared, run.written, run.seen, force)
        run.summarise()
    finally:
        run.close()
    return EXIT_BAD_INPUT if failed or run.failed or run.store is None else EXIT_OK


def _reason(item: Prepared) -> str:
    """Why a file was refused, without its path ('empty (no text to ingest)')."""
    message, prefix = str(item.error), f"{item.path}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def _collect(raw_paths: Sequence[str], follow_links: bool) -> tuple[list[Source], bool]:
    """The article files and URLs the arguments name, and whether any was refused or skipped (with an error line)."""
    files: list[Source] = []
    refused: list[ArticleError] = []
    for raw in raw_paths:
        try:
            files += article_sources(raw, follow_links, on_skip=refused.append)
        except ArticleError as error:
            refused.append(error)
    for error in refused:
        fail(error)
    return files, bool(refused)


def _describe(result: IngestResult) -> str:
    """One line about one ingested file."""
    path, title = shown(result.path), shown(result.title)
    if result.status == "unchanged":
        return f"unchanged  {path} (already in the store: {title})"
    verb = "replaced  " if result.status == "replaced" else "added     "
    version = f"; a new version of document {result.version_of}" if result.version_of else ""
    return (f"{verb} {path}: {title} ({result.actors} actors, {result.quotes} quotes, "
            f"{result.events} events, {result.citations} citations{version})")
