"""Actors in wire-style news: charities, armed groups, rivers and straits, datelines in capitals."""

from __future__ import annotations

import pytest

from store.extract.pipeline import extract_article

STORY = ("Storms in the south\n\nBy Ines Marlow\n\nVARBERG, Sweden (Reuters) - Save the Children said on Monday that "
         "storms along the coast had closed schools. Boko Haram fighters were seen near the border, officials said.\n\n"
         "Barges waited on the Danube and in the Bosporus, and the Gaza Strip and West Bank prepared shelters.")


def test_wire_story_actors_have_their_kinds() -> None:
    found = {actor.name: actor.kind for actor in extract_article(STORY).actors}
    assert found["Save the Children"] == "organization"
    assert found["Boko Haram"] == "organization"
    assert found["Danube"] == found["Bosporus"] == "place"
    assert found["Gaza Strip"] == found["West Bank"] == "place"
    assert found["Varberg"] == "place"
    assert "VARBERG" not in found


def test_a_known_name_is_found_without_its_accents() -> None:
    """Wire copy often drops diacritics: "Medecins Sans Frontieres" is the known charity, not a person."""
    found = {a.name: a.kind for a in extract_article("Aid\n\nMedecins Sans Frontieres sent two teams.").actors}
    assert found == {"Médecins Sans Frontières": "organization"}


def test_a_nationality_before_a_short_form_names_a_national_body() -> None:
    """"Red Cross" alone is the international committee; "the Kenyan Red Cross" is a society of its own."""
    text = "Floods\n\nThe Kenyan Red Cross said 40 people died, and the Red Cross sent staff."
    found = {a.name for a in extract_article(text).actors}
    assert {"Kenyan Red Cross", "International Committee of the Red Cross"} <= found


def test_a_weekday_in_a_dated_story_makes_a_dated_event() -> None:
    story = "Floods\n\nPublished March 4, 2025\n\nRiver levels rose on Sunday, the agency said."
    (event,) = extract_article(story).events
    assert (event.date, event.date_text) == ("2025-03-02", "Sunday")


def test_a_dateline_city_before_a_state_abbreviation_is_a_place() -> None:
    story = "Debate\n\nKARLSBURG, N.Y., Sept. 26 (UPI) — The debate opened. She told MSNBC and CBS about it."
    found = {a.name: a.kind for a in extract_article(story).actors}
    assert found["Karlsburg"] == "place" and "KARLSBURG" not in found
    assert found["United Press International"] == found["MSNBC"] == found["CBS"] == "outlet"


@pytest.mark.parametrize("dateline", ["PORT ELLEN (Reuters) - ", "SAN VERANO, Calif. — ", "NEW BRANTLEY — "])
def test_a_city_of_several_words_in_a_dateline_is_one_place(dateline: str) -> None:
    found = {a.name: a.kind for a in extract_article(f"Storm\n\n{dateline}Rain closed the port.").actors}
    city = dateline.split(" (")[0].split(",")[0].split(" —")[0].title()
    assert found[city] == "place" and not any(word in found for word in city.upper().split())


def test_an_acronym_opening_a_line_is_no_dateline() -> None:
    found = {a.name: a.kind for a in extract_article("Think tanks\n\nCSIS, Brookings and others agreed.").actors}
    assert found.get("CSIS") == "organization"
