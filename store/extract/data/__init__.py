"""General-knowledge word lists used by the extractors, one entry a line, '#' starts a comment."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def load_words(name: str) -> tuple[str, ...]:
    """Return the entries of data file ``name``, stripped, without blanks or comments."""
    raw = files(__package__).joinpath(name).read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return tuple(entry for entry in entries if entry)
