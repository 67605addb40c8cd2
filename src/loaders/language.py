"""An article's language, and the lemmatised text the full-text index holds for Russian ones.

Language (when neither front matter ``language:`` nor ``--language`` states it): ``ru`` when at
least ``RUSSIAN_SHARE`` (30%) of the letters of the title and text are Cyrillic
(``lemmas.cyrillic_share``: Cyrillic letters over Cyrillic and Latin ones), else ``en``.
A Russian article keeps a high share with Latin names in it (CNPC, Huawei, «Belt and Road»: 0.8
and more in the test articles); an English one quoting a Russian phrase stays far below. Any
Cyrillic text counts as Russian, the one Cyrillic language silkledger reads (Kazakh or Kyrgyz in
Cyrillic would be stored as ``ru``: give ``--language`` for those).

Index text (``index_text``): the text with every Russian word replaced by its lemma
(``lemmas.lemmatize_text``: «соглашений» -> «соглашение»), which the SQLite full-text
index holds for Russian rows (see silkledger.models.fulltext). It must keep the words one for
one, so that the index's word positions are the original text's; a text for which it would not
(never seen, but checked), or that has no Russian word, gets none and is indexed as written.
"""

from __future__ import annotations

import re

from ..lemmas import CYRILLIC_WORD, cyrillic_share, lemmatize_text

RUSSIAN = "ru"
ENGLISH = "en"
RUSSIAN_SHARE = 0.3
# Words as FTS5's unicode61 tokenizer sees them: runs of letters and digits.
INDEX_WORD = re.compile(r"[^\W_]+")


def detect_language(text: str) -> str:
    """``ru`` for a text whose letters are at least 30% Cyrillic, else ``en``."""
    return RUSSIAN if cyrillic_share(text) >= RUSSIAN_SHARE else ENGLISH


def index_text(text: str | None, language: str) -> str | None:
    """What the full-text index holds instead of ``text``: its lemmas for Russian, else None."""
    if language != RUSSIAN or not text:
        return None
    if not CYRILLIC_WORD.search(text):  # no Russian word in it: the index holds the text itself
        return None
    lemmatised = lemmatize_text(text)
    if len(INDEX_WORD.findall(lemmatised)) != len(INDEX_WORD.findall(text)):
        return None
    return lemmatised
