"""Write N deterministic articles (~15 KB each) to a folder, in parallel, and reuse a finished one."""

from __future__ import annotations

import json
import multiprocessing
import random
from dataclasses import dataclass
from pathlib import Path

from bench import pool
from bench.article import Cast, fill, render, _templates
from bench.seedtext import seed_parts

# Every article opens with a dated event and citation, a curly and a straight quote and a footnote.
_OPENING = (1, 2, 4, 7)
_TITLES = ("{C} and Its Limits in the Asia-Pacific", "The {O} and {C}", "{C}, {C} and the Alliance",
           "Why {C} Courts the {O}", "{P} and the New Security Agenda")


@dataclass(frozen=True)
class Corpus:
    """A generated corpus on disk."""

    folder: Path
    articles: int
    bytes: int

    @property
    def paths(self) -> list[Path]:
        """The article files, in order."""
        return sorted(self.folder.glob("*.txt"))


def _sentence(cast: Cast) -> str:
    """A recombined seed sentence or, a little under half the time, a filled template."""
    if cast.rng.random() < 0.45:
        return fill(cast, cast.rng.choice(_templates()))
    return render(cast, cast.rng.choice(seed_parts().sentences))


def _paragraph(cast: Cast, opening: bool) -> str:
    """Five to nine sentences; the opening paragraph carries the guaranteed structures."""
    sentences = [_sentence(cast) for _ in range(cast.rng.randint(5, 9))]
    if opening:
        sentences[:0] = [fill(cast, _templates()[i]) for i in _OPENING]
    return " ".join(sentences)


def article(index: int, n_articles: int, seed: int) -> str:
    """The index-th article of a corpus of n_articles: title, publication line, body, footnotes."""
    rng = random.Random(f"article:{seed}:{index}")
    cast = Cast(rng, n_articles, seed)
    target = min(25_000, max(8_000, int(rng.gauss(14_000, 2_500))))
    blocks = [fill(cast, rng.choice(_TITLES)),
              f"Publication: {pool.outlet(index % 40, seed)} Volume: {index // 20 + 1} Issue: {index % 20 + 1}"]
    size = 0
    while size < target:
        if len(blocks) > 3 and rng.random() < 0.25:
            blocks.append(rng.choice(seed_parts().headings + (fill(cast, "{C} and the {o}"),)))
        blocks.append(_paragraph(cast, opening=len(blocks) == 2))
        size += len(blocks[-1])
    notes = [f"{n}.     {text}" for n, text in enumerate(cast.footnotes, 1)]
    return "\n\n".join(blocks) + "\n\n\n" + "\n\n".join(notes) + "\n"


def _write_range(job: tuple[Path, int, int, int, int]) -> int:
    """Write articles [start, stop) and return the bytes written."""
    folder, start, stop, n_articles, seed = job
    total = 0
    for i in range(start, stop):
        data = article(i, n_articles, seed).encode("utf-8")
        (folder / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def generate(root: Path, n_articles: int, seed: int = 1, workers: int = 2) -> Corpus:
    """Write the corpus under root (or reuse it if a finished one with the same N and seed is there)."""
    folder = root / f"corpus-n{n_articles}-s{seed}"
    manifest = folder / "manifest.json"
    if manifest.exists():
        return Corpus(folder, **json.loads(manifest.read_text()))
    folder.mkdir(parents=True, exist_ok=True)
    step = 50
    jobs = [(folder, s, min(s + step, n_articles), n_articles, seed) for s in range(0, n_articles, step)]
    seed_parts()  # parse the seeds once, before forking
    with multiprocessing.get_context("fork").Pool(workers) as workers_pool:
        total = sum(workers_pool.imap_unordered(_write_range, jobs))
    manifest.write_text(json.dumps({"articles": n_articles, "bytes": total}))
    return Corpus(folder, n_articles, total)
