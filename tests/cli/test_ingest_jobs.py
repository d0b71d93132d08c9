"""`ingest --jobs N` and its progress: the same store whatever the number of workers, one line on a terminal."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from tui.cli import main
from tui.ingest_progress import Progress

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def exported(db: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    """The store's JSON export."""
    capsys.readouterr()
    assert main(["export", "--db", str(db)]) == 0
    return json.loads(capsys.readouterr().out)


def test_one_worker_or_two_make_the_same_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES, folder)
    stores = {jobs: tmp_path / f"jobs{jobs}.db" for jobs in (1, 2)}
    for jobs, db in stores.items():
        assert main(["ingest", str(folder), "--jobs", str(jobs), "--db", str(db)]) == 0
    one, two = (exported(db, capsys) for db in stores.values())
    assert one["actors"] and one == two


def test_piped_output_is_a_line_per_file_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES, folder)
    (folder / "empty.txt").write_text("")
    assert main(["ingest", str(folder), "--jobs", "2", "--db", str(tmp_path / "s.db")]) == 2
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == len(list(FIXTURES.iterdir())) and all(line.startswith("added") for line in lines)
    assert [line.split()[1].rsplit("/", 1)[-1].rstrip(":") for line in lines] == sorted(
        path.name for path in FIXTURES.iterdir())
    assert captured.err.count("\n") == 1 and "empty.txt: empty" in captured.err


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Always a terminal."""
        return True


def test_on_a_terminal_one_line_updates_and_a_summary_ends() -> None:
    screen = Terminal()
    progress = Progress(3, 300, out=screen)
    progress.seen(100)
    progress.outcome("added")
    progress.say("added      a.txt")
    progress.seen(100, "empty (no text to ingest)")
    progress.seen(100)
    progress.outcome("unchanged")
    progress.finish()
    shown = screen.getvalue()
    assert "added      a.txt" not in shown
    assert "3/3 files" in shown and "MB/s" in shown and "left" in shown and "1 error" in shown
    assert shown.rstrip().endswith("1 added, 1 unchanged, 1 refused (empty (no text to ingest): 1) in 0s")
    assert shown.endswith("\n") and "\r\x1b[K" in shown


def test_verbose_on_a_terminal_shows_each_file_above_the_line() -> None:
    screen = Terminal()
    progress = Progress(1, 10, out=screen, verbose=True)
    progress.seen(10)
    progress.say("added      a.txt")
    assert "\r\x1b[Kadded      a.txt\n\r\x1b[K1/1 files" in screen.getvalue()
