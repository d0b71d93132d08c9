"""The attribution sieve: each step's pattern, with the near-misses that must not fire, on short made-up text."""

from __future__ import annotations

import pytest

from store.extract.pipeline import extract_article
from store.extract.speakers import genders
from store.model import Actor, Quote

HEADLINE = "Harbour Talks Resume in Valdora\n\n"


def quote(body: str, prefix: str) -> Quote:
    """The one quote starting with ``prefix`` in an article made of a headline and ``body``."""
    found = [q for q in extract_article(HEADLINE + body).quotes if q.text.startswith(prefix)]
    assert len(found) == 1, found
    return found[0]


def said(body: str, prefix: str) -> tuple[str | None, str | None]:
    """(speaker, rule) of one quote."""
    found = quote(body, prefix)
    return found.speaker, found.attribution.rule if found.attribution else None


@pytest.mark.parametrize(("body", "prefix", "expected"), [
    ('Minister Clara Oduya spoke on Monday. "We will reopen the port," Oduya said.', "We will",
     ("Clara Oduya", "cue_after")),
    ('"We will reopen the port," said Clara Oduya, the transport minister.', "We will",
     ("Clara Oduya", "cue_after")),
    ("“The port stays shut,” Tomas Brandt, a spokesman for the harbour authority, told reporters.", "The port",
     ("Tomas Brandt", "cue_after")),
])
def test_cue_after_the_quote(body: str, prefix: str, expected: tuple[str, str]) -> None:
    assert said(body, prefix) == expected


@pytest.mark.parametrize(("body", "prefix", "expected"), [
    ("Clara Oduya said: “The ships can come back.”", "The ships", ("Clara Oduya", "cue_before")),
    ("Clara Oduya tweeted, “Good news for the harbour.”", "Good news", ("Clara Oduya", "cue_before")),
    # The appositive names someone else: the speaker is the head before it.
    ("Tomas Brandt, Clara Oduya's deputy, said, “We are ready.”", "We are ready", ("Tomas Brandt", "cue_before")),
    # A role first, the name set off by commas.
    ("The harbour master, Ines Falk, said: “Berths are free.”", "Berths", ("Ines Falk", "cue_before")),
])
def test_cue_before_the_quote(body: str, prefix: str, expected: tuple[str, str]) -> None:
    assert said(body, prefix) == expected


def test_split_quote_goes_on_with_the_speaker() -> None:
    body = "“The port is open,” Clara Oduya said. “Ships are already waiting.”"
    assert said(body, "Ships") == ("Clara Oduya", "split_quote")


def test_pronoun_after_the_quote_is_the_topic_not_the_last_name() -> None:
    body = ("Clara Oduya met Tomas Brandt and the Valdora Port Authority on Monday. "
            "“We have a plan,” she said.")
    assert said(body, "We have") == ("Clara Oduya", "cue_after_pronoun")


def test_pronoun_goes_on_with_the_last_speaker() -> None:
    body = ("“We have a plan,” Clara Oduya said after meeting Tomas Brandt.\n\n"
            "She added: “It starts on Friday.”")
    assert said(body, "It starts") == ("Clara Oduya", "cue_before")


def test_according_to_before_and_after() -> None:
    assert said("According to Ines Falk, “the berths are free.”", "the berths")[0] == "Ines Falk"
    assert said("“The berths are free,” according to Ines Falk.", "The berths")[0] == "Ines Falk"


def test_a_sentence_opening_with_according_to_is_all_that_source_s() -> None:
    body = "According to Ines Falk, a harbour engineer at the port authority, the berths are “free until May.”"
    assert said(body, "free until") == ("Ines Falk", "according_to")
    assert said("Per the treaty, the ships stay “for now.”", "for now") == (None, None)


def test_colon_without_a_verb() -> None:
    assert said("Ines Falk went further: “Nobody planned for this.”", "Nobody") == ("Ines Falk", "colon")


def test_partial_quote_in_reported_speech_is_its_subjects() -> None:
    body = "Ines Falk argued that the closure had been “a needless panic” from the start."
    assert said(body, "a needless") == ("Ines Falk", "reported_speech")


def test_possessive_noun_of_saying() -> None:
    body = "Clara Oduya's announcement that the port was “open for business” surprised traders."
    assert said(body, "open for") == ("Clara Oduya", "speech_noun")


def test_reported_speech_needs_a_subject_next_to_its_verb() -> None:
    # "the writer" is no actor: a name further back is not the speaker.
    body = "The editorial compared Valdora's past with what the writer described as “a harbour of fear”."
    assert said(body, "a harbour") == (None, None)


def test_scare_quotes_without_a_reporting_clause_stay_phrases() -> None:
    found = quote("Clara Oduya visited the so-called “new harbour” on Monday.", "new harbour")
    assert (found.kind, found.speaker) == ("phrase", None)


def test_doubled_apostrophes_are_quotation_marks() -> None:
    body = "''The port will reopen,'' Clara Oduya said. She doesn't expect delays."
    found = quote(body, "The port")
    assert (found.speaker, found.text) == ("Clara Oduya", "The port will reopen,")


def test_title_case_quote_with_a_reporting_verb_is_speech() -> None:
    found = quote("“Open The Harbour Now,” Clara Oduya said at the rally.", "Open The")
    assert (found.kind, found.speaker) == ("speech", "Clara Oduya")


def test_title_case_quote_without_a_speaker_is_a_title() -> None:
    assert quote("Her report, “Ships, Storms and Silence,” found little.", "Ships").kind == "title"


