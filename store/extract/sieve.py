"""Who said a quote: an ordered list of small named steps, each finding a speaker with its cue or passing.

The first step that finds a speaker wins, and its name and cue (the reporting verb, colon or
"according to") are kept with the quote so that a reader can see why. Precision first: a step that is
not sure passes, and a quote no step claims has no speaker rather than a wrong one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from store.extract.lexicon import word_set
from store.extract.roles import WORD as _WORD
from store.extract.roles import is_object, is_possessive
from store.extract.speakers import PRONOUN, Context, can_speak, first_speaker, last_speaker, referent
from store.model import Attribution, Mention

_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
_PRONOUN_FIRST = re.compile(r"[\s,]*(?P<p>he|she|they|He|She|They)\b")
_MAX_GAP_WORDS = 2
_AFTER_WINDOW = 200
_VERB_WITHIN_WORDS = 7
_BEAT_WORDS = 6
_REPORTED_REACH_WORDS = 25
# A possessive and the two words after it: "Kerry's announcement", "the ministry's strongly worded statement".
_POSSESSIVE_NOUN = re.compile(r"(?:'s|’s|s'|s’)\s+(?P<first>[a-z]+)(?:[ -](?P<second>[a-z]+))?\b")


@dataclass(frozen=True)
class Site:
    """A quote and its surroundings as the steps see them."""

    opening: int
    """Where the opening mark is (start - 1, or start - 2 for ''...'')."""
    start: int
    """First character inside the marks."""
    end: int
    """Where the closing mark is (or the paragraph ends, for a quote left open)."""
    closed: bool
    after: int
    """Just past the closing mark (one character, or two for ''...'')."""
    sentence: tuple[int, int]
    """The sentence holding the opening mark."""
    closing_sentence_end: int
    """Where the sentence holding the closing mark ends."""
    paragraph: tuple[int, int]
    previous: tuple[int, int, bool] | None
    """Start, end and closedness of the speech quote before this one in the article."""
    previous_speaker: str | None
    """Who said that quote."""
    kind: str
    """The kind of passage the quote stands in."""


Verdict = tuple[str, Attribution]
Step = Callable[[Context, Site], Verdict | None]
NOBODY: Verdict = ("", Attribution("nobody", 0, 0))
"""A step's answer when it found the quote's cue but its speaker is no actor ("a man yelled “...”"):
the sieve stops there, since a later step could only guess someone else."""


def attribute(ctx: Context, site: Site) -> Verdict | None:
    """The speaker of a quote and how it was found, from the first step that is sure; else None."""
    for step in STEPS:
        verdict = step(ctx, site)
        if verdict is not None:
            return verdict if verdict is not NOBODY else None
    return None


def _verdict(speaker: str | None, rule: str, cue_start: int, cue_end: int) -> Verdict | None:
    """A step's answer, or None when it named nobody."""
    return (speaker, Attribution(rule, cue_start, cue_end)) if speaker else None


def _actor(mention: Mention | None) -> str | None:
    """The actor a mention names, if there is one."""
    return mention.actor if mention is not None else None


def cue_before(ctx: Context, site: Site) -> Verdict | None:
    """"X said, “...”", "X tweeted: “...”", "he added “...”": a reporting verb just before the quote."""
    start, mark = site.sentence[0], site.opening
    verb = _introducing_verb(ctx.text, start, mark)
    if verb is None:
        return None
    subject = _subject_of(ctx, site, start, verb[0])
    if subject is None and _inverted(ctx.text, start, verb):  # "“...,” said the senator, “...”"
        subject = _actor(first_speaker(ctx, verb[1], mark))
    return _verdict(subject, "cue_before", *verb) or NOBODY


