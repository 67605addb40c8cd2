"""Russian word lemmas: the dictionary form of an inflected word (Казахстана -> казахстан).

One place for pymorphy3 (its Russian dictionary ships as the `pymorphy3-dicts-ru` package, so
nothing is downloaded at run time). The extractor matches names and cue words by lemma, and the
full-text index stores lemmatised text so that a search for «соглашение» finds «соглашений».
Words repeat a great deal across articles, so each word's lemma is computed once per process.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

# A run of Cyrillic letters (with hyphens inside, as in «Кыргыз-Китай»); Latin words and numbers
# are left as they are.
CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
CYRILLIC_LETTER = re.compile(r"[А-Яа-яЁё]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


@cache
def _analyzer():
    import pymorphy3  # imported on first use: English-only runs never pay for the dictionary

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of one Russian word, lower case; a hyphenated word lemma by lemma."""
    if "-" in word:
        return "-".join(lemma(part) for part in word.split("-"))
    return _analyzer().parse(word)[0].normal_form.replace("ё", "е")


def lemmatize_text(text: str) -> str:
    """The text with every Cyrillic word replaced by its lemma; everything else unchanged."""
    return CYRILLIC_WORD.sub(lambda m: lemma(m.group(0)), text)


def cyrillic_share(text: str) -> float:
    """Cyrillic letters as a share of all Cyrillic and Latin letters (0.0 when there are none)."""
    cyrillic = len(CYRILLIC_LETTER.findall(text))
    latin = len(LATIN_LETTER.findall(text))
    total = cyrillic + latin
    return cyrillic / total if total else 0.0