def test_paragraph_carry_over_of_an_open_quote() -> None:
    body = ("Clara Oduya said: “We waited for months.\n\n"
            "“Now the cranes are moving again.”")
    assert said(body, "Now the cranes") == ("Clara Oduya", "paragraph_carry")


def test_attribution_cue_points_at_the_verb() -> None:
    text = HEADLINE + "“The port is open,” Clara Oduya said."
    found = extract_article(text).quotes[0]
    assert found.attribution is not None
    assert text[found.attribution.cue_start : found.attribution.cue_end] == "said"


def test_lead_in_paragraph_ending_in_a_colon() -> None:
    body = "Clara Oduya continued:\n\n“The cranes are the least of it.”"
    assert said(body, "The cranes") == ("Clara Oduya", "lead_in")


def test_lead_in_needs_a_speaker_near_the_colon() -> None:
    body = "The port authority published the figures for the Oduya plan:\n\n“Ships: 40. Cranes: 6.”"
    assert said(body, "Ships") == (None, None)


def test_next_paragraph_goes_on_with_the_speaker_of_the_last() -> None:
    body = "“We are ready,” Clara Oduya told reporters on Monday.\n\n“The ships can come back.”"
    assert said(body, "The ships") == ("Clara Oduya", "paragraph_carry")


def test_a_new_speaker_named_in_the_next_paragraph_wins() -> None:
    body = "“We are ready,” Clara Oduya said.\n\n“We are not,” Ines Falk replied."
    assert said(body, "We are not") == ("Ines Falk", "cue_after")


def test_second_quote_of_a_sentence_shares_its_speaker() -> None:
    body = "Ines Falk called the plan “rushed” and “a gamble with other people's money.”"
    assert said(body, "a gamble") == ("Ines Falk", "same_sentence")


def test_participle_gives_the_sentence_subject() -> None:
    body = "Ines Falk rallied the dock workers on Monday, saying: “We will not be moved.”"
    assert said(body, "We will not")[0] == "Ines Falk"


def test_capitalised_verb_inside_a_sentence_is_a_cue() -> None:
    body = "“Not us, but we agree!” Tomas Brandt, the head of the dockers' union, Tweeted on Friday."
    assert said(body, "Not us")[0] == "Tomas Brandt"


def test_question_opening_a_sentence_is_no_cue() -> None:
    body = "Asked whether that still held, Ines Falk smiled: “More than ever.”"
    assert said(body, "More than") == ("Ines Falk", "colon")


def test_unnamed_people_quoted_in_news_are_group_sources() -> None:
    assert said("“It was chaos,” a neighbor said.", "It was chaos")[0] == "neighbor"
    assert said("Another voter told reporters: “I came for the port.”", "I came")[0] == "voter"


def test_he_is_never_a_crowd() -> None:
    body = ("Clara Oduya met striking supporters at the gate on Monday. Supporters cheered.\n\n"
            "“We will win this,” she said.")
    assert said(body, "We will win")[0] == "Clara Oduya"


def test_an_object_is_never_the_subject_of_a_later_verb() -> None:
    body = "Tomas Brandt praised Clara Oduya and called her plan “a fine piece of work.”"
    assert said(body, "a fine piece")[0] == "Tomas Brandt"


def test_participle_after_an_opening_phrase_gives_the_main_subject() -> None:
    body = "Speaking at the harbour, Ines Falk went after Tomas Brandt, calling him “a tired man.”"
    assert said(body, "a tired man")[0] == "Ines Falk"


def test_doubled_apostrophe_quotes_go_on_like_curly_ones() -> None:
    body = ("''The port will reopen,'' Clara Oduya said on Monday. ''Then the cranes move.''\n\n"
            "''Nobody doubts it.''")
    assert said(body, "Then the cranes") == ("Clara Oduya", "split_quote")
    assert said(body, "Nobody doubts") == ("Clara Oduya", "paragraph_carry")


def test_a_stand_alone_quote_after_a_reporting_sentence() -> None:
    body = "Clara Oduya defended the plan in a statement on Monday.\n\n“The harbour will be ready.”"
    assert said(body, "The harbour") == ("Clara Oduya", "context")


def test_description_after_the_verb_names_the_titled_person() -> None:
    body = ("Sen. Ines Falk toured the docks on Monday.\n\n"
            "“It's a hard choice,” said the Valdoran senator, “but a fair one.”")
    assert said(body, "It's a hard")[0] == "Ines Falk"
    assert said(body, "but a fair")[0] == "Ines Falk"


def test_she_passes_over_a_man() -> None:
    body = ("Bernard Hollis lost the vote, and Helen Marsh won it.\n\n"
            "Bernard Hollis conceded on Monday. “I am proud of this state,” she said.")
    assert said(body, "I am proud")[0] == "Helen Marsh"


def test_a_pronoun_is_not_the_name_after_it() -> None:
    body = "Clara Oduya spoke first.\n\nShe adds that Tomas Brandt is “a fine harbour master.”"
    assert said(body, "a fine harbour")[0] == "Clara Oduya"


def test_the_object_of_describe_is_not_its_speaker() -> None:
    body = "Ines Falk, who has described Tomas Brandt as “a tired man,” spoke last."
    assert said(body, "a tired man")[0] != "Tomas Brandt"