def cue_after(ctx: Context, site: Site) -> Verdict | None:
    """"“...,” said X", "“...,” X said", "“...,” she said": a reporting verb in the first words after it."""
    if not (site.closed and _comma_closes(ctx.text, site)):
        return None
    begin = site.after
    stop = min(_clause_end(ctx, site), begin + _AFTER_WINDOW)
    verb = _verb_within(ctx.text, begin, stop)
    if verb is None:
        return None
    pronoun = _PRONOUN_FIRST.match(ctx.text, begin, verb[0])
    if pronoun is not None:
        speaker = referent(ctx, pronoun.group("p"), site.opening, _previous(site))
        return _verdict(speaker, "cue_after_pronoun", *verb) or NOBODY
    gap = [word.lower() for word in _WORD.findall(ctx.text, begin, verb[0])]
    if gap and all(word in _LINKS for word in gap):
        return None  # "“...” and tells the crowd": the verb goes on from a subject before the quote
    return _verdict(_subject_after(ctx, begin, verb, stop), "cue_after", *verb) or NOBODY


_LINKS = frozenset({"and", "but", "or", "then", "also", "later", "so", "yet", "while", "before", "after"})


def _inverted(text: str, start: int, verb: tuple[int, int]) -> bool:
    """True for a verb that opens its clause and may put its subject after it: "said" right after a quote
    or at the sentence's start, not "King says Ali ..." (there "Ali" is what King says something of)."""
    if text[verb[0] : verb[1]] not in _INVERTING_VERBS:
        return False
    clause = max(start, *(text.rfind(mark, start, verb[0]) + 1 for mark in ("”", "''", '"')))
    return not _WORD.search(text, clause, verb[0])


def _clause_end(ctx: Context, site: Site) -> int:
    """Where the words after a quote end: its sentence's end, or the next sentence's when a closing
    “...!” or “...?” ended the sentence early ("“We agree!” Tomas Brandt tweeted.")."""
    if site.closing_sentence_end > site.after + 1:
        return site.closing_sentence_end
    following = bisect_left(ctx.sentence_starts, site.after) + 1
    return ctx.sentence_starts[following] if following < len(ctx.sentence_starts) else len(ctx.text)


def _subject_after(ctx: Context, begin: int, verb: tuple[int, int], stop: int) -> str | None:
    """The subject of a verb after a quote: between the quote and the verb ("“...,” Reid told the
    Senate"), or right after a verb that stands first ("“...,” said Jane Doe")."""
    before = [m for m in _between(ctx, begin, verb[0]) if not is_possessive(ctx.text, m)]
    for person_only in (True, False):
        for mention in before:
            if can_speak(ctx, mention, person_only) and _near(ctx.text, mention, verb[0]):
                return mention.actor
    inverted = not _WORD.search(ctx.text, begin, verb[0]) and ctx.text[verb[0] : verb[1]] not in _OBJECT_VERBS
    following = first_speaker(ctx, verb[1], stop) if inverted else None
    if following is None or len(_WORD.findall(ctx.text, verb[1], following.start)) > _INVERTED_GAP_WORDS:
        return None
    return following.actor


_OBJECT_VERBS = frozenset({"told", "tells", "asked", "asks", "urged", "warned"})
"""Verbs whose next noun is who was spoken to, never the speaker."""
_INVERTING_VERBS = frozenset({"said", "says", "added", "adds", "wrote", "writes", "continued", "explained",
                              "noted", "recalled", "replied", "remarked", "declared", "concluded", "tweeted"})
"""Verbs news writing puts before their subject ("said the senator"); after others a name is an object."""
_INVERTED_GAP_WORDS = 4


def according_to(ctx: Context, site: Site) -> Verdict | None:
    """"According to X, “...”" or "“...,” according to X"."""
    before = ctx.text[site.sentence[0] : site.opening]
    found = _ACCORDING.search(before)
    if found is not None and before.rstrip().endswith(","):
        at = site.sentence[0] + found.start()
        return _verdict(_actor(first_speaker(ctx, at, site.opening)), "according_to", at, at + len(found.group()))
    after = _ACCORDING.match(ctx.text, site.after + _leading(ctx.text, site.after, ' ,”"\''))
    if after is None:
        return None
    stop = max(site.closing_sentence_end, after.end())
    return _verdict(_actor(first_speaker(ctx, after.end(), stop)), "according_to", after.start(), after.end())


