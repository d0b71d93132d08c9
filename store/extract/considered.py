"""What the sieve passed over for a quote: the other actors its sentence names, each with why it lost,
and the steps that found nothing before the one that chose. Recorded with the attribution (cheaply: only
the mentions between the quote's sentence and its cue are read) so that the explorer can show them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace

from store.considered_record import said
from store.extract.roles import is_object, is_possessive
from store.extract.speakers import PRONOUN, Context, can_speak
from store.model import Attribution, Candidate, Considered, Mention

MAX_CANDIDATES = 6
"""A long sentence names many actors; the first few are what a reader checks."""
_APPOSITIVE = re.compile(r",\s*(?:the\s+|a\s+|an\s+)?")
_PRONOUN_REACH = 12
_GENDERS = {"he": "m", "she": "f"}


def considered(ctx: Context, site_span: tuple[int, int], speaker: str, how: Attribution,
               passed: list[str]) -> Attribution:
    """The attribution with the losing candidates of text[site_span] (and its cue) and the steps passed."""
    lo, hi = min(site_span[0], how.cue_start), max(site_span[1], how.cue_end)
    candidates = tuple(_losers(ctx, speaker, how, lo, hi))
    return replace(how, considered=Considered(candidates, tuple(passed)))


def _losers(ctx: Context, speaker: str, how: Attribution, lo: int, hi: int) -> Iterator[Candidate]:
    """Each other actor named in text[lo:hi] once, in text order, with its reason."""
    seen = {speaker}
    first = bisect_left(ctx.starts, lo)
    for index in range(first, len(ctx.mentions)):
        mention = ctx.mentions[index]
        if mention.start >= hi or len(seen) > MAX_CANDIDATES:
            return
        if mention.actor not in seen:
            seen.add(mention.actor)
            before = ctx.mentions[index - 1] if index > 0 else None
            yield Candidate(mention.actor, mention.start, reason(ctx, mention, before, speaker, how))


def reason(ctx: Context, mention: Mention, before: Mention | None, speaker: str, how: Attribution) -> str:
    """Why a mention was not the speaker, from the first test that tells (else it was farther away)."""
    if not can_speak(ctx, mention):
        return said("mute", ctx.kinds.get(mention.actor, "name"))
    if is_possessive(ctx.text, mention):
        return said("owner")
    if before is not None and before.actor == speaker and _APPOSITIVE.fullmatch(ctx.text, before.end, mention.start):
        return said("appositive")
    if is_object(ctx.text, mention):
        return said("object")
    disagreement = _disagreement(ctx, mention, how)
    if disagreement:
        return disagreement
    return said("after" if mention.start >= how.cue_end else "before")


def _disagreement(ctx: Context, mention: Mention, how: Attribution) -> str | None:
    """A pronoun at the cue that the mention cannot stand for: gender ("she", a man) or number ("they")."""
    pronoun = PRONOUN.search(ctx.text, max(0, how.cue_start - _PRONOUN_REACH), how.cue_end + _PRONOUN_REACH)
    if pronoun is None:
        return None
    word = pronoun.group().lower()
    gender = ctx.genders.get(mention.actor)
    if word in _GENDERS and gender is not None and gender != _GENDERS[word]:
        return said("gender", pronoun.group())
    if word == "they" and ctx.kinds.get(mention.actor) == "person":
        return said("number")
    return None
