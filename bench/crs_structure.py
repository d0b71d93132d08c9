"""`python -m bench.crs_structure PATH`: ingest real reports into a memory store and count structure gone wrong.

PATH is a folder of .md/.txt articles or a bare git mirror (its ``markdown/`` folder is read from HEAD, as
`bench.actors` reads it; reports reserved for evaluation are never read). Counted, and listed with
``--show``: events dated from a table row, body passages that are link lines, and page furniture (Subscribe,
Share, Download PDF, Listen, breadcrumbs, version histories, bare URLs) stored as a passage, footnote or
citation. The furniture test here is its own, not the reader's, so the reader is checked, not echoed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.actors import folder_articles, git_articles
from bench.mirror import CorpusError, is_git_dir
from store.db import Store
from store.extract.lexicon import fold
from store.files import ArticleError
from store.ingest import ingest_text

_URL = re.compile(r"<?https?://\S+>?")
_FURNITURE = re.compile(
    r"(?i)^[-\s]*(?:subscribe|share(?:/save)?|print|e-?mail|listen|download(?: pdf)?|home|site feedback|"
    r"citation|hide overview|back to top|skip to (?:main )?content)(?:\s*\([^)]*\))?\s*(?:<|$)|"
    r"version:?\s*\d+\)?\s*<|readspeaker")
"""Labels of a page's own controls, a version history's entries, a text-to-speech link."""
_TITLE_LINE_WORDS = 8
"""At most this many words after the title make a passage the page's title line, not a sentence."""
_LINK_LINE_WORDS = 3
"""At most this many words beside its links make a passage a link line."""


def _arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.crs_structure", description=__doc__)
    parser.add_argument("path", type=Path, help="a bare git mirror of the CRS reports (or a folder)")
    parser.add_argument("--limit", type=int, default=40, help="read only the first N reports (default 40)")
    parser.add_argument("--show", action="store_true", help="list every finding, not only the counts")
    return parser.parse_args()


def _articles(path: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of each report, as `bench.actors` reads them."""
    yield from git_articles(path) if is_git_dir(path) else folder_articles(path)


def is_link_line(text: str) -> bool:
    """A passage that is links and bullets with at most a few words beside them."""
    rest = _URL.sub(" ", text)
    return rest != text and len(re.findall(r"\w+", rest)) <= _LINK_LINE_WORDS


def is_furniture(text: str) -> bool:
    """A page's control, a version-history entry or a bare URL."""
    return bool(_FURNITURE.search(text)) or not _URL.sub("", text).strip(" -")


def _opens_with(text: str, title: str) -> bool:
    """True where a passage, past a list marker, is the document's title and a few words (a date line)."""
    text = fold(text.lstrip("-*• "))
    return text.startswith(fold(title)) and len(text[len(fold(title)):].split()) <= _TITLE_LINE_WORDS


def findings(store: Store) -> dict[str, list[str]]:
    """Each kind of structural error with the texts that show it."""
    rows = store.rows
    table_events = [r["description"] for r in rows(
        "SELECT e.description FROM events e JOIN passages p ON p.id = e.passage_id JOIN passage_texts t ON t.id = p.id "
        "WHERE p.kind = 'table' OR e.description LIKE '|%' OR t.text LIKE '|%'")]
    body = [r["text"] for r in rows("SELECT t.text FROM passages p JOIN passage_texts t ON t.id = p.id "
                                   "WHERE p.kind NOT IN ('footnote', 'table')")]
    notes = [r["text"] for r in rows("SELECT t.text FROM passages p JOIN passage_texts t ON t.id = p.id "
                                    "WHERE p.kind = 'footnote'")]
    cited = [r["raw"] for r in rows("SELECT raw FROM citations")]
    # The page's own header line ("<title> Updated April 9, 2026 (IF123)") kept as a paragraph of the body.
    titled = rows("SELECT t.text, d.title FROM passages p JOIN documents d ON d.id = p.document_id "
                  "JOIN passage_texts t ON t.id = p.id WHERE p.kind = 'paragraph'")
    title_lines = [r["text"] for r in titled if _opens_with(r["text"], r["title"])]
    title_events = [r["description"] for r in rows(
        "SELECT e.description, d.title FROM events e JOIN documents d ON d.id = e.document_id")
        if _opens_with(r["description"], r["title"])]
    return {"events from table rows": table_events,
            "body passages that are link lines": [t for t in body if is_link_line(t)],
            "furniture among passages": [t for t in body if is_furniture(t) and is_link_line(t)],
            "furniture among footnotes": [t for t in notes if is_furniture(t)],
            "furniture among citations": [t for t in cited if is_furniture(t)],
            "the page's title line as a paragraph": title_lines,
            "events from the page's title line": title_events,
            "footnotes that are links (references)": [t for t in notes if is_link_line(t)]}


def main() -> int:
    """Ingest, then print each count (and with --show, what it counts)."""
    args = _arguments()
    store, count = Store.memory(), 0
    try:
        for count, (name, text) in enumerate(_articles(args.path), 1):
            if count > args.limit:
                count -= 1
                break
            ingest_text(store, text, name)
    except (ArticleError, CorpusError, OSError) as error:
        print(f"bench.crs_structure: {error}", file=sys.stderr)
        return 2
    print(f"{count} reports")
    for label, texts in findings(store).items():
        print(f"{len(texts):5}  {label}")
        for text in texts if args.show else ():
            print(f"         {text[:140]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
