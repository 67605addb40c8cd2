"""The two values the extractor hands to the loader: a mention and an extracted fact."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

MentionKind = Literal["country", "organization", "person", "project"]
FactKind = Literal["trade_flow", "agreement", "project", "event", "indicator"]
FACT_KINDS: tuple[str, ...] = ("trade_flow", "agreement", "project", "event", "indicator")


@dataclass(frozen=True, slots=True)
class Mention:
    """One name found in a text: ``text[char_start:char_end] == self.text``."""

    kind: MentionKind
    key: str  # countries: iso3; organizations, people, projects: their ``key``
    char_start: int
    char_end: int
    text: str


@dataclass(slots=True)
class ExtractedFact:
    """One fact with its citation; ``fields`` has the shape of the seed record of its kind."""

    kind: FactKind
    fields: dict[str, Any]
    confidence: float
    quote: str
    char_start: int
    char_end: int
    stated_value: str | None = None
    note: str | None = None
    # An event mention that points back at one already named ("the talks", "the visit", "the
    # leaders first met"): merged into that event, never a new one when there is one.
    refers_back: bool = False
