"""Actors and mentions: titles split off, aliases folded, non-names left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.extract.actors import find_actors
from store.extract.passages import split_passages
from store.extract.sentences import split_sentences
from store.model import Actor, Mention

SEED = next((Path(__file__).parents[2] / "seeds").glob("*.txt")).read_text(encoding="utf-8")

WIRE = """Navy chief warns of crowded sea lanes

LONDON, June 4 (Reuters) - Britain will send two more patrol ships to the Gulf of Aden, Defence
Secretary Helen Marchbank said on Tuesday.

"The shipping lanes are busier than ever," said Jane Doe, a spokeswoman for the Ministry of Defence.
"We will not leave them unguarded." Marchbank's visit to Djibouti was delayed by a storm.

A senior Egyptian official said talks with the European Union (EU) would resume. Analysts in Cairo
doubt that the EU will pay. Osvaldo Quintero Baptiste told reporters that the alliance was not involved.
"""

REPORT = """Rethinking Deterrence in the High North

Publication: Northern Security Review Volume: 3 Issue: 1

Professor Ingrid Solvang of the Arctic Strategy Institute (ASI) argues that deterrence is changing.
Solvang's earlier study, "Ice, Steel and Patience," found that Norway and Finland worked closely.
Already in 2019, the institute warned that the Cold War analogy misleads.

Strategic Concept and Values-Based Diplomacy

