"""A generated one-paragraph article of any size: varied sentences naming people, bodies and places."""

from __future__ import annotations

import random
import sys

PEOPLE = ("Maria Lindqvist", "Tomas Herrera", "Aiko Tanabe", "Pieter de Vries", "Nadia Okafor",
          "Colonel Jan Kowalski", "Minister Elena Ruiz", "Ambassador Kenji Mori")
BODIES = ("the Northern Council", "the Coastal Guard Agency", "the European Union", "NATO",
          "the United Nations", "the Harbour Authority")
PLACES = ("Japan", "Norway", "Chile", "Kenya", "Vietnam", "Poland", "Canada", "Portugal")
SHAPES = (
    "{person} said that {body} would send observers to {place} in {year}.",
    "In {year}, {body} agreed with {place} on a plan for shared patrols.",
    "“We will keep the channels open,” {person} told reporters in {place}.",
    "Officials in {place} expect {body} to review the budget before {year}.",
    "{person} met counterparts from {place} and {place2} to discuss supply routes.",
)


def sentence(rng: random.Random) -> str:
    """One sentence built from the fixed pools."""
    return rng.choice(SHAPES).format(
        person=rng.choice(PEOPLE), body=rng.choice(BODIES), place=rng.choice(PLACES),
        place2=rng.choice(PLACES), year=rng.randrange(1990, 2030))


def one_paragraph(size: int, seed: int = 9) -> str:
    """A titled article whose body is a single paragraph of about ``size`` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(sentence(rng))
        total += len(parts[-1]) + 1
    return "A Very Long Paragraph\n\n" + " ".join(parts) + "\n"


if __name__ == "__main__":
    sys.stdout.write(one_paragraph(int(sys.argv[1])))