def colon(ctx: Context, site: Site) -> Verdict | None:
    """"X went further: “...”": the last person or group before a colon that opens the quote."""
    start, mark = site.sentence[0], site.opening
    region = ctx.text[start:mark].rstrip()
    if not region.endswith(":"):
        return None
    at = start + len(region) - 1
    opener = PRONOUN.match(ctx.text, start)  # "She then addressed the crowd again: “...”"
    if opener is not None:
        return _verdict(referent(ctx, opener.group(), start, _previous(site)), "colon", at, at + 1)
    speaker = last_speaker(ctx, start, at, person_only=True)
    if speaker is None or is_possessive(ctx.text, speaker) or not _near(ctx.text, speaker, at):
        return None
    return _verdict(speaker.actor, "colon", at, at + 1)


def speech_noun(ctx: Context, site: Site) -> Verdict | None:
    """"Kerry's announcement that the talks were “open”": a possessive speaker and a noun of saying."""
    start, mark = site.sentence[0], site.opening
    for match in reversed(list(_POSSESSIVE_NOUN.finditer(ctx.text, start, mark))):
        noun = next((g for g in ("first", "second") if match.group(g) in word_set("speech_nouns.txt")), None)
        owner = last_speaker(ctx, start, match.start() + 2) if noun else None
        if owner is not None and owner.end >= match.start():
            return _verdict(owner.actor, "speech_noun", match.start(noun), match.end(noun))
    return None


def reported_speech(ctx: Context, site: Site) -> Verdict | None:
    """A partial quote inside reported speech: "X argued that the pause had “...”", "X bemoaned “...”"."""
    start, mark = site.sentence[0], site.opening
    verbs = [m for m in _WORD.finditer(ctx.text, start, mark) if _is_verb(m, start, "reported_verbs.txt")]
    # The nearest verb whose subject is known: in "Kasich says he'd sit Putin down and tell him “...”"
    # "tell" has none of its own, so "says" gives Kasich.
    for verb in reversed(verbs):
        if len(_WORD.findall(ctx.text, verb.end(), mark)) > _REPORTED_REACH_WORDS:
            return None
        participle = verb.group().endswith("ing")  # "..., saying “...”": the sentence's subject speaks
        subject = (_sentence_subject(ctx, start, verb.start()) if participle
                   else _subject_of(ctx, site, start, verb.start()))
        if subject is not None:
            return _verdict(subject, "reported_speech", verb.start(), verb.end())
    return None


def split_quote(ctx: Context, site: Site) -> Verdict | None:
    """A quoted sentence standing alone right after speech in the same paragraph goes on with it
    ("“Piracy never went away,” she said. “It moved.”")."""
    if site.previous is None or not _stands_alone(ctx.text, site):
        return None
    before = _sentence_before(ctx, site)
    if before is None or not before[0] <= site.previous[1] <= site.sentence[0]:
        return None
    return _verdict(site.previous_speaker, "split_quote", site.previous[0] - 1, site.previous[0])


def beat(ctx: Context, site: Site) -> Verdict | None:
    """The person a short sentence right before is about ("He paused. “...”", "Okonkwo laughed. “...”")."""
    before = _sentence_before(ctx, site) if _stands_alone(ctx.text, site) else None
    if before is None:
        return None
    region = ctx.text[before[0] : before[1]]
    if len(_WORD.findall(region)) > _BEAT_WORDS:
        return None
    lead = _leading(ctx.text, before[0], " A:")
    pronoun = PRONOUN.match(ctx.text, before[0] + lead)
    if pronoun is not None:
        speaker = referent(ctx, pronoun.group(), before[0], _previous(site))
        return _verdict(speaker, "beat", pronoun.start(), pronoun.end())
    opener = first_speaker(ctx, before[0], before[1])
    if opener is None or opener.start != before[0] + lead:
        return None
    return _verdict(opener.actor, "beat", opener.start, opener.end)


