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
from functools import lru_cache

from store.extract.lexicon import word_set
from store.extract.considered import considered
from store.extract.quotemarks import Marks, is_title_cased
from store.extract.cues import introducing_verb, introducing_verbs, inverted, is_verb, verb_within
from store.extract.roles import WORD, is_object, is_possessive
from store.extract.subjects import near, sentence_subject, subject_after, subject_of
from store.extract.speakers import PRONOUN, Context, first_speaker, last_speaker, referent
from store.model import Attribution, Mention

_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Pp]er)\b")  # "per a senior official, “...”"
_PRONOUN_FIRST = re.compile(r"[\s,]*(?P<p>he|she|they|it|He|She|They|It)\b")
_AFTER_WINDOW = 200
_BEAT_WORDS = 6
_REPORTED_REACH_WORDS = 25
# A possessive and the two words after it: "Kerry's announcement", "the ministry's strongly worded statement".
_THAT = re.compile(r"\bthat\b")
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
    """The speaker of a quote and how it was found, from the first step that is sure; else None.
    The attribution also records what was passed over (store/extract/considered.py)."""
    passed: list[str] = []
    for step in STEPS:
        verdict = step(ctx, site)
        if verdict is NOBODY:
            return None
        if verdict is not None:
            span = (site.sentence[0], site.closing_sentence_end)
            return verdict[0], considered(ctx, span, verdict[0], verdict[1], passed)
        passed.append(step.__name__)
    return None


def _verdict(speaker: str | None, rule: str, cue_start: int, cue_end: int) -> Verdict | None:
    """A step's answer, or None when it named nobody."""
    return (speaker, Attribution(rule, cue_start, cue_end)) if speaker else None


def _actor(mention: Mention | None) -> str | None:
    """The actor a mention names, if there is one."""
    return mention.actor if mention is not None else None


def transcript_turn(ctx: Context, site: Site) -> Verdict | None:
    """"“PENCE: Well, look, ...”": a transcript's speaker label opening the quote names the one person of
    the article with that surname; a label no one answers to (two share it, "VIDEO:") is still a turn
    of its own, never the speaker before going on."""
    label = _TURN_LABEL.match(ctx.text, site.start)
    if label is None:
        return None
    surname = label.group("surname").upper()
    people = {name for name, kind in ctx.kinds.items() if kind == "person" and name.split()[-1].upper() == surname}
    return _verdict(people.pop(), "transcript_turn", *label.span("surname")) if len(people) == 1 else NOBODY


_TURN_LABEL = re.compile(r"(?:(?:MR|MRS|MS|DR|SEN|REP|GOV)\.\s+)?(?P<surname>[A-Z][A-Z’'-]+):\s")


def interview_answer(ctx: Context, site: Site) -> Verdict | None:
    """"A: “Numbers. We have fewer boats ...”" after a "Q:": an interview's answer is the interviewee's, the
    first person its introduction names before the first question."""
    label = _ANSWER_LABEL.match(ctx.text, site.paragraph[0], site.opening)
    if label is None or label.end() != site.opening:
        return None
    question = _first_question(ctx.text)
    if question is None or question >= site.paragraph[0]:
        return None
    intro = ctx.mentions[: min(bisect_left(ctx.starts, question), _INTRO_MENTIONS)]
    introduced = next((m for m in intro if ctx.kinds.get(m.actor) == "person" and not _bylined(ctx.text, m)), None)
    return _verdict(_actor(introduced), "interview_answer", label.start(), label.start() + 2)


_ANSWER_LABEL = re.compile(r"[ \t*_]*A:[ \t*_]*")
_QUESTION_LABEL = re.compile(r"^[ \t*_]*Q:", re.MULTILINE)
_BYLINE_BEFORE = re.compile(r"\b[Bb]y\s+$")


@lru_cache(maxsize=2)  # asked for every "A:" answer of the same article: looked for once
def _first_question(text: str) -> int | None:
    """Where an interview's first "Q:" label stands, if the text has one."""
    found = _QUESTION_LABEL.search(text)
    return found.start() if found is not None else None


_INTRO_MENTIONS = 40
"""Mentions an interview's introduction is looked through for its interviewee: a bound for long texts."""


def _bylined(text: str, mention: Mention) -> bool:
    """True for the writer's byline ("By Elina Koskinen"), which introduces no interviewee."""
    return _BYLINE_BEFORE.search(text, max(0, mention.start - _BYLINE_REACH), mention.start) is not None


