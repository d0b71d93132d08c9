"""The scale benchmark: `python -m bench` (not part of the test suite; see bench/README.md)."""