def lead_in(ctx: Context, site: Site) -> Verdict | None:
    """A paragraph that is a quote, after one ending in a colon: "Cruz continued:" then “...”."""
    if site.opening != site.paragraph[0]:
        return None
    colon_at = len(ctx.text[: site.paragraph[0]].rstrip()) - 1
    if colon_at < 0 or ctx.text[colon_at] != ":":
        return None
    start = ctx.sentence_starts[max(bisect_left(ctx.sentence_starts, colon_at + 1) - 1, 0)]
    verb = _introducing_verb(ctx.text, start, colon_at + 1)
    if verb is not None:
        return _verdict(_subject_of(ctx, site, start, verb[0]), "lead_in", *verb) or NOBODY
    speaker = last_speaker(ctx, start, colon_at)
    if speaker is None or is_possessive(ctx.text, speaker) or not _near(ctx.text, speaker, colon_at):
        return None
    return _verdict(speaker.actor, "lead_in", colon_at, colon_at + 1)


def same_sentence(ctx: Context, site: Site) -> Verdict | None:
    """A second quote in the sentence of an attributed one, with no new cue between them:
    "Trump said Cruz was “a liar” and “a basket case”"."""
    previous = site.previous
    if previous is None or previous[0] < site.sentence[0]:
        return None
    between = ctx.text[previous[1] : site.opening]
    if any(w.lower() in word_set("reporting_verbs.txt") for w in _WORD.findall(between)):
        return None
    return _verdict(site.previous_speaker, "same_sentence", previous[0] - 1, previous[0])


def paragraph_carry(ctx: Context, site: Site) -> Verdict | None:
    """A paragraph that opens with a quote and names no one goes on with the speech that ended the one
    before: a multi-paragraph quote left open, or news style's "“...,” X said.\n\n“More ...”"."""
    previous = site.previous
    if previous is None or site.opening != site.paragraph[0] or not _stands_alone(ctx.text, site):
        return None
    between = ctx.text[previous[1] : site.paragraph[0]]
    if between.count("\n\n") != 1 or len(_WORD.findall(between)) > _CARRY_TAIL_WORDS:
        return None
    return _verdict(site.previous_speaker, "paragraph_carry", site.opening, site.start)


_CARRY_TAIL_WORDS = 12
"""Words allowed after the last quote of the paragraph before ("Viguerie tells Breitbart News in an interview")."""


def context(ctx: Context, site: Site) -> Verdict | None:
    """A quote standing alone after a sentence that reports someone's words or stance without quoting
    them: "Hillary Clinton defended her record in a statement.\n\n“As Secretary I championed ...”"."""
    if not _stands_alone(ctx.text, site):
        return None
    index = bisect_left(ctx.sentence_starts, site.sentence[0]) - 1
    if index < 0:
        return None
    start, end = ctx.sentence_starts[index], site.sentence[0]
    if start < site.paragraph[0] and (site.opening != site.paragraph[0] or ctx.text.count("\n\n", start, end) != 1):
        return None  # only the sentence just before, in this paragraph or closing the one before
    if any(mark in ctx.text[start:end] for mark in _MARKS):
        return None
    for verb in reversed([m for m in _WORD.finditer(ctx.text, start, end) if _is_verb(m, start, "reported_verbs.txt")]):
        participle = verb.group().endswith("ing")
        subject = (_sentence_subject(ctx, start, verb.start()) if participle
                   else _subject_of(ctx, site, start, verb.start()))
        if subject is not None:
            return _verdict(subject, "context", verb.start(), verb.end())
    return None