_BYLINE_REACH = 4


def cue_before(ctx: Context, site: Site) -> Verdict | None:
    """"X said, “...”", "X tweeted: “...”", "he added “...”": a reporting verb just before the quote."""
    start, mark = site.sentence[0], site.opening
    verbs = list(introducing_verbs(ctx.text, start, mark))
    # A verb right at the quote with a subject of its own comes first ("When Clinton noted ..., Trump boasted,
    # “...”", not "Lazar said he ... and added, “...”"); then text order, where a word with no subject is
    # passed over ("Following reports of the blast, Trump said that “...”").
    ranked = sorted(((not _immediate(ctx.text, start, verb, mark), verb) for verb in verbs), key=lambda r: r[0])
    for later, verb in ranked:
        subject = subject_of(ctx, start, verb[0], _previous(site))
        if subject is None and inverted(ctx.text, start, verb):  # "“...,” said the senator, “...”"
            subject = _actor(first_speaker(ctx, verb[1], mark))
        if subject is None and ctx.text.endswith("ing", verb[0], verb[1]):  # "footage of Trump saying, “...”"
            subject = sentence_subject(ctx, start, verb[0])
        if subject is not None and later and _tagged_after(ctx, site):
            return None  # "When Obama offered money, “they were broke,” DeSantis said": cue_after takes it
        if subject is not None:
            return subject, Attribution("cue_before", *verb)
    if not verbs:
        return None
    # "a man yelled “...”" names no actor and ends the sieve; "..., then called her “third-rate”" leaves its
    # subject to the sentence, and "The spot concludes with footage of Trump saying, “...”" leaves the quote to
    # the nearer verb of reported speech: a later step finds them.
    elided = _ELIDED_SUBJECT.search(ctx.text, start, verbs[0][0]) is not None
    return None if elided or _reported_verb_within(ctx.text, start, verbs[-1][1], mark) else NOBODY


def _tagged_after(ctx: Context, site: Site) -> bool:
    """True for “...,” DeSantis said: a named speaker and a reporting verb within a few words after the quote."""
    if not (site.closed and _awaits_speaker(ctx.text, site)):
        return False
    stop = min(_clause_end(ctx, site), site.after + _AFTER_WINDOW)
    verb = verb_within(ctx.text, site.after, stop)
    return verb is not None and len(WORD.findall(ctx.text, site.after, verb[0])) <= _TAG_WORDS \
        and subject_after(ctx, site.after, verb, stop) is not None


_TAG_WORDS = 3


def _reported_verb_within(text: str, start: int, begin: int, end: int) -> bool:
    """True when a verb of reported speech stands in text[begin:end] ("footage of Trump saying")."""
    return any(is_verb(word, start, "reported_verbs.txt") for word in WORD.finditer(text, begin, end))


def _immediate(text: str, start: int, verb: tuple[int, int], mark: int) -> bool:
    """True for a verb right before the quote, but for a colon or comma, whose subject is not elided."""
    return _IMMEDIATE.fullmatch(text, verb[1], mark) is not None and not _ELIDED_SUBJECT.search(text, start, verb[0])


_IMMEDIATE = re.compile(r"\s*[,:]?\s*")
_ELIDED_SUBJECT = re.compile(
    r"(?:,|\b(?:and|but|or|then)|\b[a-z]+(?:ed|ing))\s+"
    r"(?:(?:has|have|had|to|be|been|is|was|were|will|would|could|should|may|might|must|also|then|later|now"
    r"|not|never|[a-z]+ly)\s+)*$")
"""The words before a verb with no subject of its own: a comma, a conjunction or another verb, then at most
auxiliaries and adverbs ("..., and later had called")."""


