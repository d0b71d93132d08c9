"""Gold direct quotes of a PolNeAR document: quoted segments of attribution contents, their sources and classes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bench.polnear import CorefMention, Document, Spans
from store.extract.lexicon import word_set

# Pairs within one line: curly (an opener left open runs to the line's end, as news quotes continue
# over paragraphs), straight, and the NYT archive's two-apostrophe ''...'' and ``...''.
_QUOTED = re.compile(r"“([^”\n]*)(?:”|(?=\n|$))|\"([^\"\n]*)\"|(?:''|``)([^\n]*?)''")
_WORD = re.compile(r"\w")

PRONOUNS = frozenset(
    "he she they i we you it him her them me us his hers their theirs my our your its who whom which".split())
DETERMINERS = frozenset(
    "a an the one some two three several many this that these those another each both all".split())
_CUT = re.compile(r",|\s(?:for|of|at|with|from|in|who|that|which)\s", re.IGNORECASE)
_NAME_CUT = re.compile(r",")


@dataclass(frozen=True)
class GoldQuote:
    """One quoted segment of an attribution's content; start/end exclude the marks."""

    start: int
    end: int
    marks: str
    """The opening mark: “, ", '' or ``."""
    source: Spans
    """The relation's Source spans; empty when it has none."""
    source_text: str
    kind: str
    """'named', 'descriptive', 'pronoun', or '' without a source."""


def gold_quotes(doc: Document) -> list[GoldQuote]:
    """Every gold direct quote of the document, in text order, each once."""
    found: dict[tuple[int, int], GoldQuote] = {}
    for relation in doc.relations:
        source_text = " ".join(doc.text[a:b] for a, b in relation.source)
        kind = source_class(source_text) if relation.source else ""
        for start, end, marks in quoted_segments(doc.text, relation.content):
            found.setdefault((start, end), GoldQuote(start, end, marks, relation.source, source_text, kind))
    return sorted(found.values(), key=lambda quote: quote.start)


def quoted_segments(text: str, content: Spans) -> list[tuple[int, int, str]]:
    """(start, end, opening mark) of each quote with a word whose inside lies mostly in the content."""
    if not content:
        return []
    # Look one mark's width around the content: annotators often leave the marks outside it.
    low, high = max(0, content[0][0] - 2), min(len(text), max(b for _, b in content) + 2)
    segments = []
    for match in _QUOTED.finditer(text, low, high):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        if _WORD.search(text, start, end) and _inside(content, start, end) * 2 >= end - start:
            segments.append((start, end, text[match.start():start]))
    return segments


def _inside(spans: Spans, start: int, end: int) -> int:
    """How many characters of start..end the spans cover."""
    return sum(max(0, min(b, end) - max(a, start)) for a, b in spans)


def source_class(source: str) -> str:
    """'pronoun' for a personal pronoun, 'descriptive' for a lowercase or determiner start, else 'named';
    '' for none."""
    words = source.split()
    if not words or len(words) == 1 and words[0].lower().strip(".,") in word_set("reporting_verbs.txt"):
        return ""  # no source, or an annotation slip that marked the verb ("said") as the source
    if len(words) == 1 and words[0].lower().strip(".,") in PRONOUNS:
        return "pronoun"
    first = words[0]
    if first in word_set("name_particles.txt") and len(words) > 1 and words[1][0].isupper():
        return "named"  # "de Blasio"
    return "descriptive" if first[0].islower() or first.lower() in DETERMINERS else "named"


def source_head(text: str, source: Spans, kind: str) -> tuple[int, int]:
    """Character span of a source's head: before its first comma (and a preposition if descriptive)."""
    start, end = source[0]
    piece = text[start:end]
    cut = (_CUT if kind == "descriptive" else _NAME_CUT).search(piece)
    stop = cut.start() if cut else len(piece)
    return start, start + len(piece[:stop].rstrip())


def previous_named_source(doc: Document, offset: int) -> Spans:
    """The source spans of the last named gold Source starting before ``offset``, or ()."""
    sources = sorted(r.source for r in doc.relations if r.source and r.source[0][0] < offset)
    named = [s for s in sources if source_class(" ".join(doc.text[a:b] for a, b in s)) == "named"]
    return named[-1] if named else ()


def coref_referent(chains: tuple[tuple[CorefMention, ...], ...], start: int, end: int) -> CorefMention | None:
    """The named referent of the chain whose smallest mention covers start..end, if any."""
    covering = [(m.end - m.start, chain) for chain in chains for m in chain if m.start <= start and m.end >= end]
    if not covering:
        return None
    chain = min(covering, key=lambda pair: pair[0])[1]
    representative = next((m for m in chain if m.representative), chain[0])
    if source_class(representative.text) == "named":
        return representative
    return next((m for m in chain if source_class(m.text) == "named"), representative)
