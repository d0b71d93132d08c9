"""Opening the explorer imports only its first screen: nothing else delays the first screen."""

from __future__ import annotations

import subprocess
import sys


def _imported_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running code."""
    listing = f"{code}; import sys; print('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", listing], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_opening_the_explorer_leaves_the_other_screens_unimported() -> None:
    """The command line and the App bring the actors screen, not search (and its fuzzy matcher),
    the reader, timeline, sources, dossier, help or palette, nor ingest or package metadata."""
    loaded = _imported_after("import tui.cli, tui.app")
    assert "tui.screens.actors" in loaded
    later = {"tui.screens.search", "store.search", "rapidfuzz", "tui.screens.reader", "tui.screens.timeline",
             "tui.screens.sources", "tui.screens.dossier", "tui.screens.help", "tui.screens.palette",
             "store.ingest", "importlib.metadata"}
    assert not loaded & later