def test_colon_after_a_pronoun_subject() -> None:
    body = "“We will see,” Ines Falk said. She then turned to the workers: “Go home.”"
    assert said(body, "Go home")[0] == "Ines Falk"


def test_a_name_after_says_is_what_is_said_of() -> None:
    body = "A harbour pilot spoke. Kingsley says Brandt “worked the docks like nobody else.”"
    assert said(body, "worked the docks")[0] != "Tomas Brandt"


def test_note_markers_glued_to_the_verb_hide_nothing() -> None:
    assert said("Ines Falk said[4] that the berths were “free for all.”", "free for all")[0] == "Ines Falk"


def test_institutions_and_documents_speak() -> None:
    body = "The Valdora Port Authority said in a statement that it would “act at once.”"
    assert said(body, "act at once")[0] == "Valdora Port Authority"
    assert said("Per Ines Falk, “the berths are free.”", "the berths")[0] == "Ines Falk"


def test_an_epithet_is_the_person_the_passage_is_about() -> None:
    body = ("Tomas Brandt met Clara Oduya on Monday. He bought the docks last year.\n\n"
            "“It was a bargain,” the billionaire businessman said. “I paid little,” said the 46-year-old.")
    assert said(body, "It was a bargain")[0] == "Tomas Brandt"
    assert said(body, "I paid little")[0] == "Tomas Brandt"


def test_title_cased_words_someone_is_said_to_use_are_speech() -> None:
    body = "Ines Falk cited Tomas Brandt's name for the plan, “Harbour Of Fools,” as proof."
    assert quote(body, "Harbour Of").kind == "speech"
    assert quote("Ines Falk wrote her book “Harbour Of Fools” in 2020.", "Harbour Of").kind == "title"


def test_a_sentence_may_open_with_said() -> None:
    body = "Said Ines Falk, who grew up by the docks, “We were all so proud.”"
    assert said(body, "We were all")[0] == "Ines Falk"


def test_a_plural_noun_is_no_cue() -> None:
    body = "Asked if Tomas Brandt's comments had worried them, Ines Falk said, “Not at all.”"
    assert said(body, "Not at all")[0] == "Ines Falk"


def test_the_company_is_the_organisation_last_named() -> None:
    body = "Valdora Shipping Ltd. bought two cranes on Monday.\n\n“They arrive in May,” the company said."
    assert said(body, "They arrive")[0] == "Valdora Shipping Ltd."


def test_a_document_speaks_for_its_author() -> None:
    body = ("The Valdora Port Authority issued a statement on Monday.\n\n"
            "“The berths are safe,” the statement said.")
    assert said(body, "The berths")[0] == "Valdora Port Authority"


def test_cue_after_a_quote_closing_an_inner_quote() -> None:
    body = "Ines Falk spoke first. “You told us ‘the berths are free,’” Tomas Brandt said. “They were not.”"
    assert said(body, "You told") == ("Tomas Brandt", "cue_after")


def test_a_verb_of_a_later_clause_does_not_block_reported_speech() -> None:
    # The quote flows on into the sentence ("in response, and he urged"): that verb is not its cue, so
    # the reporting verb before the quote still gives its speaker.
    body = ("Minister Clara Oduya said the harbour would take “firm steps” in response, and she urged "
            "the shipowners to return.")
    assert said(body, "firm steps") == ("Clara Oduya", "reported_speech")


@pytest.mark.parametrize(("body", "prefix", "expected"), [
    ("Readers wrote in.\n\n“The ferry is always late.” ― Mara Quist\n“I walk now.” ― Jonas Pell.", "I walk",
     ("Jonas Pell", "signature")),
    ("Readers wrote in.\n\n“The ferry is always late.” —\u00a0Mara Quist\n“I walk now.”", "The ferry",
     ("Mara Quist", "signature")),
])
def test_a_dash_and_a_name_sign_a_quote(body: str, prefix: str, expected: tuple[str, str]) -> None:
    assert said(body, prefix) == expected


def test_a_dash_before_a_new_sentence_signs_nothing() -> None:
    body = "Tomas Brandt spoke. Officials called the plan “a disaster” — Clara Oduya disagreed with them."
    assert quote(body, "a disaster").speaker != "Clara Oduya"


def test_a_verb_inside_an_earlier_quote_is_no_cue() -> None:
    body = ("Ines Falk and Tomas Brandt testified. “Each time you say that,” Brandt said, pointing at the chart, "
            "“the shipowners lose faith.”")
    assert said(body, "the shipowners") == ("Tomas Brandt", "cue_before")


def test_a_reporting_noun_with_no_subject_gives_way_to_the_verb_after_it() -> None:
    body = "After early reports of the fire, Minister Clara Oduya said at a briefing that “the berths are safe.”"
    assert said(body, "the berths") == ("Clara Oduya", "cue_before")


def test_a_new_clause_after_the_quote_leaves_it_to_reported_speech() -> None:
    body = ("Tomas Brandt, the harbour master, said the cranes did not show “any sign of damage,” but he said "
            "the survey would go on.")
    assert said(body, "any sign") == ("Tomas Brandt", "reported_speech")


@pytest.mark.parametrize(("body", "prefix", "expected"), [
    ("The rally in Valdora ran late. “Open the port,” the crowd chanted.", "Open the", ("crowd", "cue_after")),
    ("As the lights dimmed, the announcer said, “The ferry is leaving.”", "The ferry", ("announcer", "cue_before")),
])
def test_an_unnamed_source_described_by_the_speaks(body: str, prefix: str, expected: tuple[str, str]) -> None:
    assert said(body, prefix) == expected


