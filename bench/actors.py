"""`python -m bench.actors PATH`: ingest real reports into a memory store and list the top actors of each kind.

PATH is a folder of .md/.txt articles or a bare git mirror (its ``markdown/`` folder is read from HEAD).
Reports reserved for evaluation are never read. The lists are for judging extraction precision by eye;
the extraction time per MB is printed so a rule that slows extraction shows.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.mirror import CorpusError, GitSource, is_git_dir
from store.db import Store
from store.files import ArticleError, article_files, decode_article, read_article
from store.ingest import ingest_text
from store.model import Article
from store.queries import actors

RESERVED = ("IN12678", "IF12672", "IF12106")
"""Reports kept for evaluation: never opened here."""
_GIT_FOLDER = "markdown"
_KINDS = (("people", ("person",)), ("organizations", ("organization",)),
          ("places and countries", ("place", "country")))


def _arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.actors", description=__doc__)
    parser.add_argument("path", type=Path, help="a folder of articles or a bare git mirror")
    parser.add_argument("--top", type=int, default=40, help="actors listed per kind (default 40)")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N reports")
    return parser.parse_args()


def _reserved(name: str) -> bool:
    """True for a reserved report, by the report number its file name starts with."""
    return Path(name).name.upper().startswith(RESERVED)


def git_articles(repo: Path) -> Iterator[tuple[str, str]]:
    """(path, text) of every Markdown report under markdown/ at HEAD, reserved ones skipped unread, read
    as ingest reads a file (decoded, Markdown structure kept)."""
    source = GitSource(repo)
    try:
        for name in source.names(_GIT_FOLDER, recursive=True):
            if name.endswith(".md") and not _reserved(name):
                yield name, decode_article(source.read_bytes(name), Path(name))
    finally:
        source.close()


def folder_articles(folder: Path) -> Iterator[tuple[str, str]]:
    """(path, text) of every article file under a folder, reserved ones skipped unread."""
    for path in article_files(folder):
        if not _reserved(path.name):
            yield str(path), read_article(path)


def _timed(seconds: list[float]) -> Callable[[str], Article]:
    """The extraction pipeline, adding the CPU time of each call to ``seconds`` (CPU, not wall-clock
    time, so other work on a shared machine does not count)."""
    from store.extract.pipeline import extract_article

    def extract(text: str) -> Article:
        """Extract one article, timing it."""
        began = time.process_time()
        try:
            return extract_article(text)
        finally:
            seconds.append(time.process_time() - began)

    return extract


def _print_kind(store: Store, label: str, kinds: tuple[str, ...], top: int | None) -> None:
    """The most-mentioned actors of some kinds, merged, with their mention counts."""
    found = sorted((a for kind in kinds for a in actors(store, kind)), key=lambda a: (-a.mentions, a.name))
    shown = found if top is None else found[:top]
    print(f"\n## {label}: top {len(shown)} of {len(found)}")
    for rank, actor in enumerate(shown, 1):
        print(f"{rank:3}. {actor.mentions:5}  {actor.name}  [{actor.kind}]")


def main() -> int:
    """Ingest, then print the lists and the extraction speed."""
    args = _arguments()
    try:
        source = git_articles(args.path) if is_git_dir(args.path) else folder_articles(args.path)
        store, seconds, size = Store.memory(), [], 0
        extract = _timed(seconds)
        for count, (name, text) in enumerate(source):
            if args.limit is not None and count >= args.limit:
                break
            ingest_text(store, text, name, extract)
            size += len(text.encode())
    except (ArticleError, CorpusError, OSError) as error:
        print(f"bench.actors: {error}", file=sys.stderr)
        return 2
    megabytes = size / 1e6
    print(f"{len(seconds)} reports, {megabytes:.2f} MB, extraction {sum(seconds):.1f} s CPU = "
          f"{1000 * sum(seconds) / max(megabytes, 1e-9):.0f} ms/MB")
    for label, kinds in _KINDS:
        _print_kind(store, label, kinds, args.top)
    _print_kind(store, "outlets", ("outlet",), None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
