"""Sentence boundaries that survive "U.S.", "Gen. Smith", initials, decimals and closing quotes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from store.extract.data import load_words
from store.extract.scan import Spans
from store.model import Passage

# A candidate end: terminal punctuation, then any closing quotes/brackets or a footnote marker like
# "[4]", then whitespace. Whether it really ends a sentence depends on the words around it.
_CANDIDATE_END = re.compile(r"[.!?]+(?:[\"'”’)\]]|\[\d+\])*(?=\s)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BREAK = re.compile(f"{_CANDIDATE_END.pattern}|{_BLANK_LINE.pattern}")
"""Either: a span without one is a single sentence, found by one search instead of a split."""
_WORD_BEFORE = re.compile(r"(\S+)$")
_LONGEST_ABBREVIATION = 40  # characters looked back for the word before a dot
_NEXT_TOKEN = re.compile(r"\s+([\"'“‘(\[]?)(\S+)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
"""Letters joined by dots, the last without one: "U.S" of "U.S.", "e.g" of "e.g."."""


@cache
def _abbreviations() -> frozenset[str]:
    """Abbreviations (lower case, without the final dot) after which a dot rarely ends a sentence."""
    return frozenset(load_words("abbreviations.txt"))


@cache
def _sentence_starters() -> frozenset[str]:
    """Words that, capitalised after an abbreviation like "U.S.", show a new sentence began."""
    return frozenset(load_words("sentence_starters.txt"))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in text[start:end], trimmed of whitespace."""
    end = len(text) if end is None else end
    if _BREAK.search(text, start, end) is None:  # most headings and short paragraphs: one sentence
        span = _trim(text, start, end)
        return [span] if span[0] < span[1] else []
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text, start, end):
        spans.extend(_split_block(text, block_start, block_end))
    return spans


def passage_sentences(text: str, passages: Iterable[Passage]) -> Spans:
    """The sentences of each passage in turn, as ``split_sentences`` of each gives them."""
    return Spans(_each_passage(text, passages))


def _each_passage(text: str, passages: Iterable[Passage]) -> Iterator[tuple[int, int]]:
    """The sentences of each passage in turn: a passage with no break and no whitespace at either end (nearly
    every heading and short paragraph) is its one sentence as it stands.

    Why: a call, a search, a trim and a list a passage were a tenth of extracting 142,857 one-word
    paragraphs a MB."""
    no_break = _BREAK.search
    for passage in passages:
        start = passage.start
        end = start + len(passage.text)
        if start < end and not (text[start].isspace() or text[end - 1].isspace()) \
                and no_break(text, start, end) is None:
            yield start, end
        else:
            yield from split_sentences(text, start, end)


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split at blank lines: a paragraph break always ends a sentence."""
    blocks, cursor = [], start
    for match in _BLANK_LINE.finditer(text, start, end):
        blocks.append((cursor, match.start()))
        cursor = match.end()
    blocks.append((cursor, end))
    return blocks


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph-like block at the candidate ends that really end a sentence."""
    spans, cursor = [], start
    for match in _CANDIDATE_END.finditer(text, start, end):
        if _ends_sentence(text, match.start(), match.end(), end):
            spans.append((cursor, match.end()))
            cursor = match.end()
    spans.append((cursor, end))
    return [span for span in (_trim(text, s, e) for s, e in spans) if span[0] < span[1]]


def _ends_sentence(text: str, punct: int, after: int, end: int) -> bool:
    """Decide whether the punctuation at ``punct`` (ending at ``after``) closes a sentence."""
    following = _NEXT_TOKEN.match(text, after, end)
    if following is None:
        return True
    opener, word = following.group(1), following.group(2)
    if not (opener or word[0].isupper() or word[0].isdigit()):
        return False
    if text[punct] != "." or after - punct > 1 and text[punct + 1] != ".":
        return True
    return not _is_abbreviation(text, punct, word)


def _is_abbreviation(text: str, dot: int, next_word: str) -> bool:
    """True where the dot at ``dot`` belongs to an abbreviation or an initial, not a sentence end."""
    before = _WORD_BEFORE.search(text, max(0, dot - _LONGEST_ABBREVIATION), dot)
    if before is None:
        return False
    token = before.group(1).lstrip("\"'“‘([")
    if len(token) == 1 and token.isupper():
        return True  # an initial, as in "John F. Kennedy"
    if token.lower() in _abbreviations():
        return True
    if _DOTTED.fullmatch(token):
        # "U.S" or "e.g": ends a sentence only when a typical sentence opener follows.
        return next_word.strip("\"'“‘,").lower() not in _sentence_starters()
    return False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
