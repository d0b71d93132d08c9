"""The why box lists the candidates the sieve passed over and the steps it tried first."""

from __future__ import annotations

from store.model import Candidate
from store.queries import QuoteAttribution
from tui.screens.why import explanation, weighed


def attribution(**changes: object) -> QuoteAttribution:
    """A made-up attribution of one quote."""
    base = dict(quote_id=1, document_id=1, kind="speech", text="We sail", speaker_id=1, speaker="Clara Oduya",
                rule="cue_before", cue="said", cue_start=30, cue_end=34, sentence="Oduya said: “We sail”",
                cue_span=(6, 10), quote_span=(13, 20))
    return QuoteAttribution(**(base | changes))  # type: ignore[arg-type]


def test_candidates_and_passed_steps_are_listed() -> None:
    shown = weighed(attribution(candidates=(Candidate("Germany", 5, "owner: named in a possessive"),),
                                passed=("cue_after",)))
    assert shown.splitlines() == ["Also named, and why not them:", "· Germany: owner: named in a possessive",
                                  "Tried first, found nothing: cue_after"]


def test_nothing_weighed_shows_nothing() -> None:
    assert weighed(attribution()) == ""


def test_a_corrected_speaker_says_so() -> None:
    assert "by hand" in explanation(attribution(corrected=True))
    assert "by hand" in explanation(attribution(speaker=None, speaker_id=None, corrected=True))
