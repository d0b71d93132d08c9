"""Building blocks cut from the bundled seed articles: sentences with name slots, quotes, headings.

Capitalised runs that are not general vocabulary (months, regions, title words, capitals, countries,
acronyms) are taken to be names and become slots, so recombined sentences name the generated cast
instead of the seed's people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bench.pool import countries, load_lines
from store.extract.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_RUN = re.compile(r"[A-Z][\w’'-]*(?:[ \t]+(?:(?:de|van|von|der|al|bin|da)[ \t]+)?[A-Z][\w’'-]*)*")
_PAREN = re.compile(r"\s*\([^()]*\)|\s*\[\d+\]")
_QUOTED = re.compile(r"“([^”]{20,400})”")
_FOOTNOTE = re.compile(r"^\d+\.\s")
_MID_SENTENCE = re.compile(r"[a-z0-9,;:)—-][ \t]+$")
_POSSESSIVE = re.compile(r"(’s|'s|’)$")


@dataclass(frozen=True)
class Slot:
    """A person's name in a seed sentence, keyed by surname so later mentions reuse the same person."""

    key: str
    possessive: str
    """"’s" if the name was possessive, else ''."""


Segment = str | Slot


@dataclass(frozen=True)
class SeedParts:
    """Everything the generator recombines."""

    sentences: tuple[tuple[Segment, ...], ...]
    quotes: tuple[str, ...]
    headings: tuple[str, ...]


@cache
def _institutions() -> frozenset[str]:
    """Nouns that end organisation names ("Council", "University")."""
    return frozenset(load_lines("institution_nouns.txt"))


@cache
def _allowed() -> frozenset[str]:
    """Capitalised words kept as they are: bench vocabulary plus every word of a country name."""
    words = set(load_lines("allowed_words.txt"))
    for name in countries():
        words.update(name.split())
    return frozenset(words)


def _is_vocabulary(token: str) -> bool:
    """A token that is a title word, region, acronym or demonym rather than somebody's name."""
    bare = _POSSESSIVE.sub("", token)
    return (bare in _allowed() or bare.replace(".", "").isupper()
            or bare.endswith(("ese", "an", "ans", "ish")))


def _slot_run(run: str, proper: frozenset[str]) -> list[Segment]:
    """Keep an institution's name and leading title words; the person's name after them is a slot."""
    tokens = run.split()
    bare = [_POSSESSIVE.sub("", t) for t in tokens]
    if bare[-1] in _institutions() or not any(b in proper and not _is_vocabulary(b) for b in bare):
        return [run]
    lead = 0
    while _is_vocabulary(tokens[lead]):
        lead += 1
    possessive = _POSSESSIVE.search(tokens[-1])
    slot = Slot(bare[-1], possessive.group(1) if possessive else "")
    return [" ".join(tokens[:lead]) + " ", slot] if lead else [slot]


def _segments(sentence: str, proper: frozenset[str]) -> tuple[Segment, ...]:
    """A seed sentence as literal text and name slots."""
    out: list[Segment] = []
    last = 0
    for match in _RUN.finditer(sentence):
        out.append(sentence[last:match.start()])
        out.extend(_slot_run(match.group(), proper))
        last = match.end()
    out.append(sentence[last:])
    return tuple(s for s in out if s)


def _proper_nouns(text: str) -> frozenset[str]:
    """Capitalised tokens seen where a sentence cannot start: names, not sentence-initial words."""
    found: set[str] = set()
    for match in _RUN.finditer(text):
        tokens = [_POSSESSIVE.sub("", t) for t in match.group().split()]
        mid_sentence = _MID_SENTENCE.search(text, max(0, match.start() - 3), match.start())
        found.update(tokens if mid_sentence else tokens[1:])
    return frozenset(found)


def _blocks(text: str) -> list[str]:
    """Blank-line separated blocks, whitespace folded."""
    return [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]


@cache
def seed_parts() -> SeedParts:
    """Cut every seed article into sentence templates, quotes and headings."""
    sentences: list[tuple[Segment, ...]] = []
    quotes: list[str] = []
    headings: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        proper = _proper_nouns(text)
        quotes.extend(m.group(1).strip() for m in _QUOTED.finditer(text))
        for block in _blocks(text)[2:]:  # title and publication line are generated
            if _FOOTNOTE.match(block):
                continue
            if len(block) < 60 and not block.endswith((".", "”", '"')):
                headings.append(block)
                continue
            sentences.extend(_segments(s, proper) for s in _plain_sentences(block))
    return SeedParts(tuple(sentences), tuple(quotes), tuple(headings))


def _plain_sentences(block: str) -> list[str]:
    """The block's sentences without quotation marks, citations or footnote markers."""
    out = []
    for start, end in split_sentences(block):
        sentence = _PAREN.sub("", block[start:end])
        if len(sentence) > 30 and not any(q in sentence for q in "“”\""):
            out.append(sentence)
    return out
