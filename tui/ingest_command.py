"""`natoasia-tui ingest`: find the article files and URLs, read each, add it to the store, one line per file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from store.db import Store, StoreError
from store.files import ArticleError
from store.read.sources import Source, article_sources, read_source
from tui.terminal import EXIT_BAD_INPUT, EXIT_OK, fail, shown, silence_stdout

if TYPE_CHECKING:
    from store.ingest import IngestResult
    from store.read.document import ReadArticle


class _IngestRun:
    """One ``ingest`` command: the store (opened at the first good file), its report lines, its counts."""

    def __init__(self, path: Path, force: bool = False) -> None:
        """Ingest into the store at ``path`` (extracting stored articles again if ``force``)."""
        self.path = path
        self.force = force
        self.store: Store | None = None
        self.created = self.reader_gone = False
        self.counts = {"added": 0, "unchanged": 0, "replaced": 0}

    def ingest(self, read: ReadArticle) -> None:
        """Add one article as read and report it on stdout."""
        from store.ingest import ingest_article

        if self.store is None:
            self.created = not (self.path.exists() or self.path.is_symlink())
            self.store = Store.open(self.path)
        result = ingest_article(self.store, read, force=self.force)
        self.counts[result.status] += 1
        self._say(_describe(result))

    def _say(self, line: str) -> None:
        """Print a report line; once the reader has gone, carry on without one (the ingest matters more)."""
        if self.reader_gone:
            return
        try:
            print(line, flush=True)
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
            fail(f"the output was closed; the ingest went on ({self.counts['added']} added, "
                  f"{self.counts['unchanged']} unchanged)")


def ingest_paths(paths: Sequence[str], follow_links: bool, store_path: Path, force: bool = False) -> int:
    """Ingest every article the paths name into the store; report each file, carry on past bad ones."""
    files, failed = _collect(paths, follow_links)
    run = _IngestRun(store_path, force)
    try:
        for source in files:
            read = _read_or_report(source)
            if read is None:
                failed = True
                continue
            run.ingest(read)
    finally:
        run.close()
    return EXIT_BAD_INPUT if failed or run.store is None else EXIT_OK


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


def _read_or_report(source: Source) -> ReadArticle | None:
    """The article as read, or None after an error line."""
    try:
        return read_source(source)
    except ArticleError as error:
        fail(error)
        return None


def _describe(result: IngestResult) -> str:
    """One line about one ingested file."""
    path, title = shown(result.path), shown(result.title)
    if result.status == "unchanged":
        return f"unchanged  {path} (already in the store: {title})"
    verb = "replaced  " if result.status == "replaced" else "added     "
    version = f"; a new version of document {result.version_of}" if result.version_of else ""
    return (f"{verb} {path}: {title} ({result.actors} actors, {result.quotes} quotes, "
            f"{result.events} events, {result.citations} citations{version})")
