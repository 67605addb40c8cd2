"""The extractor's word lists, read once from the YAML files in data/ (source quirks are data)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .trie import trie_regex


@cache
def load(name: str) -> Any:
    """data/<name>.yaml, parsed, with the Russian words of data/ru/<name>.yaml merged in and
    each of them in all its inflected forms (lemmas.phrase_forms): one table serves both
    languages, since a Cyrillic phrase never matches English text. Read once per process."""
    data = resources.files(__package__).joinpath("data")
    table = yaml.safe_load(data.joinpath(f"{name}.yaml").read_text("utf-8"))
    russian = data.joinpath("ru", f"{name}.yaml")
    if russian.is_file():
        table = _merged(table, yaml.safe_load(russian.read_text("utf-8")))
    return table


def _merged(english: Any, russian: Any) -> Any:
    """Lists gain the Russian phrases' forms; mappings gain the Russian keys' forms, each with
    its key's value; nested mappings merge key by key."""
    if isinstance(russian, list):
        return list(english or []) + _all_forms(russian)
    if not isinstance(russian, dict):
        return russian if english is None else english
    merged = dict(english or {})
    for key, value in russian.items():
        if isinstance(value, dict | list) or key in merged:
            merged[key] = _merged(merged.get(key), value)
        else:
            for form in _all_forms([key]):
                merged.setdefault(form, value)
    return merged


def _all_forms(phrases: list) -> list:
    from ..lemmas import is_cyrillic, phrase_forms

    forms: list = []
    for phrase in phrases:
        if isinstance(phrase, str) and is_cyrillic(phrase) and not phrase.startswith("="):
            forms += phrase_forms(phrase)
        else:
            forms.append(phrase[1:] if isinstance(phrase, str) and phrase[:1] == "=" else phrase)
    return forms


# Compiled once: re's own cache lookup per call was measurable on the loader's hot path.
_SPACES = re.compile(r"\s+")


def one_space(phrase: str) -> str:
    """``phrase`` with each run of white space as one space: the form the tables' keys use."""
    return _SPACES.sub(" ", phrase)


def alternation(phrases, *, flexible_space: bool = True) -> str:
    """A regex matching any of ``phrases``, longest first, factored as a trie (see trie.py);
    a space in a phrase matches any run of white space."""
    pattern = trie_regex({str(p) for p in phrases})
    if flexible_space:
        pattern = pattern.replace(r"\ ", r"\s+")
    return "(?:" + pattern + ")"


def inverted(mapping: dict[str, list[str]]) -> dict[str, str]:
    """{qualifier: [words]} -> {word: qualifier}."""
    return {str(word).lower(): key for key, words in mapping.items() for word in words}


class PhraseTable:
    """Phrases grouped by category ({category: [phrases]}) as one factored regex.

    ``search``/``finditer`` yield matches; ``category(match)`` says which group the phrase is
    in (the first category listing it wins). A trie-shaped pattern with a first-letter lookahead
    is several times faster than an alternation of named groups, which Python's ``re`` tries
    one by one at every position.
    """

    def __init__(self, table: dict[str, list], *, boundary_chars: str = r"\w-"):
        self.category_of: dict[str, str] = {}
        for category, phrases in table.items():
            for phrase in phrases:
                self.category_of.setdefault(_normal(str(phrase)), category)
        phrases = list(self.category_of)
        # A scan for the four-letter stems (no boundaries) is far cheaper than the full
        # pattern: a text holding none of them cannot hold a phrase.
        self._stems = re.compile(trie_regex({p[:4] for p in phrases}), re.IGNORECASE)
        firsts = {p[0].lower() for p in phrases} | {p[0].upper() for p in phrases}
        first = "".join(sorted(re.escape(c) for c in firsts))
        self.regex = re.compile(
            rf"(?=[{first}])(?<![{boundary_chars}])(?:{trie_regex(phrases)})(?![{boundary_chars}])",
            re.IGNORECASE,
        )

    def may_occur(self, text: str, start: int, end: int) -> bool:
        """False when no phrase can occur in ``text[start:end]``."""
        return self._stems.search(text, start, end) is not None

    def category(self, match: re.Match) -> str:
        return self.category_of[_normal(match.group())]

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        return self.regex.finditer(text, start, len(text) if end is None else end)

    def search(self, text: str, start: int = 0, end: int | None = None):
        return self.regex.search(text, start, len(text) if end is None else end)


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())