def cue_after(ctx: Context, site: Site) -> Verdict | None:
    """"“...,” said X", "“...,” X said", "“...,” she said": a reporting verb in the first words after it."""
    if not (site.closed and _comma_closes(ctx.text, site)):
        return None
    begin = site.after
    stop = min(_clause_end(ctx, site), begin + _AFTER_WINDOW)
    verb = verb_within(ctx.text, begin, stop)
    if verb is None:
        return None
    pronoun = _PRONOUN_FIRST.match(ctx.text, begin, verb[0])
    if pronoun is not None:
        speaker = referent(ctx, pronoun.group("p"), site.opening, _previous(site))
        return _verdict(speaker, "cue_after_pronoun", *verb) or NOBODY
    gap = [word.lower() for word in WORD.findall(ctx.text, begin, verb[0])]
    flowing = not _awaits_speaker(ctx.text, site)
    # "“...” and tells the crowd", "“...,” but he said that", "took “robust steps” in response, and he
    # urged": the verb is a later clause's.
    if gap and (gap[0] in _LINKS or gap[0] in _SUBORDINATORS or flowing and gap[0] not in _DETERMINERS):
        return None
    if _OWN_OBJECT.match(ctx.text, verb[1]):  # "“...,” Melanie said yes, yes": she said something else
        return None
    verdict = _verdict(subject_after(ctx, begin, verb, stop), "cue_after", *verb)
    # A verb found only in the next sentence ("“...?” The firm relies on user reports.") may be no cue at
    # all: its missing subject does not end the sieve.
    return verdict or (None if flowing or verb[0] >= site.closing_sentence_end else NOBODY)


_OWN_OBJECT = re.compile(r"\s+(?:yes|no|nothing|so)\b")
_LINKS = frozenset({"and", "but", "or", "then", "also", "later", "so", "yet", "while", "before", "after"})
_SUBORDINATORS = frozenset({"though", "although", "because", "when", "whereas", "if", "since", "as", "until",
                            "unless", "where", "which", "that"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "one", "another", "two", "three"})
_CLAUSE_OPENERS = _LINKS | _SUBORDINATORS | {"who", "whom"}
"""Words that open a clause going on from a quote rather than a speaker's own ("“...,” which he thinks")."""


def _clause_end(ctx: Context, site: Site) -> int:
    """Where the words after a quote end: its sentence's end, or the next sentence's when a closing
    “...!” or “...?” ended the sentence early ("“We agree!” Tomas Brandt tweeted.")."""
    if site.closing_sentence_end > site.after + 1:
        return site.closing_sentence_end
    following = bisect_left(ctx.sentence_starts, site.after) + 1
    return ctx.sentence_starts[following] if following < len(ctx.sentence_starts) else len(ctx.text)


def sentence_tag(ctx: Context, site: Site) -> Verdict | None:
    """"A cashier who “steals a few $20s” is held accountable, Warren said.": a sentence that ends in a
    ", X said" tag after the quote is X's, quote and all."""
    stop = site.closing_sentence_end
    if not site.closed:
        return None
    for comma in (m.start() for m in re.finditer(",", ctx.text[site.after : stop])):
        begin = site.after + comma + 1
        if any(mark in ctx.text[site.after : begin] for mark in _MARKS):
            return None  # another quote comes first: the tag is nearer to it ("..., she said, adding “...”" is not)
        verb = verb_within(ctx.text, begin, stop)
        if verb is None or not _ends_tag(ctx.text, verb[1], stop):
            continue
        pronoun = _PRONOUN_FIRST.match(ctx.text, begin, verb[0])
        if pronoun is not None:
            return _verdict(referent(ctx, pronoun.group("p"), site.opening, _previous(site)), "sentence_tag", *verb)
        return _verdict(subject_after(ctx, begin, verb, stop), "sentence_tag", *verb)
    return None


def _ends_tag(text: str, at: int, stop: int) -> bool:
    """True when a few words at most ("in a statement", "on Tuesday") end the clause after a tag's verb."""
    rest = text[at:stop].split(",")[0]
    return len(WORD.findall(rest)) <= _TAG_TAIL_WORDS


_TAG_TAIL_WORDS = 6


def signature(ctx: Context, site: Site) -> Verdict | None:
    """"“...” ― Jane Doe": a dash after the quote signs it with a name, as under an epigraph or in a
    round-up of readers' answers."""
    dash = _SIGNATURE_DASH.match(ctx.text, site.after) if site.closed else None
    if dash is None:
        return None
    signer = first_speaker(ctx, dash.end(), dash.end() + _SIGNATURE_REACH, person_only=True)
    if signer is None or signer.start != dash.end() or not _SIGNATURE_END.match(ctx.text, signer.end):
        return None  # "“a disaster” — Smith disagreed" goes on with a sentence of its own
    return _verdict(signer.actor, "signature", dash.start("dash"), dash.end("dash"))


_SIGNATURE_DASH = re.compile(r"[^\S\n]*(?P<dash>[―—]|--)[^\S\n]*")  # no-break spaces too
_SIGNATURE_REACH = 80
_SIGNATURE_END = re.compile(r"\s*(?:[.,;(\n“\"]|$)")  # the next answer may follow at once