def test_a_description_after_a_preposition_is_no_speaker() -> None:
    body = "Ines Falk took questions. When someone in the audience shouted, “Berths!” she laughed."
    assert quote(body, "Berths").speaker != "audience"


@pytest.mark.parametrize(("body", "prefix", "expected"), [
    ("Clara Oduya spoke to the council. A clerk who “loses a few forms” is fired, Oduya said.", "loses a few",
     ("Clara Oduya", "sentence_tag")),
    ("Tomas Brandt answered. “We admire the cranes” of the new port, Brandt said on Tuesday.", "We admire",
     ("Tomas Brandt", "sentence_tag")),
    # A quote after the tag ("..., she said, adding “...”") leaves the tag to the first.
    ("Clara Oduya faced the board. “You emptied the harbour” to pay yourselves, she said, adding that it was "
     "“a disgrace.”", "You emptied", ("Clara Oduya", "sentence_tag")),
])
def test_a_tag_ending_the_sentence_gives_its_quote(body: str, prefix: str, expected: tuple[str, str]) -> None:
    assert said(body, prefix) == expected


def test_a_tag_nearer_a_later_quote_is_that_quotes() -> None:
    body = "Ines Falk called it “a farce” and the pier “a ruin,” Tomas Brandt said."
    assert said(body, "a farce") != ("Tomas Brandt", "sentence_tag")


def test_a_name_before_a_role_and_its_holder_is_no_subject() -> None:
    body = "Clara Oduya stayed away. Oduya spokesman Tomas Brandt said on Friday that “the minister is well.”"
    assert said(body, "the minister") == ("Tomas Brandt", "cue_before")


def test_an_admitting_participle_carries_reported_speech() -> None:
    body = "Tomas Brandt, despite admitting he had doubts about “the crane budget,” backed the plan."
    assert said(body, "the crane") == ("Tomas Brandt", "reported_speech")


def test_a_relative_who_gives_the_name_before_it() -> None:
    body = "The board met Ines Falk and Tomas Brandt, who has called the budget “a ruin,” on Monday."
    assert said(body, "a ruin") == ("Tomas Brandt", "cue_before")


def test_a_verdict_on_someones_comments_is_not_theirs() -> None:
    body = "The port union answered. Clara Oduya's comments were “a slap in the face,” it said."
    assert said(body, "a slap") != ("Clara Oduya", "speech_noun")


@pytest.mark.parametrize(("body", "prefix", "expected"), [
    ("Ines Falk sent a short message to Tomas Brandt: “Come back.”", "Come back", None),
    ("The crowd surged, with Tomas Brandt shouting: “Stay calm.”", "Stay calm", "Tomas Brandt"),
])
def test_the_one_addressed_before_a_colon_is_no_speaker(body: str, prefix: str, expected: str | None) -> None:
    assert quote(body, prefix).speaker == expected


def test_a_website_described_by_the_speaks() -> None:
    body = "Valdora wants settlers. “We welcome everyone,” the website explains."
    assert said(body, "We welcome") == ("website", "cue_after")


def test_a_relative_who_reaches_past_a_parenthetical_and_adverbs() -> None:
    body = ("The board met Ines Falk and Tomas Brandt, who, on a call Friday, has in the past described "
            "the budget as “a ruin,” and left.")
    assert quote(body, "a ruin").speaker == "Tomas Brandt"


def test_it_said_is_the_institution_the_passage_is_about() -> None:
    body = "The Valdora Port Authority met on Monday. “The berths will reopen,” it said in a statement."
    assert said(body, "The berths") == ("Valdora Port Authority", "cue_after_pronoun")


def test_a_short_sentence_opening_with_it_is_about_no_one() -> None:
    body = "The Valdora Port Authority met on Monday. It was late. “We waited,” a clerk recalled."
    assert quote(body, "We waited").speaker != "Valdora Port Authority"


@pytest.mark.parametrize(("body", "prefix", "expected"), [
    ("The quay stayed shut. Farmers said they want “a fair wage” before any ship sails.", "a fair", "farmers"),
    ("Police say they have “enough boats” to keep the harbour open.", "enough", "police"),
    ("Sailors chanted “Open the quay!” until dawn.", "Open", "sailors"),
    ("Tired of the snow, Canadians often say “winter is long.”", "winter", "canadians"),
    ("Their lawyers said the ban was “plainly unlawful.”", "plainly", "lawyers"),
])
def test_a_plural_crowd_opening_the_sentence_speaks_as_a_group(body: str, prefix: str, expected: str) -> None:
    assert said(body, prefix)[0] == expected


def test_a_plural_noun_before_an_ordinary_verb_is_no_speaker() -> None:
    article = extract_article(HEADLINE + "Ferries sailed late. “It was a long night,” a deckhand said.")
    assert "ferries" not in {actor.name for actor in article.actors}


def test_a_possessive_description_before_a_reporting_verb_speaks_as_itself() -> None:
    body = "Mayor Ilse Varga left early. “The vote was rigged,” Varga's former press secretary said on Tuesday."
    assert said(body, "The vote")[0] == "Varga's former press secretary"


def test_a_possessive_description_in_apposition_leaves_the_name_speaking() -> None:
    body = "Tomas Reyes, Acme's chief executive, said the port was “a disgrace” on Friday."
    assert said(body, "a disgrace")[0] == "Tomas Reyes"


