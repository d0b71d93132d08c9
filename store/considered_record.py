"""The ``considered`` column (schema 10): what the sieve passed over for a quote, kept compactly.

A quote's record is the JSON array ``["0 2 3", [actor, start, reason], ...]``: the steps that found
nothing, space-separated, each as its place in STEP_NAMES (or its name, for a step not there), then one
array per losing candidate. A candidate's reason is
one of the few sentences of REASONS, stored as its code ("object", "mute:place", "gender:She"), since
the same sentences were repeated on most of the 20,000 rows of a 1,000-article store; a reason no code
says exactly (an older wording) is kept as written after a "=". Nothing here loads extraction: the why box
decodes a record on its own.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.model import Candidate, Considered

REASONS = {
    "mute": "a {} does not speak",
    "owner": "owner: named in a possessive, not the one speaking",
    "appositive": "appositive: describes the speaker",
    "object": "object of a verb or preposition, not a subject",
    "gender": "gender does not agree with “{}”",
    "number": "number: “they” is not one person",
    "after": "not the subject the rule found (after the cue, farther from it)",
    "before": "not the subject the rule found (before the cue, farther from it)",
}
"""Why a candidate lost, by code; ``{}`` is the code's detail (an actor's kind, the pronoun at the cue)."""
STEP_NAMES = (
    "transcript_turn", "interview_answer", "as_put_it", "cue_before", "cue_after", "signature", "dash_aside",
    "sentence_tag", "according_to", "colon", "lead_in", "same_sentence", "cast_as", "talks_about", "uses_phrase",
    "reported_speech", "speech_noun", "split_quote", "beat", "paragraph_carry", "context",
)
"""The sieve's steps (store/extract/sieve.py), numbered by their place here: stored records name steps by it,
so a new step is added at the end and none is ever moved or removed."""
_STEP_CODES = {name: str(place) for place, name in enumerate(STEP_NAMES)}
VERBATIM = "="
"""What starts a reason kept as written."""
_CODES = {template: code for code, template in REASONS.items() if "{}" not in template}
_DETAILED = [(code, *template.split("{}")) for code, template in REASONS.items() if "{}" in template]


def said(code: str, detail: str = "") -> str:
    """The reason a code stands for, in words."""
    return REASONS[code].format(detail)


def reason_code(reason: str) -> str:
    """A reason as its code ("code" or "code:detail"), or as written after "=" when no code says it exactly."""
    if reason in _CODES:
        return _CODES[reason]
    for code, head, tail in _DETAILED:
        detail = reason[len(head):len(reason) - len(tail)]
        if reason.startswith(head) and reason.endswith(tail) and _plain(detail) and said(code, detail) == reason:
            return f"{code}:{detail}"
    return VERBATIM + reason


def reason_words(stored: str) -> str:
    """A stored reason in words: a code's sentence, or the text as it was written."""
    if stored.startswith(VERBATIM):
        return stored[len(VERBATIM):]
    code, _, detail = stored.partition(":")
    return said(code, detail)


def _plain(detail: str) -> bool:
    """A detail a code can carry: one word, nothing that could be taken for a code's separator."""
    return bool(detail) and " " not in detail and ":" not in detail


def encoded(considered: Considered) -> str:
    """The column's value for a record."""
    return _dumped(considered.passed, [(c.actor, c.start, reason_code(c.reason)) for c in considered.candidates])


def decoded(stored: str) -> dict[str, tuple[Candidate, ...] | tuple[str, ...]]:
    """A stored record as the ``candidates`` and ``passed`` of a QuoteAttribution."""
    from store.model import Candidate  # extraction's records: not loaded before a quote's attribution

    passed, *candidates = json.loads(stored)
    return {"candidates": tuple(Candidate(actor, start, reason_words(reason)) for actor, start, reason in candidates),
            "passed": tuple(STEP_NAMES[int(step)] if step.isdigit() else step for step in passed.split())}


def from_schema_9(stored: str) -> str:
    """A record as schemas 6 to 9 kept it (``{"candidates": [{"actor", "start", "reason"}], "passed": [..]}``),
    in today's form."""
    record = json.loads(stored)
    return _dumped(record["passed"], [(c["actor"], c["start"], reason_code(c["reason"])) for c in record["candidates"]])


def _dumped(passed: Sequence[str], candidates: list[tuple[str, int, str]]) -> str:
    """The column's JSON: the passed steps' numbers first, then the candidates, with no spaces between items."""
    steps = " ".join(_STEP_CODES.get(step, step) for step in passed)
    return json.dumps([steps, *candidates], ensure_ascii=False, separators=(",", ":"))
