"""What the command line writes: lines safe for a terminal, JSON without raw controls, one-line errors."""

from __future__ import annotations

import json
import os
import re
import sys

from store.files import path_text
from tui.screens.printable import visible

PROG = "natoasia-tui"
EXIT_OK, EXIT_NO_RESULTS, EXIT_BAD_INPUT = 0, 1, 2
_RAW_IN_JSON = re.compile("[\x7f-\x9f]")
"""Characters json.dumps leaves raw that a terminal may act on (DEL and the C1 controls)."""


def shown(text: object) -> str:
    """Text for one line of a terminal: file-name bytes that are not UTF-8 as \\xNN, control
    characters (escape sequences, newlines) as visible symbols, so a name can neither drive the
    terminal nor forge a line."""
    return visible(path_text(str(text)), one_line=True)


def fail(message: object) -> None:
    """One error line on stderr."""
    print(f"{PROG}: {shown(message)}", file=sys.stderr)


def to_json(value: object) -> str:
    """A value as JSON text (see ``safe_json``)."""
    return safe_json(json.dumps(value, ensure_ascii=False, indent=2))


def safe_json(text: str) -> str:
    """JSON for people and scripts alike: the same data, with no raw character a terminal acts on."""
    return _RAW_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def silence_stdout() -> None:
    """The reader of stdout (say ``| head``) has gone: send the rest of the output nowhere."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
