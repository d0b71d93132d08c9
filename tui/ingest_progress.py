"""What `ingest` tells its user: on a terminal one updating progress line and a summary; piped, one
plain line per file, as before."""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import TextIO

from tui.terminal import PROG, shown

REDRAW_SECONDS = 0.1
"""The progress line is redrawn at most this often (a redraw per file would cost more than it shows)."""
_CLEAR = "\r\x1b[K"


class Progress:
    """Counts files, bytes and outcomes, and shows them as they go."""

    def __init__(self, files: int, size: int, out: TextIO | None = None, verbose: bool = False) -> None:
        """Report on ``files`` files of ``size`` bytes in all to ``out`` (stdout by default)."""
        self.out = out or sys.stdout
        self.live = self.out.isatty()
        self.verbose = verbose or not self.live
        self.files, self.size = files, size
        self.done = self.done_bytes = 0
        self.counts: Counter[str] = Counter()
        self.refused: Counter[str] = Counter()
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.drawn = False

    def seen(self, size: int, refused: str | None = None) -> None:
        """One more file read (and extracted; or ``refused``, for that reason): move the progress line on."""
        self.done += 1
        self.done_bytes += size
        if refused is not None:
            self.refused[refused] += 1
        now = time.monotonic()
        if self.live and (now - self.drawn_at >= REDRAW_SECONDS or self.done == self.files):
            self.drawn_at = now
            self._draw(self.line())

    def line(self) -> str:
        """The progress line: files done of total, MB/s, time left, errors so far."""
        seconds = max(time.monotonic() - self.started, 1e-6)
        rate = self.done_bytes / seconds
        left = (self.size - self.done_bytes) / rate if rate else 0.0
        errors = sum(self.refused.values())
        return (f"{self.done:,}/{self.files:,} files · {rate / 1e6:.2f} MB/s · {_duration(left)} left · "
                f"{errors:,} error{'s' * (errors != 1)}")

    def say(self, line: str) -> None:
        """A line about one file (shown when verbose or piped) above the progress line."""
        if self.verbose:
            self._above(line, self.out)

    def error(self, message: object) -> None:
        """One error line on stderr, clear of the progress line."""
        self._above(f"{PROG}: {shown(message)}", sys.stderr)

    def outcome(self, status: str) -> None:
        """Count one written file's outcome ('added', 'replaced' or 'unchanged')."""
        self.counts[status] += 1

    def summary(self) -> str:
        """Added, unchanged and refused (with how many for each reason), in one line."""
        refused = sum(self.refused.values())
        reasons = "; ".join(f"{reason}: {count:,}" for reason, count in sorted(
            self.refused.items(), key=lambda pair: (-pair[1], pair[0])))
        replaced = f"{self.counts['replaced']:,} replaced, " if self.counts["replaced"] else ""
        return (f"{self.counts['added']:,} added, {replaced}{self.counts['unchanged']:,} unchanged, {refused:,} refused"
                + (f" ({reasons})" if reasons else "") + f" in {_duration(time.monotonic() - self.started)}")

    def finish(self) -> None:
        """On a terminal, replace the progress line by the summary (piped output is the files' lines)."""
        if self.live:
            self.out.write(_CLEAR)
            self.drawn = False
            print(self.summary(), file=self.out, flush=True)

    def _above(self, line: str, stream: TextIO) -> None:
        """Print a line where the progress line is, then draw the progress line again under it."""
        if self.drawn:
            self.out.write(_CLEAR)
            self.out.flush()
        print(line, file=stream, flush=True)
        if self.drawn:
            self._draw(self.line())

    def _draw(self, line: str) -> None:
        """Overwrite the progress line."""
        self.out.write(_CLEAR + line)
        self.out.flush()
        self.drawn = True


def _duration(seconds: float) -> str:
    """A short duration: '42s', '3m05s', '1h02m'."""
    whole = int(seconds + 0.5)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m{whole % 60:02d}s"
    return f"{whole // 3600}h{whole % 3600 // 60:02d}m"
