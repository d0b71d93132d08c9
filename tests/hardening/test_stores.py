"""Bad stores through the real command line and the explorer: locked, newer, read-only file or folder."""

from __future__ import annotations

import ctypes
import hashlib
import os
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


@pytest.fixture
def store_with_seed(tmp_path: Path) -> Path:
    """A store file in its own folder, built from the seeds by the command line's first use."""
    folder = tmp_path / "shared"
    folder.mkdir()
    assert cli("actors", "--db", str(folder / "s.db")).returncode == 0
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