def dash_aside(ctx: Context, site: Site) -> Verdict | None:
    """"including Mitt Romney -- “It is disqualifying ...” -- and Fred Goldberg": a quote set off by a dash
    right after a person's name is that person's words."""
    dash = _DASH_BEFORE.search(ctx.text, max(site.sentence[0], site.opening - _SIGNATURE_REACH), site.opening)
    if dash is None or not site.closed or not _ASIDE_END.match(ctx.text, site.after):
        return None
    person = last_speaker(ctx, site.sentence[0], dash.start(), person_only=True)
    if person is None or person.end != dash.start() or is_possessive(ctx.text, person):
        return None
    return _verdict(person.actor, "dash_aside", dash.start("dash"), dash.end("dash"))


_DASH_BEFORE = re.compile(r"[^\S\n]*(?P<dash>[―—]|--)[^\S\n]*$")
_ASIDE_END = re.compile(r"[^\S\n]*(?:[―—]|--|[.;]|$)")


def according_to(ctx: Context, site: Site) -> Verdict | None:
    """"According to X, “...”", "“...,” according to X", or any quote of a sentence that opens with
    "According to X," ("According to X, the pause “risks ...”"): the whole sentence is X's account."""
    before = ctx.text[site.sentence[0] : site.opening]
    found = _ACCORDING.search(before)
    opens = found is not None and not before[: found.start()].strip(" \t\"“‘'*_")
    if found is not None and (opens or before.rstrip().endswith(",")):
        at = site.sentence[0] + found.start()
        return _verdict(_actor(first_speaker(ctx, at, site.opening)), "according_to", at, at + len(found.group()))
    after = _ACCORDING.match(ctx.text, site.after + _leading(ctx.text, site.after, ' ,”"\'')) \
        or _closing_according(ctx, site)
    if after is None:
        return None
    stop = max(site.closing_sentence_end, after.end())
    return _verdict(_actor(first_speaker(ctx, after.end(), stop)), "according_to", after.start(), after.end())


def _closing_according(ctx: Context, site: Site) -> re.Match[str] | None:
    """", according to X." closing the quote's sentence after no other quote: the sentence is X's account
    ("was greeted with chants of “Bobby!” at a rally, according to the union's president"), though a title
    in it (“The Apprentice”) is still a title."""
    tail = ctx.text[site.after : site.closing_sentence_end]
    if any(mark in tail for mark in _MARKS) or _names_something(ctx.text, site):
        return None
    found = _CLOSING_ACCORDING.search(tail)
    return _ACCORDING.match(ctx.text, site.after + found.start("according")) if found is not None else None


def _names_something(text: str, site: Site) -> bool:
    """True for a quoted title or name: title-cased, or words that all start with a capital (“The Apprentice”)."""
    words = text[site.start : site.end].split()
    return is_title_cased(text, Marks(site.start, site.end, site.closed)) or len(words) > 1 and all(
        word[0].isupper() for word in words)


_CLOSING_ACCORDING = re.compile(r",\s*(?P<according>[Aa]ccording to)\s[^,;]*$")


def as_put_it(ctx: Context, site: Site) -> Verdict | None:
    """"as X put it, “...”", "“...,” as X put it": the quote is X's wording, in the quote's sentence."""
    for found in _PUT_IT.finditer(ctx.text, site.sentence[0], site.closing_sentence_end):
        if found.end() <= site.opening or found.start() >= site.after:
            speaker = first_speaker(ctx, found.start("who"), found.end("who"))
            return _verdict(_actor(speaker), "as_put_it", found.start("put"), found.end("put"))
    return None


_PUT_IT = re.compile(r"\b[Aa]s\s+(?P<who>(?:[\w.’'&-]+\s+){1,8}?)(?P<put>put)\s+it\b")


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
    speaker = _before_colon(ctx, start, at, person_only=True)
    if speaker is None and _ends_in_speech_noun(ctx.text, start, at):
        speaker = sentence_subject(ctx, start, at)  # "Obama is rolling out a new campaign message: “...”"
    return _verdict(speaker, "colon", at, at + 1)


