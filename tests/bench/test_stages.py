"""`bench.stages`: each extraction stage timed inside the pipeline, and the pipeline left as it was."""

from bench.stages import STAGES, rows, stage_times
from store.extract import pipeline

ARTICLE = ("Talks in Oslo\n\nOn March 2, 2020, Foreign Minister Jane Doe met Ola Nordmann in Oslo. "
           "Doe said: \u201cWe stand together.\u201d (Reuters, March 2)\n")


def test_every_stage_is_timed_and_the_pipeline_is_restored() -> None:
    before = {name: getattr(pipeline, name) for name in STAGES}
    spent = stage_times([ARTICLE, ARTICLE])
    assert set(STAGES) <= set(spent) and all(spent[name] >= 0 for name in STAGES)
    assert spent["total"] >= sum(spent[name] for name in STAGES)
    assert {name: getattr(pipeline, name) for name in STAGES} == before


def test_rows_give_each_stage_per_article_then_the_whole() -> None:
    spent = stage_times([ARTICLE])
    named = [row[0] for row in rows(spent, 1, 0.0001)]
    assert named == [*STAGES, "the rest", "total", "MB/s of extraction"]
