"""The articles shipped with natoasia-tui, from the installed package or, editable, from the repository."""

from __future__ import annotations

from pathlib import Path

from store.files import ARTICLE_SUFFIXES

_HERE = Path(__file__).resolve().parent


def seeds_folder() -> Path:
    """Where the bundled articles are: store/seeds in a wheel (force-included), else the repo's seeds/."""
    packaged = _HERE / "seeds"
    return packaged if packaged.is_dir() else _HERE.parent / "seeds"


def bundled_seeds() -> list[Path]:
    """Every bundled article file, sorted (empty if the installation has none)."""
    folder = seeds_folder()
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.suffix.lower() in ARTICLE_SUFFIXES)
