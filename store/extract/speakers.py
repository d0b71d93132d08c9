"""Who can speak and where: speaker-like mentions looked up around a cue, and pronouns resolved to people."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from store.model import Mention

SPEAKER_KINDS = frozenset({"person", "group", "organization", "country", "outlet"})
_PERSONAL = frozenset({"person", "group"})
_COLLECTIVE = frozenset({"group", "organization", "country"})
PRONOUN = re.compile(r"\b(?:he|she|they|He|She|They)\b")


@dataclass(frozen=True)
class Context:
    """What attribution needs to know about the article."""

    text: str
    mentions: list[Mention]
    """Mentions outside quotation marks, in text order."""
    kinds: dict[str, str]
    starts: list[int]
    """Where each mention starts, in the same order: indexed once for bisection, not on every look-up."""
    ends: list[int]
    """Where each mention ends, in the same order."""
    sentence_starts: list[int]
    """Where each sentence starts, in text order (for a pronoun's subject look-back)."""


def last_speaker(ctx: Context, start: int, end: int, person_only: bool = False) -> Mention | None:
    """The speaker-like mention that ends last in text[start:end]."""
    index = bisect_left(ctx.ends, end + 1)
    for mention in reversed(ctx.mentions[:index]):
        if mention.start < start:
            return None
        if mention.end <= end and can_speak(ctx, mention, person_only):
            return mention
    return None


def first_speaker(ctx: Context, start: int, end: int, person_only: bool = False) -> Mention | None:
    """The speaker-like mention that starts first in text[start:end]."""
    for mention in ctx.mentions[bisect_left(ctx.starts, start) :]:
        if mention.start >= end:
            return None
        if mention.end <= end and can_speak(ctx, mention, person_only):
            return mention
    return None


def can_speak(ctx: Context, mention: Mention, person_only: bool = False) -> bool:
    """People and groups speak; organisations, countries and outlets too unless ``person_only``."""
    kind = ctx.kinds.get(mention.actor, "")
    return kind in _PERSONAL if person_only else kind in SPEAKER_KINDS


def referent(ctx: Context, pronoun: str, offset: int, previous: tuple[int, str] | None) -> str | None:
    """Whom a pronoun at ``offset`` stands for: the passage's topic, not merely the last name written.

    Looking back sentence by sentence, the first that either holds the last speech quote (its speaker
    is still talking) or has a subject of the pronoun's kind decides: "he"/"she" wants a person, "they"
    a group, organisation or country. A sentence's subject is its first mention of that kind, so
    objects and names further in ("told Chuck Todd", "the Senate") are passed over. An unnamed source
    ("a senior official") is a person here.
    """
    plural = pronoun.lower() == "they"
    index = bisect_right(ctx.sentence_starts, offset) - 1
    for sentence in range(index, max(index - _LOOK_BACK_SENTENCES, -1), -1):
        start = ctx.sentence_starts[sentence] if sentence >= 0 else 0
        stop = offset if sentence == index else ctx.sentence_starts[sentence + 1]
        if previous is not None and start <= previous[0] < stop:
            return previous[1] if _agrees(ctx, previous[1], plural) else None
        subject = _subject(ctx, start, stop, plural)
        if subject is not None:
            return subject
    return None


_LOOK_BACK_SENTENCES = 6


def _subject(ctx: Context, start: int, stop: int, plural: bool) -> str | None:
    """The actor a sentence is about: its first mention that the pronoun agrees with."""
    for mention in ctx.mentions[bisect_left(ctx.starts, start) :]:
        if mention.start >= stop:
            return None
        if _agrees(ctx, mention.actor, plural):
            return mention.actor
    return None


def _agrees(ctx: Context, actor: str, plural: bool) -> bool:
    """"they" stands for a group, organisation or country; "he"/"she" for a person or one unnamed source
    ("a senior official", not "supporters")."""
    kind = ctx.kinds.get(actor)
    if plural:
        return kind in _COLLECTIVE
    return kind == "person" or (kind == "group" and not actor.endswith("s"))
