"""Cited sources: parentheticals like "(Xinhua, April 15)", wire credits "(Reuters) -", markers "[1]"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from store.extract.citeforms import is_citation
from store.extract.dates import DateMention, find_dates
from store.extract.definitions import definitions
from store.extract.gazetteer import lookup
from store.extract.lexicon import is_common_acronym
from store.extract.scan import passages_holding
from store.kinds import PROSE_KINDS
from store.model import Citation, Footnote, Passage

_PARENTHETICAL = re.compile(r"\(([^()\n]{1,400})\)")
_MARKER = re.compile(r"\[\^?(\d{1,3})\](?!:)")  # "[1]", or "[^1]" in Markdown
# A superscript note number right after a word or a stop: "damaged in the Baltic Sea.¹"
_SUPERSCRIPT = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰](?<=[\w.,;:!?”\"’)][¹²³⁴⁵⁶⁷⁸⁹⁰])[¹²³⁴⁵⁶⁷⁸⁹⁰]{0,2}")
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
"""Superscript digits to plain ones, for note numbers written "¹²"."""
_OPENING = re.compile(r"[(\[¹²³⁴⁵⁶⁷⁸⁹⁰]")
"""What each citation form begins with: a paragraph without one cites nothing."""
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_LEADING_TITLE = re.compile(r"\s*(?:“[^”]*”|\"[^\"]*\"|‘[^’]*’(?=\s*,))\s*,?\s*")
_SEPARATOR = re.compile(r"\s*[;,]\s*")
_NAME_IN_LIST = re.compile(r"[^,\s][^,]*?(?=\s*,|\s*$)")
_DATELINE_DASH = re.compile(r"\s*[-–—]")
_DATELINE_REACH = 45
"""Characters a dateline's place and date take at most before its credit ("WASHINGTON, March 3 (Reuters) -")."""
# Lower-case words that may sit inside an outlet's name ("Ministry of Foreign Affairs").
_CONNECTORS = frozenset("of the and for on in at de la le du des del da y & und".split())
# Numbers, years and ranges ("2021-2025"), report numbers ("R46293", "98-317"), plural acronyms ("LLMs").
_NO_NAME = re.compile(r"[\d\W]+|[A-Z]{1,4}\d[\d.-]*|[A-Z]{2,}s")
_MAX_OUTLET_WORDS = 8
_MAX_CREDIT_WORDS = 4


def find_citations(
    text: str, passages: Sequence[Passage], year: int | None, dated: str | None = None
) -> tuple[tuple[Citation, ...], tuple[Footnote, ...]]:
    """Return the citations in the article's paragraphs and the footnotes at its end."""
    citations: list[Citation] = []
    for passage in passages_holding(_OPENING, text, passages):
        if passage.kind in PROSE_KINDS:
            citations.extend(_in_paragraph(text, passage, year, dated))
    footnotes = tuple(Footnote(p.number or 0, p.start, p.end, p.text) for p in passages if p.kind == "footnote")
    return tuple(sorted(citations, key=lambda c: c.start)), footnotes


def outlet_span(text: str, citation: Citation) -> tuple[int, int] | None:
    """Where the citation's outlet name is written in the text, if it names one."""
    if not citation.outlet:
        return None
    offset = text.rfind(citation.outlet, citation.start, citation.end)
    return (offset, offset + len(citation.outlet)) if offset >= 0 else None


def _in_paragraph(text: str, passage: Passage, year: int | None, dated: str | None) -> Iterator[Citation]:
    """Parenthetical sources and footnote markers inside one paragraph."""
    for match in _PARENTHETICAL.finditer(text, passage.start, passage.end):
        sources = _parenthetical(text, match.start(1), match.end(1), year, dated)
        yield from sources or _wire_credit(text, match, passage, year, dated)
    for match in _MARKER.finditer(text, passage.start, passage.end):
        yield Citation(match.group(0), match.start(), match.end(), None, None, int(match.group(1)))
    for match in _SUPERSCRIPT.finditer(text, passage.start, passage.end):
        number = int(match.group().translate(SUPERSCRIPT_DIGITS))
        yield Citation(match.group(), match.start(), match.end(), None, None, number)


