"""The PolNeAR attribution scorer on a tiny corpus written here: gold parsing, matching, coref, refusals."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

import bench.attribution as attribution
from bench.attribution import main, score_corpus, summary
from bench.attribution_match import _appositive_names, _name_tokens, _resolution, score_document
from bench.polnear import Document, parse_spans, read_documents
from bench.quote_gold import gold_quotes, source_class
from store.model import Actor, Article, Attribution, Mention, Quote

TEXT = (
    "Mayor Ann Ruiz, the town's budget chief, said: “We will open two libraries,” and added, "
    "“both before winter.”\n"
    "A spokesman for Acme Corp called the plan “too slow for families.”\n"
    "''The money is there,'' she said. Ruiz called it “a good day.”\n"
    "“Nobody asked us,” residents wrote.\n"
)
"""Made up: a named source with a split content, a descriptive one, a pronoun, a scare-ish phrase, no source."""


def _at(part: str, after: int = 0) -> tuple[int, int]:
    """Where ``part`` occurs in TEXT at or after ``after``."""
    start = TEXT.index(part, after)
    return start, start + len(part)


def _t(number: int, label: str, *parts: str) -> str:
    """A brat T line for one or more pieces of TEXT (a discontinuous span when several)."""
    spans = [_at(part) for part in parts]
    offsets = ";".join(f"{a} {b}" for a, b in spans)
    return f"T{number}\t{label} {offsets}\t{' '.join(TEXT[a:b] for a, b in spans)}"


ANN = "\n".join([
    _t(1, "Source", "Mayor Ann Ruiz, the town's budget chief"), _t(2, "Cue", "said"),
    _t(3, "Content", "“We will open two libraries,”", "“both before winter.”"),
    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
    _t(4, "Source", "A spokesman for Acme Corp"), _t(5, "Cue", "called"),
    _t(6, "Content", "the plan “too slow for families.”"),
    "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
    _t(7, "Source", "she"), _t(8, "Cue", "said."), _t(9, "Content", "The money is there,"),
    "E3\tAttribution:T8 Content:T9 Cue:T8 Source:T7",
    f"T10\tSource {_at('Ruiz called')[0]} {_at('Ruiz called')[0] + 4}\tRuiz", _t(11, "Content", "“a good day.”"),
    "E4\tAttribution:T11 Content:T11 Source:T10",
    _t(12, "Content", "“Nobody asked us,”"), "E5\tAttribution-no-source:T12 Content:T12",
]) + "\n"


def _corenlp(chains: list[list[tuple[str, int, bool]]]) -> str:
    """CoreNLP XML: one sentence a line of TEXT, word tokens, and chains of (text, occurrence start, representative)."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", TEXT)]
    tokens = [[t.span() for t in re.finditer(r"\w+|[^\w\s]", TEXT[a:b])] for a, b in lines]
    starts: dict[int, tuple[int, int]] = {}
    ends: dict[int, tuple[int, int]] = {}
    sentences = []
    for s, ((line_start, _), spans) in enumerate(zip(lines, tokens), start=1):
        body = []
        for i, (a, b) in enumerate(spans, start=1):
            starts[line_start + a] = ends[line_start + b] = (s, i)
            body.append(f"<token id=\"{i}\"><word>{TEXT[line_start + a:line_start + b]}</word>"
                        f"<CharacterOffsetBegin>{line_start + a}</CharacterOffsetBegin>"
                        f"<CharacterOffsetEnd>{line_start + b}</CharacterOffsetEnd></token>")
        sentences.append(f"<sentence id=\"{s}\"><tokens>{''.join(body)}</tokens></sentence>")
    xml_chains = []
    for chain in chains:
        mentions = []
        for text, after, representative in chain:
            a, b = _at(text, after)
            flag = ' representative="true"' if representative else ""
            mentions.append(f"<mention{flag}><sentence>{starts[a][0]}</sentence><start>{starts[a][1]}</start>"
                            f"<end>{ends[b][1] + 1}</end><head>{starts[a][1]}</head><text>{text}</text></mention>")
        xml_chains.append(f"<coreference>{''.join(mentions)}</coreference>")
    return (f"<?xml version=\"1.0\"?><root><document><sentences>{''.join(sentences)}</sentences>"
            f"<coreference>{''.join(xml_chains)}</coreference></document></root>")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A PolNeAR-shaped folder with one dev text, two annotators' .ann and its CoreNLP XML."""
    data = tmp_path / "data" / "dev"
    for folder in ("text", "attributions", "corenlp"):
        (data / folder).mkdir(parents=True)
    (data / "text" / "story.txt").write_text(TEXT, encoding="utf-8", newline="")
    (data / "attributions" / "story_a1.ann").write_text(ANN, encoding="utf-8")
    (data / "attributions" / "story_zz.ann").write_text("", encoding="utf-8")  # later by name: ignored
    chain = [("Mayor Ann Ruiz", 0, True), ("she", TEXT.index("''"), False)]
    (data / "corenlp" / "story.txt.xml").write_text(_corenlp([chain]), encoding="utf-8")
    return tmp_path