_MARKS = ("“", "”", '"', "''")


STEPS: tuple[Step, ...] = (
    cue_before, cue_after, according_to, colon, lead_in, same_sentence, reported_speech, speech_noun,
    split_quote, beat, paragraph_carry, context,
)
"""The sieve, most specific first."""


def _previous(site: Site) -> tuple[int, str] | None:
    """The last speech quote's start and speaker, for pronoun resolution."""
    if site.previous is None or site.previous_speaker is None:
        return None
    return site.previous[0], site.previous_speaker


def _subject_of(ctx: Context, site: Site, start: int, verb_start: int) -> str | None:
    """Who the verb at ``verb_start`` is said by: a pronoun right before it, else the clause's subject.

    The subject is the first person (else the first speaker-like actor) of the clause that governs the
    verb (see ``_near``): "Jeff Weaver, campaign manager for Sanders, said" is Weaver's, "Clinton
    campaign spokesman Brian Fallon said" Fallon's. A possessive ("Clinton's record said") is no subject.
    """
    pronoun = _pronoun_before(ctx.text, start, verb_start)
    if pronoun is not None:  # its own sentence is looked at only up to the pronoun itself
        return referent(ctx, pronoun.group(), start + pronoun.start(), _previous(site))
    mentions = [m for m in _between(ctx, start, verb_start) if not is_possessive(ctx.text, m) and not is_object(ctx.text, m)]
    for person_only in (True, False):
        for mention in mentions:
            if can_speak(ctx, mention, person_only) and _near(ctx.text, mention, verb_start):
                return mention.actor
    if ctx.text[start:verb_start].rstrip().endswith((" and", " but")):  # "X praised Y and called it “...”"
        return _sentence_subject(ctx, start, verb_start)
    return None


def _sentence_subject(ctx: Context, start: int, end: int) -> str | None:
    """Who a participle at ``end`` ("..., saying “...”") is said by: a name right before it ("with Gorka
    noting"), else the speaker-like actor that opens the sentence, or its main clause after an opening
    phrase ("Speaking in Salem, Trump went after Bush, calling him ...")."""
    mentions = [m for m in _between(ctx, start, end) if can_speak(ctx, m) and not is_possessive(ctx.text, m)]
    if mentions and not ctx.text[mentions[-1].end : end].strip():
        return mentions[-1].actor
    openings = [start, *(start + i + 1 for i, ch in enumerate(ctx.text[start:end]) if ch == ",")]
    for mention in mentions:
        if is_object(ctx.text, mention):
            continue
        opening = max(at for at in openings if at <= mention.start)
        if len(_WORD.findall(ctx.text, opening, mention.start)) <= _MAX_SUBJECT_GAP_WORDS:
            return mention.actor
    return None


def _between(ctx: Context, start: int, end: int) -> list[Mention]:
    """The mentions lying wholly inside text[start:end], in text order."""
    first = bisect_left(ctx.starts, start)
    return [m for m in ctx.mentions[first : bisect_left(ctx.starts, end)] if m.end <= end]


# One parenthetical between commas, which may hold one comma of its own (", a salesman from Sumter, S.C.,").
_PARENTHETICAL = re.compile(r",[^,]*(?:,[^,]*)?,")
_MAX_SUBJECT_GAP_WORDS = 3


def _near(text: str, mention: Mention, verb_start: int) -> bool:
    """True when a subject mention governs the verb: at most a few words ("has also", "on Tuesday") or
    one parenthetical (", Sanders' campaign manager,", ", who chaired the talks,") between them. A name
    that is itself set off by commas ("His predecessor, Gen. Timo Kivinen, had warned") keeps its
    closing comma."""
    gap = _PARENTHETICAL.sub(" ", text[mention.end : verb_start], count=1).strip()
    if gap.startswith(",") and "," in text[max(0, mention.start - _APPOSITION_REACH) : mention.start]:
        gap = gap[1:]
    words = gap.removesuffix(",").split()
    # "Analysts at the Lowy Institute said": a prepositional phrase may stand after the subject.
    most = _MAX_MODIFIED_GAP_WORDS if words and words[0] in _PREPOSITIONS else _MAX_SUBJECT_GAP_WORDS
    return "," not in gap.removesuffix(",") and len(words) <= most


