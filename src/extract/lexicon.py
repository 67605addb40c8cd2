"""The extractor's word lists, read once from the YAML files in data/ (source quirks are data)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """data/<name>.yaml, parsed; read once per process."""
    text = resources.files(__package__).joinpath("data", f"{name}.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def alternation(phrases, *, flexible_space: bool = True) -> str:
    """A regex alternation of ``phrases``, longest first; spaces match any run of spaces."""
    ordered = sorted({str(p) for p in phrases}, key=len, reverse=True)
    escaped = (re.escape(p) for p in ordered)
    if flexible_space:
        escaped = (e.replace(r"\ ", r"\s+") for e in escaped)
    return "(?:" + "|".join(escaped) + ")"


def inverted(mapping: dict[str, list[str]]) -> dict[str, str]:
    """{qualifier: [words]} -> {word: qualifier}."""
    return {str(word).lower(): key for key, words in mapping.items() for word in words}
