"""One actor's dossier: quotes, mentions in context, connections, events and sources, all openable."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header

from store import queries
from store.export import Scope
from store.lineage import echo_counts
from store.queries import DocumentInfo, Dossier
from tui.messages import TextPlace
from tui.screens.base import CITE, CORRECT, LINEAGE, MERGE, WHY, ExplorerScreen, Highlighted, QuoteSpot
from tui.widgets.dossier_view import DossierView
from tui.widgets.key_footer import KeyFooter
from tui.widgets.nav_list import NavList
from tui.widgets.passage_preview import PassagePreview

SHOWN = 300
"""Rows per dossier section at most: an alliance is named thousands of times in a big corpus."""


class DossierScreen(ExplorerScreen):
    """Everything about one actor; enter opens the reader at a quote or mention, or a connection."""

    TITLE = "Dossier"
    BINDINGS = [
        Binding("tab", "next_section", "Next", key_display="⇥"),
        Binding("shift+tab", "previous_section", "Prev section", show=False),
        WHY,
        CORRECT,
        MERGE,
        LINEAGE,
        *CITE,
    ]

    def __init__(self, actor_id: int) -> None:
        """A dossier of the given actor."""
        super().__init__()
        self.actor_id = actor_id

    def compose(self) -> ComposeResult:
        """Header, the dossier, footer."""
        yield Header()
        with Horizontal(classes="with-preview"):
            yield DossierView(id="dossier")
            yield PassagePreview()
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the dossier in the background."""
        self.query_one(DossierView).focus_items()
        self.fetch("documents", queries.documents, then=self._documents_loaded)

    def _documents_loaded(self, documents: Sequence[DocumentInfo]) -> None:
        """Know the documents' titles (rows name theirs when there are several), then load the dossier."""
        self.query_one(DossierView).titles = {document.id: document.title for document in documents}
        self.fetch("dossier", queries.dossier, self.actor_id, SHOWN, then=self._show)

    def _show(self, dossier: Dossier | None) -> None:
        """Display the dossier, or say it is gone."""
        if dossier is None:
            self.notify("That actor is no longer in the store.", severity="error")
            return
        self.sub_title = dossier.actor.name
        self.query_one(DossierView).show(dossier)
        if dossier.quotes:
            self.fetch("echoes", echo_counts, [quote.id for quote in dossier.quotes], then=self._show_echoes)

    def _show_echoes(self, counts: dict[int, int]) -> None:
        """Say under each quote in how many other documents its words are quoted (L lists them)."""
        view = self.query_one(DossierView)
        if counts and view.dossier is not None:
            view.echoes = counts
            view.show(view.dossier)

    def reader_place(self) -> TextPlace | None:
        """Read at the highlighted quote or mention, else at the actor's first mention."""
        view = self.query_one(DossierView)
        place = view.query_one(NavList).highlighted_place
        return place if isinstance(place, TextPlace) else view.first_mention()

    def highlighted_quote(self) -> QuoteSpot | None:
        """The highlighted row's quote, if it is in the Quotes section."""
        return self.query_one(DossierView).query_one(NavList).highlighted_quote

    def highlighted(self) -> Highlighted:
        """`c` corrects this actor, and the quote or mention highlighted in its dossier; `m` merges this actor."""
        rows = self.query_one(DossierView).query_one(NavList)
        place = rows.highlighted_place
        spots = (place,) if isinstance(place, TextPlace) and rows.highlighted_quote is None else ()
        return Highlighted(self.actor_id, rows.highlighted_quote, spots)

    def after_correction(self) -> None:
        """Load the dossier again: quotes, mentions or the actor itself may have changed (or gone)."""
        self.fetch("dossier", queries.dossier, self.actor_id, SHOWN, then=self._show_corrected)

    def _show_corrected(self, dossier: Dossier | None) -> None:
        """Display the corrected dossier; an actor merged away or removed takes you back where you were."""
        if dossier is None:
            self.notify("The actor was merged or removed; u undoes it.", title="Dossier")
            self.action_go_back()
            return
        self._show(dossier)

    def export_scope(self) -> Scope | None:
        """The actor with the quotes, mentions, events and sources the dossier lists."""
        dossier = self.query_one(DossierView).dossier
        if dossier is None:
            return None
        documents = {m.document_id for m in dossier.mentions} | {q.document_id for q in dossier.quotes}
        return {"documents": ("id", sorted(documents)), "actors": ("id", [dossier.actor.id]),
                "quotes": ("id", [q.id for q in dossier.quotes]), "mentions": ("actor_id", [dossier.actor.id]),
                "events": ("id", [e.id for e in dossier.events]), "citations": ("id", [c.id for c in dossier.sources])}

    def remake(self) -> ExplorerScreen:
        """The same actor's dossier."""
        return DossierScreen(self.actor_id)

    def highlighted_spot(self) -> TextPlace | None:
        """The highlighted quote, mention (its passage), event or source."""
        place = self.query_one(DossierView).query_one(NavList).highlighted_place
        return place if isinstance(place, TextPlace) else None

    def action_next_section(self) -> None:
        """Jump to the next section (quotes, mentions, connections, events, sources)."""
        self.query_one(DossierView).query_one(NavList).jump_group(1)

    def action_previous_section(self) -> None:
        """Jump to the previous section."""
        self.query_one(DossierView).query_one(NavList).jump_group(-1)