def _before_colon(ctx: Context, start: int, at: int, person_only: bool = False) -> str | None:
    """The speaker right before a colon at ``at``, unless it is owned or governed with no verb of its own
    after it ("a message to Trump:", "celebrated the attacks on Twitter:"; not "with Trump yelling:")."""
    speaker = last_speaker(ctx, start, at, person_only)
    if speaker is None or is_possessive(ctx.text, speaker) or not near(ctx.text, speaker, at):
        return None
    governed = is_object(ctx.text, speaker) and not _FROM.search(ctx.text, max(0, speaker.start - 6), speaker.start) \
        and not any(word.endswith(("ing", "ed")) for word in WORD.findall(ctx.text, speaker.end, at))
    return None if governed else speaker.actor


def _ends_in_speech_noun(text: str, start: int, at: int) -> bool:
    """True when a noun of saying ("message", "statement") stands right before ``at``."""
    last = _LAST_WORD.search(text, start, at)
    return last is not None and last.group(1) in word_set("speech_nouns.txt")


_LAST_WORD = re.compile(r"\b([a-z]+)\s*$")


_FROM = re.compile(r"\b(?:from|by)\s+$")
"""Objects that are still sources before a colon: "More from Jones:", "a statement by the ministry:"."""


def speech_noun(ctx: Context, site: Site) -> Verdict | None:
    """"Kerry's announcement that the talks were “open”": a possessive speaker and a noun of saying whose
    "that" clause or colon holds the quote; "Trump's comments were “divisive”" is someone else's verdict."""
    start, mark = site.sentence[0], site.opening
    for match in reversed(list(_POSSESSIVE_NOUN.finditer(ctx.text, start, mark))):
        noun = next((g for g in ("first", "second") if match.group(g) in word_set("speech_nouns.txt")), None)
        owner = last_speaker(ctx, start, match.start() + 2) if noun else None
        if owner is not None and owner.end >= match.start() and _complement(ctx.text, match.end(noun), mark):
            return _verdict(owner.actor, "speech_noun", match.start(noun), match.end(noun))
    return None


def _complement(text: str, noun_end: int, mark: int) -> bool:
    """True when the quote stands in the noun's own clause: a colon right after it, or "that" within a few
    words and no comma ("announcement in a press conference that ...")."""
    gap = text[noun_end:mark]
    if gap.strip() == ":":
        return True
    that = _THAT.search(gap)
    return that is not None and "," not in gap[: that.start()] and len(WORD.findall(gap, 0, that.start())) <= 8


def cast_as(ctx: Context, site: Site) -> Verdict | None:
    """"Reid has gone after Trump as a “con artist”", "pounding him as a “fraud”": a verb that casts its
    object as the quote gives the quote to its subject, as a verb of reported speech does."""
    return _framed(ctx, site, _CAST_AS, "cast_as")


def talks_about(ctx: Context, site: Site) -> Verdict | None:
    """"as Trump went on about “how the system is rigged,”", "she spoke about the “new economy”": a verb of
    talking whose "about" holds the quote gives it to its subject; talking about a title (“Collapse: How
    Societies Fail”) is talking about a work."""
    if is_title_cased(ctx.text, Marks(site.start, site.end, site.closed)):
        return None
    return _framed(ctx, site, _ABOUT, "talks_about")


def uses_phrase(ctx: Context, site: Site) -> Verdict | None:
    """"Trump has used the phrase “Islamic terrorism” often", "she coined the term “...”": the words are the
    user's."""
    return _framed(ctx, site, _PHRASE, "uses_phrase")


def _framed(ctx: Context, site: Site, frame: re.Pattern[str], rule: str) -> Verdict | None:
    """The subject of a framing verb (data/framing_verbs.txt) a few words before ``frame``, which ends right
    at the quote, with no clause break between them."""
    start, mark = site.sentence[0], site.opening
    found = frame.search(ctx.text, max(start, mark - _FRAME_REACH), mark)
    if found is None:
        return None
    verdict = _reported_by(ctx, site, start, found.start(), rule, _FRAMED_OBJECT_WORDS, "framing_verbs.txt")
    if verdict is None or _CLAUSE_BREAK.search(ctx.text, verdict[1].cue_end, found.start()):
        return None
    return verdict