def test_reported_before_its_subject_after_a_quote_names_the_reporter() -> None:
    body = "Fares are set to go up. They will be “about a third higher next spring,” reported the Valdora Herald."
    assert said(body, "about a third")[0] == "Valdora Herald"


def test_a_pronoun_after_a_passage_copied_from_another_writer_is_not_the_writer() -> None:
    body = ("The Harbour Gazette sent its reporter Ingrid Vasquez to the docks. Vasquez writes:\n\n"
            '"The fisherwoman had waited at the gate all night. She was tired and cold.\n\n'
            "“We only want our boats back,” she said.")
    assert quote(body, "We only").speaker is None


def test_a_pronoun_after_a_closed_quote_is_still_its_speaker() -> None:
    body = ("Ingrid Vasquez spoke at the docks. “The gate stays open,” Vasquez said.\n\n"
            "“We only want our boats back,” she said.")
    assert quote(body, "We only").speaker == "Ingrid Vasquez"


def test_a_name_after_the_same_pronoun_speaking_is_not_its_referent() -> None:
    body = ("Mayor Ivo Kessler opened the meeting on Monday.\n\n"
            "Though the vote was close, he said, Pablo Reyes deserves the credit for the harbour plan.\n\n"
            "“We will build it this year,” he said.")
    assert quote(body, "We will").speaker == "Ivo Kessler"


def test_a_reporting_word_in_the_next_sentence_does_not_stop_a_split_quote() -> None:
    body = ("“Should the council read every letter?” said Ines Haldor, a law lecturer. “And then what?” "
            "The council mostly relies on citizen reports.")
    assert said(body, "And then") == ("Ines Haldor", "split_quote")


def test_a_man_and_a_woman_of_one_surname_folded_together_tell_no_gender_by_honorific() -> None:
    folded = [Actor("Edward Kessler", "person", "Mr.; Mrs."), Actor("Quill Kessler", "person", "Mrs.; Mr.")]
    assert genders(folded) == {"Edward Kessler": "m"}  # the given name still tells; "Quill" does not


@pytest.mark.parametrize(("body", "prefix", "expected"), [
    ("Judge Nora Pell ruled that the harbour law was “plainly void.”", "plainly", "Nora Pell"),
    ("The Valdora Herald rated the mayor's claim as “mostly false.”", "mostly", "Valdora Herald"),
    ("Mayor Ivo Kessler gloated, “We won the vote.”", "We won", "Ivo Kessler"),
    ("“Bring the boats home,” Lina Porter sang to the crowd.", "Bring", "Lina Porter"),
])
def test_verdicts_and_sung_or_gloated_words_are_their_speakers(body: str, prefix: str, expected: str) -> None:
    assert quote(body, prefix).speaker == expected


def test_a_transcript_label_opening_the_quote_names_its_speaker() -> None:
    body = ("Governor Ivo Kessler spoke to Chris Wallace on Sunday.\n\n"
            '"WALLACE: Governor, what do you make of the vote?"\n\n'
            '"KESSLER: Well, look, it was a good night for the harbour."\n\n'
            '"VIDEO: The crowd cheers."')
    assert said(body, "WALLACE") == ("Chris Wallace", "transcript_turn")
    assert said(body, "KESSLER") == ("Ivo Kessler", "transcript_turn")
    assert said(body, "VIDEO") == (None, None)  # a turn of its own, not Kessler going on


def test_a_sentence_opening_with_the_same_pronoun_is_passed_over() -> None:
    body = ("Ines Falk runs the harbour board.\n\n"
            "She has faced questions since Marta Quell took the ministry.\n\n"
            "“The cranes come first,” she said.")
    assert said(body, "The cranes")[0] == "Ines Falk"


def test_the_main_clause_names_the_topic_before_an_opening_while_clause() -> None:
    body = ("While Tomas Brandt ran the docks for years, the new berths worry Karl Obst, a harbour pilot.\n\n"
            "“Nobody asked us,” he said.")
    assert said(body, "Nobody asked")[0] == "Karl Obst"


def test_a_name_in_the_clinton_campaign_is_no_person() -> None:
    body = ("“We are worried,” said Robin Vale, a union organiser.\n\n"
            "Dockers think that the Marta Quell campaign took them for granted.\n\n"
            "“They never came here,” she said.")
    assert said(body, "They never came")[0] == "Robin Vale"


def test_a_lone_surname_is_no_given_name() -> None:
    body = "Senator Wallace spoke on Monday about the docks.\n\n“The port is ready,” she said."
    assert said(body, "The port is ready")[0] == "Wallace"


def test_a_work_whose_author_is_left_open_speaks_as_itself() -> None:
    body = ("Tomas Brandt wrote about the strike years later.\n\n"
            "“Nobody slept for a week,” the book said.")
    assert said(body, "Nobody slept")[0] == "book"


def test_one_source_with_an_unknown_qualifier_is_still_a_source() -> None:
    body = "“The talks are stuck,” said one Valdoran source at the talks."
    assert said(body, "The talks")[0] == "source"


def test_a_participle_after_an_opening_pronoun_is_the_pronouns() -> None:
    body = ("Tomas Brandt spoke to the dockers on Monday.\n\n"
            "He’s claiming that the new cranes are “a waste of good money.”")
    assert said(body, "a waste of")[0] == "Tomas Brandt"


