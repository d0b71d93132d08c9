"""Records produced by extraction: what one article says, with character offsets into its text."""

from __future__ import annotations

from dataclasses import InitVar, dataclass, fields
from typing import TypeVar

# Passage and Mention are made by the hundred thousand from a hostile article (a line of acronyms is
# 250,000 mentions a MB), so they are not frozen: a frozen dataclass sets each field through
# object.__setattr__ (about 2 µs a record against 0.4 µs). Nothing changes them after they are made;
# unsafe_hash keeps them comparing and hashing by value, as frozen ones did.

_Spanned = TypeVar("_Spanned")


def _end_from_text(cls: type[_Spanned]) -> type[_Spanned]:
    """Give a record whose ``text`` is exactly the article's ``text[start:end]`` its ``end`` as ``start`` plus
    the text's length (``end`` is taken by its constructor, not kept), and its dataclass repr with ``end``.

    Why: an int the fewer a record, 40 bytes of each of the 1.3 million passages of 9 MB of one-word
    paragraphs (and of each of the 2.25 million mentions of 9 MB of acronyms)."""
    names = [field.name for field in fields(cls)]  # type: ignore[arg-type]
    names.insert(names.index("start") + 1, "end")

    def __repr__(self: _Spanned) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({shown})"

    cls.end = property(lambda self: self.start + len(self.text), doc="Where the text ends.")  # type: ignore[attr-defined]
    cls.__repr__ = __repr__  # type: ignore[method-assign,assignment]
    return cls

# The kinds (ACTOR_KINDS, PASSAGE_KINDS, QUOTE_KINDS, DATE_PRECISIONS) are in store/kinds.py.


@_end_from_text
@dataclass(slots=True, unsafe_hash=True, repr=False)  # never changed after it is made: see above
class Passage:
    """A block of the article: its title, publication line, a heading, a paragraph, a table or a footnote."""

    ordinal: int
    """Position of the passage in the article, from 0."""
    kind: str
    """One of PASSAGE_KINDS."""
    section: str
    """Text of the heading this passage falls under ('' before the first heading)."""
    number: int | None
    """Paragraph number for paragraphs (from 1), footnote number for footnotes, else None."""
    start: int
    end: InitVar[int]
    text: str
    """Exactly ``article_text[start:end]``."""


@dataclass(frozen=True)
class Actor:
    """Someone or something the article names, with its aliases resolved to one canonical name."""

    name: str
    """Canonical full name ("Anders Fogh Rasmussen"); also the actor's key within one article."""
    kind: str
    """One of ACTOR_KINDS."""
    title: str | None = None
    """Titles and roles found for a person ("NATO Secretary General"), joined with '; '."""
    aliases: tuple[str, ...] = ()
    """Other forms used for the same actor ("Rasmussen", "NATO's" -> "NATO", "ISAF")."""


@_end_from_text
@dataclass(slots=True, unsafe_hash=True, repr=False)  # never changed after it is made: see above
class Mention:
    """One place where an actor is named (or clearly referred to) in the text."""

    actor: str
    """The canonical name of an Actor of the same Article."""
    start: int
    end: InitVar[int]
    text: str
    """Exactly ``article_text[start:end]``."""


@dataclass(frozen=True)
class Quote:
    """A span inside quotation marks; ``text`` excludes the marks themselves."""

    kind: str
    """'speech' (someone said it), 'phrase' (scare quotes) or 'title' (of an article or editorial)."""
    speaker: str | None
    """Canonical name of the speaking Actor for speech, else None."""
    start: int
    end: int
    text: str
    attribution: Attribution | None = None
    """How the speaker was chosen, for speech; None for phrases, titles and unattributed quotes."""


@dataclass(frozen=True)
class Attribution:
    """Why a quote has its speaker: the sieve step that chose it and where its cue words are."""

    rule: str
    """The name of the step that fired ("cue_after", "according_to", "pronoun", ...)."""
    cue_start: int
    cue_end: int
    """The cue's span in the article's text: the reporting verb, colon or "according to"."""
    considered: Considered | None = None
    """The other actors the quote's sentence offered and the steps that passed before this one."""


@dataclass(frozen=True)
class Candidate:
    """An actor named near a quote that the sieve did not choose, and why it lost."""

    actor: str
    """The canonical name of the actor."""
    start: int
    """Where its mention stands in the article's text."""
    reason: str
    """Why it lost, in a few plain words ("owner (a possessive)", "farther from the cue")."""


@dataclass(frozen=True)
class Considered:
    """What the sieve weighed before it chose a speaker: losing candidates and steps that did not fire."""

    candidates: tuple[Candidate, ...] = ()
    passed: tuple[str, ...] = ()
    """The names of the steps tried first, in order, that found nothing."""


@dataclass(frozen=True)
class Event:
    """A dated statement: the sentence that a date anchors, with the actors it involves."""

    date: str
    """ISO date at its precision: '1999', '2012-07', '2013-04-15' (a decade is its first year)."""
    end_date: str | None
    """Last date of a range ('May 31 to June 2' -> '2013-06-02'), else None."""
    precision: str
    """One of DATE_PRECISIONS."""
    description: str
    """The sentence, exactly ``article_text[start:end]``."""
    start: int
    end: int
    date_text: str
    """The date as written ("May 31 to June 2", "the early 1990s")."""
    actors: tuple[str, ...] = ()
    """Canonical names of the actors mentioned in the sentence."""


@dataclass(frozen=True)
class Citation:
    """A cited source: one part of a parenthetical "(Xinhua, April 15)" or a footnote marker "[1]"."""

    raw: str
    """Exactly ``article_text[start:end]``."""
    start: int
    end: int
    outlet: str | None
    """The outlet named, None where it was lost ("(, June 2)") or for a footnote marker."""
    date: str | None
    """ISO date of the cited item at its precision, if given."""
    footnote: int | None = None
    """For a marker like "[1]", the footnote number it points to."""


@dataclass(frozen=True)
class Footnote:
    """A numbered note at the end of the article."""

    number: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """Everything extraction finds in one article's text."""

    text: str
    title: str
    published: str | None
    """The publication line ("China Brief Volume: 13 Issue: 14") or a date, if the article has one."""
    year: int | None
    """The year partial dates are resolved against."""
    passages: tuple[Passage, ...] = ()
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    citations: tuple[Citation, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
