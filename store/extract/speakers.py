"""Who says a quote: the subject of a reporting verb before or after it, or a pronoun carried over."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from store.extract.lexicon import word_set
from store.model import Mention

SPEAKER_KINDS = frozenset({"person", "group", "organization", "country", "outlet"})
_WORD = re.compile(r"[A-Za-z]+")
_PRONOUN = re.compile(r"\b(?:he|she|they|He|She|They)\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
# "“...,” she said": a pronoun and its reporting verb right after the quote.
_PRONOUN_VERB = re.compile(r"[\s,]*(?:he|she|they)\s+(?:\w+\s+)?\w+")
_MAX_GAP_WORDS = 2
_BEAT_WORDS = 6
_AFTER_WINDOW = 60


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


def speaker_before(ctx: Context, sentence_start: int, mark: int) -> str | None:
    """Speaker from the words before an opening mark: "X said, “", "He stated “", "According to X, “"."""
    region = ctx.text[sentence_start:mark]
    according = _ACCORDING.search(region)
    if according and region.rstrip().endswith(","):
        return _first(ctx, sentence_start + according.end(), mark)
    verb = _cue_verb(region) or _paraphrase_verb(region)
    if verb is None:
        return _colon_speaker(ctx, sentence_start, mark, region)
    verb_start = sentence_start + verb.start()
    subject = _last(ctx, sentence_start, verb_start, person_only=True) or _last(ctx, sentence_start, verb_start)
    if subject is None and _PRONOUN.search(region[: verb.start()]):
        return _last(ctx, 0, sentence_start, person_only=True)
    return subject


def speaker_after(ctx: Context, opening: int, close: int, sentence_end: int) -> str | None:
    """Speaker named after a closing mark that a comma ends: "“...,” said X", "“...,” X told", "“...,” she said"."""
    window = ctx.text[close + 1 : min(sentence_end, close + 1 + _AFTER_WINDOW)]
    if not any(word in word_set("reporting_verbs.txt") for word in _WORD.findall(window)[:6]):  # "Name, a role, said"
        return None
    if _PRONOUN_VERB.match(window):
        return _last(ctx, 0, opening, person_only=True)
    return _first(ctx, close + 1, close + 1 + len(window))


def speaker_of_beat(ctx: Context, start: int, end: int) -> str | None:
    """The person a short sentence is about ("He paused.", "Okonkwo laughed."), for a quote right after it."""
    region = ctx.text[start:end].lstrip(" A:")
    if len(_WORD.findall(region)) > _BEAT_WORDS:
        return None
    if _PRONOUN.match(region):
        return _last(ctx, 0, start, person_only=True)
    first = _first(ctx, start, end)
    opener = next((m for m in ctx.mentions if m.actor == first and start <= m.start < end), None)
    return first if opener is not None and not ctx.text[start : opener.start].strip(" A:") else None


def _cue_verb(region: str) -> re.Match[str] | None:
    """The first reporting verb close enough to the quote to introduce it."""
    for match in _WORD.finditer(region):
        if match.group() in word_set("reporting_verbs.txt") and _introduces(region[match.end() :]):
            return match
    return None


def _paraphrase_verb(region: str) -> re.Match[str] | None:
    """The last verb of saying before the quote when a clause runs between them: "said the region
    wanted “...”", "argued that the pause had “...”", "told a hearing in March that ... “...”"."""
    found = [m for m in _WORD.finditer(region) if m.group() in word_set("speech_verbs.txt")]
    return found[-1] if found else None


def _introduces(gap: str) -> bool:
    """True when the words between a verb and the quote are few or end in ",", ":" or "that"."""
    stripped = gap.strip()
    return stripped.endswith((",", ":")) or stripped.endswith(" that") or stripped == "that" or len(
        stripped.split()
    ) <= _MAX_GAP_WORDS


def _colon_speaker(ctx: Context, start: int, mark: int, region: str) -> str | None:
    """"X went further: “...”": the last person or group before a colon that opens the quote."""
    return _last(ctx, start, mark, person_only=True) if region.rstrip().endswith(":") else None


def _last(ctx: Context, start: int, end: int, person_only: bool = False) -> str | None:
    """The speaker-like actor mentioned last in text[start:end]."""
    index = bisect_left(ctx.ends, end + 1)
    for mention in reversed(ctx.mentions[:index]):
        if mention.start < start:
            return None
        if _can_speak(ctx, mention, person_only) and mention.end <= end:
            return mention.actor
    return None


def _first(ctx: Context, start: int, end: int) -> str | None:
    """The speaker-like actor mentioned first in text[start:end]."""
    for mention in ctx.mentions[bisect_left(ctx.starts, start):]:
        if mention.start >= end:
            return None
        if mention.end <= end and _can_speak(ctx, mention, False):
            return mention.actor
    return None


def _can_speak(ctx: Context, mention: Mention, person_only: bool) -> bool:
    """People and groups speak; with person_only (pronouns), only they do."""
    kind = ctx.kinds.get(mention.actor, "")
    return kind in ("person", "group") if person_only else kind in SPEAKER_KINDS
