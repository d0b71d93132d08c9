"""The ``considered`` column (schema 10): reasons stored as codes read back as the same words, and records
kept by schemas 6 to 9 converted without losing a word."""

from __future__ import annotations

import json

import pytest

from store.considered_record import (REASONS, STEP_NAMES, decoded, encoded, from_schema_9, reason_code,
                                     reason_words, said)
from store.extract.sieve import STEPS
from store.model import Candidate, Considered

WORDED = [said(code, "place" if "{}" in template else "") for code, template in REASONS.items()] + [
    said("mute", "organization"), said("gender", "She"), said("gender", "they")]


@pytest.mark.parametrize("reason", WORDED)
def test_every_reason_is_stored_as_a_short_code_and_read_back_as_written(reason: str) -> None:
    code = reason_code(reason)
    assert " " not in code and len(code) < 20
    assert reason_words(code) == reason


@pytest.mark.parametrize("reason", ["owner (a possessive)", "farther from the cue", "a two word does not speak",
                                    "gender does not agree with “a:b”", "object", "mute", "=", "a  does not speak"])
def test_a_reason_no_code_says_exactly_is_kept_as_written(reason: str) -> None:
    assert reason_code(reason) == "=" + reason
    assert reason_words(reason_code(reason)) == reason


def test_a_record_keeps_its_candidates_and_steps_in_order() -> None:
    record = Considered((Candidate("Germany", 12, said("owner")), Candidate("Tomas Brandt", 40, "said: first")),
                        ("transcript_turn", "as_put_it", "a_step_not_numbered"))
    stored = encoded(record)
    assert stored == '["0 2 a_step_not_numbered",["Germany",12,"owner"],["Tomas Brandt",40,"=said: first"]]'
    assert decoded(stored) == {"candidates": record.candidates, "passed": record.passed}
    assert decoded(encoded(Considered())) == {"candidates": (), "passed": ()}


def test_a_schema_9_record_is_converted_to_the_same_words() -> None:
    old = json.dumps({"candidates": [{"actor": "Kōno Tarō", "start": 7, "reason": said("gender", "She")},
                                     {"actor": "Japan", "start": 30, "reason": "owner (a possessive)"}],
                      "passed": ["transcript_turn", "cue_before"]}, ensure_ascii=False)
    converted = from_schema_9(old)
    assert len(converted) < len(old) / 2
    assert decoded(converted) == {"candidates": (Candidate("Kōno Tarō", 7, "gender does not agree with “She”"),
                                                 Candidate("Japan", 30, "owner (a possessive)")),
                                  "passed": ("transcript_turn", "cue_before")}


def test_every_step_of_the_sieve_is_stored_as_a_number() -> None:
    assert {step.__name__ for step in STEPS} <= set(STEP_NAMES)
    assert len(set(STEP_NAMES)) == len(STEP_NAMES)
