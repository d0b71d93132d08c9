"""Correcting in the explorer at 80x24, keyboard only: a wrong speaker fixed and kept through a re-ingest,
two actors merged and the merge undone, a stale correction listed as stale, a read-only store refusing, and
the same keys on search results and the quotes list."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import WIRE, wire_article
from store import corrections
from store.db import Store
from store.ingest import ingest_text
from store.model import Article
from tui.messages import ActorPlace
from tui.screens.actors import ActorsScreen
from tui.screens.corrections import CorrectionsScreen
from tui.screens.dossier import DossierScreen
from tui.screens.picker import PickerScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.screens.why import WhyScreen
from tui.widgets.nav_list import PlaceOption
from tui.widgets.result_list import ResultList

if TYPE_CHECKING:
    from explorer_driver import Explorer
    from tests.tui.conftest import Explore

SPOKEN = "We stand together on the Arctic."


@pytest.fixture
def wire_file_store(tmp_path: Path) -> Store:
    """A store file holding the made-up wire story (the explorer writes corrections to it)."""
    store = Store.open(tmp_path / "wire.db")
    ingest_text(store, WIRE, "wire.txt", extract=wire_article)
    return store


def speaker(store: Store, text: str) -> str | None:
    """Who the store says said ``text``."""
    return store.value("SELECT a.name FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_id WHERE q.text = ?",
                       (text,))


def no_speakers(text: str) -> Article:
    """Another extractor setting: it attributes no quote."""
    article = wire_article(text)
    return replace(article, quotes=tuple(replace(q, speaker=None) for q in article.quotes))


async def highlight_actor(ui: Explorer, name: str) -> None:
    """Move the actors list's cursor to the named actor."""
    screen = ui.app.screen
    assert isinstance(screen, ActorsScreen)
    wanted = ui.app.store.value("SELECT id FROM actors WHERE name = ?", (name,))
    await ui.press_until("j", lambda: screen.highlighted_actor_id() == wanted, limit=20)


async def pick(ui: Explorer, *typed: str) -> None:
    """Type into the open picker and pick the best match."""
    assert isinstance(ui.app.screen, PickerScreen)
    await ui.press(*typed, "enter")


async def correct_actor(ui: Explorer, name: str, *picks: str) -> None:
    """On the actors list, c on the named actor, then pick what each text typed matches best."""
    await highlight_actor(ui, name)
    await ui.press("c")
    for typed in picks:
        await pick(ui, *typed)
    await ui.settle()


async def test_correct_a_wrong_speaker_and_it_holds_after_a_reingest(wire_file_store: Store,
                                                                    explore: Explore) -> None:
    async with explore(wire_file_store) as ui:
        await highlight_actor(ui, "Jane Doe")
        await ui.press("enter")
        assert isinstance(ui.app.screen, DossierScreen)
        await ui.press("c")
        await pick(ui, *"set the speaker")
        await pick(ui, *"nordmann")
        assert speaker(wire_file_store, SPOKEN) == "Ola Nordmann"
        assert ingest_text(wire_file_store, WIRE, "wire.txt", extract=no_speakers, force=True).status == "replaced"
        assert speaker(wire_file_store, SPOKEN) == "Ola Nordmann"
        await ui.press("escape")
        await highlight_actor(ui, "Ola Nordmann")
        await ui.press("enter", "w")
        assert isinstance(ui.app.screen, WhyScreen)
        assert ui.app.screen.why.corrected


async def test_merge_two_actors_then_undo(wire_file_store: Store, explore: Explore) -> None:
    async with explore(wire_file_store) as ui:
        await highlight_actor(ui, "Ola Nordmann")
        await ui.press("m")
        await pick(ui, *"jane")
        names = [row[2] for row in ui.rows("#actors-table")]
        assert "Ola Nordmann" not in names and "Jane Doe" in names
        assert wire_file_store.value("SELECT mentions FROM actors WHERE name = 'Jane Doe'") == 4
        await ui.press("u")
        await ui.settle()
        assert "Ola Nordmann" in [row[2] for row in ui.rows("#actors-table")]
        assert corrections.corrections(wire_file_store) == ()