def _parenthetical(text: str, start: int, end: int, year: int | None, dated: str | None) -> list[Citation]:
    """Split "(A, date; B, date, C, date)" into one Citation per source; [] if it is no citation."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text, start, end)]
    dates = [d for d in find_dates(text, year, start, end, dated) if not any(s <= d.start < e for s, e in quoted)]
    found, cursor = [], start
    for date in dates:
        sources = _source(text, cursor, date)
        if not sources:
            return []
        found.extend(sources)
        separator = _SEPARATOR.match(text, date.end, end)
        cursor = separator.end() if separator else date.end
    if not found or text[cursor:end].strip(" .") or cursor < found[-1].end:
        return []
    return found


def _source(text: str, start: int, date: DateMention) -> list[Citation]:
    """The source "Outlet, date" (or ", date" with its outlet lost) from ``start`` up to its date;
    known outlets listed before one date ("Reuters, AP, November 6") are one source each."""
    prefix = text[start:date.start].rstrip()
    if not prefix.endswith(","):
        return []
    title = _LEADING_TITLE.match(prefix)
    outlet = prefix[title.end() if title else 0:-1].strip()
    if outlet and not _is_outlet_name(outlet, _MAX_OUTLET_WORDS):
        return []
    raw_start = start + len(text[start:date.start]) - len(text[start:date.start].lstrip())
    names = [(m.start(), m.end()) for m in _NAME_IN_LIST.finditer(text, raw_start, raw_start + len(outlet))]
    if len(names) < 2 or not all((lookup(text[s:e]) or ("", ""))[0] == "outlet" for s, e in names):
        return [Citation(text[raw_start:date.end], raw_start, date.end, outlet or None, date.date)]
    *alone, (last, _) = names
    return [*(Citation(text[s:e], s, e, text[s:e], date.date) for s, e in alone),
            Citation(text[last:date.end], last, date.end, text[last:raw_start + len(outlet)], date.date)]


def _wire_credit(
    text: str, match: re.Match[str], passage: Passage, year: int | None, dated: str | None
) -> list[Citation]:
    """A credit "(AP)" naming a known outlet, or any short name in a dateline "WASHINGTON (X) -".

    A dateline credit takes the dateline's date ("WASHINGTON, March 3 (Reuters) -").
    """
    name = match.group(1).strip()
    dateline = _DATELINE_DASH.match(text, match.end()) is not None and _opens_passage(text, passage, match.start())
    known = (lookup(name) or ("", ""))[0] == "outlet"
    if not (dateline or known) or not _is_outlet_name(name, _MAX_CREDIT_WORDS):
        return []
    if not known and name in _defined_acronyms(text):
        return []  # "the Aerospace Safety Advisory Panel (ASAP)—an independent panel": a definition
    before = find_dates(text, year, passage.start, match.start(), dated) if dateline else ()
    date = before[-1].date if before and not text[before[-1].end:match.start()].strip(" ,") else None
    start = match.start(1) + match.group(1).index(name)
    return [Citation(name, start, start + len(name), name, date)]


def _opens_passage(text: str, passage: Passage, at: int) -> bool:
    """True where a bracket is in the words a passage opens with, and they start with a place's letter: a
    dateline ("TOKYO (Reuters) -"), not a list item's "- 3 Battalion (BN)–3 Task Force" or a later clause."""
    head = text[passage.start:at].lstrip()
    return len(head) <= _DATELINE_REACH and head[:1].isalpha()


@lru_cache(maxsize=4)  # asked for every bracket of the same article
def _defined_acronyms(text: str) -> frozenset[str]:
    """The acronyms the article defines in brackets after their full names."""
    return frozenset(definition.acronym for definition in definitions(text))


def _is_outlet_name(name: str, max_words: int) -> bool:
    """True for a short capitalised name ("U.S. Department of State"), not a clause, a remark, a year,
    a report number ("R46293"), a plural acronym ("GPUs") or a citation form ("Division C")."""
    words = name.split()
    if not words or len(words) > max_words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if _NO_NAME.fullmatch(name) or is_citation(name) or is_common_acronym(name):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS for w in words)
