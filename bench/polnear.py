"""Read the PolNeAR corpus (a bare git mirror or a folder holding data/): texts, brat attributions, CoreNLP coref."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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


class CorpusError(Exception):
    """The corpus path cannot be read as PolNeAR."""


def read_documents(path: Path, split: str, limit: int | None = None) -> Iterator[Document]:
    """Every document of ``split`` (train or dev), in name order, one annotator's .ann per text."""
    if split not in SPLITS:
        raise CorpusError(f"split {split!r} is not read: use one of {', '.join(SPLITS)}")
    source = _GitSource(path) if _is_git_dir(path) else _FolderSource(path)
    try:
        for name, ann in _pairs(source.names(f"data/{split}/text"), source.names(f"data/{split}/attributions"))[:limit]:
            text = source.read(f"data/{split}/text/{name}.txt")
            xml = source.read(f"data/{split}/corenlp/{name}.txt.xml", missing_ok=True)
            yield parse_document(name, text, source.read(f"data/{split}/attributions/{ann}"), xml)
    finally:
        source.close()


def _is_git_dir(path: Path) -> bool:
    """A bare repository has HEAD and objects/ at its top; a checked-out folder has data/."""
    return (path / "HEAD").is_file() and (path / "objects").is_dir()


def _pairs(texts: list[str], anns: list[str]) -> list[tuple[str, str]]:
    """(name, first .ann by sorted name) for every text that has an annotation."""
    first: dict[str, str] = {}
    for ann in sorted(anns):
        stem = ann.removesuffix(".ann").rsplit("_", 1)[0]
        first.setdefault(stem, ann)
    names = sorted(t.removesuffix(".txt") for t in texts if t.endswith(".txt"))
    return [(name, first[name]) for name in names if name in first]


class _FolderSource:
    """Files of a checked-out PolNeAR folder."""

    def __init__(self, root: Path) -> None:
        if not (root / "data").is_dir():
            raise CorpusError(f"{root} is neither a git directory nor a folder holding data/")
        self.root = root

    def names(self, folder: str) -> list[str]:
        """File names in a folder of the corpus."""
        target = self.root / folder
        if not target.is_dir():
            raise CorpusError(f"{target} is missing")
        return sorted(p.name for p in target.iterdir())

    def read(self, path: str, missing_ok: bool = False) -> str:
        """A file's text, newlines kept as written so offsets hold."""
        target = self.root / path
        if missing_ok and not target.exists():
            return ""
        with open(target, encoding="utf-8", newline="") as handle:
            return handle.read()

    def close(self) -> None:
        """Nothing to release."""


class _GitSource:
    """Files of a bare git mirror, read through one `git cat-file --batch` process."""

    def __init__(self, git_dir: Path) -> None:
        self.git_dir = git_dir
        self.batch = subprocess.Popen(["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def names(self, folder: str) -> list[str]:
        """File names in a folder at HEAD."""
        listing = subprocess.run(["git", f"--git-dir={self.git_dir}", "ls-tree", "--name-only", "HEAD", folder + "/"],
                                 capture_output=True, text=True, check=False)
        if listing.returncode != 0 or not listing.stdout:
            raise CorpusError(f"{folder} not found at HEAD of {self.git_dir}")
        return sorted(line.rsplit("/", 1)[-1] for line in listing.stdout.splitlines())

    def read(self, path: str, missing_ok: bool = False) -> str:
        """A blob's text at HEAD."""
        assert self.batch.stdin is not None and self.batch.stdout is not None
        self.batch.stdin.write(f"HEAD:{path}\n".encode())
        self.batch.stdin.flush()
        header = self.batch.stdout.readline().decode().split()
        if len(header) < 3 or header[1] != "blob":
            if missing_ok:
                return ""
            raise CorpusError(f"{path} not found at HEAD of {self.git_dir}")
        data = self.batch.stdout.read(int(header[2]) + 1)[:-1]  # the blob, then a newline
        return data.decode("utf-8")

    def close(self) -> None:
        """End the batch process."""
        if self.batch.stdin is not None:
            self.batch.stdin.close()
        self.batch.wait()


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
