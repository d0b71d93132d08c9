"""Actors in report-style text: company names after title words, headlines, plural nouns, authors, bills."""

from __future__ import annotations

from store.extract.citeforms import is_citation
from store.extract.pipeline import extract_article
from store.model import Article


def _kinds(article: Article) -> dict[str, str]:
    """Each actor's name and kind."""
    return {actor.name: actor.kind for actor in article.actors}


def test_a_title_word_that_opens_a_company_name_makes_no_person() -> None:
    found = _kinds(extract_article("Tanks\n\nThe Army paid General Dynamo Track Systems for the hulls."))
    assert "General Dynamo Track Systems" in found
    assert "person" not in found.values()


def test_a_headline_after_a_title_names_only_the_surname() -> None:
    text = ('Notes\n\nThe statement, "President Okafor Praises Workers for Bridge Repairs," came out in May. '
            "Later, Amara Okafor spoke again.")
    names = _kinds(extract_article(text))
    assert "Okafor Praises Workers" not in names and names.get("Amara Okafor") == "person"


def test_a_plural_noun_before_of_is_no_person() -> None:
    text = "Rules\n\nThe ban covers the Governor, Deputy Governor, and Members of Parliament. Members of Parliament objected."
    assert "Members" not in _kinds(extract_article(text))


def test_a_one_word_name_listed_with_organisations_is_an_organisation() -> None:
    text = ("Contracts\n\nThe dispute between NASA and Zentrix grew. NASA paid Zentrix, IBM, and Boeing for models. "
            "Zentrix has stated that its model is safe.")
    assert _kinds(extract_article(text)).get("Zentrix") == "organization"


def test_surname_first_authors_are_named_given_name_first() -> None:
    text = "Water Rules\n\nUpdated March 3, 2024\n\nAuthors: Varga, Ilona T.; Brandt, Olof\n\nThe rule took effect."
    found = _kinds(extract_article(text))
    assert found.get("Ilona T. Varga") == "person" and found.get("Olof Brandt") == "person"


def test_a_list_of_bill_numbers_is_a_citation() -> None:
    assert is_citation("H.R. 52/S. 7/S. 1190")
    assert not is_citation("H.R. Brandt")


def test_a_mixed_case_acronym_is_no_person() -> None:
    text = ("Labels\n\nCongress passed the Safer Paint Labelling Act of 2021 (SaPLA). SaPLA requires labels, "
            "Senator Ann DeWitt said.")
    found = _kinds(extract_article(text))
    assert "SaPLA" not in found and found.get("Ann DeWitt") == "person"


def test_a_party_word_before_a_full_name_goes_when_a_verb_makes_it_a_person() -> None:
    text = "Race\n\nJonas Brekke spoke first. She said Conservative Jonas Brekke favours a wall."
    assert [actor.name for actor in extract_article(text).actors if actor.kind == "person"] == ["Jonas Brekke"]


def test_an_author_line_with_a_leading_initial_keeps_the_whole_name() -> None:
    text = "Water Rules\n\nPublication Date: 03/04/2024\nAuthor(s): Varga, T. Ilona\n\nThe rule took effect."
    people = [a for a in extract_article(text).actors if a.kind == "person"]
    assert [(p.name, p.title) for p in people] == [("T. Ilona Varga", "author")]


def test_a_law_defined_with_its_year_or_amendments_is_no_organisation() -> None:
    text = ("Ballots\n\nThe Fair Count Act of 2002 (FCA) and the Open Polls Act of 1971, as amended (OPA), apply. "
            "FCA grants and OPA rules differ.")
    assert {"FCA", "OPA"}.isdisjoint(_kinds(extract_article(text)))


def test_a_catalogue_topics_line_names_no_actors() -> None:
    text = "Grants\n\nAuthor: Varga, Ilona\nTopics: Rural Administration & Water Supply\n\nThe Water Board met."
    assert "Rural Administration" not in _kinds(extract_article(text))


def test_a_title_word_opening_an_agency_name_stays_in_it() -> None:
    found = _kinds(extract_article("Leases\n\nThe General Lands Administration and Attorney General Ada Kovac agreed."))
    assert found.get("General Lands Administration") == "organization"
    assert "Lands Administration" not in found and found.get("Ada Kovac") == "person"
