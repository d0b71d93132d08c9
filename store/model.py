"""Records produced by extraction: what one article says, with character offsets into its text."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import InitVar, dataclass, fields
from itertools import islice
from operator import add, lt
from typing import TypeVar, overload

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


class Mentions(Sequence[Mention]):
    """An article's mentions, read-only, kept column-wise: where each starts (``starts``, an array of offsets)
    and which of the distinct (actor, text) pairs it is (``which``, an array of places in ``forms``): 12 bytes
    a mention. A Mention is made each time one is read.

    Why: an article names few forms many times, and 9 MB of acronyms made 2.25 million mentions of 101
    traced bytes each, beside their tuple's slots (some 250 MB). It compares, hashes and prints as the tuple
    of its mentions (what ``Article.mentions`` was), so an Article's repr and equality are as they were."""

    __slots__ = ("starts", "which", "forms")
    starts: array[int]
    """Where each mention starts, in order."""
    which: array[int]
    """For each mention, the place of its (actor, text) pair in ``forms``."""
    forms: tuple[tuple[str, str], ...]
    """The distinct (actor, text) pairs, in the order first met."""

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        """The mentions, in the order given."""
        self.starts, self.which, self.forms = array("q"), array("I"), ()
        self._extend((mention.actor, mention.start, mention.text) for mention in mentions)

    @classmethod
    def cut(cls, text: str, spans: Iterable[tuple[str, int, int]]) -> Mentions:
        """A mention of ``actor`` at ``text[start:end]`` for each (actor, start, end), in the order given, no
        Mention made (actor finding's hundreds of thousands of candidates a MB)."""
        mentions = cls()
        mentions._extend((actor, start, text[start:end]) for actor, start, end in spans)
        return mentions

    def __add__(self, more: Iterable[Mention]) -> Mentions:
        """These mentions, then ``more`` (these not made into Mention records to be read again)."""
        joined = self[:]
        joined._extend((mention.actor, mention.start, mention.text) for mention in more)
        return joined

    def _extend(self, placed: Iterable[tuple[str, int, str]]) -> None:
        """Keep each (actor, start, text) after the mentions kept: its start and the place of its (actor, text)
        pair in ``forms``, the pair added there when new. Only ever called on Mentions not yet handed out."""
        numbered = {form: place for place, form in enumerate(self.forms)}
        add_start, add_place, number = self.starts.append, self.which.append, numbered.setdefault
        for actor, start, text in placed:
            add_start(start)
            add_place(number((actor, text), len(numbered)))
        self.forms = tuple(numbered)

    @classmethod
    def _of(cls, starts: array[int], which: array[int], forms: tuple[tuple[str, str], ...]) -> Mentions:
        """Mentions from their columns (shared, never changed)."""
        mentions = cls.__new__(cls)
        mentions.starts, mentions.which, mentions.forms = starts, which, forms
        return mentions

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Mention: ...

    @overload
    def __getitem__(self, index: slice) -> Mentions: ...

    def __getitem__(self, index: int | slice) -> Mention | Mentions:
        if isinstance(index, slice):
            return self._of(self.starts[index], self.which[index], self.forms)
        actor, text = self.forms[self.which[index]]
        start = self.starts[index]
        return Mention(actor, start, start + len(text), text)

    def __iter__(self) -> Iterator[Mention]:
        return self._made(self.starts, self.which)

    def __reversed__(self) -> Iterator[Mention]:
        return self._made(reversed(self.starts), reversed(self.which))

    def _made(self, starts: Iterable[int], which: Iterable[int]) -> Iterator[Mention]:
        """A Mention for each start and form place."""
        forms = self.forms
        for start, place in zip(starts, which):
            actor, text = forms[place]
            yield Mention(actor, start, start + len(text), text)

    def ends(self) -> array[int]:
        """Where each mention ends (made anew at each call)."""
        lengths = [len(text) for _, text in self.forms]
        return array("q", map(add, self.starts, map(lengths.__getitem__, self.which)))

    def per_actor(self) -> Counter[str]:
        """How many mentions each actor has."""
        counted: Counter[str] = Counter()
        for place, uses in Counter(self.which).items():
            counted[self.forms[place][0]] += uses
        return counted

    def take(self, places: Iterable[int]) -> Mentions:
        """The mentions at ``places`` (indices into these), in that order."""
        places = array("q", places)
        return self._of(array("q", map(self.starts.__getitem__, places)),
                        array("I", map(self.which.__getitem__, places)), self.forms)

    def where(self, keep: Callable[[int, int], bool]) -> Mentions:
        """The mentions whose (start, end) ``keep`` passes, in order."""
        spans = zip(self.starts, self.ends())
        return self.take(place for place, (start, end) in enumerate(spans) if keep(start, end))

    def ordered(self) -> Mentions:
        """These mentions in text order (by start, then end; a sort that keeps ties as they are): themselves
        when they already are, as extraction's nearly always are, found without a key a mention (sorting a
        million mentions in order made a million key tuples)."""
        starts = self.starts
        if all(map(lt, starts, islice(starts, 1, None))):
            return self
        ends = self.ends()
        if all(start < later or start == later and end < later_end
               for start, later, end, later_end in zip(starts, islice(starts, 1, None), ends, islice(ends, 1, None))):
            return self
        return self.take(sorted(range(len(self)), key=lambda place: (starts[place], ends[place])))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mentions):
            return self.starts == other.starts and all(map(tuple.__eq__, map(self.forms.__getitem__, self.which),
                                                           map(other.forms.__getitem__, other.which)))
        return tuple(self) == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


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
    mentions: Mentions = Mentions()
    """Any iterable of Mention given is kept as Mentions."""
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    citations: tuple[Citation, ...] = ()
    footnotes: tuple[Footnote, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.mentions, Mentions):
            object.__setattr__(self, "mentions", Mentions(self.mentions))
