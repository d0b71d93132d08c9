"""What is and is not an actor in reports and wire copy: citation forms, laws, common abbreviations,
full official names, places by keyword, states, outlets, organisations by keyword."""

from __future__ import annotations

import pytest

from store.extract.citations import find_citations
from store.extract.passages import split_passages
from store.extract.pipeline import extract_article


def actors(body: str) -> dict[str, str]:
    """Name -> kind of every actor (unnamed groups left out) in an article whose only paragraph is ``body``."""
    article = extract_article("Test report\n\n" + body + "\n")
    return {actor.name: actor.kind for actor in article.actors if actor.kind != "group"}


def aliases(body: str) -> dict[str, tuple[str, ...]]:
    """Name -> aliases of every actor in an article whose only paragraph is ``body``."""
    return {actor.name: actor.aliases for actor in extract_article("Test report\n\n" + body + "\n").actors}


def outlets(body: str) -> list[str | None]:
    """The outlet of each citation in an article whose only paragraph is ``body``."""
    text = "Title\n\n" + body
    return [c.outlet for c in find_citations(text, split_passages(text), 2024)[0]]



@pytest.mark.parametrize("body", [
    "The grant comes from P.L. 117-58 and is codified at 42 U.S.C. §1234 and 40 C.F.R. Part 98.",
    "Subpart W sets the rule. Memorandum No. 4 and Section 122 apply. The President's FY2026 budget and FY26 differ.",
    "The Treaty of Rome and the Convention on Migratory Birds matter. The Clean Harbor Program (CHP) grew; "
    "the SNAP program too.",
    "Gross domestic product (GDP) and unit labor costs (ULC) rose; ULC fell later.",
    "Read it at [the page](https://www.example.gov/products/IF/PDF/Report.pdf) today.",
], ids=["statutes-and-codes", "parts-memoranda-fiscal-years", "treaties-and-programmes", "common-noun-acronyms",
        "web-addresses"])
def test_citations_laws_and_common_nouns_name_no_one(body: str) -> None:
    assert actors(body) == {}


def test_bills_reports_and_court_reporters_name_no_one() -> None:
    found = actors("See H.R. 1 and S. 2, with S. Rept. 113-78 and H. Rept. 119-215; Lopez v. Baker, "
                   "688 F. Supp. 3d 454, and 122 F.3d 549; 123 Stat. 1176.")
    assert set(found) <= {"Lopez", "Baker"}



def test_a_middle_initial_and_a_senator_stay_people() -> None:
    found = actors("Senator Mark Warner spoke. Megan S. Lynch said the plan would work.")
    assert found == {"Mark Warner": "person", "Megan S. Lynch": "person"}


def test_a_law_and_the_acronym_defined_for_it_are_no_organisation() -> None:
    found = actors("The Help America Vote Act (HAVA) funds states. HAVA money flows to counties.")
    assert "HAVA" not in found and "Help America Vote Act" not in found and "America" not in found



def test_a_treaty_organisation_and_a_first_name_like_a_law_word_survive() -> None:
    found = actors("The North Atlantic Treaty Organization met, said Bill Clinton.")
    assert found == {"North Atlantic Treaty Organization": "organization", "Bill Clinton": "person"}


def test_common_abbreviations_name_no_organisation() -> None:
    found = actors("A PDF of the AI study shows GDP rising, per the FAQ. NATO agreed.")
    assert found == {"North Atlantic Treaty Organization": "organization"}


def test_roman_numerals_and_shouted_words_are_no_acronyms() -> None:
    found = actors("Title II covers PRODUCT labels. Phase III begins; the XQR unit agrees.")
    assert found == {"XQR": "organization"}


def test_a_name_in_capitals_the_text_also_writes_in_small_letters_is_no_acronym() -> None:
    found = actors("Moderator Sally Ferris asked. FERRIS: Thank you all.")
    assert "FERRIS" not in found


def test_full_names_stay_whole_across_and_and_take_their_acronym() -> None:
    found = aliases("The Office of Food and Farm Safety (OFFS) and the Department of Roads and Rivers (DRR) "
                    "met. OFFS agreed.")
    assert found["Office of Food and Farm Safety"] == ("OFFS",)
    assert found["Department of Roads and Rivers"] == ("DRR",)


def test_an_organisation_ending_in_a_keyword_joins_an_ordinary_word_before_and() -> None:
    found = actors("The Grain and Seed Commission met the Water and Power Authority.")
    assert found == {"Grain and Seed Commission": "organization", "Water and Power Authority": "organization"}


def test_two_organisations_or_a_country_before_and_stay_apart() -> None:
    found = actors("The Department of State and Defense Department agreed. China and Japan Coast Guard ships met.")
    assert found["China"] == "country" and "Defense Department" in found and "Japan Coast Guard" in found


def test_a_name_in_capitals_made_of_words_is_one_name() -> None:
    found = actors("The SOLAR HARVEST label is common, and SOLAR HARVEST partners agree.")
    assert found == {"SOLAR HARVEST": "organization"}



def test_states_and_territories_are_places_and_countries_stay_countries() -> None:
    found = actors("Texas, Georgia and Puerto Rico sued; officials in N.C. agreed. Japan and Mexico watched.")
    assert found == {"Texas": "place", "Georgia": "place", "Puerto Rico": "place", "North Carolina": "place",
                     "Japan": "country", "Mexico": "country"}


def test_rivers_straits_seas_and_regions_are_places_by_keyword() -> None:
    found = actors("Barges on the Orlen River and tankers in the Strait of Velmar crossed the Tavish Sea "
                   "into the Kessel Region.")
    assert found == {"Orlen River": "place", "Strait of Velmar": "place", "Tavish Sea": "place",
                     "Kessel Region": "place"}


