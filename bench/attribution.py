"""`python -m bench.attribution PATH`: score quote finding and speaker attribution against PolNeAR's gold."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.attribution_match import Outcome, score_document
from bench.mirror import CorpusError
from bench.polnear import SPLITS, Document, read_documents
from bench.report import table
from store.model import Article

CLASSES = ("named", "descriptive", "pronoun")


@dataclass
class Tally:
    """Outcomes and extraction time over the articles scored so far."""

    articles: int = 0
    mismatches: int = 0
    seconds: float = 0.0
    kilobytes: float = 0.0
    outcomes: list[tuple[Document, Outcome]] = field(default_factory=list)


def score_corpus(documents: Iterable[Document], extract: Callable[[str], Article]) -> Tally:
    """Extract every document's text (timed) and score it."""
    tally = Tally()
    for doc in documents:
        began = time.perf_counter()
        article = extract(doc.text)
        tally.seconds += time.perf_counter() - began
        tally.articles += 1
        tally.mismatches += doc.mismatches
        tally.kilobytes += len(doc.text.encode("utf-8")) / 1024
        tally.outcomes.extend((doc, outcome) for outcome in score_document(doc, article))
    return tally


def summary(tally: Tally) -> dict[str, Any]:
    """The figures of the table, as one JSON-ready object."""
    outcomes = [o for _, o in tally.outcomes]
    sourced = [o for o in outcomes if o.gold.kind]
    verdicts = Counter(o.verdict for o in sourced)
    found_sourced = len(sourced) - verdicts["missed"]
    attributed = verdicts["right"] + verdicts["wrong"]
    return {
        "articles": tally.articles, "span_mismatches": tally.mismatches,
        "gold_quotes": len(outcomes), "two_apostrophe_quotes": sum(o.gold.marks in ("''", "``") for o in outcomes),
        "no_gold_source": len(outcomes) - len(sourced),
        "found_pct": _pct(sum(o.verdict != "missed" for o in outcomes), len(outcomes)),
        "right_pct": _pct(verdicts["right"], len(sourced)),
        "by_class": {c: _right_of(o for o in sourced if o.gold.kind == c) for c in CLASSES},
        "wrong_pct_of_attributed": _pct(verdicts["wrong"], attributed),
        "unattributed_pct_of_found": _pct(verdicts["unattributed"], found_sourced),
        "pronoun_resolution": dict(Counter(o.resolution for o in sourced if o.gold.kind == "pronoun" and o.resolution)),
        "by_rule": _by_rule(sourced),
        "ms_per_article": _ratio(tally.seconds * 1000, tally.articles),
        "kb_per_s": _ratio(tally.kilobytes, tally.seconds),
    }


def _pct(part: int, whole: int) -> float | None:
    """Percentage with one decimal, None for an empty whole."""
    return round(100 * part / whole, 1) if whole else None


def _ratio(part: float, whole: float) -> float | None:
    """A rounded ratio, None for an empty whole."""
    return round(part / whole, 1) if whole else None


def _unit(value: float | None, suffix: str) -> str:
    """A figure with its unit, '-' when there is none."""
    return "-" if value is None else f"{value}{suffix}"


def _right_of(outcomes: Iterable[Outcome]) -> str:
    """'right/total' for a group of outcomes."""
    group = list(outcomes)
    return f"{sum(o.verdict == 'right' for o in group)}/{len(group)}"


def _by_rule(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    """Right and wrong counts per attribution rule of the found quote."""
    rules: dict[str, dict[str, int]] = {}
    for outcome in outcomes:
        if outcome.verdict in ("right", "wrong"):
            counts = rules.setdefault(outcome.rule, {"right": 0, "wrong": 0})
            counts[outcome.verdict] += 1
    return rules


def rows(figures: dict[str, Any]) -> list[tuple[str, str]]:
    """(measure, value) rows for the plain table."""
    return [
        ("articles", f"{figures['articles']} ({figures['span_mismatches']} annotated spans not matching the text)"),
        ("gold quotes", f"{figures['gold_quotes']} ({figures['two_apostrophe_quotes']} with '' marks, "
                        f"{figures['no_gold_source']} with no gold source)"),
        ("found", _unit(figures["found_pct"], "%")),
        ("right speaker, of quotes with a source", _unit(figures["right_pct"], "%")),
        *((f"  {c}", figures["by_class"][c]) for c in CLASSES),
        ("  pronoun resolved by", ", ".join(f"{k} {v}" for k, v in sorted(figures["pronoun_resolution"].items())) or "-"),
        ("wrong, of attributed found quotes", _unit(figures["wrong_pct_of_attributed"], "%")),
        ("unattributed, of found quotes", _unit(figures["unattributed_pct_of_found"], "%")),
        *((f"rule {r}", f"{c['right']} right, {c['wrong']} wrong") for r, c in sorted(figures["by_rule"].items())),
        ("extraction", f"{_unit(figures['ms_per_article'], ' ms/article')}, {_unit(figures['kb_per_s'], ' KB/s')}"),
    ]


def miss_lines(tally: Tally) -> list[str]:
    """One line per missed, wrong or unattributed quote, with ~200 characters of context."""
    lines = []
    for doc, o in tally.outcomes:
        if o.verdict in ("missed", "wrong", "unattributed"):
            ours = f"{o.found.kind}/{o.found.speaker}/{o.rule}" if o.found else "-"
            middle = (o.gold.start + o.gold.end) // 2
            context = " ".join(doc.text[max(0, middle - 100): middle + 100].split())
            lines.append(f"{o.verdict:12} {doc.name} [{o.gold.kind or 'no source'}] "
                         f"gold={o.gold.source_text!r} ours={ours} {o.resolution}\n    {context}")
    return lines


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.attribution", description=__doc__)
    parser.add_argument("path", type=Path, help="PolNeAR: its bare git mirror or a folder holding data/")
    parser.add_argument("--split", default="dev", help="train or dev (default dev); test is never read")
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles")
    parser.add_argument("--misses", action="store_true", help="also print every missed, wrong or unattributed quote")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Read the split, extract and score every article, print the table (and the misses)."""
    args = _arguments(argv)
    if args.split not in SPLITS:
        _fail(f"--split {args.split} refused: only {' and '.join(SPLITS)} are scored (test is kept for final figures)")
    from store.extract.pipeline import extract_article  # here so a refused split loads nothing

    try:
        tally = score_corpus(read_documents(args.path, args.split, args.limit), extract_article)
    except CorpusError as error:
        _fail(str(error))
    if args.misses:
        print("\n".join(miss_lines(tally)), end="\n\n")
    figures = summary(tally)
    print(json.dumps(figures) if args.json else table(rows(figures), ("measure", args.split)))


def _fail(message: str) -> None:
    """One line on stderr, exit 2."""
    print(f"bench.attribution: {message}", file=sys.stderr)
    raise SystemExit(2)


if __name__ == "__main__":
    main()
