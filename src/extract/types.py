"""The two values the extractor hands to the loader: a mention and an extracted fact."""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass(frozen=True, slots=True)
class NameProposal:
    """A name the database does not know, found beside a fact (extract/names.py): proposed to
    the reviewer as a new organisation or person, never added by itself."""

    kind: Literal["organization", "person"]
    name: str  # as the database would write it ("Ministry of Energy of Kazakhstan")
    char_start: int  # the words in the text: text[char_start:char_end]
    char_end: int
    role: str  # its role in the fact: a party role, a project role, or "attributed"
    organization_kind: str | None = None  # organizations.kind, for an organisation
    position: str | None = None  # the title it stands with, for a person
    country: str | None = None  # iso3 of a possessive or demonym before it
    confidence: float = 0.6


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
    # Names beside the fact that the database does not know (extract/names.py).
    names: list[NameProposal] = field(default_factory=list)
