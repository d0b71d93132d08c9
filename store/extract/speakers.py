"""Who can speak and where: speaker-like mentions looked up around a cue, and pronouns resolved to people."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from store.extract.cues import is_verb
from store.extract.lexicon import genders_of
from store.extract.documents import is_document
from store.extract.roles import WORD, is_object, is_possessive
from store.model import Actor, Mention, Mentions

SPEAKER_KINDS = frozenset({"person", "group", "organization", "country", "outlet"})
_PERSONAL = frozenset({"person", "group"})
_COLLECTIVE = frozenset({"group", "organization", "country"})
_INSTITUTIONS = frozenset({"organization", "outlet"})
PRONOUN = re.compile(r"\b(?:he|she|they|it|He|She|They|It)\b")


@dataclass(frozen=True)
class Context:
    """What attribution needs to know about the article."""

    text: str
    mentions: Mentions
    """Mentions outside quotation marks, in text order."""
    kinds: dict[str, str]
    starts: Sequence[int]
    """Where each mention starts, in the same order: indexed once for bisection, not on every look-up."""
    ends: Sequence[int]
    """Where each mention ends, in the same order."""
    sentence_starts: list[int]
    """Where each sentence starts, in text order (for a pronoun's subject look-back)."""
    genders: dict[str, str]
    """'m' or 'f' for people whose given name or honorific tells, so "she said" passes over "Bernie Sanders"."""


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
    is still talking) or has a subject the pronoun agrees with decides: "he"/"she" wants a person of
    that gender (or unknown), "they" a group, organisation or country. A sentence's subject is its first
    such mention that nothing governs, so objects and owners ("told Chuck Todd", "As for Trump's plan")
    are passed over. An unnamed source ("a senior official") is taken only when no person is found.
    """
    plural = pronoun.lower() in ("they", "it")  # neither stands for one unnamed person
    for agrees in (_agreement(pronoun, strict=True), _agreement(pronoun, strict=False)):
        found = _look_back(ctx, (pronoun, offset), previous, agrees, plural)
        if found is not None:
            return found
    return None


def _look_back(ctx: Context, at: tuple[str, int], previous: tuple[int, str] | None,
               agrees: Callable[[Context, str], bool], plural: bool) -> str | None:
    """The first actor that ``agrees``, sentence by sentence back from the pronoun ``at`` (word, offset);
    in the sentence of the last speech quote, its speaker, who is still talking ("a senior official ...
    he added" too). Names after the same pronoun speaking ("..., he said, replacing Clinton ...") are
    passed over: that sentence's speaker is the pronoun's, still someone earlier."""
    pronoun, offset = at
    index = bisect_right(ctx.sentence_starts, offset) - 1
    reach = _IT_LOOK_BACK_SENTENCES if pronoun.lower() == "it" else _LOOK_BACK_SENTENCES
    for sentence in range(index, max(index - reach, -1), -1):
        start = ctx.sentence_starts[sentence] if sentence >= 0 else 0
        stop = offset if sentence == index else ctx.sentence_starts[sentence + 1]
        opens_with = _opens_with(ctx.text, pronoun, start, stop)
        # A document quoted before ("A report found “...”") is no one "he", "she" or "they" goes on with.
        personal = pronoun.lower() != "it"
        if previous is not None and start <= previous[0] < stop and not (personal and is_document(previous[1])):
            talking = agrees(ctx, previous[1]) or (not plural and _one_unnamed(ctx, previous[1]))
            if talking or not opens_with:  # "She said ... “...”" with a speaker she can't be was misread
                return previous[1] if talking else None
        if opens_with:
            continue  # "She has faced ... Hillary Clinton": this sentence is about the pronoun's own referent
        stop = _speaking(ctx.text, pronoun, start, stop)
        for mention in _subjects_first(ctx, start, stop):
            if agrees(ctx, mention.actor) and not is_object(ctx.text, mention) and not is_possessive(ctx.text, mention):
                return mention.actor
    return None


def _opens_with(text: str, pronoun: str, start: int, stop: int) -> bool:
    """True when the sentence at ``start`` opens with the same pronoun as its subject ("She then ...")."""
    opening = _OPENING_PRONOUN.match(text, start, stop)
    return opening is not None and opening.group("p").lower() == pronoun.lower()


_OPENING_PRONOUN = re.compile(r"[\s\"“‘']*(?P<p>[A-Za-z]+)\b")


def _subjects_first(ctx: Context, start: int, stop: int) -> list[Mention]:
    """The mentions of text[start:stop] that may be its subject, the main clause's before those of an opening
    subordinate clause ("While Obama had songs, that concerns Henry Crespo": Crespo before Obama); a name
    that modifies a noun after "the" ("the Clinton campaign") is none."""
    mentions = [m for m in ctx.mentions[bisect_left(ctx.starts, start) : bisect_left(ctx.starts, stop)]
                if not _attributive(ctx.text, m)]
    opening = _SUBORDINATE.match(ctx.text, start, stop)
    if opening is None:
        return mentions
    main = [m for m in mentions if m.start >= opening.end()]
    return main + [m for m in mentions if m.start < opening.end()]


_SUBORDINATE = re.compile(r"[\s\"“‘']*(?:While|Although|Though|When|After|Before|Because|If|Since|Unlike|Whereas|As)\b[^,;]*,")


def _attributive(text: str, mention: Mention) -> bool:
    """True for a name between "the" and a lower-case noun it modifies ("the Clinton campaign")."""
    return text.endswith("the ", 0, mention.start) and _LOWER_NEXT.match(text, mention.end) is not None


_LOWER_NEXT = re.compile(r" [a-z]")


_LOOK_BACK_SENTENCES = 6
_IT_LOOK_BACK_SENTENCES = 2
"""An "it" that speaks is most often a document no actor stands for ("The email ... “...,” it reads"): an
institution named further back than the sentence before is a guess, and no speaker beats a wrong one."""


def _speaking(text: str, pronoun: str, start: int, stop: int) -> int:
    """Where the same pronoun first speaks in text[start:stop] outside quotation marks ("he said", "he
    argued"), else ``stop``."""
    for match in re.compile(rf"\b{pronoun}\s+(?P<verb>\w+)", re.IGNORECASE).finditer(text, start, stop):
        inside = text.count("“", start, match.start()) > text.count("”", start, match.start())
        verb = WORD.match(text, match.start("verb"))
        if not inside and verb is not None and is_verb(verb, match.start(), "reporting_verbs.txt"):
            return match.start()
    return stop


def _one_unnamed(ctx: Context, actor: str) -> bool:
    """One unnamed source ("a senior official", not "supporters", nor a document: "the report")."""
    return ctx.kinds.get(actor) == "group" and not actor.endswith("s") and not is_document(actor)


def _agreement(pronoun: str, strict: bool) -> Callable[[Context, str], bool]:
    """Who a pronoun can stand for: "they" a group, organisation or country; "he"/"she" a person of that
    gender or of none known, and unless ``strict`` one unnamed source."""
    if pronoun.lower() == "they":
        return lambda ctx, actor: ctx.kinds.get(actor) in _COLLECTIVE
    if pronoun.lower() == "it":
        return lambda ctx, actor: ctx.kinds.get(actor) in _INSTITUTIONS or is_document(actor)
    gender = "m" if pronoun.lower() == "he" else "f"

    def agrees(ctx: Context, actor: str) -> bool:
        if ctx.kinds.get(actor) == "person":
            return ctx.genders.get(actor, gender) == gender
        return not strict and _one_unnamed(ctx, actor)

    return agrees


def genders(actors: Iterable[Actor]) -> dict[str, str]:
    """The gender a person's honorific or given name shows ("Mr.", "Hillary"), where one does."""
    table, honorifics = genders_of("given_name_genders.txt"), genders_of("honorific_genders.txt")
    found = {}
    for actor in actors:
        if actor.kind != "person":
            continue
        titles = {word.lower() for word in (actor.title or "").replace(";", " ").split()}
        # "Mr.; Mrs." (two people of one surname folded together) tells nothing: the given name may.
        told = {honorifics[t] for t in titles if t in honorifics}
        words = actor.name.split()  # a lone surname ("Clinton") is no given name
        gender = told.pop() if len(told) == 1 else (table.get(words[0].lower()) if len(words) > 1 else None)
        if gender:
            found[actor.name] = gender
    return found
