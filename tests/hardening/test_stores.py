"""Bad stores through the real command line and the explorer: locked, newer, read-only file or folder."""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from store import schema
from store.db import Store
from tui.app import NatoAsiaApp

if TYPE_CHECKING:
    from tests.hardening.conftest import Driver

CLI = str(Path(sys.executable).with_name("natoasia-tui"))
GOOD = ("Ministers Meet in Oslo\n\nForeign Minister Jane Doe met Prime Minister Ola Nordmann in Oslo "
        "on March 2, 2020. Doe said: “We stand together.” (Reuters, March 2)\n")
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def without_override() -> None:
    """In the child: drop root's power to ignore file modes, so read-only files and folders bite."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 and os.geteuid() == 0:
            raise OSError(ctypes.get_errno(), "cannot drop CAP_DAC_OVERRIDE")


def cli(*args: str, plain_user: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the installed command line, as a user file modes apply to if asked."""
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120,
                          preexec_fn=without_override if plain_user else None)


def one_line(done: subprocess.CompletedProcess[str], message: str) -> None:
    """Exit 2 with exactly one stderr line containing the message."""
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and message in done.stderr, done.stderr


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A good article file."""
    path = tmp_path / "article.txt"
    path.write_text(GOOD)
    return path


@pytest.fixture(scope="session")
def first_use_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store the command line's first use builds from the seeds, built once a session; never touched."""
    path = tmp_path_factory.mktemp("first-use") / "s.db"
    assert cli("actors", "--db", str(path)).returncode == 0
    return path


@pytest.fixture
def store_with_seed(tmp_path: Path, first_use_store: Path) -> Path:
    """A store file in its own folder, built from the seeds by the command line's first use (a copy of it:
    the ingest is the same each time, and each test may lock, damage or chmod its own)."""
    folder = tmp_path / "shared"
    folder.mkdir()
    for part in first_use_store.parent.glob(f"{first_use_store.name}*"):  # a -wal beside it, if one was left
        shutil.copy2(part, folder / part.name.replace(first_use_store.name, "s.db"))
    return folder / "s.db"


@pytest.fixture
def file_modes_apply(tmp_path: Path) -> None:
    """Skip unless a child can be made to respect file modes (root without CAP_DAC_OVERRIDE)."""
    probe = tmp_path / "probe.txt"
    probe.write_text(GOOD)
    probe.chmod(0)
    try:
        done = cli("ingest", str(probe), "--db", str(tmp_path / "probe.db"), plain_user=True)
    except subprocess.SubprocessError as error:
        pytest.skip(f"cannot drop CAP_DAC_OVERRIDE here: {error}")
    if "permission denied" not in done.stderr:
        pytest.skip("this user reads files of mode 000")


