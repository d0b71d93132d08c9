"""The command line contract: commands, output, exit codes, and one stderr line for every bad input."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tui.cli import main

ARTICLE = ("Ministers Meet in Oslo\n\nForeign Minister Jane Doe met Prime Minister Ola Nordmann in Oslo "
           "on March 2, 2020. Doe said: “We stand together.” (Reuters, March 2)\n")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store path in a temporary folder, also the default store, so no test touches the user's."""
    path = tmp_path / "store.db"
    monkeypatch.setenv("NATOASIA_DB", str(path))
    return path


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A small made-up article file."""
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The captured stderr, asserted to be exactly one line with no traceback."""
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("natoasia-tui ")


def test_ingest_then_unchanged(db: Path, article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(article), "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("added")
    before = digest(db)
    assert main(["ingest", str(article)]) == 0
    assert capsys.readouterr().out.startswith("unchanged")
    assert digest(db) == before


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"\n \n\t", "empty"),
    ("binary.txt", b"\x00\x01\x02PNG\x00" * 50, "binary"),
    ("broken.txt", b"\x81\x8d\x8f" * 20, "not UTF-8"),
])
def test_bad_files_exit_2_with_one_line_and_no_store(db: Path, tmp_path: Path, name: str, data: bytes,
                                                    message: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / name).write_bytes(data)
    assert main(["ingest", str(tmp_path / name)]) == 2
    assert message in one_error_line(capsys)
    assert not db.exists()


