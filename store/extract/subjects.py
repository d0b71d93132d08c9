"""Whose words a cue gives: the subject that governs a reporting verb, before it, after it or opening the
sentence ("Jeff Weaver, Sanders' campaign manager, said" is Weaver's; "told Fox" names no speaker)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from store.extract.cues import PARENTHETICAL, inverted
from store.extract.lexicon import word_set
from store.extract.roles import WORD, is_object, is_possessive
from store.extract.speakers import PRONOUN, Context, can_speak, first_speaker, last_speaker, referent
from store.model import Mention


def subject_after(ctx: Context, begin: int, verb: tuple[int, int], stop: int) -> str | None:
    """The subject of a verb after a quote: between the quote and the verb ("“...,” Reid told the
    Senate"), or right after a verb news writing puts first ("“...,” said Jane Doe"; not "“...” suggests
    that its officers", nor "told Fox")."""
    before = [m for m in between(ctx, begin, verb[0]) if not is_possessive(ctx.text, m)]
    for person_only in (True, False):
        for mention in before:
            if can_speak(ctx, mention, person_only) and near(ctx.text, mention, verb[0]):
                return mention.actor
    following = first_speaker(ctx, verb[1], stop) if inverted(ctx.text, begin, verb) else None
    if following is None or len(WORD.findall(ctx.text, verb[1], following.start)) > _INVERTED_GAP_WORDS:
        return None
    return following.actor


_INVERTED_GAP_WORDS = 4


def subject_of(ctx: Context, start: int, verb_start: int, previous: tuple[int, str] | None) -> str | None:
    """Who the verb at ``verb_start`` is said by: a pronoun right before it, else the clause's subject.

    The subject is the first person (else the first speaker-like actor) of the clause that governs the
    verb (see ``_near``): "Jeff Weaver, campaign manager for Sanders, said" is Weaver's, "Clinton
    campaign spokesman Brian Fallon said" Fallon's. A possessive ("Clinton's record said") is no subject.
    """
    pronoun = pronoun_before(ctx.text, start, verb_start)
    if pronoun is not None:  # its own sentence is looked at only up to the pronoun itself
        return referent(ctx, pronoun.group(), start + pronoun.start(), previous)
    relative = _RELATIVE.search(ctx.text, max(start, verb_start - _RELATIVE_REACH), verb_start)
    if relative is not None:  # "Tim Scott, who has called the remarks “toxic,”": the name before "who"
        antecedent = last_speaker(ctx, start, relative.start(), person_only=relative.group("pronoun") == "who")
        return antecedent.actor if antecedent is not None and antecedent.end == relative.start() else None
    mentions = [m for m in between(ctx, start, verb_start) if not is_possessive(ctx.text, m) and not is_object(ctx.text, m)]
    for person_only in (True, False):
        for index, mention in enumerate(mentions):
            if can_speak(ctx, mention, person_only) and near(ctx.text, mention, verb_start) \
                    and not _modifies_next(ctx, mentions, index):
                return _named_after(ctx, mentions, index) or mention.actor
    if ctx.text[start:verb_start].rstrip().endswith((" and", " but")):  # "X praised Y and called it “...”"
        return sentence_subject(ctx, start, verb_start)
    return None


_RELATIVE = re.compile(r",?\s+(?P<pronoun>who|which)(?:,[^,]{1,40},)?\s+(?:(?![a-z]+(?:ed|ing)\s)[a-z]+\s+){0,4}$")
"""A relative "who" (a person) or "which" (an institution), perhaps a parenthetical (", on a call Friday,")
and at most four words ("has in the past") before a verb; no other verb among them ("who was greeted with
chants of")."""
_RELATIVE_REACH = 80


def _named_after(ctx: Context, mentions: list[Mention], index: int) -> str | None:
    """The person a description names right after it, set off by a comma: "A spokeswoman for the charity,
    Eszter Kovacs, said" is Kovacs's."""
    if ctx.kinds.get(mentions[index].actor) != "group" or index + 1 >= len(mentions):
        return None
    named = mentions[index + 1]
    between_them = ctx.text[mentions[index].end : named.start]
    if ctx.kinds.get(named.actor) != "person" or not _DESCRIPTION_THEN_NAME.fullmatch(between_them):
        return None
    return named.actor


_DESCRIPTION_THEN_NAME = re.compile(r"[^,.;:“”\"]{0,60},\s*(?:[A-Z][a-z]{0,5}\.\s+){0,3}")
"""The rest of a description, its comma, and any short titles of the name after it ("Lt. Col.")."""


def _modifies_next(ctx: Context, mentions: list[Mention], index: int) -> bool:
    """True for "Clinton" in "Clinton spokesman Jesse Lehrich": a name, a role, then the person who holds it."""
    if index + 1 >= len(mentions) or not can_speak(ctx, mentions[index + 1], person_only=True):
        return False
    words = ctx.text[mentions[index].end : mentions[index + 1].start].split()
    return 0 < len(words) <= _MAX_ROLE_WORDS and all(w.lower() in _role_words() for w in words)


_MAX_ROLE_WORDS = 3


@cache
def _role_words() -> frozenset[str]:
    """Words of a role between an affiliation and its holder ("campaign spokesman", "press secretary")."""
    words = word_set("titles.txt") | word_set("roles.txt") | word_set("group_nouns.txt") \
        | word_set("role_modifiers.txt")
    return frozenset(part for word in words for part in word.split()) | {"campaign", "press"}


def sentence_subject(ctx: Context, start: int, end: int) -> str | None:
    """Who a participle at ``end`` ("..., saying “...”") is said by: a name right before it ("with Gorka
    noting"), else the speaker-like actor that opens the sentence, or its main clause after an opening
    phrase ("Speaking in Salem, Trump went after Bush, calling him ...")."""
    mentions = [m for m in between(ctx, start, end) if can_speak(ctx, m) and not is_possessive(ctx.text, m)
                and not _bracketed(ctx.text, m)]
    if mentions and not ctx.text[mentions[-1].end : end].strip():
        return mentions[-1].actor
    openings = [start, *(start + i + 1 for i, ch in enumerate(ctx.text[start:end]) if ch == ",")]
    for mention in mentions:
        if is_object(ctx.text, mention):
            continue
        opening = max(at for at in openings if at <= mention.start)
        if len(WORD.findall(ctx.text, opening, mention.start)) <= _MAX_SUBJECT_GAP_WORDS:
            return mention.actor
    return None


def _bracketed(text: str, mention: Mention) -> bool:
    """True for a mention in brackets, as a dateline's agency is ("WASHINGTON (AFP) - Clinton ...")."""
    return text[mention.start - 1 : mention.start] == "(" and text[mention.end : mention.end + 1] == ")"


def between(ctx: Context, start: int, end: int) -> list[Mention]:
    """The mentions lying wholly inside text[start:end], in text order."""
    first = bisect_left(ctx.starts, start)
    return [m for m in ctx.mentions[first : bisect_left(ctx.starts, end)] if m.end <= end]


_MAX_SUBJECT_GAP_WORDS = 3


def near(text: str, mention: Mention, verb_start: int) -> bool:
    """True when a subject mention governs the verb: at most a few words ("has also", "on Tuesday") or
    one parenthetical (", Sanders' campaign manager,", ", who chaired the talks,") between them. A name
    that is itself set off by commas ("His predecessor, Gen. Timo Kivinen, had warned") keeps its
    closing comma."""
    gap = PARENTHETICAL.sub(" ", text[mention.end : verb_start], count=1).strip()
    if gap.startswith(",") and "," in text[max(0, mention.start - _APPOSITION_REACH) : mention.start]:
        gap = gap[1:]
    words = gap.removesuffix(",").split()
    # "Analysts at the Lowy Institute said": a prepositional phrase may stand after the subject.
    most = _MAX_MODIFIED_GAP_WORDS if words and words[0] in _PREPOSITIONS else _MAX_SUBJECT_GAP_WORDS
    return "," not in gap.removesuffix(",") and len(words) <= most


_APPOSITION_REACH = 12
_PREPOSITIONS = frozenset({"at", "of", "for", "from", "with", "in", "on"})
_MAX_MODIFIED_GAP_WORDS = 6


def pronoun_before(text: str, start: int, verb_start: int) -> re.Match[str] | None:
    """A subject pronoun at most two words before the verb ("he said", "she also told")."""
    words = list(re.finditer(r"[\w’']+", text[start:verb_start]))[-3:]
    for word in reversed(words):
        if PRONOUN.fullmatch(word.group()):
            return word
    return None
