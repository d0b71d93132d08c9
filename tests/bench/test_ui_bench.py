"""The bench starts the explorer as an installed copy starts: from bytecode, not from source."""

from __future__ import annotations

from importlib.util import cache_from_source
from pathlib import Path

from bench.ui_bench import ROOT, compile_like_an_install


def test_our_packages_are_compiled_before_the_first_screen_is_timed() -> None:
    compile_like_an_install()
    for source in (ROOT / "tui" / "app.py", ROOT / "store" / "db.py", ROOT / "tui" / "screens" / "actors.py"):
        assert Path(cache_from_source(str(source))).is_file()
