"""Tabs choosing which kind of actor (or quote) to list, each labelled with how many there are."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Tab, Tabs

from store.kinds import ACTOR_KINDS
from store.queries import KindCount

ALL = "all"
SHORT = {"organization": "org"}
"""Shorter labels so every tab fits in 80 columns."""


class KindTabs(Tabs):
    """One tab for all and one per kind; left/right or [ ] change the kind."""

    def __init__(self, kinds: Sequence[str] = ACTOR_KINDS, *, id: str | None = None) -> None:
        """Tabs for every kind (of actor, unless told), counts unknown until set."""
        self.kinds = (ALL, *kinds)
        tabs = [Tab(kind, id=f"kind-{kind}") for kind in self.kinds]
        super().__init__(*tabs, id=id)

    @property
    def kind(self) -> str | None:
        """The chosen kind, or None for all."""
        chosen = (self.active or f"kind-{ALL}").removeprefix("kind-")
        return None if chosen == ALL else chosen

    def show_counts(self, counts: Sequence[KindCount]) -> None:
        """Label each tab with its number of rows."""
        by_kind = {count.kind: count.count for count in counts}
        by_kind[ALL] = sum(by_kind.values())
        for kind in self.kinds:
            tab = self.query_one(f"#kind-{kind}", Tab)
            tab.label = f"{SHORT.get(kind, kind)} {by_kind.get(kind, 0)}"
