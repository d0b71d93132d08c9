"""How a screen corrects what is highlighted: offer the corrections that fit, ask what they need with the
fuzzy picker, then save through store/corrections.py in a thread (the explorer writes no SQL)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from store import corrections, queries
from store.correction_targets import ActorTarget, QuoteTarget, Targets
from store.kinds import ACTOR_KINDS, QUOTE_KINDS
from store.queries import ActorSummary
from tui.screens.picker import Choice, PickerScreen

if TYPE_CHECKING:
    from tui.screens.base import ExplorerScreen

Step = Callable[["ExplorerScreen"], object]
"""What picking a correction does next: ask for more, or save."""


def offer(screen: ExplorerScreen, found: Targets) -> None:
    """Open the picker on the corrections that fit what was found, or say there are none."""
    choices = [*_quote_choices(found.quote), *_mention_choices(found), *_actor_choices(found.actor)]
    if not choices:
        screen.notify("Nothing to correct here: highlight an actor, a quote or a mention.", title="Correct")
        return
    screen.app.push_screen(PickerScreen("Correct what?", choices), partial(_then, screen))


def _then(screen: ExplorerScreen, step: Step | None) -> None:
    """Take the picked step, unless the picker was cancelled."""
    if step is not None:
        step(screen)


def _quote_choices(quote: QuoteTarget | None) -> list[Choice]:
    """Set, change or clear the speaker; make the quote another kind."""
    if quote is None:
        return []
    short = f"“{quote.text[:30]}…”" if len(quote.text) > 30 else f"“{quote.text}”"
    speaker = partial(pick_actor, title="Who said it?", then=partial(_save, corrections.set_speaker, quote.id))
    choices = [Choice(f"Set the speaker of {short}", f"now {quote.speaker or 'nobody'}", speaker)]
    if quote.speaker is not None:
        choices.append(Choice(f"Clear the speaker of {short}", f"now {quote.speaker}",
                              partial(_save, corrections.set_speaker, quote.id, None)))
    choices += [Choice(f"Make {short} a {kind}", f"now {quote.kind}", partial(_save, corrections.set_quote_kind,
                                                                             quote.id, kind))
                for kind in QUOTE_KINDS if kind != quote.kind]
    return choices


def _mention_choices(found: Targets) -> list[Choice]:
    """Detach the mention under the cursor from its actor."""
    mention = found.mention
    if mention is None:
        return []
    return [Choice(f"Detach “{mention.text}” from {mention.actor}", "this mention only",
                   partial(_save, corrections.detach_mention, mention.id))]


def _actor_choices(actor: ActorTarget | None) -> list[Choice]:
    """Merge, rename, set the kind, or say it is not an actor."""
    if actor is None:
        return []
    renames = [Choice(f"Rename {actor.name}…", "type its canonical name", partial(_rename, actor))]
    if actor.aliases:
        renames.append(Choice(f"Call {actor.name} by another of its names…", ", ".join(actor.aliases),
                              partial(_canonical, actor)))
    return [
        Choice(f"Merge {actor.name} into…", "pick the other actor", partial(merge_from, actor.id)),
        *renames,
        Choice(f"Set the kind of {actor.name}…", f"now {actor.kind}", partial(_kind, actor)),
        Choice(f"{actor.name} is not an actor", "its mentions go, its quotes lose their speaker",
               partial(_save, corrections.not_an_actor, actor.id)),
    ]


def merge_from(actor_id: int, screen: ExplorerScreen) -> None:
    """Pick the actor to merge ``actor_id`` into, then merge."""
    pick_actor(screen, title="Merge {} into which actor?", then=partial(_save, corrections.merge_actors, actor_id),
               leave_out=actor_id)


def pick_actor(screen: ExplorerScreen, title: str, then: Callable[..., object], leave_out: int | None = None) -> None:
    """Load every actor, let the user pick one with the fuzzy picker, then call ``then(actor_id, screen)``.
    A ``{}`` in the title is the left-out actor's name."""
    def show(actors: Sequence[ActorSummary]) -> None:
        """Open the picker on the loaded actors."""
        choices = [Choice(a.name, f"{a.kind} · {a.mentions} mentions", a.id) for a in actors if a.id != leave_out]
        named = title.format(next((a.name for a in actors if a.id == leave_out), "this actor"))
        screen.app.push_screen(PickerScreen(named, choices),
                               lambda picked: None if picked is None else then(picked, screen))

    screen.fetch("correct", queries.actors, then=show)


def _rename(actor: ActorTarget, screen: ExplorerScreen) -> None:
    """Ask for the new canonical name (the current one to edit), then rename."""
    screen.app.push_screen(PickerScreen(f"New name for {actor.name}", typed=actor.name),
                           lambda name: None if not name or name == actor.name
                           else _save(corrections.rename_actor, actor.id, name, screen))


def _canonical(actor: ActorTarget, screen: ExplorerScreen) -> None:
    """Pick which of the actor's other names is its canonical one (the current name becomes an alias)."""
    choices = [Choice(alias, "", alias) for alias in actor.aliases]
    screen.app.push_screen(PickerScreen(f"Which name is {actor.name}'s own?", choices),
                           lambda name: None if name is None else _save(corrections.rename_actor, actor.id, name,
                                                                         screen))


def _kind(actor: ActorTarget, screen: ExplorerScreen) -> None:
    """Pick the actor's kind, then set it."""
    choices = [Choice(kind, "", kind) for kind in ACTOR_KINDS if kind != actor.kind]
    screen.app.push_screen(PickerScreen(f"{actor.name} is a…", choices),
                           lambda kind: None if kind is None else _save(corrections.set_actor_kind, actor.id, kind,
                                                                         screen))


def _save(write: Callable[..., corrections.Correction], *args: Any) -> None:
    """Save a correction in a thread: ``args`` are the write's arguments, then the screen."""
    *values, screen = args
    screen.fetch("correct", write, *values, then=screen.corrected)
