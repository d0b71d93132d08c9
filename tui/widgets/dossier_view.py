"""An actor's dossier: who they are, then their quotes, mentions, connections, events and sources."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.queries import CitationView, Connection, Dossier, EventView, MentionView, QuoteView
from tui.messages import ActorPlace, TextPlace
from store.nouns import counted_noun
from tui.widgets.kwic import kwic_line, where
from tui.widgets.nav_list import Heading, NavList, PlaceOption, counted
from tui.widgets.spans import component_style, mark_quote


def event_date(event: EventView) -> str:
    """An event's date as written in ISO form, with a range shown as a range."""
    return f"{event.date} → {event.end_date}" if event.end_date else event.date


def section(title: str, rows: list[Option], total: int) -> tuple[str, list[Option]]:
    """A section of rows under its title with their count."""
    return counted(title, len(rows), total), rows


def first_mention(dossier: Dossier) -> TextPlace | None:
    """Where the dossier's actor is first mentioned, if anywhere."""
    if not dossier.mentions:
        return None
    m = dossier.mentions[0]
    return TextPlace(m.document_id, m.passage_id, m.start, m.end, m.actor_id)


class DossierView(Vertical):
    """Shows one Dossier; its list opens the reader at a quote or mention, or another dossier."""

    COMPONENT_CLASSES = {"dossier-view--mark", "dossier-view--dim"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """Start empty until a dossier is shown."""
        super().__init__(id=id, classes=classes)
        self.dossier: Dossier | None = None
        self.titles: dict[int, str] = {}
        """Document titles by id; with more than one, rows say which document they are from."""
        self.echoes: dict[int, int] = {}
        """For quotes whose words other documents quote too, in how many (L lists them)."""

    def compose(self) -> ComposeResult:
        """A heading block above the list of everything else."""
        yield Static("Loading…", id="dossier-head")
        yield NavList(id="dossier-items")

    def on_resize(self) -> None:
        """Re-cut keyword-in-context lines to the new width, keeping the highlighted row."""
        if self.dossier is not None:
            self.show(self.dossier)

    def show(self, dossier: Dossier) -> None:
        """Display a dossier, keeping the highlight when it is the same actor as before."""
        items = self.query_one("#dossier-items", NavList)
        same = self.dossier is not None and self.dossier.actor.id == dossier.actor.id
        keep = items.highlighted if same else None
        self.dossier = dossier
        self.query_one("#dossier-head", Static).update(self._head(dossier))
        items.set_options(self._options(dossier))
        items.highlighted = keep if keep is not None else (1 if items.option_count > 1 else None)

    @property
    def _actor_id(self) -> int | None:
        """The shown actor, whose mentions the reader steps through from any row."""
        return self.dossier.actor.id if self.dossier else None

    def _head(self, dossier: Dossier) -> Content:
        """Name, kind, title, aliases and counts."""
        actor = dossier.actor
        dim = component_style(self, "dossier-view--dim")
        lines = [
            Content.styled(actor.name, "bold"),
            Content(" · ".join(filter(None, [actor.kind, actor.title]))),
        ]
        if dossier.aliases:
            lines.append(Content.assemble(("also ", dim), ", ".join(dossier.aliases)))
        spoken_for = [f"{dossier.affiliated_total:,} for it"] if dossier.affiliated_total else []
        counts = " · ".join([counted_noun(actor.mentions, "mention"), counted_noun(actor.quotes, "quote"),
                             *spoken_for, counted_noun(actor.documents, "document")])
        if len(dossier.mentions) < dossier.mention_total:
            counts += f" · first {len(dossier.mentions):,} mentions listed"
        lines.append(Content.styled(counts, dim))
        return Content("\n").join(lines)

    def _options(self, dossier: Dossier) -> list[Option]:
        """Every section as a heading followed by its openable rows."""
        connections: list[Option] = list(map(self._connection, dossier.connections))
        sections: list[tuple[str, list[Option]]] = [
            section("Quotes", [self._quote(q) for q in dossier.quotes], dossier.quote_total),
            section("Quotes of those who speak for it", [self._quote(a.quote, a.via) for a in dossier.affiliated],
                    dossier.affiliated_total),
            *self._mention_sections(dossier),
            section("Connections", connections, dossier.connection_total),
            section("Events", list(map(self._event, dossier.events)), dossier.event_total),
            section("Sources", [self._source(c) for c in sorted(dossier.sources, key=self._not_own)],
                    dossier.source_total),
        ]
        return list(self._with_headings(sections))

    def _not_own(self, citation: CitationView) -> bool:
        """Sort key putting an outlet's own citations before others near its mentions."""
        return citation.outlet_actor_id != self._actor_id

    def _mention_sections(self, dossier: Dossier) -> list[tuple[str, list[Option]]]:
        """Mentions, in one section per document when the store has several."""
        if len(self.titles) < 2:
            return [section("Mentions", self._mentions(dossier.mentions), dossier.mention_total)]
        by_document: dict[int, list[MentionView]] = {}
        for mention in dossier.mentions:
            by_document.setdefault(mention.document_id, []).append(mention)
        return [
            section(f"Mentions in {self.titles.get(document_id, '?')}", self._mentions(mentions), 0)
            for document_id, mentions in by_document.items()
        ]

    @staticmethod
    def _with_headings(sections: Iterable[tuple[str, list[Option]]]) -> Iterable[Option]:
        """Put its heading over each non-empty section."""
        for title, rows in sections:
            if rows:
                yield Heading(title)
                yield from rows

    def _quote(self, quote: QuoteView, via: str | None = None) -> PlaceOption:
        """A quote inside its reporting sentence, with where it is (and, said for the actor, by whom)."""
        mark = component_style(self, "dossier-view--mark")
        dim = component_style(self, "dossier-view--dim")
        body = mark_quote(quote.context, quote.text, mark)
        document = self.titles.get(quote.document_id) if len(self.titles) > 1 else None
        echoes = self.echoes.get(quote.id, 0)
        also = f" · also in {echoes} document{'s' * (echoes != 1)} (L)" if echoes else ""
        spot = where(quote.section, quote.paragraph, document) + also
        prompt = Content.assemble(body, "\n", (f"for it: {via} · {spot}" if via else spot, dim))
        place = TextPlace(quote.document_id, quote.passage_id, quote.start, quote.end, quote.speaker_id)
        return PlaceOption(prompt, place, quote_id=quote.id)

    def _mentions(self, mentions: Sequence[MentionView]) -> list[Option]:
        """Keyword-in-context lines cut to the list's width."""
        mark = component_style(self, "dossier-view--mark")
        width = max(self.query_one("#dossier-items").scrollable_content_region.width - 1, 40)
        return [
            PlaceOption(
                kwic_line(m, width, mark), TextPlace(m.document_id, m.passage_id, m.start, m.end, m.actor_id)
            )
            for m in mentions
        ]

    @staticmethod
    def _connection(connection: Connection) -> PlaceOption:
        """A co-mentioned actor with how many passages they share."""
        prompt = Content(f"{connection.shared_passages:>4}  {connection.name}  ({connection.kind})")
        return PlaceOption(prompt, ActorPlace(connection.actor_id))

    def _event(self, event: EventView) -> PlaceOption:
        """A dated event."""
        prompt = Content.assemble((event_date(event), "bold"), "  ", event.description)
        place = TextPlace(event.document_id, event.passage_id, event.start, event.end, self._actor_id)
        return PlaceOption(prompt, place)

    def _source(self, citation: CitationView) -> PlaceOption:
        """A citation in a passage mentioning the actor."""
        outlet = citation.outlet or "(outlet lost)"
        prompt = Content.assemble((outlet, "bold"), f"  {citation.date or ''}  ", citation.excerpt)
        spot = (citation.document_id, citation.passage_id, citation.start, citation.end)
        place = TextPlace(*spot, self._actor_id)
        return PlaceOption(prompt, place)

    def first_mention(self) -> TextPlace | None:
        """Where the shown actor is first mentioned, if anywhere."""
        return None if self.dossier is None else first_mention(self.dossier)

    def focus_items(self) -> None:
        """Put keyboard focus on the list."""
        self.query_one("#dossier-items", OptionList).focus()
