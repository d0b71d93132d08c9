"""The screen every explorer screen builds on: back navigation and store queries off the UI thread."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import partial
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList
from textual.worker import Worker, get_current_worker

from store import queries
from store.db import Store, StoreError
from store.queries import QuoteAttribution
from tui.messages import TextPlace
from tui.screens.printable import printable
from tui.widgets.attached import in_history
from tui.widgets.nav_list import PlaceOption

if TYPE_CHECKING:
    from store.corrections import Correction
    from store.evidence import Evidence
    from store.export import Scope

T = TypeVar("T")
WHY = Binding("w", "why", "Why")
"""`w` on screens that show quotes: how the highlighted quote was attributed."""
CORRECT = Binding("c", "correct", "Fix")
"""`c` on screens that show actors, quotes or mentions: correct the highlighted one with the picker."""
MERGE = Binding("m", "merge", "Merge actor", show=False)
"""`m` on screens that show actors: merge the highlighted actor into another, picked with the picker (in the
help, not the footer, which `c` shares: its menu merges too)."""
COPY = Binding("y", "copy", "Copy")
"""`y` on screens that show text: copy the highlighted quote or passage with its citation (OSC 52)."""
PIN = Binding("b", "pin", "Pin")
"""`b` on screens that show text: pin the highlighted quote, passage, event or citation to the board."""
LINEAGE = Binding("L", "lineage", "Lineage")
"""`L` on a quote: the same words quoted in other documents, oldest first."""
EXPORT = Binding("e", "export", "Export")
"""`e`: write what the screen shows to a file in the current folder, named after the screen."""
CITE = [COPY, PIN, EXPORT]
LETTERS = {"why", "copy", "pin", "export", "lineage", "correct", "merge"}
"""Screen actions on letter keys, which a focused text box types instead."""
QuoteSpot = int | tuple[TextPlace, ...]
"""A quote `w` explains: its id, or spots of text to try in turn (the innermost quote holding one)."""


def astuple(spot: TextPlace) -> tuple[int, int, int, int]:
    """A spot as the arguments of ``evidence_at``: document, start, end, passage."""
    return spot.document_id, spot.start, spot.end, spot.passage_id


def attribution_near(store: Store, spots: tuple[TextPlace, ...]) -> QuoteAttribution | None:
    """The attribution of the quote holding the first of the spots that is in a quote, or None."""
    for spot in spots:
        found = queries.attribution_at(store, spot.document_id, spot.start, spot.end)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class Highlighted:
    """What the user points at for `c` and `m`: an actor, a quote, and spots of text (a mention or a quote)."""

    actor_id: int | None = None
    quote_id: int | None = None
    spots: tuple[TextPlace, ...] = ()

    def spans(self) -> tuple[tuple[int, int, int], ...]:
        """The spots as (document id, start, end)."""
        return tuple((spot.document_id, spot.start, spot.end) for spot in self.spots)


def worker_cancelled() -> bool:
    """In a worker's thread: whether the worker was cancelled (a long read given this stops early)."""
    return get_current_worker().is_cancelled


