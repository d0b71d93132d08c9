"""Regenerate screenshots/*.svg: every explorer screen at 80x24 and 140x40, from the bundled seeds."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from store import queries
from store.db import Store
from store.files import read_article
from store.ingest import ingest_text
from tui.app import NatoAsiaApp
from tui.messages import ActorPlace, TextPlace

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "fixtures" / "lineage"
"""Three made-up stories quoting one statement: the seeds are one article, and a lineage needs several."""
SIZES = ((80, 24), (140, 40))
Step = Callable[[Pilot[None], Store], Awaitable[None]]


def seed_store(folder: Path = ROOT / "seeds") -> Store:
    """An in-memory store of the articles of a folder (the bundled seeds by default)."""
    store = Store.memory()
    for path in sorted(folder.glob("*.txt")):
        # A relative name: citations (the board) show it, and it must not depend on the checkout's folder.
        ingest_text(store, read_article(path), str(path.relative_to(ROOT)))
    return store


def most_quoted(store: Store) -> queries.ActorSummary:
    """The actor with the most quotes (then mentions): the natural subject of a screenshot."""
    return max(queries.actors(store), key=lambda actor: (actor.quotes, actor.mentions))


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker has finished and the screen has been redrawn."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def to_dossier(pilot: Pilot[None], store: Store) -> None:
    """Open the most quoted actor's dossier."""
    pilot.app.open_place(ActorPlace(most_quoted(store).id))  # type: ignore[attr-defined]


def read_quote(pilot: Pilot[None], quote: queries.QuoteView) -> None:
    """Open the reader at a quote."""
    place = TextPlace(quote.document_id, quote.passage_id, quote.start, quote.end, quote.speaker_id)
    pilot.app.open_place(place)  # type: ignore[attr-defined]


async def to_reader(pilot: Pilot[None], store: Store) -> None:
    """Open the reader at the most quoted actor's first quote."""
    dossier = queries.dossier(store, most_quoted(store).id)
    if dossier and dossier.quotes:
        read_quote(pilot, dossier.quotes[0])


async def to_search(pilot: Pilot[None], store: Store) -> None:
    """Search for the most quoted actor's surname, mistyped by one letter."""
    surname = most_quoted(store).name.split()[-1].lower()
    await pilot.press("slash", *surname[:-2], surname[-1])


async def to_why(pilot: Pilot[None], store: Store) -> None:
    """Ask why the most quoted actor's first quote (highlighted in the dossier) is theirs."""
    await to_dossier(pilot, store)
    await settle(pilot)
    await pilot.press("w")


async def to_why_weighed(pilot: Pilot[None], store: Store) -> None:
    """Ask why of the first quote whose sentence named other actors who lost (read in the reader)."""
    for quote in queries.quotes(store):
        why = queries.attribution(store, quote.id)
        if why is not None and why.candidates:
            read_quote(pilot, quote)
            await settle(pilot)
            await pilot.press("w")
            return


async def to_correct(pilot: Pilot[None], store: Store) -> None:
    """Offer the corrections for the most quoted actor and their first quote (highlighted in the dossier)."""
    await to_dossier(pilot, store)
    await settle(pilot)
    await pilot.press("c")


async def to_corrections(pilot: Pilot[None], store: Store) -> None:
    """Make two corrections (unless the store has some or cannot take them), then list them."""
    from store import corrections

    if not store.readonly and not corrections.corrections(store):
        least = queries.actors(store)[-1]
        corrections.set_actor_kind(store, least.id, "group" if least.kind != "group" else "person")
        actor = most_quoted(store)
        corrections.rename_actor(store, actor.id, actor.name.upper())
    await pilot.press("C")


async def to_board(pilot: Pilot[None], store: Store) -> None:
    """Pin the most quoted actor's first two quotes and their first mention's paragraph, then open the board."""
    from store import board

    dossier = queries.dossier(store, most_quoted(store).id)
    if dossier:
        for spot in [*dossier.quotes[:2], *dossier.mentions[:1]]:
            board.pin_at(store, spot.document_id, spot.start, spot.end, spot.passage_id)
    await pilot.press("B")


def keys(*pressed: str) -> Step:
    """A step that presses keys."""

    async def press(pilot: Pilot[None], store: Store) -> None:
        """Press the keys."""
        await pilot.press(*pressed)

    return press


SCREENS: dict[str, Step] = {
    "actors": keys(),
    "dossier": to_dossier,
    "reader": to_reader,
    "search": to_search,
    "why": to_why,
    "why-weighed": to_why_weighed,
    "lineage": keys("Q", "L"),
    "quotes": keys("Q"),
    "documents": keys("D"),
    "timeline": keys("t"),
    "sources": keys("s"),
    "help": keys("question_mark"),
    "correct-picker": to_correct,
    "merge-picker": keys("m"),
    "corrections": to_corrections,
    "board": to_board,
}
"""Each screenshot's name and how to get there from the first screen (corrections last: it changes the store)."""
OWN_STORE = {"lineage": STORIES}
"""Screens shot on a store of another folder's articles."""


async def shoot(store: Store, out: Path, name: str, step: Step, size: tuple[int, int]) -> Path:
    """Save one screen at one size as SVG."""
    app = NatoAsiaApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await step(pilot, store)
        await settle(pilot)
        path = out / f"{name}-{size[0]}x{size[1]}.svg"
        app.save_screenshot(path.name, path=str(out))
    return path


async def main(out: Path, db: str | None) -> None:
    """Shoot every screen at every size."""
    out.mkdir(parents=True, exist_ok=True)
    store = Store.open(db, readonly=True) if db else seed_store()
    for name, step in SCREENS.items():
        shot = store if db or name not in OWN_STORE else seed_store(OWN_STORE[name])
        for size in SIZES:
            print(await shoot(shot, out, name, step, size))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the SVGs")
    parser.add_argument("--db", help="use this store instead of building one from the seeds")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.out, arguments.db))