def _document(corpus: Path) -> Document:
    """The one document of the fake corpus."""
    (document,) = read_documents(corpus, "dev")
    return document


def test_gold_quotes_split_content_two_apostrophes_and_classes(corpus: Path) -> None:
    doc = _document(corpus)
    assert doc.name == "story" and doc.mismatches == 0 and len(doc.relations) == 5
    quotes = gold_quotes(doc)
    assert [TEXT[q.start:q.end] for q in quotes] == [
        "We will open two libraries,", "both before winter.", "too slow for families.",
        "The money is there,", "a good day.", "Nobody asked us,"]
    assert [q.kind for q in quotes] == ["named", "named", "descriptive", "pronoun", "named", ""]
    assert quotes[3].marks == "''" and quotes[0].marks == "“"


def test_source_classes() -> None:
    assert source_class("They") == "pronoun"
    assert source_class("a spokesman for Disney") == "descriptive"
    assert source_class("The Clinton campaign") == "descriptive"
    assert source_class("van Dijk") == "named"
    assert source_class("Jeff Weaver, Sanders' campaign manager") == "named"


def test_span_text_mismatch_is_counted() -> None:
    spans, mismatches = parse_spans("T1\tSource 0 5\tMayor\nT2\tCue 6 9\tsaid\n", TEXT)
    assert spans == {"T1": ((0, 5),), "T2": ((6, 9),)} and mismatches == 1


def _ruled(speaker: str, said: str, rule: str) -> Quote:
    """A speech quote attributed by the sieve step ``rule``."""
    return Quote("speech", speaker, *_at(said), "", Attribution(rule, 0, 0))


def _stub(text: str) -> Article:
    """What an extractor might find: one right, one missed, one wrong, one by coref, one unattributed."""
    ruiz, acme = "Ann Ruiz", "Acme Corp"
    mentions = (Mention(ruiz, *_at("Ann Ruiz"), "Ann Ruiz"), Mention(acme, *_at("Acme Corp"), "Acme Corp"))
    quotes = [_ruled(ruiz, "We will open two libraries,", "colon"), _ruled(acme, "too slow for families.", "called"),
              Quote("speech", ruiz, *_at("The money is"), ""),  # 12 of 19 characters: found
              Quote("phrase", None, *_at("a good day."), ""), Quote("phrase", None, *_at("Nobody asked us,"), "")]
    return Article(text, "", None, None, actors=(Actor(ruiz, "person", aliases=("Ruiz",)), Actor(acme, "organization")),
                   mentions=mentions, quotes=tuple(quotes))


def test_found_right_wrong_unattributed_and_pronoun_by_coref(corpus: Path) -> None:
    doc = _document(corpus)
    outcomes = score_document(doc, _stub(doc.text))
    assert [o.verdict for o in outcomes] == ["right", "missed", "wrong", "right", "unattributed", "no-source"]
    assert outcomes[3].resolution == "agree"  # the coref chain and the named source before it agree
    assert [o.rule for o in outcomes[:3] if o.found] == ["colon", "called"]


