"""The SQLite store: one guarded connection, opened read-write (WAL) or read-only, with clear errors."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from store import schema

if TYPE_CHECKING:
    import sqlite_utils

T = TypeVar("T")
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
"""How long a writer waits for another writer before the store reports that it is locked."""
WAL_CHECKPOINT_PAGES = 20000
"""Pages (4 KiB) the write-ahead log grows to before it is copied into the store."""
WRITE_CACHE_KIB = 65536
"""Page cache of a connection once it writes (the default 2 MiB stays for readers such as the explorer)."""
DEFAULT_CACHE_KIB = 2000
"""SQLite's own page cache (``cache_size = -2000``): readers' and a writer's that asks for no more."""
_CACHE_SIZE = {kib: f"PRAGMA cache_size = -{kib}" for kib in (DEFAULT_CACHE_KIB, WRITE_CACHE_KIB)}
CHUNK_ROWS = 500
"""Rows a long read takes at a time (``Store.chunks``): a few milliseconds of the store's lock."""


class StoreError(Exception):
    """A store that cannot be used, with one human-readable line saying why."""


def _message(error: sqlite3.Error, where: str) -> str:
    """Turn a sqlite3 error into one line a person can act on."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return f"{where}: the store is locked by another program; try again when it has finished"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"{where}: the store file is corrupt (not a readable SQLite database)"
    if "readonly" in text or "read-only" in text:
        return f"{where}: the store is read-only"
    if "unable to open" in text:
        return f"{where}: cannot open the store file"
    if "disk is full" in text:
        return f"{where}: the disk is full ({error}); the store is as it was"
    if "disk i/o" in text:
        return f"{where}: the store could not be read or written ({error}): is the disk full or failing?"
    return f"{where}: store error: {error}"


def _looks_like_sqlite(path: Path) -> bool:
    """True for an empty file or one starting with the SQLite header."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    return head in (b"", SQLITE_MAGIC)


