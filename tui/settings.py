"""The explorer's own settings (the chosen theme), kept in a JSON file in the user config folder."""

from __future__ import annotations

import json
from pathlib import Path

from tui.terminal import PROG


def default_settings_path() -> Path:
    """config.json in the user config folder (~/.config/natoasia-tui/ on Linux)."""
    from platformdirs import user_config_path

    return user_config_path(PROG, appauthor=False) / "config.json"


def load_settings(path: Path) -> dict[str, object]:
    """The settings saved at ``path``; none when the file is missing or unreadable (never an error)."""
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return saved if isinstance(saved, dict) else {}


def save_setting(path: Path, key: str, value: object) -> bool:
    """Save one setting beside the others; False when the folder or file cannot be written."""
    settings = load_settings(path) | {key: value}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    except OSError:
        return False
    return True
