"""Find the actors an article names, with every mention: people, organisations, places, sources."""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from store.extract.aliases import confirmed_by, deduplicate, one_a_span, resolve_organizations, resolve_people
from store.extract.bylines import byline_people
from store.extract.candidate_table import CandidateTable, Shape
from store.extract.candidates import Candidate, classify_run, names_no_person
from store.extract.citeforms import citation_spans, cited_within
from store.extract.definitions import defined_names
from store.extract.evidence import with_evidence
from store.extract.groups import find_groups
from store.extract.lone_names import settle_lone_names
from store.extract.names import capitalised_runs
from store.extract.persons import attach_roles, titled_people
from store.extract.quotemarks import is_title_cased, quote_spans
from store.extract.references import alliance_references, title_references
from store.extract.scan import in_text_order, overlapping, passage_kinds, within
from store.extract.tokens import tokenize
from store.model import Actor, Mentions, Passage

_NO_PEOPLE = frozenset({"title", "heading", "publication"})
_NO_ACTORS = frozenset({"table"})
"""Table cells are figures and labels, not prose that names anyone."""
# "Topics: Congressional Administration & Elections": a catalogue's index terms, not names the article uses.
_INDEX_LINE = re.compile(r"^[ \t*_]*(?:topics|subjects?|keywords|tags|categories|filed under)[ \t*_]*:.*$",
                         re.MULTILINE | re.IGNORECASE)
_CONTEXT = 256
"""Characters either side of a sentence that its rules may read (a dateline's line, a byline before a
name, the verb after it): two sentences with the same text in as much context find the same candidates."""
_REMEMBERED = 1024
"""Distinct sentences remembered, the latest kept: a repeated one comes back soon."""


def find_actors(
    text: str, passages: tuple[Passage, ...] | list[Passage], sentences: Sequence[tuple[int, int]]
) -> tuple[tuple[Actor, ...], Mentions]:
    """Return the article's actors (aliases folded) and their mentions, in text order."""
    # Names inside a quoted title ("Values Diplomacy Can Never Have Good Results") are no people.
    titles = [(m.start, m.end) for m in quote_spans(text, passages) if is_title_cased(text, m)]
    found = CandidateTable(byline_people(text, passages))
    # A credited name is one person, not words to classify again ("HANNAH" as an acronym); index terms none.
    settled_spans = [*zip(found.starts, found.ends), *(m.span() for m in _INDEX_LINE.finditer(text))]
    settled = within(settled_spans)
    kind_at = passage_kinds(passages)
    in_sentence = _remembered_sentences(text, titles)
    unsure: _Unsure = {}
    for start, end in _pieces(text, sentences):
        kind = kind_at(start)
        if kind in _NO_ACTORS:
            continue
        named, groups, piece, by = in_sentence(start, end, kind not in _NO_PEOPLE)
        if by and not groups and not settled_spans and _put_off(unsure, named, by):
            continue
        # Most articles credit no one and list no index terms.
        if settled_spans and any(settled(c.start + by, c.end + by) for c in named):
            piece = _in_order([c for c in named if not settled(c.start + by, c.end + by)], groups)
        found.extend(piece, by)
    found = deduplicate(found)
    found = deduplicate(found + _confirmed(found, unsure)) if unsure else found
    found = settle_lone_names(text, resolve_organizations(text, resolve_people(found)))
    references = title_references(text, found) + alliance_references(text, found)
    # Without references, found is as deduplicate leaves it: one candidate a span, in order (a pass of
    # 250,000 candidates a MB of acronyms).
    found = deduplicate(found + references) if references else found
    actors = _actors(text, found)
    return actors, _mentions(text, found)


def _mentions(text: str, found: CandidateTable) -> Mentions:
    """A mention for each candidate, kept column-wise (no Mention made: see Mentions)."""
    return Mentions.cut(text, ((shape.name, start, end) for start, end, shape in found.rows()))


_PIECE = 4096
"""Characters of a sentence the actor stage reads at once: the longest prose sentence of the test corpora has
under 2,000."""
_SPACE = re.compile(r"\s")