In March, Solvang met Lieutenant General Marek Otieno, Commander of the Joint Arctic Command, in Oslo.
"""


def actors_of(text: str) -> tuple[dict[str, Actor], tuple[Mention, ...]]:
    """Run find_actors with the real passages and sentences; actors keyed by name."""
    passages = split_passages(text)
    sentences = [span for p in passages for span in split_sentences(text, p.start, p.end)]
    actors, mentions = find_actors(text, passages, sentences)
    return {actor.name: actor for actor in actors}, mentions


def plain(text: str) -> tuple[dict[str, Actor], tuple[Mention, ...]]:
    """Run find_actors on a snippet without passages."""
    actors, mentions = find_actors(text, (), split_sentences(text))
    return {actor.name: actor for actor in actors}, mentions


def people(actors: dict[str, Actor]) -> set[str]:
    """Names of the person actors."""
    return {name for name, actor in actors.items() if actor.kind == "person"}


SEED_PEOPLE = {
    "Knud Bartels", "Shigeru Iwasaki", "Qi Jianguo", "Anders Fogh Rasmussen", "Shinzo Abe", "Fumio Kishida",
    "Itsunori Onodera", "Katsuyuki Kawai", "John Kerry", "Aung San Suu Kyi", "Jaap de Hoop Scheffer",
    "Takeaki Matsumoto", "Robertson", "Bisogniero", "Ji Li", "Masako Ikegami",
}


def test_seed_people_are_exactly_the_sixteen_named() -> None:
    actors, _ = actors_of(SEED)
    assert people(actors) == SEED_PEOPLE


def test_seed_titles_are_split_off_and_joined() -> None:
    actors, _ = actors_of(SEED)
    assert actors["Knud Bartels"].title == "General; Chairman of NATO’s Military Committee"
    assert actors["Anders Fogh Rasmussen"].title == "NATO Secretary General"
    assert actors["Shigeru Iwasaki"].title == "General; Chief of the Joint Staff of Japan’s Self Defense Force"
    assert actors["Fumio Kishida"].title == "Japan’s Minister of Foreign Affairs"
    assert actors["Itsunori Onodera"].title == "Defense Minister"
    assert "Lord" in (actors["Robertson"].title or "")


def test_seed_aliases_fold_surnames_titles_acronyms_and_the_alliance() -> None:
    actors, mentions = actors_of(SEED)
    rasmussen = [m for m in mentions if m.actor == "Anders Fogh Rasmussen"]
    assert {"Rasmussen", "Secretary General"} <= set(actors["Anders Fogh Rasmussen"].aliases)
    assert len(rasmussen) >= 18
    assert "ISAF" in actors["International Security Assistance Force"].aliases
    assert "PLA" in actors["People’s Liberation Army"].aliases
    nato = actors["North Atlantic Treaty Organization"]
    assert {"NATO", "alliance"} <= set(nato.aliases)
    assert "Kerry" in actors["John Kerry"].aliases and "Abe" in actors["Shinzo Abe"].aliases


def test_seed_possessive_mentions_exclude_the_s() -> None:
    _, mentions = actors_of(SEED)
    assert all(not m.text.endswith(("’s", "'s")) for m in mentions)
    assert all(SEED[m.start : m.end] == m.text for m in mentions)


def test_seed_groups_countries_and_places() -> None:
    actors, _ = actors_of(SEED)
    assert actors["Japanese official"].kind == "group"
    assert actors["Chinese officials"].kind == "group"
    assert actors["United States"].kind == "country" and "U.S." in actors["United States"].aliases
    assert {"Tokyo", "Brussels", "Gulf of Aden", "East China Sea", "Balkans"} <= {
        name for name, actor in actors.items() if actor.kind == "place"
    }
    assert actors["Xinhua"].kind == "outlet"


def test_wire_story_with_said_after_the_quote() -> None:
    actors, mentions = actors_of(WIRE)
    assert {"Helen Marchbank", "Jane Doe", "Osvaldo Quintero Baptiste"} <= people(actors)
    assert actors["Jane Doe"].title == "spokeswoman for the Ministry of Defence"
    assert actors["Helen Marchbank"].title == "Defence Secretary"
    assert "Marchbank" in actors["Helen Marchbank"].aliases
    assert actors["European Union"].kind == "organization" and "EU" in actors["European Union"].aliases
    assert actors["senior Egyptian official"].kind == "group"
    assert actors["Reuters"].kind == "outlet"
    assert "alliance" not in {m.text for m in mentions}  # no alliance is named


def test_think_tank_report() -> None:
    actors, _ = actors_of(REPORT)
    assert people(actors) == {"Ingrid Solvang", "Marek Otieno"}
    assert actors["Marek Otieno"].title == "Lieutenant General; Commander of the Joint Arctic Command"
    assert "ASI" in actors["Arctic Strategy Institute"].aliases
    assert "Solvang" in actors["Ingrid Solvang"].aliases
    assert actors["Oslo"].kind == "place"


@pytest.mark.parametrize(
    "text",
    [
        "The Cold War ended. Values-Based Diplomacy is a Strategic Concept of the Security Council.",
        "Already the plan failed. Despite that, Perhaps Later came.",
        "In April and May, on Monday, nothing happened.",
        "The Chinese press was silent.",
    ],
)
def test_capitalised_common_words_are_never_people(text: str) -> None:
    actors, _ = plain(text)
    assert people(actors) == set()


def test_abbreviated_title_and_us() -> None:
    actors, mentions = plain("Gen. Smith said the U.S. would stay. Smith added nothing.")
    assert people(actors) == {"Smith"}
    assert actors["Smith"].title == "Gen."
    assert actors["United States"].kind == "country"
    assert [m.text for m in mentions if m.actor == "Smith"] == ["Smith", "Smith"]


def test_name_at_sentence_start_and_possessive() -> None:
    actors, mentions = plain("Ambassador Kofi Mensah arrived. Mensah’s talks in Accra began. Mensah's aide left.")
    assert people(actors) == {"Kofi Mensah"}
    assert [m.text for m in mentions if m.actor == "Kofi Mensah"] == ["Kofi Mensah", "Mensah", "Mensah"]


def test_demonym_alone_is_not_a_country() -> None:
    actors, _ = plain("Japanese scholars disagreed with Chinese analysts.")
    assert "Japan" not in actors and "China" not in actors
    assert actors["Japanese scholars"].kind == "group" and actors["Chinese analysts"].kind == "group"


def test_official_as_adjective_is_not_a_group() -> None:
    actors, _ = plain("Beijing lodged an official protest.")
    assert all(actor.kind != "group" for actor in actors.values())


def test_group_nouns_stand_as_whole_words() -> None:
    # "man" inside "many" or "German", "person" inside "personal" start no group; "woman" and capitals do.
    actors, _ = plain("Many German staff made personal calls. A woman told us. Two senior OFFICIALS said no.")
    groups = {name for name, actor in actors.items() if actor.kind == "group"}
    assert groups == {"woman", "senior officials"}


def test_bylines_and_credits_name_people_with_their_role() -> None:
    text = ("Talks resume\n\nBy Jane Doe and Omar Haddad\n\nBody text.\n\n"
            "Reporting by Ana Reyes in Manila; Editing by Tom Hayes")
    actors, _ = actors_of(text)
    assert {name: actors[name].title for name in people(actors)} == {
        "Jane Doe": "author", "Omar Haddad": "author", "Ana Reyes": "reporter", "Tom Hayes": "editor"}


def test_a_byline_naming_an_outlet_names_no_person() -> None:
    actors, _ = actors_of("Talks resume\n\nBy Reuters Staff\n\nBody text.")
    assert not people(actors)


def test_headings_and_clocks_make_no_actors() -> None:
    actors, _ = actors_of("Talks resume\n\nJanuary 5, 2025 7:30 AM GMT\n\nBody text.\n\nSources:\n\n- Reuters, January 5")
    assert not {"AM", "GMT", "sources"} & set(actors)


def test_office_words_between_country_and_title() -> None:
    actors, _ = plain("Chinese foreign ministry spokesman Wang Lei said so.")
    assert actors["Wang Lei"].title == "Chinese foreign ministry spokesman"


def test_an_unknown_name_after_a_place_preposition_is_a_place() -> None:
    actors, _ = plain("Pirates seized a tanker off São Tomé in November.")
    assert actors["São Tomé"].kind == "place"
    actors, _ = plain("The plan, in Jane Ostrova’s view, failed.")
    assert actors["Jane Ostrova"].kind == "person"


def test_byline_honorifics_become_titles_and_a_trailing_outlet_is_cut() -> None:
    actors, _ = actors_of("Talks resume\n\nBy Sir Malcolm Ashdown and JAMES OLIVER Associated Press\n\nBody text.")
    assert {name: actors[name].title for name in people(actors)} == {
        "Malcolm Ashdown": "Sir; author", "JAMES OLIVER": "author"}
    assert "JAMES" not in actors


def test_a_plural_abbreviation_is_no_person() -> None:
    actors, _ = plain("Healey told MPs the plan would hold.")
    assert "MPs" not in actors


def test_a_family_name_first_comes_back_alone() -> None:
    actors, mentions = plain("Mr. Lee Jae-sung spoke first. Later Mr. Lee said no.")
    assert people(actors) == {"Lee Jae-sung"}
    assert [m.actor for m in mentions] == ["Lee Jae-sung", "Lee Jae-sung"]


def test_arabic_prefixed_names_and_short_words_that_are_not_acronyms() -> None:
    actors, _ = plain("Iraqi Prime Minister Mohammed Shia al-Sudani met Kim Jong Un.")
    assert people(actors) == {"Mohammed Shia al-Sudani", "Kim Jong Un"}
    assert "United Nations" not in actors


def test_people_familiar_with_the_matter_are_a_group() -> None:
    actors, _ = plain("The talks will resume, according to two people familiar with the matter.")
    assert actors["people familiar with"].kind == "group"


def test_hyphenated_titles_and_an_administration_official() -> None:
    actors, _ = plain("Secretary-General António Guterres spoke. A senior administration official said more.")
    assert actors["António Guterres"].title == "Secretary-General"
    assert actors["senior administration official"].kind == "group"


@pytest.mark.parametrize("byline", ["By Jane Doe, Staff Writer", "Authors: Jane Doe", "Written by Jane Doe"])
def test_other_byline_forms_name_only_the_author(byline: str) -> None:
    actors, _ = actors_of(f"Talks resume\n\n{byline}\n\nBody text.")
    assert [(a.name, a.kind, a.title) for a in actors.values()] == [("Jane Doe", "person", "author")]