def _writable(path: Path) -> bool:
    """True when the file (or, for a new store, its folder) can be written, journal files included."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


class Store:
    """An open natoasia-tui store: a thread-safe wrapper round one SQLite connection."""

    def __init__(self, conn: sqlite3.Connection, path: str, readonly: bool) -> None:
        """Wrap an already validated connection; use ``Store.open`` or ``Store.memory``."""
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self.lock = threading.RLock()
        self._changes = 0
        self._cache: dict[str, tuple[tuple[int, int], Any]] = {}
        self._kept: dict[str, Any] = {}
        self._writing = False
        self._cache_kib = DEFAULT_CACHE_KIB

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """The connection as a sqlite-utils Database, imported only by paths that create or write."""
        import sqlite_utils  # ~40 ms of imports that a read-only explorer start never needs

        return sqlite_utils.Database(self.conn, execute_plugins=False)

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> Store:
        """Open (creating if needed and writable) the store at ``path``; raise StoreError if unusable."""
        path = Path(path)
        where = str(path)
        if path.is_dir():
            raise StoreError(f"{where}: is a folder, not a store file")
        if path.exists() and not path.is_file():
            # /dev/null and the like: SQLite "opens" them and then fails half-way through a write.
            raise StoreError(f"{where}: not a regular file, so it cannot be a store")
        if path.exists() and not _looks_like_sqlite(path):
            raise StoreError(f"{where}: not a natoasia-tui store (not an SQLite database)")
        if not path.exists() and readonly:
            raise StoreError(f"{where}: no store there")
        if not path.exists() and not path.parent.is_dir():
            raise StoreError(f"{where}: cannot create a store there (no folder {path.parent})")
        readonly = readonly or not _writable(path)
        try:
            conn = _connect(path, readonly)
            store = cls(conn, where, readonly)
            store._prepare()
        except sqlite3.Error as error:
            raise StoreError(_message(error, where)) from None
        return store

    @classmethod
    def memory(cls) -> Store:
        """A new, empty in-memory store (for tests and throwaway use)."""
        conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        store = cls(conn, ":memory:", readonly=False)
        store._prepare()
        return store

    def _prepare(self) -> None:
        """Check the file is ours at a version we understand, then set it up for use."""
        with self.lock:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not self.readonly:
                schema.migrate(self.conn)
            problem = schema.check(self.conn)
            if problem:
                raise StoreError(f"{self.path}: {problem}")
            if self.readonly:
                if not schema.is_ours(self.conn):
                    raise StoreError(f"{self.path}: empty store (nothing ingested), opened read-only")
                return
            if self.path != ":memory:":
                if self.conn.execute("PRAGMA page_count").fetchone()[0] == 0:
                    # A new file, before its first table (a store made earlier keeps "none"): free pages
                    # can then be given back without rewriting the file (release_free_pages).
                    self.conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
                # WAL: readers (the explorer) never block on an ingest, and a killed ingest cannot
                # leave a half-written document because the commit is one append to the log.
                self.conn.execute("PRAGMA journal_mode = WAL")
                # In WAL mode NORMAL still commits atomically (a crash loses at most the last commits,
                # never the store) and saves an fsync per ingested article.
                self.conn.execute("PRAGMA synchronous = NORMAL")
                # A checkpoint copies every page changed since the last; at the default 1000 pages a
                # large store rewrote its FTS and index pages over and over (80 -> 42 ms per article
                # at 10,000 articles with 20000).
                self.conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
            if not schema.is_ours(self.conn):
                schema.create(self.db)

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        with self.lock:
            self.conn.close()

    def __enter__(self) -> Store:
        """Use the store in a ``with`` block that closes it."""
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close the store at the end of the ``with`` block."""
        self.close()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Run one read query with parameters and return all its rows (name- and index-addressable)."""
        with self.lock, self._translated():
            cursor = self.conn.execute(sql, tuple(params))
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()

    def chunks(self, sql: str, params: Sequence[Any] = (), size: int = CHUNK_ROWS) -> Iterator[list[sqlite3.Row]]:
        """Run one read query and yield its rows ``size`` at a time, holding the store's lock only while a
        chunk is read: another thread's query (a search typed meanwhile) runs between two chunks of a long
        read, and a reader that stops early leaves the rest unread."""
        with self.lock, self._translated():
            cursor = self.conn.execute(sql, tuple(params))
            cursor.row_factory = sqlite3.Row
        try:
            while True:
                with self.lock, self._translated():
                    chunk = cursor.fetchmany(size)
                if not chunk:
                    return
                yield chunk
        finally:
            with self.lock:
                cursor.close()

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run a query that returns one value (None if it returns no row)."""
        found = self.rows(sql, params)
        return found[0][0] if found else None

    @contextmanager
    def transaction(self, cache_kib: int = WRITE_CACHE_KIB) -> Iterator[sqlite_utils.Database]:
        """One write transaction: all of it commits or none of it does. Its page cache is ``cache_kib``,
        WRITE_CACHE_KIB or DEFAULT_CACHE_KIB (kept for the next transaction that asks for the same)."""
        if self.readonly:
            raise StoreError(f"{self.path}: the store is read-only; cannot change it")
        with self.lock, self._translated():
            if not self._writing:
                self._refuse_if_corrupt()
                self._writing = True
            if cache_kib != self._cache_kib:
                # Writers touch index pages all over a large store; readers keep the small default.
                self.conn.execute(_CACHE_SIZE[cache_kib])
                self._cache_kib = cache_kib
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                # SQLite rolls back by itself after some errors (a full disk, a corrupt page);
                # a second ROLLBACK would hide the real error behind "no transaction is active".
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
            self._changes += 1

    def release_free_pages(self) -> None:
        """Give the file system back the pages writes left free (a store made with auto_vacuum; others keep
        them for their next writes). executescript runs the pragma to its end: execute frees one page."""
        if self.readonly:
            raise StoreError(f"{self.path}: the store is read-only; cannot change it")
        with self.lock, self._translated():
            self.conn.executescript("PRAGMA incremental_vacuum")

    @property
    def writes(self) -> int:
        """How many write transactions this connection has committed (``PRAGMA data_version`` counts only
        other connections' commits)."""
        return self._changes

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the store (one read transaction), whatever others write."""
        with self.lock, self._translated():
            if self.conn.in_transaction:
                yield
                return
            self.conn.execute("BEGIN")
            try:
                yield
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("COMMIT")

    def _refuse_if_corrupt(self) -> None:
        """Raise StoreError unless ``PRAGMA quick_check`` passes: writing to a damaged file spreads the damage."""
        try:
            verdict = [row[0] for row in self.conn.execute("PRAGMA quick_check(1)")]
        except sqlite3.DatabaseError as error:
            verdict = [str(error)]
        if verdict != ["ok"]:
            raise StoreError(f"{self.path}: the store file is corrupt (quick_check failed); "
                             "nothing was written to it")

    def cached(self, key: str, build: Callable[[], T]) -> T:
        """A value built once per store state; rebuilt after any ingest (here or by another program)."""
        with self.lock:
            state = (self._changes, self.value("PRAGMA data_version"))
            hit = self._cache.get(key)
            if hit is None or hit[0] != state:
                hit = (state, build())
                self._cache[key] = hit
            return hit[1]

    def kept(self, key: str, build: Callable[[], T]) -> T:
        """A value built once for the life of this open store (it keeps itself up to date)."""
        with self.lock:
            if key not in self._kept:
                self._kept[key] = build()
            return self._kept[key]

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """Raise SQLite failures (locked, corrupt, read-only) as StoreError with one clear line."""
        try:
            yield
        except sqlite3.OperationalError as error:
            if "fts5" in str(error).lower():
                raise
            raise StoreError(_message(error, self.path)) from None
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.IntegrityError | sqlite3.ProgrammingError):
                raise
            raise StoreError(_message(error, self.path)) from None


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """Open the SQLite connection: autocommit mode (we BEGIN ourselves), usable from worker threads."""
    uri = path.resolve().as_uri() + ("?mode=ro" if readonly else "?mode=rwc")
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    if readonly:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # A WAL store in a folder we cannot write has no -shm file to share; with nobody able to
            # write there, reading it as immutable is safe, unless a log holds commits not yet in the
            # file (a writer was killed): immutable reads ignore the log and would show an old store.
            conn.close()
            _refuse_unrecovered_log(path)
            conn = sqlite3.connect(path.resolve().as_uri() + "?immutable=1", uri=True,
                                   check_same_thread=False, isolation_level=None)
    return conn


def _refuse_unrecovered_log(path: Path) -> None:
    """Raise StoreError if a write-ahead log with content sits beside a store we can only read."""
    log = path.with_name(path.name + "-wal")
    if log.exists() and log.stat().st_size > 0:
        raise StoreError(f"{path}: cannot be read safely: {log.name} holds changes a writer left "
                         "unfinished and this folder is read-only; open it once with write access")
