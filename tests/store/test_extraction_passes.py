"""Work the actor stage does once per article rather than once per word, sentence or list entry (issue 13):
counted, never timed."""

from __future__ import annotations

import re

import pytest

from store.extract import descriptions, evidence, groups
from store.extract import dating
from store.extract.dates import may_hold_dates
from store.extract.dating import article_year
from store.extract.passages import split_passages
from store.extract.pipeline import extract_article


class _CountedPattern:
    """A compiled pattern that counts the searches made with it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.searches = pattern, 0

    def finditer(self, text: str, *bounds: int) -> object:
        self.searches += 1
        return self.pattern.finditer(text, *bounds)


def test_source_nouns_are_found_by_one_search_of_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    counted = _CountedPattern(groups._noun_word())
    monkeypatch.setattr(groups, "_noun_word", lambda: counted)
    groups._noun_starts.cache_clear()
    text = ("Officials said the talks went well. Some analysts disagreed. A diplomat and two observers "
            "spoke later; many residents, critics and economists were not asked.\n\nOne official said so.")
    article = extract_article(text)
    assert counted.searches == 1
    assert ("official", "group") in {(a.name, a.kind) for a in article.actors}


def test_letters_apart_from_ascii_are_folded_before_the_nouns_are_sought() -> None:
    groups._noun_starts.cache_clear()
    text = "Offıcials met ANALYSTS; ſome obſervers and İnvestigators came."
    assert groups._noun_starts(text) == [text.find(word) for word in ("Offıcials", "ANALYSTS", "obſervers", "İnv")]


def test_date_hints_start_where_a_digit_month_or_weekday_does() -> None:
    text = "On Monday, 12 Jan. 2024 (MayDay) a Sunday in Dec-Jun 1999: Wednesday's Thursdays, Sept 3-4, Jul."
    every_start = re.compile(r"(?=\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|(?:Mon|Tues|Wednes|Thurs|Fri"
                             r"|Satur|Sun)day)")
    hinted = may_hold_dates(text)
    expected = {m.start() for m in every_start.finditer(text)}
    assert [at for at in range(len(text)) if hinted(at, at + 1)] == sorted(expected)


@pytest.mark.parametrize(("pattern", "plain"), [
    (descriptions._THE, r"\b[Tt]h(?:e|is|at)\s"),
    (evidence._LOWER_WORD, r"(?<![\w-])[a-z][a-z-]+(?![\w-])"),
])
def test_patterns_written_to_skip_ahead_match_as_their_plain_forms(pattern: re.Pattern[str], plain: str) -> None:
    text = "The bathe this-that ñthe x_the 9that -that that\ttheir wait-and-see ok3 well- ab ‘this’ that"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(plain, text)]
    assert [m.span() for m in pattern.finditer(text, 5)] == [m.span() for m in re.compile(plain).finditer(text, 5)]


def test_the_latest_year_is_tested_before_the_others_and_settles_it(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "".join(f"In {year} the council met. " for year in range(1990, 2020)) + "It will meet in 2030."
    tested = []
    future = dating.future_statement
    monkeypatch.setattr(dating, "future_statement", lambda *args: tested.append(args) or future(*args))
    assert article_year(text, split_passages(text)) == 2019
    assert len(tested) == 2  # 2030 (a statement about the future), then 2019


def test_possessive_runs_are_those_a_pattern_tried_at_every_run_finds() -> None:
    text = "Obama's aide, U.S.-Japan’s pact, a's's, 'solo, O’sullivan, x_1-'s - 's, NATO’s, é's."
    every_run = re.compile(r"(?<![\w.-])[\w.-]++(?=’s|'s)")
    assert list(descriptions._owned_runs(text)) == [m.span() for m in every_run.finditer(text)]
