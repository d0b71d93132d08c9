"""Reusable widgets of the explorer, one per file."""