async def test_a_stale_correction_is_listed_as_stale_and_x_undoes_it(wire_file_store: Store,
                                                                    explore: Explore) -> None:
    quote = wire_file_store.value("SELECT id FROM quotes WHERE text = 'useful'")
    doe = wire_file_store.value("SELECT id FROM actors WHERE name = 'Jane Doe'")
    corrections.set_speaker(wire_file_store, quote, doe)
    ingest_text(wire_file_store, WIRE, "wire.txt", extract=lambda text: replace(wire_article(text), quotes=()),
                force=True)
    async with explore(wire_file_store) as ui:
        await ui.press("C")
        assert isinstance(ui.app.screen, CorrectionsScreen)
        [row] = ui.rows("#corrections-table")
        assert row[1] == "speaker" and row[3] == "stale"
        await ui.press("x")
        assert ui.rows("#corrections-table") == []


async def test_a_read_only_store_says_corrections_cannot_be_saved(wire_file_store: Store, explore: Explore,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = wire_file_store.path
    wire_file_store.close()
    with Store.open(path, readonly=True) as store:
        async with explore(store) as ui:
            said: list[str] = []
            monkeypatch.setattr(ui.app.screen, "notify", lambda message, **_: said.append(str(message)))
            await highlight_actor(ui, "Jane Doe")
            for key in ("c", "m", "u"):
                await ui.press(key)
                assert not isinstance(ui.app.screen, PickerScreen)
            assert len([line for line in said if "can't be saved" in line]) == 3


async def test_merging_the_dossiers_actor_goes_back_and_undo_brings_it_back(wire_file_store: Store,
                                                                          explore: Explore) -> None:
    async with explore(wire_file_store) as ui:
        await highlight_actor(ui, "Ola Nordmann")
        await ui.press("enter", "m")
        await pick(ui, *"doe")
        assert isinstance(ui.app.screen, ActorsScreen)
        assert "Ola Nordmann" not in [row[2] for row in ui.rows("#actors-table")]
        await ui.press("C")
        assert [row[1] for row in ui.rows("#corrections-table")] == ["merge"]
        await ui.press("x")
        assert ui.rows("#corrections-table") == []
        assert wire_file_store.value("SELECT mentions FROM actors WHERE name = 'Ola Nordmann'") == 2


async def test_detach_a_mention_in_the_reader(wire_file_store: Store, explore: Explore) -> None:
    async with explore(wire_file_store) as ui:
        await highlight_actor(ui, "Jane Doe")
        await ui.press("r")
        assert isinstance(ui.app.screen, ReaderScreen)
        await ui.press("n", "c")
        await pick(ui, *"detach")
        assert wire_file_store.value("SELECT mentions FROM actors WHERE name = 'Jane Doe'") == 1
        assert [c.action for c in corrections.corrections(wire_file_store)] == ["detach"]


async def test_the_help_lists_every_correction_key(wire_file_store: Store, explore: Explore) -> None:
    from tui.screens.help import HelpScreen

    async with explore(wire_file_store) as ui:
        await ui.press("question_mark")
        assert isinstance(ui.app.screen, HelpScreen)
        keys = {entry.binding.key for entry in ui.app.screen.entries}
        assert {"c", "m", "u", "C"} <= keys


def actor_results(ui: Explorer) -> list[int]:
    """The ids of the actors the search screen lists."""
    options = ui.app.screen.query_one(ResultList).options
    return [option.place.actor_id for option in options
            if isinstance(option, PlaceOption) and isinstance(option.place, ActorPlace)]


async def test_merge_from_search_and_search_finds_both_names_under_one(wire_file_store: Store,
                                                                       explore: Explore) -> None:
    """/nordmann, tab to the list, m, pick Jane Doe: the same search now lists Jane Doe, and so does /doe."""
    doe = wire_file_store.value("SELECT id FROM actors WHERE name = 'Jane Doe'")
    nordmann = wire_file_store.value("SELECT id FROM actors WHERE name = 'Ola Nordmann'")
    async with explore(wire_file_store) as ui:
        await ui.search("nordmann")
        assert actor_results(ui)[0] == nordmann
        await ui.press("tab", "m")
        await pick(ui, *"jane")
        assert isinstance(ui.app.screen, SearchScreen)
        await ui.settle()
        assert actor_results(ui) == [doe]
        await ui.press("escape")
        await ui.search("doe")
        assert actor_results(ui) == [doe]


async def test_correct_undo_and_explain_a_quote_found_by_search(wire_file_store: Store, explore: Explore) -> None:
    """/arctic, tab to the quote: c sets its speaker with the picker, w says it was set by hand, u undoes."""
    async with explore(wire_file_store) as ui:
        await ui.search("arctic")
        await ui.press("tab")
        results = ui.app.screen.query_one(ResultList)
        await ui.press_until("j", lambda: results.highlighted_quote is not None, limit=10)
        await ui.press("c")
        await pick(ui, *"set the speaker")
        await pick(ui, *"nordmann")
        assert speaker(wire_file_store, SPOKEN) == "Ola Nordmann"
        await ui.settle()
        await ui.press_until("j", lambda: results.highlighted_quote is not None, limit=10)
        await ui.press("w")
        assert isinstance(ui.app.screen, WhyScreen) and ui.app.screen.why.corrected
        await ui.press("escape", "u")
        await ui.settle()
        assert speaker(wire_file_store, SPOKEN) == "Jane Doe"


async def test_correct_a_quote_on_the_quotes_list(wire_file_store: Store, explore: Explore) -> None:
    """Q, f to the phrase, c makes it speech of Jane Doe's: the list shows her as its speaker."""
    async with explore(wire_file_store) as ui:
        await ui.press("Q", "f", *"useful", "enter", "c")
        await pick(ui, *"set the speaker")
        await pick(ui, *"doe")
        await ui.settle()
        assert speaker(wire_file_store, "useful") == "Jane Doe"
        assert ui.rows("#quotes-table")[0][0] == "Jane Doe"


async def test_choose_an_actors_canonical_name_among_its_aliases(wire_file_store: Store, explore: Explore) -> None:
    """c on Jane Doe, 'call by another of its names', pick Doe: the actor is Doe, with Jane Doe as an alias."""
    async with explore(wire_file_store) as ui:
        await correct_actor(ui, "Jane Doe", "another of its names", "doe")
        assert "Doe" in [row[2] for row in ui.rows("#actors-table")]
        doe = wire_file_store.value("SELECT id FROM actors WHERE name = 'Doe'")
        assert wire_file_store.value("SELECT alias FROM aliases WHERE actor_id = ?", (doe,)) == "Jane Doe"


async def test_clear_a_quotes_speaker_on_the_quotes_list(wire_file_store: Store, explore: Explore) -> None:
    """Q, f to Jane Doe's words, c, 'clear the speaker': the row says no one said it."""
    async with explore(wire_file_store) as ui:
        await ui.press("Q", "f", *"arctic", "enter", "c")
        await pick(ui, *"clear the speaker")
        await ui.settle()
        assert speaker(wire_file_store, SPOKEN) is None
        assert ui.rows("#quotes-table")[0][0] == "(unattributed)"


async def test_set_an_actors_kind_then_say_another_is_not_an_actor(wire_file_store: Store, explore: Explore) -> None:
    """c on Reuters, set its kind to organization; c on Oslo, not an actor: the list shows both corrections."""
    async with explore(wire_file_store) as ui:
        await correct_actor(ui, "Reuters", "set the kind", "organization")
        assert wire_file_store.value("SELECT kind FROM actors WHERE name = 'Reuters'") == "organization"
        await ui.press("g")
        await correct_actor(ui, "Oslo", "is not an actor")
        assert "Oslo" not in [row[2] for row in ui.rows("#actors-table")]
        assert [c.action for c in corrections.corrections(wire_file_store)] == ["not_actor", "actor_kind"]
