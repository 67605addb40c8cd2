"""Fact extraction from article text: the room the article loader (silkledger ingest) calls.

    gazetteer = Gazetteer.from_connection(connection)   # once per run
    extractor = Extractor(gazetteer)                     # compiles its patterns once per run
    gazetteer.mentions(text) -> list[Mention]
    extractor.extract(text, published) -> list[ExtractedFact]

The extractor is rule-based, deterministic and offline; ``extractor.py`` documents its rules.
It imports the models (for enumerations and names) and never the loaders.
"""

from .extractor import EXTRACTOR_NAME, EXTRACTOR_VERSION, Extractor
from .gazetteer import Gazetteer
from .types import ExtractedFact, Mention

__all__ = [
    "EXTRACTOR_NAME",
    "EXTRACTOR_VERSION",
    "ExtractedFact",
    "Extractor",
    "Gazetteer",
    "Mention",
]
