"""The actor stage on hostile sizes (issue 9): work counted by calls, never timed, and the answer unchanged."""

from __future__ import annotations

import pytest


def test_a_line_of_acronyms_asks_the_gazetteer_once_a_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each acronym of a line of them was looked up, and its word lists and the article's definitions asked,
    at each of its 250,000 words a MB: now once for each distinct word, and every acronym is still an
    organisation; one that touches a comma, an "&" or a line's start is still read in its context."""
    from store.extract import candidates
    from store.extract.pipeline import extract_article

    asked: list[str] = []
    lookup = candidates.lookup
    monkeypatch.setattr(candidates, "lookup", lambda phrase: asked.append(phrase) or lookup(phrase))
    article = extract_article("Talks\n\n" + "XQZ WVB " * 500)
    assert len(article.mentions) == 1000 and len(asked) < 10, asked[:20]
    assert {(a.name, a.kind) for a in article.actors} == {("XQZ", "organization"), ("WVB", "organization")}
    text = "Talks\n\nOSLO, Norway (NTB) - The R&D office of XQZ and the US, XQZ, WVB met."
    assert [(text[m.start : m.end], m.actor) for m in extract_article(text).mentions] == [
        ("OSLO", "Oslo"), ("Norway", "Norway"), ("NTB", "NTB"), ("XQZ", "XQZ"), ("US", "United States"),
        ("XQZ", "XQZ"), ("WVB", "WVB")]


def test_a_repeated_sentence_asks_for_titles_citations_and_definitions_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether a sentence's context holds a quoted title, a citation form or a defined acronym's name was
    three searches for each of 142,857 one-word paragraphs a MB; now one test built from the three once."""
    from store.extract import actors
    from store.extract.pipeline import extract_article

    asked: list[int] = []
    cited: list[int] = []
    defined_names, cited_within = actors.defined_names, actors.cited_within
    monkeypatch.setattr(actors, "defined_names", lambda text, start, end: asked.append(start)
                        or defined_names(text, start, end))
    # Still asked of each sentence worked out: those near the text's ends and the definition, not 2,000.
    monkeypatch.setattr(actors, "cited_within", lambda text, start, end: cited.append(start)
                        or cited_within(text, start, end))
    text = "Talks\n\n" + "Word.\n\n" * 1000 + "The Nordic Council (NC) met. Lunde said so.\n\n" + "Word.\n\n" * 1000
    article = extract_article(text)
    assert asked == [0] and len(cited) < 300
    assert [(m.actor, m.text) for m in article.mentions] == [("Nordic Council", "Nordic Council"), ("Nordic Council", "NC"),
                                                             ("Lunde", "Lunde")]


def test_actors_found_without_references_are_deduplicated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Candidates are put one a span and in order once; again only when a title or alliance reference
    adds some (a second pass over 250,000 candidates a MB of acronyms)."""
    from store.extract import actors

    passes: list[int] = []
    deduplicate = actors.deduplicate
    monkeypatch.setattr(actors, "deduplicate", lambda found: passes.append(len(found)) or deduplicate(found))
    text = "Talks\n\n" + "XQZ WVB " * 50
    _, mentions = actors.find_actors(text, [], [(7, len(text))])
    assert passes == [100] and len(mentions) == 100


def test_a_word_standing_apart_is_not_read_in_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """A word with only spaces beside it takes its word's verdict without going through the reading of
    phrases in context (a call a word, 250,000 a MB of acronyms); the words that touch a comma still do."""
    from store.extract import candidates
    from store.extract.pipeline import extract_article

    read: list[int] = []
    longest_known = candidates._longest_known
    monkeypatch.setattr(candidates, "_longest_known", lambda text, tokens, i: read.append(tokens[i].start)
                        or longest_known(text, tokens, i))
    text = "Talks\n\n" + "XQZ WVB " * 500 + "XQZ, WVB."
    assert len(extract_article(text).mentions) == 1002
    assert read == [text.index("XQZ,")]


def test_organisations_that_fold_nothing_are_not_copied(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no acronym defined in brackets nor a shorter form of a longer name, no candidate is renamed (each
    was passed through _renamed: 250,000 a MB of acronyms); where one folds, all still are."""
    from store.extract import aliases
    from store.extract.pipeline import extract_article

    renamed: list[str] = []
    rename = aliases._renamed
    monkeypatch.setattr(aliases, "_renamed", lambda candidate, names: renamed.append(candidate.name)
                        or rename(candidate, names))
    assert len(extract_article("Talks\n\n" + "XQZ WVB " * 500).mentions) == 1000 and renamed == []
    folded = extract_article("Talks\n\nThe Japan Coast Guard met. The Coast Guard said so.")
    assert [(m.actor, m.text) for m in folded.mentions] == [("Japan Coast Guard", "Japan Coast Guard"),
                                                            ("Japan Coast Guard", "Coast Guard")]
    assert renamed == ["Japan Coast Guard", "Coast Guard"]
