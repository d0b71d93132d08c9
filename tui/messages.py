"""App-wide messages: requests to go somewhere, answered by the App's history of screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass(frozen=True)
class ActorPlace:
    """An actor's dossier as a destination."""

    actor_id: int


@dataclass(frozen=True)
class TextPlace:
    """A spot in a document as a destination: the reader opens there and highlights start..end."""

    document_id: int
    passage_id: int
    start: int
    end: int
    actor_id: int | None = None
    """The actor whose mentions n/N step through, if the spot belongs to one."""


Place = ActorPlace | TextPlace


class Navigate(Message):
    """Ask the App to open a place, pushing it onto the history so escape comes back."""

    def __init__(self, place: Place) -> None:
        """Carry the place to open."""
        super().__init__()
        self.place = place
