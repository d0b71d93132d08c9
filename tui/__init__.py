"""The natoasia-tui command line and Textual explorer."""