def test_a_quote_she_cannot_have_said_in_her_own_sentence_does_not_stop_her_chain() -> None:
    body = ("Ines Falk runs the harbour board.\n\n"
            "She went further on Tuesday, saying that Tomas Brandt had called the plan “a fraud.”\n\n"
            "“He never read it,” she said.")
    assert said(body, "He never read")[0] == "Ines Falk"


def test_a_description_may_stand_a_few_words_from_its_verb() -> None:
    body = "Valdora Senator Ines Falk met the dockers on Monday.\n\n“We are ready,” the senator has repeatedly said."
    assert said(body, "We are ready")[0] == "Ines Falk"


def test_surrogates_and_lobbyists_are_sources() -> None:
    assert quote("Her surrogates called the plan “a harbour for everyone.”", "a harbour").speaker == "surrogates"
    assert quote("“Nobody knows what comes next,” one lobbyist said.", "Nobody").speaker == "lobbyist"


@pytest.mark.parametrize("body", [
    "Ines Falk spoke on Monday. She routinely characterizes herself as a “harbour fighter.”",
    "Ines Falk spoke on Monday. Falk openly admires Tomas Brandt as a “true sailor.”",
    "Ines Falk spoke on Monday. Falk summed up the plan as “a fraud.”",
])
def test_a_verb_that_casts_someone_as_a_quote_gives_its_subject_the_words(body: str) -> None:
    assert quote(body, "").speaker == "Ines Falk"


def test_a_spoken_sentence_full_of_names_is_no_title_and_its_names_are_actors() -> None:
    body = "“Nobody thinks Tomas Brandt can beat Ines Falk,” said Lena Brook, the mayor."
    assert said(body, "Nobody") == ("Lena Brook", "cue_after")
    assert {"Tomas Brandt", "Ines Falk"} <= {actor.name for actor in extract_article(HEADLINE + body).actors}
    assert quote("Her new book, “The Long Road to Valdora,” sold well.", "The Long").kind == "title"


def test_a_verb_with_no_subject_of_its_own_leaves_the_quote_to_the_sentence_subject() -> None:
    body = "Ines Falk spoke on Monday. She praised the crew, then called the storm “a monster.”"
    assert quote(body, "a monster").speaker == "Ines Falk"
    assert quote("As Ines Falk spoke, a man yelled “Go home!”", "Go home").kind == "phrase"


def test_a_second_quote_opening_its_sentence_goes_on_with_the_first_unless_it_names_its_own() -> None:
    body = "“The port is closed,” Ines Falk said. “It will reopen in May” and grow, she added."
    assert quote(body, "It will reopen").speaker == "Ines Falk"
    body = "“The port is closed,” Ines Falk said. “It is open,” an angry Brandt retorted."
    assert quote(body, "It is open").speaker != "Ines Falk"


def test_a_word_after_a_determiner_is_no_reporting_verb() -> None:
    body = "PolitiFact rated the claims as “false” in May."
    assert quote(body, "false").speaker == "PolitiFact"


def test_a_show_named_before_its_title_makes_it_a_title() -> None:
    body = "Tomas Brandt spoke on his weekly radio show, “Harbour Hour with Tomas Brandt,” the Valdora Post reported."
    assert quote(body, "Harbour Hour").kind == "title"


def test_an_outlets_few_quoted_words_are_its_verdict_not_a_headline() -> None:
    body = "Reuters said on Monday that the mayor was wrong. Reuters claimed “Falk exaggerates” the costs."
    assert quote(body, "Falk exaggerates").kind == "speech"


@pytest.mark.parametrize(("body", "prefix", "expected"), [
    ("“The ferry is late again,” one user wrote.", "The ferry", "user"),
    ("“Nobody asked the fishermen,” a commenter replied.", "Nobody asked", "commenter"),
    ("“She will not run,” said a source close to the mayor.", "She will", "source"),
    ("“The port was never the issue,” said a Texas Republican.", "The port", "Texas republican"),
])
def test_commenters_partisans_and_sources_close_to_someone_speak(body: str, prefix: str, expected: str) -> None:
    assert quote(body, prefix).speaker == expected


def test_a_party_name_before_a_noun_is_no_source() -> None:
    body = "“We will reopen the port,” a Republican senator said."
    assert quote(body, "We will").speaker != "republican"


def test_a_capitalised_epithet_describes_the_person_named_before() -> None:
    body = "Tomas Brandt toured the docks on Monday.\n\n“Nobody will leave this town,” the Republican said."
    assert said(body, "Nobody will") == ("Tomas Brandt", "cue_after")


def test_the_narrator_of_a_work_speaks_for_it() -> None:
    body = ("The harbour campaign released a video on Monday. “If the mayor wants the pier,” the ad’s narrator "
            "says, “why won’t she pay for it?”")
    assert said(body, "If the mayor") == ("ad’s narrator", "cue_after")
    assert said("“Ships pay taxes. Why doesn't Tomas Brandt?” a narrator in the Oduya ad asks.", "Ships") \
        == ("narrator", "cue_after")


@pytest.mark.parametrize(("body", "prefix", "expected"), [
    ("A 2019 harbour authority report found that the pier was “beyond repair.”", "beyond", "harbour authority report"),
    ("“Nobody reads the fine print,” reads a letter to the council.", "Nobody reads", "letter"),
    ("One leaflet was blunt. One tweet said: “The ferry is a joke.”", "The ferry", "tweet"),
    ("A survey by the port union found that dockers were “fed up.” “Pay is late,” the survey said.", "Pay is",
     "survey"),
])
def test_a_document_introduced_beside_a_verb_speaks_as_itself(body: str, prefix: str, expected: str) -> None:
    assert quote(body, prefix).speaker == expected


