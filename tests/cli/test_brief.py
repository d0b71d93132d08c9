"""`natoasia-tui export --format brief`: the evidence board as Markdown, to stdout or a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import board, queries
from store.db import Store
from tui.cli import main

ARTICLE = ("Ministers Meet\n\nPublished: March 3, 2020\n\nForeign Minister Jane Doe met Ola Nordmann in Oslo "
           "on March 2, 2020. Doe said: “We stand together on the Arctic.” (Reuters, March 2)\n")


def test_brief_prints_each_pin_with_its_citation_and_writes_a_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article, db = tmp_path / "article.txt", tmp_path / "store.db"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["ingest", str(article), "--db", str(db)]) == 0
    with Store.open(db) as store:
        said = next(q for q in queries.quotes(store) if "Arctic" in q.text)
        board.pin_at(store, said.document_id, said.start, said.end)
    capsys.readouterr()
    assert main(["export", "--format", "brief", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Evidence brief\n\n## 1. Quote\n\n> We stand together on the Arctic.\n\n— ")
    assert "“Ministers Meet” (March 3, 2020)" in out and f"file {article}" in out
    assert main(["export", "--format", "brief", "--db", str(db), "-o", str(tmp_path / "brief.md")]) == 0
    assert (tmp_path / "brief.md").read_text(encoding="utf-8") + "\n" == out  # print adds its newline
