"""How often a person's surname written three times or more in a PolNeAR article has a person actor.

Ad hoc, not part of the suite: ``python -m bench.people [train|dev ...]``. The articles and CoreNLP's
annotations are read from the bare mirror at run time (train and dev only). A surname is the last word
of a two-word-or-longer span CoreNLP tags PERSON; it counts when the article writes it three times or
more; it is found when some extracted person actor's name ends with it.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

from bench.mirror import GitSource
from store.extract.lexicon import is_common
from store.extract.pipeline import extract_article

_MIRROR = "/work/.mirror/networkdynamics+PolNeAR/repo"
_SPLITS = ("train", "dev")
_TOKEN = re.compile(r"<word>([^<]*)</word>.*?<NER>([^<]*)</NER>", re.S)
_SENTENCE = "<sentence "
_MIN_TIMES = 3
_TOP = 30


def _read(split: str) -> tuple[list[str], list[str], list[str]]:
    """The split's article names, texts and CoreNLP XML ('' for the few articles that have none)."""
    source = GitSource(Path(_MIRROR))
    try:
        names = source.names(f"data/{split}/text")
        texts = [source.read_bytes(f"data/{split}/text/{n}").decode() for n in names]
        xmls = [source.read_bytes(f"data/{split}/corenlp/{n}.xml", missing_ok=True).decode() for n in names]
    finally:
        source.close()
    return names, texts, xmls


def _person_spans(xml: str) -> list[list[str]]:
    """The words of each CoreNLP PERSON span, sentence by sentence."""
    spans: list[list[str]] = []
    for sentence in xml.split(_SENTENCE)[1:]:
        span: list[str] = []
        for word, tag in [*_TOKEN.findall(sentence), ("", "O")]:
            if tag == "PERSON":
                span.append(word)
            elif span:
                spans.append(span)
                span = []
    return spans


def _article_result(job: tuple[str, str]) -> tuple[list[tuple[str, bool]], list[str]]:
    """(surname, found) for each surname the article writes three times or more; and the person actors
    none of whose words CoreNLP tags PERSON in the article (a rough count of false people)."""
    text, xml = job
    spans = _person_spans(xml)
    surnames = {span[-1] for span in spans if len(span) >= 2 and span[-1][:1].isupper()}
    surnames = {s for s in surnames if len(re.findall(rf"\b{re.escape(s)}\b", text)) >= _MIN_TIMES}
    tagged = {word for span in spans for word in span}
    names = [actor.name for actor in extract_article(text).actors if actor.kind == "person"]
    people = {name.split()[-1] for name in names}
    unsupported = [name for name in names if xml and not tagged & set(name.split())]
    return [(surname, surname in people) for surname in sorted(surnames)], unsupported


def measure(split: str) -> None:
    """Print the split's rate of surnames with a person actor, overall and for English words."""
    names, texts, xmls = _read(split)
    with Pool(2) as pool:
        results = pool.map(_article_result, zip(texts, xmls), chunksize=8)
    pairs = [pair for result, _ in results for pair in result]
    unsupported = Counter(name for _, names in results for name in names)
    common = [(s, ok) for s, ok in pairs if is_common(s)]
    print(f"{split}: {len(names)} articles, {len(pairs)} surnames written >= {_MIN_TIMES} times")
    for label, group in (("all", pairs), ("English words", common), ("other", [p for p in pairs if p not in common])):
        hits = sum(ok for _, ok in group)
        print(f"  {label:14} {hits}/{len(group)} = {hits / max(1, len(group)):.1%} have a person actor")
    for label, want in (("found", True), ("missed", False)):
        top = Counter(s for s, ok in common if ok is want).most_common(_TOP)
        print(f"  English-word surnames {label} (articles): " + ", ".join(f"{s} {n}" for s, n in top))
    print(f"  person actors with no word CoreNLP tags PERSON: {sum(unsupported.values())}; commonest: "
          + ", ".join(f"{s} {n}" for s, n in unsupported.most_common(_TOP)))


if __name__ == "__main__":
    for name in sys.argv[1:] or _SPLITS:
        if name not in _SPLITS:
            sys.exit(f"bench.people: only {', '.join(_SPLITS)} may be measured")
        measure(name)
