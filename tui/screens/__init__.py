"""The explorer's screens, one per file, each reading the store in thread workers."""
