"""What the sieve passed over: the other actors of a quote's sentence with why each lost, and the steps tried first."""

from __future__ import annotations

from store.extract.pipeline import extract_article
from store.model import Considered

HEADLINE = "Harbour Talks Resume in Valdora\n\n"


def considered(body: str, prefix: str) -> Considered:
    """The record kept with the quote starting with ``prefix``."""
    [found] = [q for q in extract_article(HEADLINE + body).quotes if q.text.startswith(prefix)]
    assert found.attribution is not None and found.attribution.considered is not None
    return found.attribution.considered


def reasons(record: Considered) -> dict[str, str]:
    return {candidate.actor: candidate.reason for candidate in record.candidates}


def test_an_owner_loses_as_a_possessive() -> None:
    record = considered("After a call with Germany's envoy, Minister Clara Oduya said: “The ships can come back.”",
                        "The ships")
    assert reasons(record)["Germany"].startswith("owner")
    assert "Clara Oduya" not in reasons(record)


def test_the_object_of_a_verb_loses() -> None:
    record = considered("“We will reopen the port,” Clara Oduya told Tomas Brandt on Monday.", "We will")
    assert reasons(record)["Tomas Brandt"].startswith("object")


def test_steps_that_found_nothing_are_listed_in_order() -> None:
    record = considered("Clara Oduya spoke to the press. She argued that the plan was “a fair start” for Valdora.",
                        "a fair start")
    assert record.passed[:5] == ("transcript_turn", "interview_answer", "as_put_it", "cue_before", "cue_after")


def test_a_quote_with_no_one_else_near_has_no_candidates() -> None:
    assert considered("Clara Oduya said: “The ships can come back.”", "The ships").candidates == ()
