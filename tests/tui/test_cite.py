"""Citing from the explorer at 80x24: y copies with a citation, b pins, the board orders, notes, removes
and exports a brief, e exports a screen, and alt+right goes forward again after escape."""

from __future__ import annotations

import json
import shutil
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from conftest import WIRE, wire_article
from store import board
from store.db import Store
from store.evidence import citation, evidence_at
from store.ingest import ingest_text
from tui.messages import ActorPlace
from tui.screens.board import BoardScreen
from tui.screens.dossier import DossierScreen
from tui.screens.reader import ReaderScreen

if TYPE_CHECKING:
    from explorer_driver import Explorer
    from tests.tui.conftest import Explore

SAID = "We stand together on the Arctic."


def notes(ui: Explorer) -> list[str]:
    """Every notification shown so far."""
    return [n.message for n in ui.app._notifications]


async def jane_doe(ui: Explorer, tmp_path: Path) -> None:
    """Jane Doe's dossier (her quote highlighted), exports going to tmp_path."""
    ui.app.export_folder = tmp_path
    ui.app.open_place(ActorPlace(1))
    await ui.settle()
    assert isinstance(ui.app.screen, DossierScreen)


async def test_y_copies_the_quote_with_its_full_citation(wire_store: Store, explore: Explore, tmp_path: Path) -> None:
    """y on a quote in a dossier puts the quote and who, what, when, where and which file on the clipboard."""
    async with explore(wire_store) as ui:
        await jane_doe(ui, tmp_path)
        await ui.press("y")
        assert ui.app.clipboard == (f"“{SAID}”\n— Jane Doe, quoted in “Ministers Meet in Oslo on Arctic "
                                    "Shipping” (2020), ¶2, file wire.txt")
        assert "Quote copied with its citation." in notes(ui)


async def test_pin_three_order_note_remove_and_export_a_brief(
        wire_store: Store, explore: Explore, tmp_path: Path) -> None:
    """b pins the quote, a paragraph and an event; on the board J moves, c notes, x removes, e writes a brief
    whose every citation and text is the store's."""
    async with explore(wire_store) as ui:
        await jane_doe(ui, tmp_path)
        # The quote, a mention (its paragraph), past the connections, an event.
        await ui.press("b", "tab", "b", "tab", "tab", "b")
        await ui.press("B")
        screen = ui.app.screen
        assert isinstance(screen, BoardScreen) and len(screen.pins) == 3
        first = screen.pins[0].id
        await ui.press("J", "c", *"key line", "enter")
        assert [p.id for p in screen.pins][1] == first and screen.pins[1].note == "key line"
        await ui.press("k", "x")
        assert len(screen.pins) == 2
        await ui.press("e")
        text = (tmp_path / "board.md").read_text(encoding="utf-8")
    for pinned in board.pins(wire_store):
        found = evidence_at(wire_store, pinned.evidence.document_id, pinned.start, pinned.end)
        assert f"\n— {citation(found)}\n" in text
        assert "\n".join(f"> {line}" for line in found.text.split("\n")) in text
    assert re.search(r"\*Note:\* key line", text)


async def test_pinning_in_a_read_only_store_is_a_notice(tmp_path: Path, explore: Explore) -> None:
    """A store that cannot be written says pins cannot be saved, and nothing breaks."""
    path = tmp_path / "wire.db"
    with Store.open(path) as store:
        ingest_text(store, WIRE, "wire.txt", extract=wire_article)
    with Store.open(path, readonly=True) as store:
        async with explore(store) as ui:
            await jane_doe(ui, tmp_path)
            await ui.press("b")
            assert "This store is read-only: pins cannot be saved." in notes(ui)


async def test_e_exports_the_dossier_as_json_named_after_the_screen(
        wire_store: Store, explore: Explore, tmp_path: Path) -> None:
    """e on a dossier writes dossier.json (then dossier-2.json) with the contract's keys."""
    async with explore(wire_store) as ui:
        await jane_doe(ui, tmp_path)
        await ui.press("e", "e")
        assert f"Exported to {tmp_path / 'dossier.json'}" in notes(ui)
    exported = json.loads((tmp_path / "dossier.json").read_text(encoding="utf-8"))
    assert (tmp_path / "dossier-2.json").exists()
    assert [a["name"] for a in exported["actors"]] == ["Jane Doe"]
    assert [q["text"] for q in exported["quotes"]] == [SAID]
    assert set(exported["quotes"][0]) >= {"id", "passage_id", "speaker_id", "speaker", "kind", "text"}


async def test_forward_after_back(wire_store: Store, explore: Explore, tmp_path: Path) -> None:
    """escape or ctrl+o goes back; alt+right opens the screen again; going somewhere new forgets it."""
    async with explore(wire_store) as ui:
        await jane_doe(ui, tmp_path)
        await ui.press("enter")
        assert isinstance(ui.app.screen, ReaderScreen)
        await ui.press("ctrl+o")
        assert isinstance(ui.app.screen, DossierScreen)
        await ui.press("alt+right")
        assert isinstance(ui.app.screen, ReaderScreen) and ui.app.screen.place is not None
        await ui.press("escape", "t", "alt+right")
        assert "Nothing to go forward to: escape or ctrl+o go back first." in notes(ui)


