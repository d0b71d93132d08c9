"""Why: how the highlighted quote was attributed, in plain words, with its cue words marked."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from store.queries import QuoteAttribution

RULES = {
    "transcript_turn": "a transcript's speaker label opens the quote (“PENCE: …”) and names the one person "
                       "with that surname",
    "cue_before": "a reporting verb just before the quote has the speaker as its subject",
    "cue_after": "a reporting verb right after the quote names the speaker",
    "cue_after_pronoun": "a reporting verb right after the quote has a pronoun for the speaker "
                         "(he, she, they), resolved to who the passage is about",
    "signature": "a dash after the quote signs it with the speaker's name (“…” ― Jane Doe)",
    "sentence_tag": "the sentence holding the quote ends with a reporting clause that names the speaker "
                    "(“…, Warren said.”)",
    "according_to": "“according to” (or “per”) names the speaker",
    "colon": "the speaker opens the sentence and a colon introduces the quote",
    "lead_in": "the paragraph before ends with the speaker and a colon, and this paragraph is the quote",
    "same_sentence": "an earlier quote in the same sentence has this speaker and no new reporting verb "
                     "comes between",
    "reported_speech": "the quote is part of reported speech whose verb has the speaker as its subject",
    "speech_noun": "the quote belongs to the speaker's statement (“X's announcement that …”)",
    "split_quote": "the quote goes on from the speaker's quote just before it in the same paragraph",
    "paragraph_carry": "the paragraph opens with a quote and names no one, so the speech of the "
                       "paragraph before goes on",
    "beat": "a short sentence just before the quote is about the speaker (“He paused.”)",
    "context": "the sentence before the quote reports the speaker's words or stance",
}
"""The sieve's steps (store/extract/sieve.py) said in one sentence each."""
NO_SPEAKER = "No speaker: no reporting clause names one."
NO_RECORD = ("No record of how the speaker was chosen: the quote was stored before records were kept "
             "(ingest the document again to get one).")
KINDS = {"speech": "speech", "phrase": "a phrase in quotation marks", "title": "a title"}


def explanation(why: QuoteAttribution) -> str:
    """How the speaker was chosen, in one sentence (or why there is none)."""
    if why.speaker is None:
        return "No speaker: cleared by hand (a correction)." if why.corrected else NO_SPEAKER
    if why.rule is None:
        return NO_RECORD
    if why.corrected:
        return "Set by hand (a correction; u undoes it, the Corrections screen lists it)."
    said = RULES.get(why.rule, f"the step “{why.rule}” named the speaker")
    return f"Chosen because {said}."


def weighed(why: QuoteAttribution) -> str:
    """The candidates passed over and the steps that found nothing, one line each ('' when none)."""
    lines = [f"· {candidate.actor}: {candidate.reason}" for candidate in why.candidates]
    if lines:
        lines.insert(0, "Also named, and why not them:")
    if why.passed:
        lines.append("Tried first, found nothing: " + ", ".join(why.passed))
    return "\n".join(lines)


def marked_sentence(why: QuoteAttribution, quote_style: str, cue_style: str) -> Text:
    """The reporting sentence with the quote and, over it, the cue words styled."""
    text = Text(why.sentence)
    text.stylize(quote_style, *why.quote_span)
    if why.cue_span is not None:
        text.stylize(cue_style, *why.cue_span)
    return text


class WhyScreen(ModalScreen[None]):
    """A small box over the screen: speaker, the rule in plain words, the sentence with its cue marked."""

    BINDINGS = [Binding("escape", "close", "Close", priority=True),
                Binding("enter,L", "lineage", "Lineage", key_display="enter")]

    def __init__(self, why: QuoteAttribution, echoes: int = 0) -> None:
        """Explain the given (already printable) attribution; ``echoes`` other documents quote its words."""
        super().__init__()
        self.why = why
        self.echoes = echoes

    def compose(self) -> ComposeResult:
        """Title, speaker, rule, the sentence, and how to close."""
        why = self.why
        speaker = why.speaker or "nobody"
        rule = f" · rule {why.rule}" if why.rule else ""
        with VerticalScroll(id="why-box"):
            yield Static("Why this speaker?", id="why-title", markup=False)
            yield Static(f"Speaker: {speaker} · {KINDS.get(why.kind, why.kind)}{rule}", id="why-speaker",
                         markup=False)
            yield Static(explanation(why), id="why-rule", markup=False)
            if why.cue is not None:
                yield Static(Text.assemble("Cue: ", (why.cue, "bold reverse")), id="why-cue")
            yield Static(marked_sentence(why, "italic", "bold reverse"), id="why-sentence")
            if weighed(why):
                yield Static(weighed(why), id="why-weighed", markup=False)
            if self.echoes:
                plural = "s" * (self.echoes != 1)
                yield Static(f"Also in {self.echoes} other document{plural}: enter (or L) lists them, oldest first.",
                             id="why-echoes", markup=False)
            yield Static("escape closes", id="why-hint", markup=False)

    def action_close(self) -> None:
        """Back to the screen below."""
        self.dismiss()

    def action_lineage(self) -> None:
        """Close the box and list the documents quoting the same words (if another document does)."""
        from tui.screens.lineage import LineageScreen

        if not self.echoes:
            self.notify("No other document quotes these words.", title="Lineage")
            return
        self.dismiss()
        self.app.push_screen(LineageScreen(self.why.quote_id))
