"""`natoasia-tui serve`: the explorer in web browsers, through textual-serve (each visitor gets an explorer
of the same store, run as `natoasia-tui --db STORE` behind the page)."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from tui.terminal import EXIT_BAD_INPUT, EXIT_OK, fail


def explorer_command(store: Path) -> str:
    """The command textual-serve runs for each visitor: this Python's explorer on ``store``."""
    return f"{shlex.quote(sys.executable)} -m tui.cli --db {shlex.quote(str(store.resolve()))}"


def serve(store: Path, host: str, port: int) -> int:
    """Serve the explorer on http://host:port/ until interrupted."""
    try:
        from textual_serve.server import Server
    except ImportError:
        fail("serve needs textual-serve: pip install 'natoasia-tui[serve]'")
        return EXIT_BAD_INPUT
    print(f"Serving the explorer of {store} on http://{host}:{port}/ (ctrl+c stops)", flush=True)
    Server(explorer_command(store), host=host, port=port, title="natoasia-tui").serve()
    return EXIT_OK