def test_a_document_its_author_issued_is_the_authors() -> None:
    body = "The Valdora Port Authority issued a statement calling the strike “a reckless gamble.”"
    assert quote(body, "a reckless").speaker == "Valdora Port Authority"


def test_he_after_a_document_goes_back_to_the_person() -> None:
    body = ("Tomas Brandt ran the docks for years. A 2014 audit found “no sign of fraud.” "
            "“I kept every ledger,” he said.")
    assert quote(body, "I kept").speaker == "Tomas Brandt"


def test_a_participle_or_infinitive_cue_gives_the_words_to_the_one_doing_it() -> None:
    body = "The ad ends with footage of Ines Falk saying at the debate, “That makes me smart.”"
    assert quote(body, "That makes").speaker == "Ines Falk"
    body = "Ines Falk took to the radio on Monday to accuse the board of being “asleep.”"
    assert quote(body, "asleep").speaker == "Ines Falk"


@pytest.mark.parametrize("body", [
    "The port needs a “steady hand on the tiller,” as Ines Falk put it on Monday.",
    "As Ines Falk put it in a letter to the board, the port needs “a steady hand.”",
])
def test_as_someone_put_it_gives_them_the_words(body: str) -> None:
    assert said(body, "") == ("Ines Falk", "as_put_it")


@pytest.mark.parametrize(("body", "prefix"), [
    ("Ines Falk ran the docks. In recent weeks, Falk has gone after the board as a “nest of thieves.”", "nest"),
    ("Ines Falk has been steadily pounding the board as a “cartel” all spring.", "cartel"),
    ("Ines Falk painted the island as being in the “backyard of the capital.”", "backyard"),
])
def test_a_verb_that_casts_its_object_as_the_quote_gives_it_to_its_subject(body: str, prefix: str) -> None:
    assert said(body, prefix) == ("Ines Falk", "cast_as")


@pytest.mark.parametrize("body", [
    "The new quay is known as the “long arm.”",
    "Ines Falk went to the quay as well as the “old yard.”",
    "Ines Falk, who has pounded the board for years, is known as the “iron lady.”",
])
def test_as_with_no_casting_verb_or_across_a_clause_is_no_cue(body: str) -> None:
    assert quote(body, "").speaker is None


def test_talking_about_a_quote_gives_it_to_the_talker_but_not_a_title() -> None:
    body = ("“Are you winning?” Tomas Brandt asked, but as Ines Falk went on about “how the port is rigged,” and "
            "“our struggling dockers,” Brandt said yes, yes, yes.")
    assert said(body, "how the port") == ("Ines Falk", "talks_about")
    assert said(body, "our struggling") == ("Ines Falk", "same_sentence")
    body = "Tomas Brandt recalled Ines Falk talking about “Ships: How Harbours Rise and Fall,” a history."
    assert quote(body, "Ships").speaker != "Ines Falk"


def test_a_quote_set_off_by_dashes_after_a_name_is_that_persons() -> None:
    body = ("Many have said the same, including the former harbour candidate Ines Falk -- ''It is a disgrace to "
            "hide the ledgers'' -- and Tomas Brandt, a former auditor.")
    assert said(body, "It is a disgrace") == ("Ines Falk", "dash_aside")
    body = "The motto of the port -- “Ships before sails” -- was Ines Falk's idea."
    assert quote(body, "Ships").speaker is None


def test_the_verb_right_at_the_quote_wins_over_an_earlier_clauses() -> None:
    body = ("When Tomas Brandt noted that the port had paid no dues for years, Ines Falk boasted, "
            "“That makes us smart.”")
    assert said(body, "That makes") == ("Ines Falk", "cue_before")


def test_a_word_after_of_is_a_noun_not_a_cue() -> None:
    body = "The Valdora Post rated 32% of Harbour claims as “false” last year."
    assert said(body, "false") == ("Valdora Post", "reported_speech")


def test_a_verb_with_its_own_object_after_a_quote_is_no_cue_for_it() -> None:
    body = ("Ines Falk spoke of “our struggling dockers,” Tomas Brandt said yes, over and over.")
    assert quote(body, "our struggling").speaker != "Tomas Brandt"


def test_a_verb_at_the_quote_with_no_subject_of_its_own_leaves_it_to_the_sentences() -> None:
    body = "Ines Falk said she welcomed the talks in the Valdora Republic and added, “I will sign, no problem.”"
    assert said(body, "I will sign") == ("Ines Falk", "cue_before")


@pytest.mark.parametrize(("body", "prefix", "speaker"), [
    ("The governor was greeted with chants of “Ines!” at a dock rally last month, according to union president "
     "Tomas Brandt.", "Ines!", "Tomas Brandt"),
    ("As a host on “The Harbourmaster” for years, the governor ran the docks, according to Tomas Brandt.",
     "The Harbour", None),
    ("The port was a “mess” and then “Ines!” rang out, according to Tomas Brandt.", "mess", None),
])
def test_according_to_closing_the_sentence_gives_it_its_last_quote(body: str, prefix: str, speaker: str | None) -> None:
    assert quote(body, prefix).speaker == speaker


def test_a_far_cue_with_no_subject_leaves_the_quote_to_a_nearer_participle() -> None:
    body = ("The spot concludes with footage of Ines Falk saying during the debate last week, “That makes me "
            "smart,” when the board asked about the dues.")
    assert quote(body, "That makes").speaker == "Ines Falk"