def test_an_organisation_keyword_after_a_place_keyword_wins() -> None:
    found = actors("The Gulf Cooperation Council and the River Basin Commission met.")
    assert found == {"Gulf Cooperation Council": "organization", "River Basin Commission": "organization"}


def test_parties_ministries_armed_groups_charities_and_sports_bodies_by_keyword() -> None:
    found = actors("The Unity Party, the Ministry of Water, the Red Hills Brigade, the Bright Hope Foundation, "
                   "the Coastal Liberation Front and the Island Rugby Federation all said no.")
    assert set(found.values()) == {"organization"} and len(found) == 6


def test_well_known_organisations_stay_known() -> None:
    assert actors("The World Bank and Hezbollah were named.") == {
        "World Bank": "organization", "Hezbollah": "organization"}


def test_newspapers_by_keyword_are_outlets() -> None:
    assert actors("The Millbrook Tribune and the Harbor City Times reported it.") == {
        "Millbrook Tribune": "outlet", "Harbor City Times": "outlet"}


@pytest.mark.parametrize(("body", "expected"), [
    ("It grew (2021, March 3) and (R46293, March 3) and (GPUs, March 3) and (Division C, March 3).", []),
    ("It grew (Reuters, March 3).", ["Reuters"]),
], ids=["years-report-numbers-plural-acronyms-parts", "a-named-outlet"])
def test_only_names_are_outlets(body: str, expected: list[str]) -> None:
    assert outlets(body) == expected


def test_an_acronym_definition_before_a_dash_is_no_wire_credit() -> None:
    found = actors("The Coastal Safety Advisory Panel (CSAP)—an independent body—reported. CSAP agreed.")
    assert found == {"Coastal Safety Advisory Panel": "organization"}



def test_markdown_italics_do_not_stick_to_names() -> None:
    found = actors("The _Harbor City Times_ reported it.")
    assert found == {"Harbor City Times": "outlet"}


def test_a_title_word_in_a_list_of_names_makes_no_one_a_person() -> None:
    assert actors("Funds for Commerce, Justice, Science, and Related Agencies rose.") == {}


def test_a_title_set_off_by_commas_still_names_its_holder() -> None:
    found = aliases("John Roberts, Chief Justice, said no. Justice Anna Berg agreed.")
    assert set(found) == {"John Roberts", "Anna Berg"}


def test_a_possessive_title_takes_no_name_after_it() -> None:
    assert actors("The President's Budget Proposal and the Governor's Plan were late.") == {}


def test_a_title_word_after_and_in_a_list_of_names_makes_no_one_a_person() -> None:
    assert actors("The Departments of Commerce and Justice, Science; and Energy bill passed.") == {}


def test_a_short_name_defined_in_brackets_stands_for_the_full_name() -> None:
    found = aliases("The Bureau of Coastal Trade (Trade) grew, and Trade officials agreed with Trade.")
    assert found["Bureau of Coastal Trade"] == ("Trade",) and "Trade" not in found


def test_an_organisations_of_phrase_runs_on_over_and_ordinary_words() -> None:
    found = actors("The Center for Coastal and Marine Studies met the Department of Defense and Congress.")
    assert found == {"Center for Coastal and Marine Studies": "organization",
                     "Department of Defense": "organization", "Congress": "organization"}


def test_plural_and_compound_demonyms_name_no_one() -> None:
    assert actors("Armenians and African-Americans voted.") == {}


def test_english_words_in_title_case_that_speak_name_a_body() -> None:
    article = extract_article("Rents\n\nThe blog ran the numbers. “Rents doubled,” Quiet Harbor wrote on Friday.\n")
    kinds = {actor.name: actor.kind for actor in article.actors}
    assert kinds.get("Quiet Harbor") == "organization"
    assert article.quotes[0].speaker == "Quiet Harbor"


def test_english_words_in_title_case_that_do_not_speak_name_nothing() -> None:
    article = extract_article("Rents\n\nThe Quiet Harbor estate stood empty all winter.\n")
    assert "Quiet Harbor" not in {actor.name for actor in article.actors}


def test_a_short_word_in_a_line_written_in_capitals_is_no_acronym() -> None:
    article = extract_article("Ferries\n\nThe port ran for years. CONGRESS HAS FIRED HIM — the pilots left. NATO ships stayed.\n")
    names = {actor.name for actor in article.actors}
    assert "HIM" not in names
    assert "North Atlantic Treaty Organization" in names


def test_a_clause_in_capitals_is_no_organisation() -> None:
    """Shouted words in a post ("FIRED HIM", "LOCK HER UP") are a clause; "ENERGY STAR" stays a name."""
    found = actors("He posted: SO SAD and FIRED HIM. Fans chanted SEND HER HOME. The EPA runs ENERGY STAR.")
    assert found == {"EPA": "organization", "ENERGY STAR": "organization"}


def test_partners_joined_by_an_ampersand_are_a_firm_and_topics_are_not() -> None:
    found = actors("She worked at a law firm, Brill & Van Kessel, before Topics: Defense & Intelligence.")
    assert found.get("Brill & Van Kessel") == "organization" and "Van Kessel" not in found
    assert not any("Defense" in name for name in found)


def test_a_name_then_post_after_the_is_a_newspaper() -> None:
    found = actors("The Valdora Post said on Monday that the port was shut. Veterans met at the Brill Post 12 hall.")
    assert found.get("Valdora Post") == "outlet" and "Brill Post" not in found


def test_a_directorate_is_an_organization() -> None:
    assert actors("According to the National Water Directorate, the river reached 8.9 meters.")[
        "National Water Directorate"] == "organization"