class ExplorerScreen(Screen[None]):
    """A screen in the explorer's history; escape goes back to the one before it."""

    # Priority, like the App's screen keys: escape takes effect before the keys typed after it are
    # handed on, so "escape /kery" typed fast searches for kery instead of typing into the old box.
    BINDINGS = [
        Binding("escape", "go_back", "Back", priority=True),
        # The App's ? again, on the screen: the footer lists a screen's keys before the App's, so at 80
        # columns "? Help" shows next to "esc Back" instead of being cut off at the end.
        Binding("question_mark", "app.open_help", "Help"),
    ]

    class QueryDone(Message):
        """A store query finished in a thread; its result is applied on the UI thread."""

        def __init__(self, apply: Callable[[Any], object], result: object) -> None:
            """Carry the result and the method that shows it."""
            super().__init__()
            self.apply = apply
            self.result = result

    @property
    def store(self) -> Store:
        """The store the App explores."""
        return self.app.store  # type: ignore[attr-defined, no-any-return]

    def on_screen_resume(self) -> None:
        """Coming back (from the palette, say) may change which keys apply: redraw the footer."""
        self.refresh_bindings()

    def reader_place(self) -> TextPlace | None:
        """Where `r` should open the reader from this screen; None means the first document."""
        return None

    def remake(self) -> ExplorerScreen | None:
        """A new screen like this one, for going forward to it again after going back; None: cannot."""
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`w`, `y`, `b`, `e`, `c` and `m` are letters a focused text box types: they apply only outside one."""
        return not (action in LETTERS and isinstance(self.app.focused, Input))

    def highlighted_quote(self) -> QuoteSpot | None:
        """The quote `w` explains on this screen; None when no quote is highlighted."""
        return None

    def highlighted_spot(self) -> TextPlace | None:
        """The text `y` copies and `b` pins on this screen; None when nothing is highlighted."""
        return None

    def action_copy(self) -> None:
        """Copy the highlighted quote or passage with its full citation to the terminal's clipboard."""
        spot = self.highlighted_spot()
        if spot is None:
            self.notify("Nothing to copy here: move to a quote, passage, event or citation.", title="Copy")
            return
        from store.evidence import evidence_at  # the board's modules load when first used, not at start-up

        # Raw: the clipboard gets the text exactly as stored (OSC 52 carries it base64-encoded).
        self.fetch("cite", evidence_at, *astuple(spot), then=self._copied, raw=True)

    def _copied(self, evidence: Evidence | None) -> None:
        """Put the evidence and its citation on the clipboard and say so."""
        if evidence is None:
            self.notify("That text is no longer in the store.", title="Copy", severity="warning")
            return
        from store.evidence import quoted

        self.app.copy_to_clipboard(quoted(evidence))
        self.notify(f"{evidence.kind.capitalize()} copied with its citation.", title="Copied")

    def export_scope(self) -> Scope | None:
        """The rows of the JSON export this screen shows (for `e`); None when it shows none."""
        return None

    def export_build(self) -> tuple[str, Callable[[Store], str]] | None:
        """The file suffix and the export of what this screen shows; None when there is nothing."""
        from store import export  # with the corrections it reads: not before the first export

        scope = self.export_scope()
        return None if scope is None else (".json", partial(export.part, scope=scope))

    def action_export(self) -> None:
        """Write what this screen shows to a new file in the current folder, named after the screen."""
        built = self.export_build()
        if built is None:
            self.notify("Nothing to export on this screen yet.", title="Export")
            return
        from tui.export_file import write_export

        folder = self.app.export_folder  # type: ignore[attr-defined]
        stem = (self.TITLE or "export").lower()
        self.fetch("export", write_export, folder, stem, *built, then=self._exported, raw=True)

    def _exported(self, outcome: str) -> None:
        """Say where the export went, or why it could not be written."""
        failed = outcome.startswith("Could not")
        self.notify(outcome if failed else f"Exported to {outcome}", title="Export",
                    severity="error" if failed else "information")

    def action_lineage(self) -> None:
        """List every document quoting the highlighted quote's words, oldest first."""
        spot = self.highlighted_quote()
        if not isinstance(spot, int):
            self.notify("No quote is highlighted: move to a quote, then press L.", title="Lineage")
            return
        from tui.screens.lineage import LineageScreen

        self.app.push_screen(LineageScreen(spot))

    def action_pin(self) -> None:
        """Pin the highlighted quote, passage, event or citation to the evidence board."""
        spot = self.highlighted_spot()
        if spot is None:
            self.notify("Nothing to pin here: move to a quote, passage, event or citation.", title="Pin")
        elif self.writable("Pins"):
            from store import board

            self.fetch("pin", board.pin_at, *astuple(spot), then=self._pinned)

    def writable(self, what: str) -> bool:
        """True if the store can be written; otherwise say that ``what`` cannot be saved."""
        if self.store.readonly:
            self.notify(f"This store is read-only: {what.lower()} cannot be saved.", title=what,
                        severity="warning")
        return not self.store.readonly

    def _pinned(self, pinned: tuple[Evidence, bool] | None) -> None:
        """Say what was pinned, or that it was there already."""
        if pinned is None:
            self.notify("That text is no longer in the store.", title="Pin", severity="warning")
            return
        evidence, added = pinned
        kind = evidence.kind.capitalize()
        self.notify(f"{kind} pinned to the board (B)." if added else f"{kind} is on the board already.",
                    title="Pinned")

    def action_why(self) -> None:
        """Explain how the highlighted quote was attributed, or say there is no quote to explain."""
        spot = self.highlighted_quote()
        if spot is None:
            self.notify("No quote is highlighted: move to a quote, then press w.", title="Why")
        elif isinstance(spot, int):
            self.fetch("why", queries.attribution, spot, then=self._explain)
        else:
            self.fetch("why", attribution_near, spot, then=self._explain)

    def _explain(self, why: QuoteAttribution | None) -> None:
        """Open the why box over this screen, or say the spot holds no quote."""
        if why is None:
            self.notify("There is no quote here: w explains how a quote's speaker was chosen.", title="Why")
            return
        from store.lineage import echo_counts  # not at start-up: it loads the date patterns

        self.fetch("echoes", echo_counts, [why.quote_id], then=partial(self._show_why, why))

    def _show_why(self, why: QuoteAttribution, echoes: dict[int, int]) -> None:
        """Open the why box, saying in how many other documents the quote's words are quoted."""
        from tui.screens.why import WhyScreen

        self.app.push_screen(WhyScreen(why, echoes.get(why.quote_id, 0)))

    def highlighted(self) -> Highlighted:
        """What `c` corrects here: by default the highlighted quote (by id or by the text under the cursor)."""
        spot = self.highlighted_quote()
        return Highlighted(quote_id=spot) if isinstance(spot, int) else Highlighted(spots=spot or ())

    def can_save(self) -> bool:
        """True if corrections can be saved; on a read-only store, say so (a notice, not a failure)."""
        if self.store.readonly:
            self.notify("This store is read-only, so corrections can't be saved.", title="Read-only",
                        severity="warning")
        return not self.store.readonly

    def action_correct(self) -> None:
        """Offer the corrections that fit the highlighted actor, quote or mention."""
        pointed = self.highlighted()
        if not self.can_save():
            return
        if pointed == Highlighted():
            self.notify("Nothing is highlighted: move to an actor, a quote or a mention, then press c.",
                        title="Correct")
            return
        # Imported on first use, as the other screens are: correcting is not needed to start.
        from store.correction_targets import targets
        from tui.screens.correcting import offer

        self.fetch("correct", targets, pointed.actor_id, pointed.quote_id, pointed.spans(),
                   then=partial(offer, self))

    def action_merge(self) -> None:
        """Merge the highlighted actor into another one, picked by typing part of its name."""
        actor_id = self.highlighted().actor_id
        if not self.can_save():
            return
        if actor_id is None:
            self.notify("No actor is highlighted: m merges an actor into another.", title="Merge")
            return
        from tui.screens.correcting import merge_from

        merge_from(actor_id, self)

    def corrected(self, correction: Correction) -> None:
        """Say what a saved correction did (and that u takes it back), then show the store as it is now."""
        stale = " (it no longer applies: stale)" if correction.stale else ""
        self.notify(f"{correction.summary}{stale} · u undoes", title="Corrected")
        self.after_correction()

    def action_undo(self) -> None:
        """Undo the last correction (saved in a thread, like every write)."""
        from store.corrections import undo

        if not self.can_save():
            return
        self.fetch("correct", undo, then=self.undone)

    def undone(self, correction: Correction | None) -> None:
        """Say what an undo took back, then show the store as it is now."""
        if correction is None:
            self.notify("Nothing to undo: there are no corrections.", title="Undo")
            return
        self.notify(f"Undone: {correction.summary}", title="Undo")
        self.after_correction()

    def after_correction(self) -> None:
        """Reload what this screen shows after a correction or an undo (screens that show actors or quotes do)."""

    def action_go_back(self) -> None:
        """Return to the previous screen in the history."""
        self.app.action_go_back()  # type: ignore[attr-defined]

    def fetch(
        self, group: str, fn: Callable[..., T], *args: object, then: Callable[[T], object], raw: bool = False
    ) -> Worker[None]:
        """Run fn(store, *args) in a thread worker; a newer query of the same group supersedes it. The
        result's text is made printable unless ``raw`` (the caller then shows it through `visible`)."""
        work = partial(self._fetch_in_thread, fn, args, then, raw)
        return self.run_worker(work, thread=True, exclusive=True, group=group, name=fn.__name__)

    def _fetch_in_thread(
        self, fn: Callable[..., T], args: tuple[object, ...], then: Callable[[T], object], raw: bool
    ) -> None:
        """Thread body: query, then hand the result to the UI thread unless cancelled meanwhile."""
        try:
            result = fn(self.store, *args)
            result = result if raw else printable(result)
        except StoreError as error:
            self.report_from_thread(error)
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.QueryDone(then, result))

    def report_from_thread(self, error: StoreError) -> None:
        """Tell the user, from a worker thread, that the store failed (a routine failure, not a crash)."""
        self.app.call_from_thread(self.notify, str(error), title="Store error", severity="error")

    @on(OptionList.OptionHighlighted)
    def _preview_passage(self, event: OptionList.OptionHighlighted) -> None:
        """Load the passage a highlighted row leads to into the screen's preview, if it has one."""
        place = event.option.preview if isinstance(event.option, PlaceOption) else None
        if place is None:
            return
        # Only the screens that show a preview need it (they import it): not the first screen's start.
        from tui.widgets.passage_preview import PassagePreview

        previews = self.query(PassagePreview)
        if previews:
            show = partial(previews.first().show, place=place)
            self.fetch("context", queries.passage_neighbours, place.passage_id, 2, then=show)

    @on(QueryDone)
    async def _apply_query(self, message: QueryDone) -> None:
        """Show a finished query's result (the showing method may be async), unless the screen closed."""
        message.stop()
        if not in_history(self):
            return
        outcome = message.apply(message.result)
        if inspect.isawaitable(outcome):
            await outcome
