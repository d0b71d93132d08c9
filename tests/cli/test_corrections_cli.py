"""`corrections export|import FILE` and `ingest --force`: a team shares corrections; a bad file changes nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from store import corrections
from store.db import Store
from tests.cli.test_cli import ARTICLE, one_error_line
from tui.cli import main


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store holding the made-up article, also the default store."""
    path = tmp_path / "store.db"
    monkeypatch.setenv("NATOASIA_DB", str(path))
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["ingest", str(article)]) == 0
    return path


def _rename_oslo(path: Path) -> None:
    with Store.open(path) as store:
        corrections.rename_actor(store, store.value("SELECT id FROM actors WHERE name = 'Oslo'"), "Oslo city")


def test_export_then_import_into_another_store(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _rename_oslo(db)
    shared = tmp_path / "shared.json"
    assert main(["corrections", "export", str(shared)]) == 0
    other = tmp_path / "other.db"
    assert main(["ingest", str(tmp_path / "article.txt"), "--db", str(other)]) == 0
    assert main(["corrections", "import", str(shared), "--db", str(other)]) == 0
    assert "imported 1 corrections" in capsys.readouterr().out
    with Store.open(other) as store:
        assert store.value("SELECT count(*) FROM actors WHERE name = 'Oslo city'") == 1
    assert main(["corrections", "import", str(shared), "--db", str(other)]) == 0
    assert "imported 0 corrections" in capsys.readouterr().out


@pytest.mark.parametrize("text", ["{not json", '{"format": "other"}', json.dumps(
    {"format": "natoasia-tui corrections", "version": 1, "corrections": [{"action": "explode"}]})])
def test_a_bad_file_is_one_line_exit_2_and_the_store_untouched(db: Path, tmp_path: Path, text: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert main(["corrections", "import", str(bad)]) == 2
    assert one_error_line(capsys)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_export_will_not_replace_a_file_without_force(db: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "taken.json"
    taken.write_text("keep", encoding="utf-8")
    assert main(["corrections", "export", str(taken)]) == 2
    assert "--force" in one_error_line(capsys)
    assert main(["corrections", "export", str(taken), "--force"]) == 0
    assert json.loads(taken.read_text())["corrections"] == []


def test_ingest_force_extracts_again_and_corrections_hold(db: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    _rename_oslo(db)
    capsys.readouterr()
    assert main(["ingest", "--force", str(tmp_path / "article.txt")]) == 0
    assert capsys.readouterr().out.startswith("replaced")
    with Store.open(db) as store:
        assert store.value("SELECT count(*) FROM actors WHERE name = 'Oslo city'") == 1
        assert store.value("SELECT count(*) FROM documents") == 1