@pytest.mark.parametrize(("body", "speaker"), [
    ("Ines Falk has used the phrase “harbour first” often in her campaign.", "Ines Falk"),
    ("The phrase “harbour first” is used by many.", None),
])
def test_using_a_phrase_makes_it_the_users(body: str, speaker: str | None) -> None:
    assert quote(body, "harbour first").speaker == speaker


def test_a_noun_of_saying_before_a_colon_gives_the_quote_to_the_sentences_subject() -> None:
    body = "Minister Ines Falk is rolling out a new and more personal campaign message: “It is about me.”"
    assert said(body, "It is about") == ("Ines Falk", "colon")


def test_a_preposition_opening_the_sentence_governs_the_name_after_it() -> None:
    body = "Of Tomas Brandt, Ines Falk, who has given money to the port fund, said, “He is a careful man.”"
    assert said(body, "He is") == ("Ines Falk", "cue_before")


def test_an_agency_in_a_dateline_is_no_subject_for_a_participle() -> None:
    body = "VALDORA (Harbour Wire) - Ines Falk took a swipe at the board, saying that “loud comments” do harm."
    assert quote(body, "loud comments").speaker == "Ines Falk"


def test_a_named_tag_right_after_the_quote_beats_an_earlier_clauses_verb() -> None:
    body = ("When Tomas Brandt offered the ports money for dredging, “the ports were broke. They needed it,” "
            "Ines Falk said.")
    assert said(body, "the ports were") == ("Ines Falk", "cue_after")


@pytest.mark.parametrize("body", [
    "A spokeswoman for the charity, Ines Falk, said volunteers were “working around the clock.”",
    "A harbour spokeswoman, Lt. Col. Ines Falk, said volunteers were “working around the clock.”",
])
def test_a_description_followed_by_a_name_in_commas_is_that_persons(body: str) -> None:
    assert said(body, "working") == ("Ines Falk", "cue_before")


def test_one_unnamed_source_putting_it_in_a_clause_speaks() -> None:
    body = "The lesson, as one Finnish diplomat put it, is that ports “are only as strong as their habits.”"
    assert quote(body, "are only").speaker == "Finnish diplomat"


def test_an_interviews_answers_are_the_interviewees() -> None:
    body = ("Harbour master Ines Falk runs the port. She spoke to us in her office.\n\nQ: What keeps you up at "
            "night?\n\nA: “Numbers. We have fewer tugs than we had in 1990.”\n\nQ: Is the board listening?\n\n"
            "A: “Some of them are. Tomas Brandt has been a friend.”")
    assert said(body, "Numbers") == ("Ines Falk", "interview_answer")
    assert said(body, "Some of them") == ("Ines Falk", "interview_answer")


def test_an_answer_label_with_no_question_before_it_names_no_interviewee() -> None:
    body = "Harbour master Ines Falk runs the port.\n\nA: “Numbers matter.”"
    assert quote(body, "Numbers").attribution is None or quote(body, "Numbers").attribution.rule != "interview_answer"


def test_a_short_beat_after_an_opening_participle_phrase_names_the_speaker() -> None:
    body = "Tomas Brandt left early. Asked about the new cranes, Ines Falk shrugged. “They are fast. We are faster.”"
    assert said(body, "They are fast") == ("Ines Falk", "beat")


@pytest.mark.parametrize(("body", "prefix", "expected"), [
    ("“Go back to the port,” Clara Oduya barked, and a guard led him out.", "Go back", ("Clara Oduya", "cue_after")),
    ("“The cranes are here!” beamed Tomas Brandt of Valdora, who came in late.", "The cranes",
     ("Tomas Brandt", "cue_after")),
    ("“Is the port open yet?” asked Tomas Brandt, the harbour master.", "Is the port", ("Tomas Brandt", "cue_after")),
    ("Ines Falk railed against what she calls the “harbour cartel” on Monday.", "harbour cartel",
     ("Ines Falk", "reported_speech")),
])
def test_a_verb_of_how_someone_spoke_is_a_cue_before_or_after_its_subject(
        body: str, prefix: str, expected: tuple[str, str]) -> None:
    assert said(body, prefix) == expected


def test_an_inverted_cue_opening_a_lead_in_names_the_speaker_after_it() -> None:
    body = "Tomas Brandt left early. Stated Clara Oduya:\n\n“We will reopen the port in May.”"
    assert said(body, "We will") == ("Clara Oduya", "lead_in")


def test_asked_opening_a_sentence_is_a_question_put_to_its_subject() -> None:
    body = ("Clara Oduya and Tomas Brandt met. Asked on Monday whether Mr. Brandt would hold a post, Mrs. Oduya "
            "shook her head and said, “No.”")
    assert said(body, "No") == ("Clara Oduya", "cue_before")


def test_it_speaks_for_an_institution_of_its_own_or_the_sentence_before_only() -> None:
    near = "The Valdora Port Authority met on Monday. “The berths stay shut until May,” it said."
    assert said(near, "The berths") == ("Valdora Port Authority", "cue_after_pronoun")
    # Three sentences on, "it" is more likely the letter than the authority: no speaker beats a guess.
    far = ("The Valdora Port Authority met on Monday. Tomas Brandt left early. The tugs stayed in. A letter came "
           "on Tuesday. “The berths stay shut until May,” it said.")
    assert said(far, "The berths") == (None, None)
