"""Spans that cite laws, documents, fiscal periods and web addresses ("P.L. 117-58", "S. Rept. 113-78",
"FY2026", "https://..."): the words inside them never name an actor."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache, lru_cache

from store.extract.data import load_words
from store.extract.scan import within

_NUMBERED = " <number>"
# What may follow a form marked " <number>": a section sign, then a number ("117-58", "1234(a)"), a roman
# numeral ("VII") or one capital letter ("W").
_DESIGNATOR = r"[ \t]?(?:§+[ \t]?)?(?:\d[\w.()–-]*|[IVXLC]+\b|[A-Z]\b\.?)"
# Fiscal years and quarters: "FY2026", "FY26", "FY2026-FY2027", "Q3".
_PERIOD = r"FY[ \t]?\d{2,4}(?:[–-](?:FY)?\d{2,4})?\b|Q[1-4]\b"
# Web addresses: the words of a link's target ("/crs_external_products/IF/PDF/") are no names.
_ADDRESS = r"https?://[^\s()<>\]]+|www\.[^\s()<>\]]+"


@cache
def _pattern() -> re.Pattern[str]:
    """One alternation of every citation form (longest first) and the fiscal-period shape."""
    forms = sorted(load_words("citation_forms.txt"), key=len, reverse=True)
    # Every form starts with a capital, "h" or "w": the lookahead lets other places fail at once.
    return re.compile(rf"(?=[A-Zhw])(?<![\w.])(?:{'|'.join(map(_form, forms))}|{_PERIOD}|{_ADDRESS})")


def _form(entry: str) -> str:
    """The regex of one form: a space after each dot optional, " <number>" a required designator."""
    numbered = entry.endswith(_NUMBERED)
    form = entry.removesuffix(_NUMBERED)
    words = [re.escape(part) for part in re.split(r"(?<=\.)\s*", form) if part]
    body = r"\s?".join(words)
    return body + (_DESIGNATOR if numbered else r"(?!\w)" if not form.endswith(".") else "")


def cited(text: str) -> Callable[[int, int], bool]:
    """A test for whether [start, end) lies inside a citation form, fiscal period or address of ``text``."""
    return _citations(text)[1]


def cited_within(text: str, start: int, end: int) -> Callable[[int, int], bool] | None:
    """The test of ``cited``, or None when no citation of ``text`` overlaps [start, end) (most sentences)."""
    spans, test = _citations(text)
    index = bisect_left(spans, (start,))
    overlaps = index < len(spans) and spans[index][0] < end or index > 0 and spans[index - 1][1] > start
    return test if overlaps else None


def citation_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s citation forms, fiscal periods and addresses, in text order (none overlap)."""
    return _citations(text)[0]


@lru_cache(maxsize=4)  # asked by every sentence of the same article: search the text once
def _citations(text: str) -> tuple[list[tuple[int, int]], Callable[[int, int], bool]]:
    """The citation spans of ``text`` in order, and the containment test over them."""
    spans = [match.span() for match in _pattern().finditer(text)]
    return spans, within(spans)


def is_citation(phrase: str) -> bool:
    """True when the whole phrase is citation forms, fiscal periods or addresses ("Division C", "FY2026"),
    with only numbers and list marks between them ("H.R. 11/S. 1/S. 2344")."""
    rest, count = _pattern().subn(" ", phrase.strip())
    return count > 0 and _NUMBERS_AND_MARKS.fullmatch(rest) is not None


_NUMBERS_AND_MARKS = re.compile(r"(?:[\d\s/,;&()–-]|\band\b)*")