_CAST_AS = re.compile(r"(?<!\bwell )(?<!\bsuch )(?<!\bso )\bas\s+(?:being\s+(?:in\s+)?)?(?:(?:a|an|the)\s+)?$")
_ABOUT = re.compile(r"\b(?:on\s+)?about\s+(?:(?:a|an|the)\s+)?$")
_PHRASE = re.compile(r"\b(?:the|a|an|that|this|his|her|their|its)\s+(?:phrase|term|word|expression|slogan|line)\s+$")
_FRAME_REACH = 40
_FRAMED_OBJECT_WORDS = 6
_CLAUSE_BREAK = re.compile(r"[,;:()—–]")


def reported_speech(ctx: Context, site: Site) -> Verdict | None:
    """A partial quote inside reported speech: "X argued that the pause had “...”", "X bemoaned “...”"."""
    start, mark = site.sentence[0], site.opening
    return _reported_by(ctx, site, start, mark, "reported_speech", reach=_REPORTED_REACH_WORDS)


def _reported_by(ctx: Context, site: Site, start: int, end: int, rule: str, reach: int | None = None,
                 verbs: str = "reported_verbs.txt") -> Verdict | None:
    """The subject of the nearest verb of reported speech in text[start:end] that has one (and stands within
    ``reach`` words of the end): in "Kasich says he'd sit Putin down and tell him “...”" "tell" has none
    of its own, so "says" gives Kasich; an "-ing" form ("..., saying “...”") gives the sentence's subject."""
    for verb in reversed([m for m in WORD.finditer(ctx.text, start, end) if is_verb(m, start, verbs)]):
        if reach is not None and len(WORD.findall(ctx.text, verb.end(), end)) > reach:
            return None
        if verb.group().endswith("ing") or _INFINITIVE.search(ctx.text, max(start, verb.start() - 4), verb.start()):
            # "..., saying “...”", "took to Twitter to accuse her of being “duped”": the sentence's subject
            subject = sentence_subject(ctx, start, verb.start()) or _opening_pronoun(ctx, site, start)
        else:
            subject = subject_of(ctx, start, verb.start(), _previous(site))
        if subject is not None:
            return _verdict(subject, rule, verb.start(), verb.end())
    return None


_INFINITIVE = re.compile(r"\bto\s+$")


def _opening_pronoun(ctx: Context, site: Site, start: int) -> str | None:
    """Whom a pronoun opening the sentence at ``start`` stands for ("He's claiming that ...", "She went on,
    calling it ..."), when it opens it."""
    opener = PRONOUN.match(ctx.text, start + _leading(ctx.text, start, ' "“‘'))
    return referent(ctx, opener.group(), opener.start(), _previous(site)) if opener is not None else None


def split_quote(ctx: Context, site: Site) -> Verdict | None:
    """A quoted sentence standing alone right after speech in the same paragraph goes on with it
    ("“Piracy never went away,” she said. “It moved.”"), also when its sentence goes on after it
    ("“...,” she said. “It moved” and grew.")."""
    if site.previous is None or not _opens_sentence(ctx.text, site):
        return None
    if _names_own_speaker(ctx.text, site):
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
    opening = _OPENING_PARTICIPLE.match(ctx.text, before[0], before[1])  # "Asked about it, Holt shrugged."
    if opening is not None:
        before = (opening.end(), before[1])
    region = ctx.text[before[0] : before[1]]
    if len(WORD.findall(region)) > _BEAT_WORDS:
        return None
    lead = _leading(ctx.text, before[0], " A:")
    pronoun = PRONOUN.match(ctx.text, before[0] + lead)
    if pronoun is not None and pronoun.group().lower() != "it":  # "It was late. “...”" is about no one
        speaker = referent(ctx, pronoun.group(), before[0], _previous(site))
        return _verdict(speaker, "beat", pronoun.start(), pronoun.end())
    opener = first_speaker(ctx, before[0], before[1])
    if opener is None or opener.start != before[0] + lead:
        return None
    return _verdict(opener.actor, "beat", opener.start, opener.end)


_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]+(?:ed|ing)\b[^,.;:“”\"]{0,60},\s*")
"""A participle phrase opening a sentence ("Asked about China's new carriers, "): its subject follows it."""


