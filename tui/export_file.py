"""Exports written from inside the explorer: a new file named after the screen, never one replaced."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from store.db import Store
from store.export import write_file


def free_path(folder: Path, stem: str, suffix: str) -> Path:
    """``stem.suffix`` in the folder, or ``stem-2.suffix``, ``stem-3.suffix``… if that file exists."""
    path, number = folder / f"{stem}{suffix}", 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}{suffix}"
    return path


def write_export(store: Store, folder: Path, stem: str, suffix: str, build: Callable[[Store], str]) -> str:
    """Build an export and write it to a free file in the folder; the path written, or why it failed."""
    text = build(store)
    path = free_path(folder, stem, suffix)
    try:
        write_file(path, text if text.endswith("\n") else text + "\n")
    except OSError as error:
        return f"Could not write {path}: {error.strerror or error}"
    return str(path)
