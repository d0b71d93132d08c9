"""Frozen dataclasses the queries return: the explorer's contract (re-exported by store.queries)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.model import Candidate  # extraction's records load with extraction, not with the explorer


@dataclass(frozen=True)
class DocumentInfo:
    """One ingested article."""

    id: int
    title: str
    path: str
    sha256: str
    published: str | None
    passages: int
    source: str = ""
    """The file's path or the URL the document was read from."""
    format: str = "text"
    """``text``, ``markdown``, ``html`` or ``pdf``."""
    version_of: int | None = None
    """The first stored version of this document, if this is a later one."""
    ingested_at: str = ""


@dataclass(frozen=True)
class ActorSummary:
    """An actor as listed: who, what kind, and how prominent."""

    id: int
    name: str
    kind: str
    title: str | None
    mentions: int
    quotes: int
    documents: int


@dataclass(frozen=True)
class KindCount:
    """How many actors there are of one kind."""

    kind: str
    count: int


@dataclass(frozen=True)
class PassageView:
    """A passage with where it sits in its document."""

    id: int
    document_id: int
    document_title: str
    ordinal: int
    kind: str
    section: str
    number: int | None
    text: str
    start: int
    end: int
    page: int | None = None
    """The page of a PDF the passage starts on (None for other formats)."""


@dataclass(frozen=True)
class MentionView:
    """A mention as a keyword-in-context line; offsets are into the document's text."""

    actor_id: int
    actor_name: str
    actor_kind: str
    passage_id: int
    document_id: int
    start: int
    end: int
    text: str
    left: str
    """Up to ~60 characters of the passage before the mention, whitespace folded."""
    right: str
    """Up to ~60 characters of the passage after the mention, whitespace folded."""
    section: str
    paragraph: int | None


@dataclass(frozen=True)
class QuoteView:
    """A quote with its speaker and the sentence it is reported in."""

    id: int
    passage_id: int
    document_id: int
    speaker_id: int | None
    speaker: str | None
    kind: str
    text: str
    start: int
    end: int
    context: str
    """The reporting sentence(s) around the quote, e.g. 'Rasmussen replied ...: “We do not ...”'."""
    section: str
    paragraph: int | None


@dataclass(frozen=True)
class QuoteAttribution:
    """How a quote's speaker was chosen: the sieve step, its cue words, and the sentence that holds them."""

    quote_id: int
    document_id: int
    kind: str
    text: str
    speaker_id: int | None
    speaker: str | None
    rule: str | None
    """The sieve step that named the speaker ("cue_after", "split_quote", ...); None when none did."""
    cue: str | None
    """The cue words as written: the reporting verb, the colon, "according to"."""
    cue_start: int | None
    cue_end: int | None
    """The cue's offsets into the document's text."""
    sentence: str
    """The sentence(s) from the cue to the quote, whitespace folded (long stretches elided with "…")."""
    cue_span: tuple[int, int] | None
    """Where the cue is in ``sentence``."""
    quote_span: tuple[int, int]
    """Where the quoted words are in ``sentence``."""
    candidates: tuple[Candidate, ...] = ()
    """Other actors the sentence named, each with why it lost (empty when none or not recorded)."""
    passed: tuple[str, ...] = ()
    """The sieve steps tried before the one that chose, which found nothing."""
    corrected: bool = False
    """True when a person set this quote's speaker or kind (a correction that still applies)."""


@dataclass(frozen=True)
class EventView:
    """A dated event for the timeline."""

    id: int
    date: str
    end_date: str | None
    precision: str
    date_text: str
    description: str
    passage_id: int
    document_id: int
    start: int
    end: int
    actors: tuple[str, ...]


@dataclass(frozen=True)
class CitationView:
    """A cited source and the passage that cites it."""

    id: int
    passage_id: int
    document_id: int
    outlet: str | None
    outlet_actor_id: int | None
    date: str | None
    raw: str
    start: int
    end: int
    footnote: int | None
    excerpt: str
    """The citing sentence, shortened, for a one-line listing."""


@dataclass(frozen=True)
class FootnoteView:
    """A footnote of one document."""

    document_id: int
    number: int
    text: str
    passage_id: int | None


@dataclass(frozen=True)
class OutletSources:
    """One outlet with every citation of it."""

    outlet: str
    actor_id: int | None
    citations: tuple[CitationView, ...]
    total: int = 0
    """How many citations the outlet has (``citations`` may hold only the first of them)."""


@dataclass(frozen=True)
class Sources:
    """Everything cited: outlets, citations whose outlet was lost, and footnotes."""

    outlets: tuple[OutletSources, ...]
    unattributed: tuple[CitationView, ...]
    footnotes: tuple[FootnoteView, ...]
    unattributed_total: int = 0
    footnote_total: int = 0
    """Totals of the two lists above (which a limit may have cut)."""


@dataclass(frozen=True)
class Connection:
    """An actor named in the same passages as another, with how many passages they share."""

    actor_id: int
    name: str
    kind: str
    shared_passages: int


@dataclass(frozen=True)
class Dossier:
    """All the store knows about one actor."""

    actor: ActorSummary
    aliases: tuple[str, ...]
    quotes: tuple[QuoteView, ...]
    mentions: tuple[MentionView, ...]
    connections: tuple[Connection, ...]
    events: tuple[EventView, ...]
    sources: tuple[CitationView, ...]
    """Citations in the passages that mention the actor."""
    mention_total: int = 0
    quote_total: int = 0
    event_total: int = 0
    source_total: int = 0
    connection_total: int = 0
    """Totals of the lists above (which ``dossier(..., limit=N)`` cuts to their first N)."""
    affiliated: tuple[AffiliatedQuote, ...] = ()
    """Quotes of those who speak for the actor (its officials, ministries, spokespeople), in text order."""
    affiliated_total: int = 0


@dataclass(frozen=True)
class ReaderMark:
    """A span the reader marks: an actor's mention, or a quote attributed to its speaker."""

    start: int
    end: int
    passage_id: int
    actor_id: int | None
    name: str
    kind: str
    """'mention' or 'quote'."""


@dataclass(frozen=True)
class MarkStep:
    """Where the reader's cursor lands: a mention, and which of its actor's mentions in the document."""

    mark: ReaderMark
    ordinal: int
    total: int


@dataclass(frozen=True)
class QuoteRow:
    """A quote as one row of the Quotes list: who, what, and where (document and paragraph)."""

    id: int
    document_id: int
    document_title: str
    passage_id: int
    paragraph: int | None
    speaker_id: int | None
    speaker: str | None
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class DocumentRow:
    """A document as one row of the Documents list, with what extraction found in it."""

    id: int
    title: str
    path: str
    published: str | None
    passages: int
    quotes: int
    actors: int
    events: int
    source: str = ""
    """The file's path or the URL the document was read from."""
    format: str = "text"
    """``text``, ``markdown``, ``html`` or ``pdf``."""
    versions: int = 1
    """How many stored versions the document has (itself included)."""
    year: int | None = None
    """The year the document was published, as extraction found it."""


@dataclass(frozen=True)
class AffiliatedQuote:
    """A quote of someone who speaks for an actor ("a Chinese Foreign Ministry spokesperson" for China)."""

    quote: QuoteView
    via: str
    """Who said it and why they count: "Lin Qiao (Chinese Foreign Ministry spokesperson)"."""
