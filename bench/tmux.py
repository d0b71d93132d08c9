"""Drive a terminal app in a detached tmux pane and watch its screen, as a user would see it."""

from __future__ import annotations

import shlex
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

# A private tmux server, so the benchmark never touches anyone else's sessions.
_SOCKET = "natoasia-bench"


def _tmux(*args: str) -> str:
    """Run one tmux command on the private server and return its output."""
    done = subprocess.run(["tmux", "-L", _SOCKET, *args], capture_output=True, text=True, check=False)
    return done.stdout


class Pane:
    """One app running in a detached tmux session of a fixed size."""

    def __init__(self, name: str, argv: list[str], cwd: Path, width: int = 120, height: int = 40) -> None:
        """Describe the session; `start` launches it."""
        self.name, self.argv, self.cwd, self.size = name, argv, cwd, (width, height)
        self.started = 0.0

    def start(self) -> None:
        """Launch the app (exec'd, so the pane's pid is the app's) and note the time."""
        _tmux("kill-session", "-t", self.name)
        command = f"cd {shlex.quote(str(self.cwd))} && exec {shlex.join(self.argv)}"
        self.started = time.perf_counter()
        _tmux("new-session", "-d", "-s", self.name, "-x", str(self.size[0]), "-y", str(self.size[1]),
              command)

    def screen(self) -> str:
        """The pane's visible text now."""
        return _tmux("capture-pane", "-p", "-t", self.name)

    def pid(self) -> int:
        """The app's process id."""
        return int(_tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip() or 0)

    def send(self, keys: str, literal: bool = True) -> None:
        """Type keys (literally, or as tmux key names such as 'Escape' or 'C-u')."""
        _tmux("send-keys", "-t", self.name, *(["-l", keys] if literal else [keys]))

    def wait(self, ready: Callable[[str], bool], since: float, timeout: float = 10.0) -> float | None:
        """Seconds from `since` until the screen satisfies `ready` (polled as fast as tmux answers)."""
        while True:
            text = self.screen()
            now = time.perf_counter()
            if ready(text):
                return now - since
            if now - since > timeout:
                return None

    def peak_rss_mb(self) -> float | None:
        """The app's peak resident memory (VmHWM) so far, in MB."""
        try:
            status = Path(f"/proc/{self.pid()}/status").read_text()
        except (OSError, ValueError):
            return None
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return None

    def stop(self) -> None:
        """End the session (and the app in it)."""
        _tmux("kill-session", "-t", self.name)


def poll_cost_ms(pane: Pane, samples: int = 20) -> float:
    """How long one screen capture takes: the resolution of every tmux timing."""
    start = time.perf_counter()
    for _ in range(samples):
        pane.screen()
    return (time.perf_counter() - start) / samples * 1000
