"""Corrections as a JSON file a team shares: written from one store, checked whole, then added to another."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from store import corrections
from store.db import Store, StoreError
from store.kinds import ACTOR_KINDS, QUOTE_KINDS

FORMAT = "natoasia-tui corrections"
VERSION = 1
_FIELDS = ("made_at", "action", "target", "value", "before", "summary")


class CorrectionsError(StoreError):
    """A corrections file that cannot be imported, with one line saying why."""


def dump(store: Store) -> str:
    """Every correction of the store, oldest first, as one JSON object."""
    rows = store.rows("SELECT made_at, action, target, value, before, summary FROM corrections ORDER BY id")
    items = [{key: json.loads(row[key]) if key in ("target", "value", "before") else row[key] for key in _FIELDS}
             for row in rows]
    return json.dumps({"format": FORMAT, "version": VERSION, "corrections": items}, ensure_ascii=False, indent=2)


def load(store: Store, text: str) -> int:
    """Add a file's corrections (skipping ones the store has) and apply them; how many were added.
    The whole file is checked first, so a bad one changes nothing."""
    items = _checked(text)
    with corrections.writing(store) as conn:
        known = {_identity(r[0], json.loads(r[1]), json.loads(r[2]))
                 for r in conn.execute("SELECT action, target, value FROM corrections")}
        fresh = [i for i in items if _identity(i["action"], i["target"], i["value"]) not in known]
        for item in fresh:
            corrections.record(conn, item["action"], item["target"], item["value"], item["before"], item["summary"],
                               item["made_at"])
    return len(fresh)


def _identity(action: str, target: Any, value: Any) -> str:
    """What makes two corrections the same, whatever their time or wording."""
    return json.dumps([action, target, value], sort_keys=True)


def _checked(text: str) -> list[dict[str, Any]]:
    """The file's corrections, each checked; CorrectionsError names the first problem."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise CorrectionsError(f"not a corrections file (not JSON: {error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("corrections"), list):
        raise CorrectionsError(f'not a corrections file (no "format": "{FORMAT}" and "corrections" list)')
    for number, item in enumerate(data["corrections"], 1):
        problem = _problem(item)
        if problem:
            raise CorrectionsError(f"correction {number}: {problem}; nothing was imported")
    return list(data["corrections"])


def _problem(item: Any) -> str | None:
    """What is wrong with one correction of a file, or None."""
    if not isinstance(item, dict) or set(_FIELDS) - set(item):
        return "needs " + ", ".join(_FIELDS)
    if item["action"] not in _SHAPES:
        return f"unknown action {item['action']!r}"
    if not (isinstance(item["made_at"], str) and isinstance(item["summary"], str)):
        return "made_at and summary must be text"
    target_ok, value_ok, before_ok = _SHAPES[item["action"]]
    if not (target_ok(item["target"]) and value_ok(item["value"]) and before_ok(item["before"])):
        return f"target, value or before does not fit {item['action']!r}"
    return None


def _span(value: Any) -> bool:
    """A quote or mention key."""
    return (isinstance(value, dict) and isinstance(value.get("sha256"), str)
            and all(type(value.get(k)) is int for k in ("start", "end")))


def _actor(value: Any) -> bool:
    """An actor reference."""
    return isinstance(value, dict) and isinstance(value.get("name"), str) and value.get("kind") in ACTOR_KINDS


def _quote_state(value: Any) -> bool:
    """A quote's kind and speaker."""
    return (isinstance(value, dict) and value.get("kind") in QUOTE_KINDS
            and (value.get("speaker") is None or _actor(value["speaker"])))


def _snapshot(value: Any) -> bool:
    """An actor's rows as store/actor_snapshot.py keeps them."""
    keys = ("name", "kind", "title", "aliases", "mentions", "quotes", "events", "citations")
    return isinstance(value, dict) and all(key in value for key in keys)


def _name(value: Any) -> bool:
    """A name that is not blank."""
    return isinstance(value, str) and bool(value.strip())


Check = Callable[[Any], bool]
_SHAPES: dict[str, tuple[Check, Check, Check]] = {
    "speaker": (_span, _quote_state, _quote_state),
    "quote_kind": (_span, _quote_state, _quote_state),
    "merge": (_actor, _actor, lambda v: isinstance(v, dict) and _snapshot(v.get("gone")) and _snapshot(v.get("kept"))),
    "rename": (_actor, _name, _name),
    "actor_kind": (_actor, lambda v: v in ACTOR_KINDS, lambda v: v in ACTOR_KINDS),
    "not_actor": (_actor, lambda v: v is None, _snapshot),
    "detach": (_span, lambda v: v is None, lambda v: isinstance(v, dict) and _actor(v.get("actor"))
               and isinstance(v.get("text"), str)),
}
"""For each action: what its target, its value and the state before it must look like."""
