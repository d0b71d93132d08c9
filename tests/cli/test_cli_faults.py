"""The command line under faults (issue 9): huge numbers, devices as stores, full disks, files in the way."""

from __future__ import annotations

import errno
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tui.cli import main

ARTICLE = ("Ministers Meet in Oslo\n\nForeign Minister Jane Doe met Prime Minister Ola Nordmann in Oslo "
           "on March 2, 2020. Doe said: “We stand together.” (Reuters, March 2)\n")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store holding one article, also the default store."""
    path = tmp_path / "store.db"
    monkeypatch.setenv("NATOASIA_DB", str(path))
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "article.txt")]) == 0
    return path


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The captured stderr, asserted to be exactly one line with no traceback."""
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.mark.usefixtures("db")
@pytest.mark.parametrize("limit", ["9223372036854775807", "9223372036854775808", "1" + "0" * 40])
def test_a_huge_limit_means_every_hit(limit: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Beyond SQLite's integers a limit still searches, never a traceback."""
    capsys.readouterr()
    assert main(["search", "together", "--limit", limit]) == 0
    assert "together" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["actors"], ["export"], ["ingest", "ARTICLE"]])
def test_a_device_is_not_a_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    """NATOASIA_DB=/dev/null: one line saying it is not a store file (not "cannot rollback")."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("NATOASIA_DB", "/dev/null")
    assert main([str(tmp_path / "a.txt") if part == "ARTICLE" else part for part in command]) == 2
    assert "not a regular file" in one_error_line(capsys)


@pytest.mark.usefixtures("db")
@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_export_does_not_replace_a_file_without_force(tmp_path: Path, fmt: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """-o onto an existing file: refused in one line and the file kept; --force replaces it."""
    out = tmp_path / "out.txt"
    out.write_text("keep me")
    assert main(["export", "--format", fmt, "-o", str(out)]) == 2
    assert "--force" in one_error_line(capsys) and out.read_text() == "keep me"
    assert main(["export", "--format", fmt, "-o", str(out), "--force"]) == 0
    assert out.read_text() != "keep me" and not list(tmp_path.glob(".out.txt*"))


@pytest.mark.usefixtures("db")
def test_csv_export_does_not_replace_tables_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder that already holds actors.csv: refused, kept; --force rewrites every table."""
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "actors.csv").write_text("keep me")
    assert main(["export", "--format", "csv", "-o", str(folder)]) == 2
    assert "actors.csv" in one_error_line(capsys) and (folder / "actors.csv").read_text() == "keep me"
    assert main(["export", "--format", "csv", "-o", str(folder), "--force"]) == 0
    assert (folder / "actors.csv").read_text().startswith("id,name")


def disk_full_on_write(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Files opened for writing in ``folder`` take no bytes: every write fails with ENOSPC."""
    real_open = Path.open

    def open_full(path: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        """The real open, except that writes into the folder fail as on a full disk."""
        handle = real_open(path, mode, *args, **kwargs)
        if path.parent == folder and set(mode) & set("wxa"):
            handle.close()
            return _FullFile()
        return handle

    monkeypatch.setattr(Path, "open", open_full)


class _FullFile(io.StringIO):
    """A file on a full disk."""

    def write(self, text: str) -> int:
        """Fail as the kernel does when no block is free."""
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.usefixtures("db")
@pytest.mark.parametrize("existing", [None, "old export"])
def test_a_full_disk_leaves_no_partial_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: str | None,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Writing the export fails: one line naming the file; no empty file, an old one kept whole."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "export.json"
    if existing:
        out.write_text(existing)
    capsys.readouterr()
    disk_full_on_write(monkeypatch, out_dir)
    assert main(["export", "-o", str(out), "--force"]) == 2
    assert "export.json" in one_error_line(capsys)
    assert [path.name for path in out_dir.iterdir()] == (["export.json"] if existing else [])
    assert not existing or out.read_text() == existing


@pytest.mark.usefixtures("db")
def test_search_json_carries_no_raw_c1_controls(capsys: pytest.CaptureFixture[str]) -> None:
    """A query with C1 controls (CSI is one) comes back in --json escaped, the same data."""
    capsys.readouterr()
    assert main(["search", "Oslo\x9b2J", "--json"]) in (0, 1)
    out = capsys.readouterr().out
    assert "\x9b" not in out and json.loads(out)["query"] == "Oslo\x9b2J"
