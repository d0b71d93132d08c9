"""Counts that agree with their nouns: "1 mention", "2 mentions", "1,234 documents"."""

from __future__ import annotations


def counted_noun(count: int, noun: str, plural: str | None = None) -> str:
    """The count with its noun, singular for exactly one ("1 quote") and plural otherwise."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