@pytest.mark.parametrize("theme", ["nord", "gruvbox"])
async def test_the_theme_chosen_is_kept_for_the_next_run(wire_store: Store, tmp_path: Path, theme: str) -> None:
    """A theme chosen in one run is the theme of the next."""
    from tui.app import NatoAsiaApp

    settings = tmp_path / "config" / "config.json"
    async with NatoAsiaApp(wire_store, settings=settings).run_test() as pilot:
        pilot.app.theme = theme
        await pilot.pause()
    async with NatoAsiaApp(wire_store, settings=settings).run_test() as pilot:
        assert pilot.app.theme == theme


async def test_f_filter_finds_by_alias_and_typo_says_no_match_and_keeps_a_footer(
        wire_store: Store, explore: Explore) -> None:
    """f then a typo of a surname lists the actor; nonsense says no actor matches; the footer shows keys."""
    async with explore(wire_store) as ui:
        await ui.press("f", *"nordman")
        assert [row[2] for row in ui.rows()] == ["Ola Nordmann"]
        footer = {b.binding.description for b in ui.app.screen.active_bindings.values()
                  if b.binding.show and b.enabled}
        assert {"Back", "Help"} <= footer
        await ui.press(*"zzqx")
        assert ui.rows() == [] and ui.app.screen.sub_title.startswith("no actor matches “nordmanzzqx”")


async def test_a_quote_says_where_else_its_words_are_and_L_lists_them_oldest_first(
        fresh_store: Store, explore: Explore, make_article: Any) -> None:
    """Three articles quote one statement: the dossier and the why box say it is also in 2 documents; enter in
    the why box lists 2019, 2020, 2021, and so does L on the dossier's quote."""
    from tests.store.test_lineage import three_stories
    from tui.screens.lineage import LineageScreen

    three_stories(fresh_store, make_article)
    async with explore(fresh_store) as ui:
        ui.app.open_place(ActorPlace(1))
        await ui.settle()
        listing = ui.app.screen.query_one("#dossier-items")
        assert "also in 2 documents (L)" in str(listing.get_option_at_index(1).prompt)
        await ui.press("w")
        said = str(ui.app.screen.query_one("#why-echoes").render())
        assert said == "Also in 2 other documents: enter (or L) lists them, oldest first."
        for keys in (("enter",), ("escape", "L")):
            await ui.press(*keys)
            assert isinstance(ui.app.screen, LineageScreen)
            years = [str(option.prompt.renderables[0])[:4] for option in ui.app.screen.listing.options]
            assert years == ["2019", "2020", "2021"]


async def test_y_copies_an_event_a_source_and_the_readers_quote(
        wire_store: Store, explore: Explore, tmp_path: Path) -> None:
    """y on the timeline copies the event with its date, on sources the citation, in the reader the quote
    it was opened at; in the search box y types itself."""
    async with explore(wire_store) as ui:
        await ui.press("t", "y")
        assert ui.app.clipboard == ("“In 2019, Norway joined the Shangri-La initiative [1].”\n— “Ministers Meet in "
                                    "Oslo on Arctic Shipping” (2020), dated 2019, ¶3, file wire.txt")
        await ui.press("s", "y")
        assert ui.app.clipboard.startswith("“Reuters, March 2”\n— ")
        await jane_doe(ui, tmp_path)
        await ui.press("enter", "y")
        assert ui.app.clipboard.startswith(f"“{SAID}”\n— Jane Doe, quoted in")
        await ui.press("ctrl+k", "y")
        assert ui.app.screen.query_one("#search-input").value == "y"


async def test_y_on_the_quotes_list_copies_the_highlighted_quote(wire_store: Store, explore: Explore) -> None:
    """Q, f to Jane Doe's words, y -> the quote with its citation on the clipboard."""
    async with explore(wire_store) as ui:
        await ui.press("Q", "f", *"arctic", "enter", "y")
        assert ui.app.clipboard.startswith(f"“{SAID}”\n— Jane Doe, quoted in")


async def test_pin_three_quotes_from_the_quotes_list_and_export_a_brief(
        corpus_store: Store, explore: Explore, tmp_path: Path) -> None:
    """Q, b on three quotes, B, e: the brief holds each quote exactly as stored, with its speaker, document,
    date, paragraph and file, as the store cites it."""
    copy = tmp_path / "corpus.db"
    shutil.copyfile(corpus_store.path, copy)
    with Store.open(copy) as store:
        async with explore(store) as ui:
            ui.app.export_folder = tmp_path
            await ui.press("Q", "b", "j", "b", "j", "b", "B")
            screen = ui.app.screen
            assert isinstance(screen, BoardScreen) and len(screen.pins) == 3
            await ui.press("e")
        pins = board.pins(store)
        text = (tmp_path / "board.md").read_text(encoding="utf-8")
        assert [pin.evidence.kind for pin in pins] == ["quote"] * 3
        for pinned in pins:
            found = evidence_at(store, pinned.evidence.document_id, pinned.start, pinned.end)
            assert found.speaker and found.speaker in citation(found)
            assert f"\n— {citation(found)}\n" in text
            assert "\n".join(f"> {line}" for line in found.text.split("\n")) in text