def test_missing_path(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in one_error_line(capsys)
    assert not db.exists()


def test_folder_with_no_articles(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"\x89PNG")
    assert main(["ingest", str(folder)]) == 2
    assert "no articles (.txt, .md, .html, .pdf)" in one_error_line(capsys)


def test_windows_1252_is_decoded(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    assert main(["ingest", str(path)]) == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT text FROM documents").fetchone()[0] == ARTICLE


def test_folder_reports_each_file_and_goes_on(db: Path, tmp_path: Path, article: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    assert main(["ingest", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert "bad.txt: empty" in captured.err and captured.err.count("\n") == 1
    assert "added" in captured.out and "article.txt" in captured.out


def foreign(path: Path) -> Path:
    """A SQLite file of another program."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    return path


@pytest.mark.parametrize("kind", ["corrupt", "foreign", "text"])
@pytest.mark.parametrize("command", [["ingest", "ARTICLE"], ["actors"], ["search", "doe"], ["export"], []])
def test_bad_store_exit_2_untouched(tmp_path: Path, article: Path, kind: str, command: list[str],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "bad.db"
    if kind == "foreign":
        foreign(store)
    else:
        store.write_bytes(b"SQLite format 3\x00" + b"\xee" * 3000 if kind == "corrupt" else b"hello " * 100)
    before = digest(store)
    argv = [str(article) if part == "ARTICLE" else part for part in command]
    assert main([*argv, "--db", str(store)]) == 2
    one_error_line(capsys)
    assert digest(store) == before


def test_actors_json_and_kind(db: Path, article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", str(article)])
    capsys.readouterr()
    assert main(["actors", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"id", "name", "kind", "mentions"} <= set(listed[0])
    assert main(["actors", "--kind", "group"]) in (0, 1)


def test_search_json_and_no_results(db: Path, article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", str(article)])
    capsys.readouterr()
    assert main(["search", "together", "--json", "--limit", "3"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["query"] == "together" and found["hits"][0]["highlights"]
    assert main(["search", "zzqqxx"]) == 1
    assert "no results" in one_error_line(capsys)


@pytest.mark.parametrize("query", ['"', "NEAR(", "'; DROP TABLE actors;--", "😀", "\x1b[2J", "*" * 5000])
def test_search_any_string_never_crashes(db: Path, article: Path, query: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", str(article)])
    assert main(["search", query]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["bogus"], ["search"], ["actors", "--kind", "alien"], ["search", "x", "--limit", "-3"],
                 ["export", "--format", "xml"]):
        assert main(argv) == 2
        one_error_line(capsys)


def test_export_formats(db: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", str(article)])
    capsys.readouterr()
    assert main(["export"]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == 1
    assert main(["export", "--format", "markdown", "-o", str(tmp_path / "r.md")]) == 0
    assert (tmp_path / "r.md").read_text().startswith("# natoasia-tui report")
    assert main(["export", "--format", "csv", "-o", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "actors.csv").read_text().startswith("id,name,kind")
    assert main(["export", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("id,name,kind,aliases,title,mentions")


def test_export_to_missing_folder_is_one_line(db: Path, article: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", str(article)])
    capsys.readouterr()
    assert main(["export", "-o", str(tmp_path / "no" / "such" / "out.json")]) == 2
    one_error_line(capsys)


def test_first_use_builds_default_store_from_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("NATOASIA_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(["export"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["documents"][0]["title"] == "NATO and Its Limits in the Asia-Pacific"
    assert (tmp_path / "data" / "natoasia-tui" / "store.db").exists()


def test_plain_command_without_a_terminal_lists_actors(db: Path, article: Path) -> None:
    main(["ingest", str(article)])
    done = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    assert "Reuters" in done.stdout


def test_ingest_into_a_read_only_store_is_refused(db: Path, article: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    main(["export"])
    before = digest(db)
    capsys.readouterr()
    monkeypatch.setattr("store.db._writable", lambda path: False)
    assert main(["ingest", str(article)]) == 2
    assert "read-only" in one_error_line(capsys)
    assert digest(db) == before


def test_reading_a_read_only_store_works(db: Path, article: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", str(article)])
    capsys.readouterr()
    monkeypatch.setattr("store.db._writable", lambda path: False)
    assert main(["actors"]) == 0
    assert "Reuters" in capsys.readouterr().out


def test_terminal_escapes_in_an_article_are_kept_as_text(db: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "escapes.txt"
    path.write_text("Title\n\nA \x1b[2J\x1b]0;pwned\x07 paragraph by Reuters (Reuters, May 1).\n")
    assert main(["ingest", str(path)]) == 0
    with sqlite3.connect(db) as conn:
        assert "\x1b[2J" in conn.execute("SELECT text FROM documents").fetchone()[0]


MARKDOWN = """\
# Harbour Talks in Tallinn

*Published: May 14, 2024*

Defence Minister **Aivar Kask** met [Liisa Rebane](https://example.org/rebane) in Tallinn on May 2, 2024.

| Item | Country | Date |
|------|---------|------|
| Tugboats | Finland | March 3, 2024 |

- [Version 1 (May 1, 2024)](https://example.org/v1.pdf)

# Notes

| 1. | Harbour authority, annual report, 2023.
"""


def test_a_markdown_article_is_stored_as_plain_text_with_tables_and_notes(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ingest reads a .md file through the Markdown parser: the store holds plain text, the table is a table
    passage with no event, note rows and link lines are footnotes, and every offset indexes the stored text."""
    path = tmp_path / "harbour.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    assert main(["ingest", str(path), "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith(f"added      {path.resolve()}: Harbour Talks in Tallinn")
    assert main(["export", "--db", str(db)]) == 0
    exported = json.loads(capsys.readouterr().out)
    document = exported["documents"][0]
    text = sqlite3.connect(db).execute("SELECT text FROM documents").fetchone()[0]
    assert document["path"] == str(path.resolve()) and "**" not in text and "](" not in text
    kinds = [(p["kind"], p["text"][:12]) for p in exported["passages"]]
    assert kinds == [("title", "Harbour Talk"), ("publication", "Published: M"), ("paragraph", "Defence Mini"),
                     ("table", "| Item | Cou"), ("heading", "Notes"), ("footnote", "Harbour auth"),
                     ("footnote", "Version 1 (M")]
    assert [e["date"] for e in exported["events"]] == ["2024-05-02"]
    assert {"Aivar Kask", "Liisa Rebane"} <= {a["name"] for a in exported["actors"]}
    assert [(f["number"], f["text"][:7]) for f in exported["footnotes"]] == [(1, "Harbour"), (2, "Version")]
    for record in (*exported["passages"], *exported["mentions"]):
        assert text[record["start"]:record["end"]] == record["text"]


@pytest.fixture
def stocked(db: Path, article: Path) -> Path:
    """The default store, holding the article."""
    assert main(["ingest", str(article)]) == 0
    return db


@pytest.mark.usefixtures("stocked")
@pytest.mark.parametrize("limit", ["9223372036854775807", "9223372036854775808", "1" + "0" * 40])
def test_a_huge_limit_means_every_hit(limit: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Beyond SQLite's integers a limit still searches, never a traceback."""
    capsys.readouterr()
    assert main(["search", "together", "--limit", limit]) == 0
    assert "together" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["actors"], ["export"], ["ingest", "ARTICLE"]])
def test_a_device_is_not_a_store(article: Path, monkeypatch: pytest.MonkeyPatch, command: list[str],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    """NATOASIA_DB=/dev/null: one line saying it is not a store file (not "cannot rollback")."""
    monkeypatch.setenv("NATOASIA_DB", "/dev/null")
    assert main([str(article) if part == "ARTICLE" else part for part in command]) == 2
    assert "not a regular file" in one_error_line(capsys)


@pytest.mark.usefixtures("stocked")
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


@pytest.mark.usefixtures("stocked")
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


@pytest.mark.usefixtures("stocked")
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


@pytest.mark.usefixtures("stocked")
def test_search_json_carries_no_raw_c1_controls(capsys: pytest.CaptureFixture[str]) -> None:
    """A query with C1 controls (CSI is one) comes back in --json escaped, the same data."""
    capsys.readouterr()
    assert main(["search", "Oslo\x9b2J", "--json"]) in (0, 1)
    out = capsys.readouterr().out
    assert "\x9b" not in out and json.loads(out)["query"] == "Oslo\x9b2J"
