"""One generated article: seed sentences and templates filled with a cast drawn from the pool."""

from __future__ import annotations

import calendar
import random
import re
from functools import cache

from bench import pool
from bench.seedtext import Slot, seed_parts

_FIELD = re.compile(r"\{(\w+)\}")
_MONTHS = calendar.month_name[1:]


@cache
def _templates() -> tuple[str, ...]:
    """Sentence templates (bench/data/templates.txt)."""
    return pool.load_lines("templates.txt")


def _draw(rng: random.Random, size: int) -> int:
    """A pool index: a quarter of draws come from a small head of recurring names, the rest uniform."""
    head = max(1, size // 50)
    return int(rng.random() * (head if rng.random() < 0.25 else size))


class Cast:
    """The people, organizations and dates one article talks about, drawn as the text needs them."""

    def __init__(self, rng: random.Random, n_articles: int, seed: int) -> None:
        """Draw from pools sized for a corpus of n_articles, so distinct actors grow with N."""
        self.rng, self.seed, self.year = rng, seed, rng.randint(1995, 2025)
        self.sizes = {"person": 6 * n_articles + 50, "org": 2 * n_articles + 20,
                      "place": n_articles + 30, "outlet": n_articles // 10 + 25}
        self.named: dict[str, pool.Person] = {}
        self.orgs_named: set[str] = set()
        self.last_person: pool.Person | None = None
        self.last_org: pool.Organization | None = None
        self.footnotes: list[str] = []

    def _index(self, kind: str) -> int:
        return _draw(self.rng, self.sizes[kind])

    def person_for(self, key: str) -> str:
        """The cast member standing for a seed name: full name the first time, then the surname."""
        known = key in self.named
        who = self.named.setdefault(key, pool.person(self._index("person"), self.seed))
        self.last_person = who
        return who.surname if known else who.full

    def new_person(self) -> str:
        """A person introduced with a title ("Rear Admiral Ana Ruiz")."""
        self.last_person = pool.person(self._index("person"), self.seed)
        return f"{self.rng.choice(pool.load_lines('titles.txt'))} {self.last_person.full}"

    def surname(self) -> str:
        """The person last named, by surname (or a new one by full name if nobody was named)."""
        if self.last_person is None:
            return self.new_person()
        return self.last_person.surname

    def organization(self) -> str:
        """An organization, spelled out with its acronym the first time the article names it."""
        org = pool.organization(self._index("org"), self.seed)
        self.last_org = org
        if org.name in self.orgs_named or len(org.acronym) < 2:
            return org.name
        self.orgs_named.add(org.name)
        return f"{org.name} ({org.acronym})"

    def acronym(self) -> str:
        """The organization last named, by acronym."""
        if self.last_org is None:
            return self.organization()
        return self.last_org.acronym if len(self.last_org.acronym) > 1 else self.last_org.name

    def day(self, year: int | None = None) -> str:
        """"Month D" (or "Month D, YYYY" with a year)."""
        text = f"{self.rng.choice(_MONTHS)} {self.rng.randint(1, 28)}"
        return f"{text}, {year}" if year else text

    def past_year(self) -> int:
        """A year up to twenty years before the article's."""
        return self.year - self.rng.randint(0, 20)

    def citation(self, parts: int = 1) -> str:
        """A parenthetical "(Outlet, Month D)"; one in ten has lost its outlet "(, June 2)"."""
        cites = []
        for _ in range(parts):
            lost = self.rng.random() < 0.1
            outlet = "" if lost else pool.outlet(self._index("outlet"), self.seed)
            cites.append(f"{outlet}, {self.day()}")
        return "(" + "; ".join(cites) + ")"

    def footnote(self) -> str:
        """A marker "[n]" whose note is written at the end of the article."""
        demonym = self.rng.choice(pool.load_lines("demonyms.txt"))
        place = pool.place(self._index("place"), self.seed)
        month = f"{self.rng.choice(_MONTHS)} {self.year}"
        self.footnotes.append(f"Author’s interview with {demonym} official, {place}, {month}.")
        return f"[{len(self.footnotes)}]"


def _quote(cast: Cast) -> str:
    """Speech: a seed quote, or a recombined seed sentence."""
    parts = seed_parts()
    if cast.rng.random() < 0.5:
        return cast.rng.choice(parts.quotes).rstrip(".,")
    return render(cast, cast.rng.choice(parts.sentences)).rstrip(".")


def _phrase(cast: Cast) -> str:
    """A few words lifted from a seed quote, used as scare quotes."""
    words = cast.rng.choice(seed_parts().quotes).split()
    start = cast.rng.randrange(max(1, len(words) - 4))
    return " ".join(words[start:start + cast.rng.randint(2, 5)]).strip(".,;:")


def _group(cast: Cast) -> str:
    """An unnamed source ("a Japanese official")."""
    demonym = cast.rng.choice(pool.load_lines("demonyms.txt"))
    article = "an" if demonym[0] in "AEIOU" else "a"
    return f"{article} {demonym} {cast.rng.choice(('official', 'diplomat', 'senior officer'))}"


def _groups(cast: Cast) -> str:
    """Unnamed sources in the plural ("Chinese officials")."""
    demonym = cast.rng.choice(pool.load_lines("demonyms.txt"))
    return f"{demonym} {cast.rng.choice(('officials', 'diplomats', 'analysts'))}"


def _date_range(cast: Cast) -> str:
    """A range across a month end: "May 31 to June 2"."""
    month = cast.rng.randrange(11)
    return f"{_MONTHS[month]} {cast.rng.randint(28, 30)} to {_MONTHS[month + 1]} {cast.rng.randint(1, 4)}"


_FIELDS = {
    "P": Cast.new_person, "p": Cast.surname, "O": Cast.organization, "o": Cast.acronym,
    "C": lambda c: c.rng.choice(pool.countries()),
    "L": lambda c: pool.place(c._index("place"), c.seed),
    "S": lambda c: pool.outlet(c._index("outlet"), c.seed),
    "D": lambda c: c.day(), "DY": lambda c: c.day(c.past_year()),
    "MY": lambda c: f"{c.rng.choice(_MONTHS)} {c.past_year()}", "Y": lambda c: str(c.past_year()),
    "DR": _date_range, "DEC": lambda c: f"the {c.rng.choice(('early', 'mid-', 'late'))} {c.past_year() // 10 * 10}s".replace("- ", "-"),
    "G": _group, "GS": _groups, "V": lambda c: c.rng.choice(pool.load_lines("verbs.txt")),
    "Q": _quote, "PHRASE": _phrase, "HEAD": lambda c: _phrase(c).title(),
    "CIT": lambda c: c.citation(), "CIT2": lambda c: c.citation(2), "FN": Cast.footnote,
    "N": lambda c: str(c.rng.randint(2, 900)),
}


def fill(cast: Cast, template: str) -> str:
    """A template with every {field} drawn from the cast."""
    text = _FIELD.sub(lambda m: _FIELDS[m.group(1)](cast), template)
    if text[-1] in ")]":
        text += "."
    elif text[-1] in "”\"" and text[-2] not in ".?!":
        text = text[:-1] + "." + text[-1]
    return text[0].upper() + text[1:]


def render(cast: Cast, segments: tuple[str | Slot, ...]) -> str:
    """A seed sentence with its name slots filled by the cast."""
    return "".join(s if isinstance(s, str) else cast.person_for(s.key) + s.possessive for s in segments)