_APPOSITION_REACH = 12
_PREPOSITIONS = frozenset({"at", "of", "for", "from", "with", "in", "on"})
_MAX_MODIFIED_GAP_WORDS = 6


def _pronoun_before(text: str, start: int, verb_start: int) -> re.Match[str] | None:
    """A subject pronoun at most two words before the verb ("he said", "she also told")."""
    words = list(re.finditer(r"[\w’']+", text[start:verb_start]))[-3:]
    for word in reversed(words):
        if PRONOUN.fullmatch(word.group()):
            return word
    return None


def _introducing_verb(text: str, start: int, mark: int) -> tuple[int, int] | None:
    """The first reporting verb before an opening mark close enough to introduce the quote."""
    for match in _WORD.finditer(text, start, mark):
        if _is_verb(match, start, "reporting_verbs.txt") and _introduces(text[match.end() : mark]):
            return match.start(), match.end()
    return None


def _is_verb(word: re.Match[str], start: int, verbs: str) -> bool:
    """True for a verb of the list; capitalised ("Murphy, the head of the PAC, Tweeted") only where it
    does not open the span, since "Asked whether ..." opening a sentence introduces no one's words."""
    text, listed = word.group(), word_set(verbs)
    # Most words are in small letters already: lower-casing them again would look the same word up twice.
    return text in listed or (not text.islower() and word.start() > start and text.lower() in listed)


def _introduces(gap: str) -> bool:
    """True when the words between a verb and the quote are few or end in ",", ":" or "that"."""
    stripped = gap.strip()
    return stripped.endswith((",", ":")) or stripped.endswith(" that") or stripped == "that" or len(
        stripped.split()
    ) <= _MAX_GAP_WORDS


def _verb_within(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The first reporting verb in text[start:stop] with only a few words (and one parenthetical, as in
    "Tomas Brandt, a spokesman for the port, told") before it."""
    for match in _WORD.finditer(text, start, stop):
        if _is_verb(match, start, "reporting_verbs.txt"):
            gap = _PARENTHETICAL.sub(" ", text[start : match.start()], count=1)
            return (match.start(), match.end()) if len(_WORD.findall(gap)) < _VERB_WITHIN_WORDS else None
    return None


def _comma_closes(text: str, site: Site) -> bool:
    """True for “...,” or “...” followed by a comma or a lower-case word: the sentence names its speaker."""
    body = text[site.start : site.end].rstrip()
    after = text[site.after : site.after + 2].lstrip()
    return body.endswith((",", "?", "!")) or after.startswith(",") or (bool(after) and after[0].islower())


def _stands_alone(text: str, site: Site) -> bool:
    """True when the quote is the whole of its sentence (an interview label "A:" aside)."""
    sentence_start, sentence_end = site.sentence
    before = text[sentence_start : site.opening].strip(" \t\nA:")
    after = text[site.after : max(sentence_end, site.after)].strip(" \t.,;:!?\"”’'")
    return not before and not after


def _sentence_before(ctx: Context, site: Site) -> tuple[int, int] | None:
    """The sentence just before the quote's, if it is in the same paragraph."""
    index = bisect_left(ctx.sentence_starts, site.sentence[0]) - 1
    if index < 0:
        return None
    start = ctx.sentence_starts[index]
    if start < site.paragraph[0]:
        return None
    return start, site.sentence[0]


def _leading(text: str, at: int, chars: str) -> int:
    """How many of ``chars`` stand at text[at:]."""
    end = at
    while end < len(text) and text[end] in chars:
        end += 1
    return end - at
