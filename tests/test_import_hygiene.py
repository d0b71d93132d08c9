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