def lead_in(ctx: Context, site: Site) -> Verdict | None:
    """A paragraph that is a quote, after one ending in a colon: "Cruz continued:" then “...”."""
    if site.opening != site.paragraph[0]:
        return None
    colon_at = len(ctx.text[: site.paragraph[0]].rstrip()) - 1
    if colon_at < 0 or ctx.text[colon_at] != ":":
        return None
    start = ctx.sentence_starts[max(bisect_left(ctx.sentence_starts, colon_at + 1) - 1, 0)]
    verb = introducing_verb(ctx.text, start, colon_at + 1)
    if verb is not None:
        subject = subject_of(ctx, start, verb[0], _previous(site))
        if subject is None and inverted(ctx.text, start, verb):  # "Stated Stone:" then “...”
            subject = _actor(first_speaker(ctx, verb[1], colon_at))
        return _verdict(subject, "lead_in", *verb) or NOBODY
    return _verdict(_before_colon(ctx, start, colon_at), "lead_in", colon_at, colon_at + 1)


def same_sentence(ctx: Context, site: Site) -> Verdict | None:
    """A second quote in the sentence of an attributed one, with no new cue between them:
    "Trump said Cruz was “a liar” and “a basket case”"."""
    previous = site.previous
    if previous is None or previous[0] < site.sentence[0]:
        return None
    gap = ctx.text[previous[1] : site.opening]
    if any(w.lower() in word_set("reporting_verbs.txt") for w in WORD.findall(gap)):
        return None
    return _verdict(site.previous_speaker, "same_sentence", previous[0] - 1, previous[0])


def paragraph_carry(ctx: Context, site: Site) -> Verdict | None:
    """A paragraph that opens with a quote and names no one goes on with the speech that ended the one
    before: a multi-paragraph quote left open, or news style's "“...,” X said.\n\n“More ...”"."""
    previous = site.previous
    if previous is None or site.opening != site.paragraph[0] or not _stands_alone(ctx.text, site):
        return None
    tail = ctx.text[previous[1] : site.paragraph[0]]
    if tail.count("\n\n") != 1 or len(WORD.findall(tail)) > _CARRY_TAIL_WORDS:
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
    return _reported_by(ctx, site, start, end, "context")


_MARKS = ("“", "”", '"', "''")


STEPS: tuple[Step, ...] = (
    transcript_turn, interview_answer, as_put_it, cue_before, cue_after, signature, dash_aside, sentence_tag,
    according_to, colon, lead_in, same_sentence, cast_as, talks_about, uses_phrase, reported_speech, speech_noun,
    split_quote, beat, paragraph_carry, context,
)
"""The sieve, most specific first."""


def _previous(site: Site) -> tuple[int, str] | None:
    """The last speech quote's start and speaker, for pronoun resolution. A quote left open at its
    paragraph's end is a passage copied from another writer (X reports: "She had ...), and the pronouns
    after it stand for its people, not its writer: the speaker is then "", whom no pronoun agrees with,
    so a look-back that reaches it names nobody rather than the writer."""
    if site.previous is None or site.previous_speaker is None:
        return None
    start, _, closed = site.previous
    return start, site.previous_speaker if closed else ""


def _comma_closes(text: str, site: Site) -> bool:
    """True for “...,” or “...” followed by a comma or a lower-case word: the sentence names its speaker."""
    after = text[site.after : site.after + 2].lstrip()
    return _awaits_speaker(text, site) or (bool(after) and after[0].islower())


def _awaits_speaker(text: str, site: Site) -> bool:
    """True for “...,” “...?” “...!” or “...”, : punctuation that hands the sentence on to its speaker,
    also behind a closing inner quote (“You said ‘never,’”)."""
    body = text[site.start : site.end].rstrip().rstrip("’'\"")
    after = text[site.after : site.after + 2].lstrip()
    return body.endswith((",", "?", "!")) or after.startswith(",")


def _stands_alone(text: str, site: Site) -> bool:
    """True when the quote is the whole of its sentence (an interview label "A:" aside)."""
    after = text[site.after : max(site.sentence[1], site.after)].strip(" \t.,;:!?\"”’'")
    return _opens_sentence(text, site) and not after


def _names_own_speaker(text: str, site: Site) -> bool:
    """True for "“...,” an angry Hollande retorted" or "“...!” blared the front page": a quote handing its
    sentence on to words that are not a subordinate clause ("“...,” which he thinks ...")."""
    if not _awaits_speaker(text, site) or _stands_alone(text, site):
        return False
    following = WORD.search(text, site.after, max(site.sentence[1], site.after))
    return following is not None and following.group().lower() not in _CLAUSE_OPENERS


def _opens_sentence(text: str, site: Site) -> bool:
    """True when nothing but an interview label ("A:") comes before the quote in its sentence."""
    return not text[site.sentence[0] : site.opening].strip(" \t\nA:")


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
