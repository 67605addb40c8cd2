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


# Participles and gerunds multiply a verb's forms tenfold and never stand for the cue words.
_SKIPPED_FORMS = frozenset({"PRTF", "PRTS", "GRND"})


@lru_cache(maxsize=20_000)
def word_forms(word: str) -> frozenset[str]:
    """Every inflected form of a Russian word, in the word's own capitalisation (Казахстан ->
    Казахстана, Казахстане, Казахстаном ...), from pymorphy3's dictionary; a word that is not
    Cyrillic is its only form."""
    if not CYRILLIC_WORD.fullmatch(word):
        return frozenset({word})
    if "-" in word:  # «бизнес-совет»: the last part inflects
        head, _, last = word.rpartition("-")
        return frozenset(f"{head}-{form}" for form in word_forms(last))
    parses = _analyzer().parse(word)
    lowered = word.lower()
    # The word's own paradigm; else that of its likeliest reading («Поднебесная» as a form of
    # «поднебесный»), whose other forms simply never occur.
    chosen = next((p for p in parses if p.normal_form == lowered), None)
    if chosen is None and word[:1].isupper():
        chosen = parses[0]
    forms = {lowered}
    if chosen is not None:
        forms |= {f.word for f in chosen.lexeme if not (_SKIPPED_FORMS & set(f.tag.grammemes))}
    if word[:1].isupper():
        forms |= _name_forms(lowered)
    forms |= {form.replace("ё", "е") for form in forms}
    return frozenset(_cased_like(word, form) for form in forms)


CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
VERB_TAGS = frozenset({"VERB", "INFN"})


def phrase_forms(phrase: str) -> list[str]:
    """The forms of a phrase. One word: all of word_forms. Several words with a verb («провести
    переговоры»): the verb's forms, the rest as written. Otherwise the words inflect together,
    case by case and in both numbers («торговый оборот» -> «торгового оборота» ...), and also
    the first word alone («Республика Корея» -> «Республики Корея»)."""
    words = phrase.split()
    if len(words) == 1:
        return sorted(word_forms(words[0]))
    verbs = [i for i, w in enumerate(words) if _is_verb(w)]
    if verbs:
        i = verbs[0]
        return [
            " ".join([*words[:i], form, *words[i + 1 :]]) for form in sorted(word_forms(words[i]))
        ]
    forms = {phrase}
    for number in ("sing", "plur"):
        for case in CASES:
            inflected = [_inflect(word, case, number) for word in words]
            forms.add(" ".join(inflected))
            forms.add(" ".join([inflected[0], *words[1:]]))
    if words[-1][:1].isupper():  # a name: «Си Цзиньпином», «Касым-Жомарта Токаева» aside
        forms |= {" ".join([*words[:-1], form]) for form in word_forms(words[-1])}
    forms |= {form.replace("ё", "е") for form in forms}
    return sorted(forms)


def _is_verb(word: str) -> bool:
    if not CYRILLIC_WORD.fullmatch(word):
        return False
    return bool(VERB_TAGS & set(_analyzer().parse(word)[0].tag.grammemes))


@lru_cache(maxsize=50_000)
def _inflect(word: str, case: str, number: str) -> str:
    if not CYRILLIC_WORD.fullmatch(word) or "-" in word:
        return word
    parses = _analyzer().parse(word)
    parse = next((p for p in parses if p.normal_form == word.lower()), parses[0])
    inflected = parse.inflect({case, number}) or parse.inflect({case})
    return _cased_like(word, inflected.word) if inflected else word


def is_cyrillic(text: str) -> bool:
    return CYRILLIC_LETTER.search(text) is not None


def _cased_like(model: str, form: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


@cache
def _name_endings() -> frozenset[str]:
    """The endings of a Russian surname's paradigm, read from the dictionary's own «Иванов»."""
    model = "иванов"
    parse = next(p for p in _analyzer().parse(model) if "Surn" in p.tag)
    return frozenset(f.word[len(model) :] for f in parse.lexeme if f.word.startswith(model))


def _name_forms(lowered: str) -> set[str]:
    """Forms of a name the dictionary does not hold (Токаев, Жапаров, Бектенов): the surname
    paradigm's endings, each kept only if pymorphy3 reads the result back to the same name."""
    analyzer = _analyzer()
    return {
        lowered + ending
        for ending in _name_endings()
        if any(p.normal_form == lowered for p in analyzer.parse(lowered + ending))
    }