def test_summary_figures(corpus: Path) -> None:
    figures = summary(score_corpus([_document(corpus)], _stub))
    assert figures["gold_quotes"] == 6 and figures["two_apostrophe_quotes"] == 1 and figures["no_gold_source"] == 1
    assert figures["by_class"] == {"named": "1/3", "descriptive": "0/1", "pronoun": "1/1"}
    assert figures["right_pct"] == 40.0 and figures["wrong_pct_of_attributed"] == 33.3
    assert figures["unattributed_pct_of_found"] == 25.0 and figures["pronoun_resolution"] == {"agree": 1}
    assert figures["by_rule"] == {"colon": {"right": 1, "wrong": 0}, "called": {"right": 0, "wrong": 1},
                                  "(no rule)": {"right": 1, "wrong": 0}}


def test_pronoun_without_chain_falls_back_to_the_previous_named_source(corpus: Path) -> None:
    (corpus / "data" / "dev" / "corenlp" / "story.txt.xml").write_text(_corenlp([]), encoding="utf-8")
    doc = _document(corpus)
    assert score_document(doc, _stub(doc.text))[3].resolution == "previous-source"


def test_pronoun_resolutions_that_differ_accept_either() -> None:
    text = "Ann Ruiz met Bo Lee."
    assert _resolution(text, [(0, 8), (13, 19)], True) == "differ"
    assert _resolution(text, [(0, 8), (4, 8)], True) == "agree"
    assert _resolution(text, [(13, 19)], False) == "previous-source"


def test_command_prints_json_from_a_folder(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main([str(corpus), "--json", "--limit", "1"])
    figures = json.loads(capsys.readouterr().out)
    assert figures["articles"] == 1 and figures["gold_quotes"] == 6 and figures["ms_per_article"] is not None


def test_test_split_is_refused_without_reading(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    def never(*_: object) -> None:
        raise AssertionError("the corpus was read")

    monkeypatch.setattr(attribution, "read_documents", never)
    with pytest.raises(SystemExit) as exit_:
        main(["/nowhere", "--split", "test"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "test" in err and err.count("\n") == 1


def test_missing_corpus_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([str(tmp_path / "absent")])
    assert exit_.value.code == 2 and capsys.readouterr().err.count("\n") == 1


def test_a_bare_git_mirror_reads_like_the_folder(corpus: Path, tmp_path: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q", str(corpus)], check=True)
    subprocess.run([*git, "-C", str(corpus), "add", "data"], check=True)
    subprocess.run([*git, "-C", str(corpus), "commit", "-qm", "corpus"], check=True)
    subprocess.run([*git, "clone", "-q", "--bare", str(corpus), str(tmp_path / "mirror")], check=True)
    assert list(read_documents(tmp_path / "mirror", "dev")) == [_document(corpus)]


def test_a_source_marked_on_the_verb_alone_is_no_source() -> None:
    assert source_class("said") == "" and source_class("Said Khan") == "named"


def test_a_relative_pronoun_source_is_its_antecedent() -> None:
    from bench.attribution_match import _antecedent

    text = "The council heard Ines Falk, Tomas Brandt and Clara Oduya, who said “no”; so did the port office which wrote"
    who = text.index("who")
    which = text.index("which")
    assert text[slice(*_antecedent(text, who))] == "Clara Oduya"
    assert text[slice(*_antecedent(text, which))] == "the port office"


@pytest.mark.parametrize(("source", "names"), [
    ("the bakery's head chef, Ida Moss,", ["Ida Moss"]),  # a role, then the person who holds it
    ("a farmer from Elmton, North Dakota,", []),  # a place after a place is no person
    ("Ida Moss, the bakery's head chef", []),  # the head is the name already
    ("the bakery's head chef, her old friend", []),
])
def test_a_name_set_after_a_role_is_the_source_too(source: str, names: list[str]) -> None:
    head = source.index(",")
    found = _appositive_names(source, (0, len(source)), (0, head))
    assert [source[a:b] for a, b in found] == names


def test_name_tokens_ignore_case_so_a_transcript_label_is_the_person() -> None:
    assert _name_tokens("KESSLER") == _name_tokens("Kessler") == {"kessler"}
