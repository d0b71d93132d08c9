"""The one-way dependency: the store and the command line work without importing textual or rich."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from store.db import Store
from store import queries, search, export, ingest
from store.ingest import ingest_text
from store.model import Article, Passage
import tui.cli
store = Store.memory()
ingest_text(store, "Title\\n\\nText.", "a.txt",
            extract=lambda t: Article(t, "Title", None, None, (Passage(0, "title", "", None, 0, 5, "Title"),)))
queries.actors(store); queries.timeline(store); search.search(store, "text"); export.to_json(store)
leaked = sorted(name for name in sys.modules if name.split(".")[0] in {"textual", "rich"})
print(",".join(leaked))
"""


def test_store_and_cli_never_import_textual_or_rich() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


START_PROBE = """
import sys
import tui.app, tui.cli, tui.settings
print(",".join(sorted(sys.modules)))
"""
NOT_AT_START = ("store.ingest", "store.extract", "store.export", "store.search", "store.actor_filter", "rapidfuzz",
                "tui.ingest_command", "tui.widgets.passage_preview", "tui.widgets.passage_view")
"""Modules for commands, the filter and other screens' previews: none is needed to draw the explorer's first
screen, and each import costs start-up time before it shows."""


def test_explorer_start_imports_only_what_the_first_screen_needs() -> None:
    done = subprocess.run([sys.executable, "-c", START_PROBE], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.strip().split(",")
    assert [name for name in loaded if name.startswith(NOT_AT_START)] == []
