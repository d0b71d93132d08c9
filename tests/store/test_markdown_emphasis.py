"""Emphasis of a Markdown article placed on its words in the stored plain text, read again from its file."""

from __future__ import annotations

from pathlib import Path

from store.read.markdown import article_text
from store.read.markdown_emphasis import file_emphasis, text_emphasis

NOTE = """\
# Night Ferries

The council voted *twice* on the **night ferry**, and the
_second vote_ kept it; see [the **minutes**](https://council.example.org/m).

| Route | Boats |
|-------|-------|
| **Harbour** | 3 |
"""


def test_emphasis_sits_on_its_words() -> None:
    """Italic and bold runs, one across a line break and one inside a link's words, on the stored text."""
    text = article_text(NOTE)
    runs = [(text[run.start:run.end], run.kind) for run in text_emphasis(NOTE, text)]
    assert runs == [("twice", "em"), ("night ferry", "strong"), ("second vote", "em"), ("minutes", "strong"),
                    ("Harbour", "strong")]


def test_a_file_changed_since_it_was_stored_gives_no_emphasis(tmp_path: Path) -> None:
    """The file still reads as the stored text: its runs; changed, or gone: none (never runs on the wrong words)."""
    path = tmp_path / "ferries.md"
    path.write_text(NOTE, encoding="utf-8")
    text = article_text(NOTE)
    assert len(file_emphasis(str(path), text)) == 5
    path.write_text(NOTE.replace("twice", "three times"), encoding="utf-8")
    assert file_emphasis(str(path), text) == ()
    assert file_emphasis(str(tmp_path / "gone.md"), text) == ()
