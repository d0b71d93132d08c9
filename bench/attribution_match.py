"""Match gold PolNeAR quotes to extracted ones and judge the speaker: right, wrong or unattributed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bench.polnear import Document
from bench.quote_gold import GoldQuote, coref_referent, gold_quotes, previous_named_source, source_head
from store.extract.lexicon import word_set
from store.model import Article, Quote

_NAME_TOKEN = re.compile(r"[A-Z][\w.’'-]*")
_NOT_NAMES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Outcome:
    """What became of one gold quote."""

    gold: GoldQuote
    found: Quote | None
    verdict: str
    """'missed', 'right', 'wrong', 'unattributed', or 'no-source' (found, gold has no source)."""
    resolution: str = ""
    """For pronoun sources: 'agree', 'differ', 'coref', 'previous-source', 'antecedent' or 'unresolved'
    (see _referents)."""

    @property
    def rule(self) -> str:
        """The sieve step that attributed the found quote ("(no rule)" where none did)."""
        how = getattr(self.found, "attribution", None)  # an extractor from before the sieve has none
        return how.rule if how is not None else "(no rule)"


def score_document(doc: Document, article: Article) -> list[Outcome]:
    """One outcome per gold quote of the document, against the extractor's article."""
    return [_outcome(doc, article, gold) for gold in gold_quotes(doc)]


def best_match(quotes: tuple[Quote, ...], gold: GoldQuote) -> Quote | None:
    """The extracted quote covering most of the gold segment, if it covers at least half."""
    def overlap(quote: Quote) -> int:
        return max(0, min(quote.end, gold.end) - max(quote.start, gold.start))

    best = max(quotes, key=overlap, default=None)
    return best if best is not None and overlap(best) * 2 >= gold.end - gold.start else None


def _outcome(doc: Document, article: Article, gold: GoldQuote) -> Outcome:
    """Found or missed; for found quotes with a gold source, whose speaker is it."""
    found = best_match(article.quotes, gold)
    heads, by_name, resolution = _referents(doc, gold) if gold.kind else ((), False, "")
    if found is None:
        return Outcome(gold, None, "missed", resolution)
    if not gold.kind:
        return Outcome(gold, found, "no-source")
    if found.kind != "speech" or found.speaker is None:
        return Outcome(gold, found, "unattributed", resolution)
    right = any(speaker_matches(article, found.speaker, head, doc.text, by_name) for head in heads)
    return Outcome(gold, found, "right" if right else "wrong", resolution)


def _referents(doc: Document, gold: GoldQuote) -> tuple[tuple[tuple[int, int], ...], bool, str]:
    """The spans the speaker may match, whether name tokens count, and how a pronoun was resolved.

    PolNeAR marks a pronoun source but not whom it means. Two independent resolutions stand in for
    that: CoreNLP's coreference chain and the nearest named source the annotators marked before it.
    They agree on about half of the pronoun quotes of train; where they differ either is accepted, and
    the resolution label ("agree", "differ", "coref", "previous-source") says which case applied. A
    relative "who" or "which" needs neither: it means the words right before it ("antecedent").
    """
    if gold.kind != "pronoun":
        head = source_head(doc.text, gold.source, gold.kind)
        by_name = gold.kind == "named" or bool(_name_tokens(doc.text[head[0]:head[1]]))
        return (head, *_appositive_names(doc.text, gold.source[0], head)), by_name, ""
    start, end = gold.source[0]
    if doc.text[start:end].strip().lower() in _RELATIVES:
        antecedent = _antecedent(doc.text, start)
        if antecedent is not None:
            return (antecedent,), True, "antecedent"
    mention = coref_referent(doc.chains, start, end)
    earlier = previous_named_source(doc, start)
    heads = []
    if mention is not None:
        heads.append((mention.start, mention.end))
    if earlier:
        heads.append(source_head(doc.text, earlier, "named"))
    return tuple(heads), True, _resolution(doc.text, heads, mention is not None)


def _appositive_names(text: str, source: tuple[int, int], head: tuple[int, int]) -> list[tuple[int, int]]:
    """The name right after a head that ends in a role ("Apple's chief executive, Tim Cook"): the person
    the role names is the source too. Not after a place ("a salesman from Sumter, South Carolina"), and
    never a part with a small word ("Sanders' campaign manager") or of one word."""
    words = text[head[0] : head[1]].split()
    part = _APPOSITIVE.match(text, head[1], source[1])
    if not words or not words[-1].islower() or part is None:
        return []
    name = part.group(1).split()
    return [part.span(1)] if len(name) >= 2 and all(_NAME_TOKEN.fullmatch(w) for w in name) else []


_APPOSITIVE = re.compile(r",\s*([^,]+)")
_RELATIVES = frozenset({"who", "which"})
_ANTECEDENT_WORD = re.compile(r"[\w.’'-]+")
_ANTECEDENT_STOPS = frozenset({"and", "or", "to", "of", "in", "at", "for", "with", "from", "by", "on"})
_ANTECEDENT_WORDS = 4


def _antecedent(text: str, start: int) -> tuple[int, int] | None:
    """The phrase a relative pronoun at ``start`` refers to: the words right before it ("Stevie Wonder,
    who", "the police department which"), back to an article, a comma, "and" or a preposition, at most four."""
    words = list(_ANTECEDENT_WORD.finditer(text, max(0, start - _ANTECEDENT_REACH), start))
    head: list[re.Match[str]] = []
    for word in reversed(words):
        gap = text[word.end() : head[0].start() if head else start]
        if head and gap.strip() or word.group().lower() in _ANTECEDENT_STOPS or len(head) == _ANTECEDENT_WORDS:
            break  # "," or another mark between two words ends the phrase (the one before "who" is allowed)
        head.insert(0, word)
        if word.group().lower() in _NOT_NAMES:
            break  # "the" opens the phrase
    return (head[0].start(), head[-1].end()) if head else None


_ANTECEDENT_REACH = 80


def _resolution(text: str, heads: list[tuple[int, int]], by_coref: bool) -> str:
    """How a pronoun's referent was found: both ways alike or not, or one way only."""
    if len(heads) == 2:
        names = [_name_tokens(text[s:e].split(",")[0]) for s, e in heads]
        return "agree" if names[0] & names[1] else "differ"
    if heads:
        return "coref" if by_coref else "previous-source"
    return "unresolved"


def speaker_matches(article: Article, speaker: str, head: tuple[int, int], text: str, by_name: bool) -> bool:
    """A mention of the speaker overlaps the head, or (by_name) its names share a name token with it."""
    if any(m.actor == speaker and m.start < head[1] and m.end > head[0] for m in article.mentions):
        return True
    if not by_name:
        return False
    actor = next((a for a in article.actors if a.name == speaker), None)
    forms = (speaker, *(actor.aliases if actor else ()))
    names = {token for form in forms for token in _name_tokens(form)}
    return bool(names & _name_tokens(text[head[0]:head[1]].split(",")[0]))


def _name_tokens(phrase: str) -> set[str]:
    """Capitalised words of a phrase that are not titles or articles, possessives cut, in small letters
    (a transcript's "PENCE:" is Pence)."""
    skip = word_set("titles.txt") | _NOT_NAMES
    tokens = (re.sub(r"['’]s$", "", token) for token in _NAME_TOKEN.findall(phrase))
    return {t.rstrip(".").lower() for t in tokens if t.lower() not in skip and t.lower().rstrip(".") not in skip}