def _pieces(text: str, sentences: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The sentences, each longer than _PIECE characters cut at a space into pieces of at most that many (or
    up to the first space after, where a word is longer); a name across a cut is read as two.

    Why: a line with no full stop ("XQZ WVB " x n) is one sentence of a million words, whose tokens and
    candidates were all alive at once (some 400 MB at 4 MB) and read as one run; in pieces, each piece's
    words are freed as it is read, and pieces of a repeated text are the same in the same context, so they
    are worked out once (see _remembered_sentences)."""
    for start, end in sentences:
        while end - start > _PIECE:
            cut = text.rfind(" ", start, start + _PIECE)
            if cut <= start:
                space = _SPACE.search(text, start + _PIECE, end)
                cut = space.start() if space else end
            yield start, cut
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            yield start, end


_Unsure = dict[int, tuple[list[Candidate], "array[int]"]]
"""Unsure candidates of a sentence (see _all_unsure) by the list's id, with how far on it stands again."""


def _put_off(unsure: _Unsure, named: list[Candidate], by: int) -> bool:
    """Keep ``by`` in ``unsure`` when ``named``, as found where its sentence first stood, are all unsure: they
    are moved there only if confirmed (see _confirmed). True when kept."""
    kept = unsure.get(id(named))
    if kept is None:
        if not named or not _all_unsure(named):
            return False
        kept = unsure[id(named)] = (named, array("q"))
    kept[1].append(by)
    return True


def _all_unsure(named: list[Candidate]) -> bool:
    """True when every candidate is an untitled person that nothing in its sentence confirms, one a span:
    alias resolution keeps such a one only where a sure name of the article ends or starts with it."""
    return all(c.kind == "person" and c.evidence in _UNSURE and not c.titles for c in named) \
        and in_text_order(named)


_UNSURE = frozenset({"possible", "surname", "common"})


def _confirmed(found: CandidateTable, unsure: _Unsure) -> list[Candidate]:
    """The unsure candidates of repeated sentences (see _all_unsure), each moved to every place its sentence
    stands again, that alias resolution keeps beside ``found`` (which they cannot change: they are no sure
    names and share no span with it).

    Why: a word a paragraph ("Word." x n) made a "person" for each of its 142,857 paragraphs a MB, all
    dropped by alias resolution; now an offset each (8 bytes, not 160) until they are known to stay."""
    keeps = confirmed_by(found)
    return [_moved(c, by) for named, shifts in unsure.values() for c in named if keeps(c) for by in shifts]


_Found = tuple[list[Candidate], list[Candidate], Sequence[Candidate], int]
"""What one sentence names: candidates by name, title or role; unnamed groups; both in text order (see
_in_order), a table once the sentence stands again; as found where the sentence first stood, and how far on
it stands now (0 where it first stood)."""


def _remembered_sentences(text: str, titles: list[tuple[int, int]]) -> Callable[[int, int, bool], _Found]:
    """The candidates of a sentence (``_sentence``, then unnamed groups where people may be named), worked
    out once for each distinct sentence in its context, with how far on from there it stands again.

    Why: an article of one sentence said again and again ("Jonas Berg Halvorsen said.", a word a
    paragraph) spent some 50 µs of Python per sentence on the same answer. A sentence near a quoted title,
    a citation form or a defined acronym's full name (found by searches of the whole text, which its
    context alone does not tell) is worked out each time.
    """
    in_title = within(titles)
    # One test for all three: a defined name's start reaches a sentence's context from _CONTEXT further on.
    defined = ((start, start + _CONTEXT + 1) for start, _ in defined_names(text, 0, len(text)))
    afresh = overlapping([*titles, *citation_spans(text), *defined])

    def found_in(start: int, end: int, people: bool) -> _Found:
        named = _sentence(text, start, end, people, in_title)
        # A heading such as "Sources:" or "What officials say" labels text; it quotes no one.
        groups = find_groups(text, start, end) if people else []
        return named, groups, _in_order(named, groups), 0

    remembered: dict[tuple[str, int, int, bool], tuple[int, list[Candidate], list[Candidate], Sequence[Candidate]]] = {}

    def candidates(start: int, end: int, people: bool) -> _Found:
        left, right = max(0, start - _CONTEXT), end + _CONTEXT
        if afresh(left, right):
            return found_in(start, end, people)
        key = (text[left:right], start - left, end - left, people)
        if key not in remembered:
            if len(remembered) == _REMEMBERED:
                remembered.clear()
            remembered[key] = (start, *found_in(start, end, people)[:3])
        first, named, groups, piece = remembered[key]
        if start != first and not isinstance(piece, CandidateTable):  # said again: moved as offsets from now on
            piece = CandidateTable(piece)
            remembered[key] = (first, named, groups, piece)
        return named, groups, piece, start - first

    return candidates


def _in_order(named: list[Candidate], groups: list[Candidate]) -> Sequence[Candidate]:
    """A sentence's candidates in text order, one a span, as deduplicate leaves an article's.

    Why: added so, sentence after sentence, an article's table is in order as it is made, and deduplicate
    has nothing to sort (a million candidates a MB of acronyms)."""
    found = named + groups if groups else named
    return found if in_text_order(found) else one_a_span(CandidateTable(found))


def _moved(candidate: Candidate, by: int) -> Candidate:
    """The same candidate found ``by`` characters further on."""
    title_start = None if candidate.title_start is None else candidate.title_start + by
    return Candidate(candidate.start + by, candidate.end + by, candidate.kind, candidate.name, candidate.evidence,
                     candidate.titles, title_start, candidate.former)


def _sentence(
    text: str, start: int, end: int, people: bool, in_title: Callable[[int, int], bool]
) -> list[Candidate]:
    """Candidates of one sentence: titled people, classified runs, roles attached, evidence weighed."""
    tokens = tokenize(text, start, end)
    titled, roles, used = titled_people(text, tokens) if people else ([], [], set())
    found = list(titled)
    for run in capitalised_runs(text, tokens, frozenset(used)):
        found.extend(classify_run(text, run, people and not in_title(run.start, run.start + 1)))
    found = attach_roles(text, tokens, roles, found)
    # "the President's FY2026 budget": a title before a citation names no one (most sentences cite nothing).
    in_citation = cited_within(text, start, end)
    return [with_evidence(text, c) for c in found
            if not (in_citation and in_citation(c.start, c.start + 1)) and not names_no_person(c)]


def _actors(text: str, found: CandidateTable) -> tuple[Actor, ...]:
    """One actor per canonical name: its commonest kind, the titles of its full-name mentions first (any
    mention's where those have none), the other forms used.

    Read row by row without making candidates (a million a MB of acronyms): each name's forms in the order
    written and where each shape is first written in full; the rest is worked out once a shape."""
    shapes = found.shapes
    forms: dict[str, dict[str, None]] = {shape.name: {} for shape in shapes}  # names as first said
    forms_of = [forms[shape.name] for shape in shapes]
    first_in_full: dict[int, int] = {}
    for row, (start, end, shape_id) in enumerate(zip(found.starts, found.ends, found.shape_ids)):
        form = text[start:end]
        forms_of[shape_id][form] = None
        if form == shapes[shape_id].name and shape_id not in first_in_full:
            first_in_full[shape_id] = row
    counts = Counter(found.shape_ids)
    by_name: dict[str, list[int]] = {}
    for shape_id, shape in enumerate(shapes):
        by_name.setdefault(shape.name, []).append(shape_id)
    actors = []
    for name, ids in by_name.items():
        in_full = sorted((i for i in ids if i in first_in_full), key=first_in_full.__getitem__)
        titles = _titles(shapes, in_full) or _titles(shapes, ids)
        aliases = tuple(form for form in forms[name] if form != name)
        actors.append(Actor(name, _commonest_kind(shapes, ids, counts), titles, aliases))
    return tuple(actors)


def _commonest_kind(shapes: list[Shape], ids: list[int], counts: Counter[int]) -> str:
    """The kind most candidates of these shapes have, the first said on a tie."""
    kinds: dict[str, int] = {}
    for shape_id in ids:
        kinds[shapes[shape_id].kind] = kinds.get(shapes[shape_id].kind, 0) + counts[shape_id]
    return max(kinds, key=kinds.__getitem__)


def _titles(shapes: list[Shape], ids: list[int]) -> str | None:
    """The titles of these shapes, each once, in order."""
    return "; ".join(dict.fromkeys(title for shape_id in ids for title in shapes[shape_id].titles)) or None
