"""The extractor (skeleton: rules land in the next commits)."""

from __future__ import annotations

from datetime import date

from .gazetteer import Gazetteer
from .types import ExtractedFact

EXTRACTOR_NAME = "silkledger-rules"
EXTRACTOR_VERSION = "0.1.0"


class Extractor:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def extract(self, text: str, published: date | None = None) -> list[ExtractedFact]:
        return []
