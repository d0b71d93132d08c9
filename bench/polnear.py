"""Read the PolNeAR corpus (a bare git mirror or a folder holding data/): texts, brat attributions, CoreNLP coref."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.mirror import CorpusError, open_corpus

SPLITS = ("train", "dev")
"""The only splits read: the authors keep test for final figures, so it is never opened."""

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Relation:
    """One attribution: its content, source and cue spans (source empty for 'Attribution-no-source')."""

    content: Spans
    source: Spans
    cue: Spans


@dataclass(frozen=True)
class CorefMention:
    """A mention of a CoreNLP coreference chain, as character offsets into the text."""

    start: int
    end: int
    text: str
    representative: bool


@dataclass(frozen=True)
class Document:
    """One annotated text: its attributions, its coreference chains and how many spans did not match."""

    name: str
    text: str
    relations: tuple[Relation, ...]
    chains: tuple[tuple[CorefMention, ...], ...]
    mismatches: int
    """Annotated spans whose recorded text differs from the text at their offsets."""


def read_documents(path: Path, split: str, limit: int | None = None) -> Iterator[Document]:
    """Every document of ``split`` (train or dev), in name order, one annotator's .ann per text."""
    if split not in SPLITS:
        raise CorpusError(f"split {split!r} is not read: use one of {', '.join(SPLITS)}")
    source = open_corpus(path)
    try:
        for name, ann in _pairs(source.names(f"data/{split}/text"), source.names(f"data/{split}/attributions"))[:limit]:
            # Texts are decoded as written (no newline translation), so annotation offsets hold.
            text = source.read_bytes(f"data/{split}/text/{name}.txt").decode("utf-8")
            xml = source.read_bytes(f"data/{split}/corenlp/{name}.txt.xml", missing_ok=True).decode("utf-8")
            ann_text = source.read_bytes(f"data/{split}/attributions/{ann}").decode("utf-8")
            yield parse_document(name, text, ann_text, xml)
    finally:
        source.close()


def _pairs(texts: list[str], anns: list[str]) -> list[tuple[str, str]]:
    """(name, first .ann by sorted name) for every text that has an annotation."""
    first: dict[str, str] = {}
    for ann in sorted(anns):
        stem = ann.removesuffix(".ann").rsplit("_", 1)[0]
        first.setdefault(stem, ann)
    names = sorted(t.removesuffix(".txt") for t in texts if t.endswith(".txt"))
    return [(name, first[name]) for name in names if name in first]


def parse_document(name: str, text: str, ann: str, xml: str) -> Document:
    """A document from its text, its brat .ann and its CoreNLP XML ('' when absent)."""
    spans, mismatches = parse_spans(ann, text)
    relations = tuple(_relation(line, spans) for line in ann.splitlines() if line.startswith("E"))
    return Document(name, text, relations, parse_coref(xml) if xml else (), mismatches)


def parse_spans(ann: str, text: str) -> tuple[dict[str, Spans], int]:
    """The spans of every T line, and how many of them do not match the text at their offsets."""
    spans: dict[str, Spans] = {}
    mismatches = 0
    for line in ann.splitlines():
        fields = line.split("\t")
        if not line.startswith("T") or len(fields) < 2:
            continue
        ranges = fields[1].split(" ", 1)[1] if " " in fields[1] else ""
        pieces = tuple((int(a), int(b)) for a, b in (part.split() for part in ranges.split(";")))
        spans[fields[0]] = pieces
        recorded = fields[2] if len(fields) > 2 else ""
        mismatches += " ".join(text[a:b] for a, b in pieces) != recorded
    return spans, mismatches


def _relation(line: str, spans: dict[str, Spans]) -> Relation:
    """An E line's roles: every Content* argument joins the content."""
    roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Source": [], "Cue": []}
    for argument in line.split("\t", 1)[1].split()[1:]:
        role, _, target = argument.partition(":")
        key = "Content" if role.startswith("Content") else role
        if key in roles:
            roles[key].extend(spans.get(target, ()))
    return Relation(tuple(sorted(roles["Content"])), tuple(sorted(roles["Source"])), tuple(sorted(roles["Cue"])))


def parse_coref(xml: str) -> tuple[tuple[CorefMention, ...], ...]:
    """CoreNLP's coreference chains, token indices turned into character offsets."""
    root = ET.fromstring(xml)
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    for sentence in root.iter("sentence"):
        for token in sentence.iter("token"):
            begin, end = token.findtext("CharacterOffsetBegin"), token.findtext("CharacterOffsetEnd")
            if begin is not None and end is not None:
                offsets[(int(sentence.get("id", 0)), int(token.get("id", 0)))] = (int(begin), int(end))
    chains = []
    for chain in root.iter("coreference"):
        mentions = tuple(_mention(m, offsets) for m in chain.findall("mention"))
        if mentions:
            chains.append(mentions)
    return tuple(chains)


def _mention(element: ET.Element, offsets: dict[tuple[int, int], tuple[int, int]]) -> CorefMention:
    """One mention: tokens start..end-1 (1-based, end exclusive) of its sentence."""
    sentence = int(element.findtext("sentence", "0"))
    first = offsets.get((sentence, int(element.findtext("start", "0"))), (0, 0))
    last = offsets.get((sentence, int(element.findtext("end", "0")) - 1), first)
    return CorefMention(first[0], last[1], element.findtext("text", ""), element.get("representative") == "true")
