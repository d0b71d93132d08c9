"""Actors in wire-style news: charities, armed groups, rivers and straits, datelines in capitals."""

from __future__ import annotations

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
