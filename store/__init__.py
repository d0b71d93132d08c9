"""The data layer: extraction from article text, the SQLite store, ingest and queries (no UI)."""