def test_a_store_locked_by_another_writer_waits_then_says_so(store_with_seed: Path, article: Path) -> None:
    """Another program holds BEGIN IMMEDIATE: ingest waits its timeout, says 'locked', then works later."""
    other = sqlite3.connect(store_with_seed, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        one_line(cli("ingest", str(article), "--db", str(store_with_seed)), "locked")
        assert cli("actors", "--db", str(store_with_seed)).returncode == 0  # readers are not blocked
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert cli("ingest", str(article), "--db", str(store_with_seed)).stdout.startswith("added")


def test_a_newer_schema_is_refused_untouched(store_with_seed: Path, article: Path) -> None:
    """A store written by a later version: every command says so and leaves it as it was."""
    with sqlite3.connect(store_with_seed) as conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(store_with_seed)
    for command in (["ingest", str(article)], ["actors"], ["export"], ["search", "nato"]):
        one_line(cli(*command, "--db", str(store_with_seed)), "newer")
    assert digest(store_with_seed) == before


@pytest.mark.usefixtures("file_modes_apply")
@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_read_only_store_reads_and_refuses_ingest(store_with_seed: Path, article: Path, read_only: str) -> None:
    """Mode 444 on the store, or 555 on its folder: actors and search work, ingest says read-only."""
    target = store_with_seed if read_only == "file" else store_with_seed.parent
    target.chmod(0o444 if read_only == "file" else 0o555)
    before = digest(store_with_seed)
    try:
        assert cli("actors", "--db", str(store_with_seed), plain_user=True).returncode == 0
        assert cli("search", "rasmussen", "--db", str(store_with_seed), plain_user=True).returncode == 0
        one_line(cli("ingest", str(article), "--db", str(store_with_seed), plain_user=True), "read-only")
    finally:
        target.chmod(0o755)
    assert digest(store_with_seed) == before


@pytest.mark.usefixtures("file_modes_apply")
def test_an_unreadable_article_is_refused(tmp_path: Path, article: Path) -> None:
    """Mode 000 on the article, for a user file modes apply to: permission denied, no store made."""
    article.chmod(0)
    one_line(cli("ingest", str(article), "--db", str(tmp_path / "s.db"), plain_user=True), "permission denied")
    assert not (tmp_path / "s.db").exists()


@pytest.fixture
def read_only_store(tmp_path: Path) -> Iterator[Store]:
    """A small store opened read-only, as the explorer opens one it cannot write."""
    path = tmp_path / "s.db"
    with Store.open(path) as store, store.transaction() as db:
        db["actors"].insert({"name": "Jane Doe", "kind": "person"})
    with Store.open(path, readonly=True) as store:
        yield store


async def test_the_explorer_says_a_store_is_read_only(driver: type[Driver], read_only_store: Store) -> None:
    """Opened on a read-only store, the explorer works and says it is read-only."""
    app = NatoAsiaApp(read_only_store)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = driver(app, pilot)
        await ui.settle()
        shown = [f"{n.title} {n.message}" for n in app._notifications] + [app.title, app.sub_title]
        shown += [str(screen.sub_title) for screen in app.screen_stack]
        assert any("read-only" in text for text in shown), shown


def damage(path: Path) -> None:
    """Write 64 random bytes at a third of the file (a page further on if that page checks ok)."""
    size, noise = path.stat().st_size, random.Random(9).randbytes(64)
    for offset in range(size // 3, size - 64, 4096):
        original = path.read_bytes()
        with path.open("r+b") as handle:
            handle.seek(offset)
            handle.write(noise)
        if not integrity_ok(path):
            return
        path.write_bytes(original)
    pytest.fail("could not damage the store")


def integrity_ok(path: Path) -> bool:
    """``PRAGMA integrity_check`` is 'ok' (a store too damaged to check is not ok)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


@pytest.mark.parametrize("command", [["ingest", "ARTICLE"], ["export"], ["actors"]])
def test_a_damaged_store_is_never_written(store_with_seed: Path, article: Path, command: list[str]) -> None:
    """64 random bytes at a third of the store: ingest refuses in one line; nothing changes the file."""
    damage(store_with_seed)
    before = (digest(store_with_seed), store_with_seed.stat().st_mtime_ns)
    done = cli(*[str(article) if part == "ARTICLE" else part for part in command], "--db", str(store_with_seed))
    assert (digest(store_with_seed), store_with_seed.stat().st_mtime_ns) == before
    assert "Traceback" not in done.stderr and "rollback" not in done.stderr, done.stderr
    if command[0] == "ingest":
        one_line(done, "corrupt")
    assert done.returncode in (0, 2)


def leave_an_unfinished_log(store: Path, article: Path) -> None:
    """Ingest the article and die without closing, as a killed writer does: the commit stays in -wal."""
    script = ("import os, sys\nfrom pathlib import Path\nfrom store.db import Store\n"
              "from store.files import read_article\nfrom store.ingest import ingest_text\n"
              "store = Store.open(sys.argv[1])\n"
              "ingest_text(store, read_article(Path(sys.argv[2])), sys.argv[2])\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(store), str(article)], check=True, timeout=120)
    Path(f"{store}-shm").unlink()
    assert Path(f"{store}-wal").stat().st_size > 0


@pytest.mark.usefixtures("file_modes_apply")
def test_a_read_only_folder_with_an_unfinished_log_is_not_misread(store_with_seed: Path, article: Path) -> None:
    """A -wal left by a killed writer, no -shm, folder 555: say it cannot be read safely, or read it all."""
    leave_an_unfinished_log(store_with_seed, article)
    store_with_seed.parent.chmod(0o555)
    try:
        done = cli("export", "--db", str(store_with_seed), plain_user=True)
    finally:
        store_with_seed.parent.chmod(0o755)
    if done.returncode == 0:
        assert len(json.loads(done.stdout)["documents"]) == 2
    else:
        one_line(done, "cannot be read safely")


def test_an_export_is_one_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program ingests between two of the export's queries: the export still agrees with itself."""
    from store import export
    from store.ingest import ingest_text

    path = tmp_path / "s.db"
    with Store.open(path) as writer:
        ingest_text(writer, GOOD, "first.txt")
    reader, read = Store.open(path), Store.rows

    def rows_then_ingest(store: Store, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Read, then let another connection add a document (once)."""
        found = read(store, sql, params)
        if store is reader and not reader.kept("ingested", lambda: False):
            reader._kept["ingested"] = True
            with Store.open(path) as other:
                ingest_text(other, GOOD.replace("Oslo", "Bergen"), "second.txt")
        return found

    monkeypatch.setattr(Store, "rows", rows_then_ingest)
    with reader:
        tables = export.records(reader)
    documents = {document["id"] for document in tables["documents"]}
    passages = {passage["id"] for passage in tables["passages"]}
    assert {passage["document_id"] for passage in tables["passages"]} == documents
    assert {quote["passage_id"] for quote in tables["quotes"]} <= passages
    assert {mention["passage_id"] for mention in tables["mentions"]} <= passages


@pytest.mark.usefixtures("file_modes_apply")
def test_an_unreadable_subfolder_is_named(tmp_path: Path) -> None:
    """A subfolder of mode 000 in a folder ingested: one line names it, the rest is added, exit 2."""
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD)
    (folder / "locked" / "inside.txt").write_text(GOOD.replace("Oslo", "Bergen"))
    (folder / "locked").chmod(0)
    try:
        done = cli("ingest", str(folder), "--db", str(tmp_path / "s.db"), plain_user=True)
    finally:
        (folder / "locked").chmod(0o755)
    one_line(done, "locked: cannot read this folder")
    assert done.stdout.startswith("added") and "good.txt" in done.stdout
