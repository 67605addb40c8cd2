"""Sentences and clauses: the spans a quote is cut from.

A sentence ends at ``.``, ``!`` or ``?`` (and a closing quote mark) followed by white space and
a capital, a digit or an opening quote, unless the word before the stop is a known abbreviation
or a single capital (an initial); a line break always ends one (the stored text keeps paragraphs
one per line). A clause is a part of a sentence after ``;``, or before ``while``, ``whereas``,
``compared to``, ``up from``, ``, and`` ...: the unit within which an amount takes its cue
words and its period first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
    "gen",
    "prof",
    "approx",
    "u.s",
    "u.k",
    # Russian: «19 мая 2023 г.», «млн долл.», «т.е.»
    "г",
    "гг",
    "долл",
    "руб",
    "тыс",
    "т.е",
    "т.д",
    "т.ч",
    "им",
}
_STOP = re.compile(r"[.!?…]+[\"”’')\]»]*(?=\s+[\"“‘(«]?[A-ZА-ЯЁ0-9])")
_LINE = re.compile(r"[^\n]+")
_CLAUSE = re.compile(
    r";\s+|:\s+(?=[a-z])|,\s+(?=(?:while|whereas|compared|up\s+from|down\s+from|against|versus|"
    r"and|but|with|of\s+which|reaching|creating|bringing|marking|showing|making)\b)"
    r"|\s+(?=(?:while|whereas|compared\s+(?:to|with))\b)"
    # "fell to $312m, from $605m in 2024", "$4.3bn, after $3.9bn in April-June": the sum before
    r"|,\s+(?=(?:from|after)\s+(?:about\s+|around\s+)?(?:US\$|\$|€|£|¥|USD\b|\d))"
    # Russian: «13,9 млрд долларов, а за первый квартал — 3,4 млрд», «..., тогда как ...»
    r"|,\s+(?=(?:а|тогда\s+как|в\s+то\s+время\s+как|при\s+этом|что|против)\s)|\s+(?=—\s)"
)
COMPARISON_START = re.compile(
    r"(?:compared|up\s+from|down\s+from|against|versus)\b"
    r"|(?:from|after)\s+(?:about\s+|around\s+)?(?:US\$|\$|€|£|¥|USD\b|\d)"
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    paragraph: int = 0


def sentences(text: str) -> Iterator[Span]:
    """Every sentence of ``text`` with surrounding white space trimmed."""
    for paragraph, line in enumerate(_LINE.finditer(text)):
        start = line.start()
        for stop in _STOP.finditer(text, line.start(), line.end()):
            if _is_abbreviation(text, start, stop.start()):
                continue
            yield _trimmed(text, start, stop.end(), paragraph)
            start = stop.end()
        if text[start : line.end()].strip():
            yield _trimmed(text, start, line.end(), paragraph)


def _is_abbreviation(text: str, start: int, stop: int) -> bool:
    """Is the word before a stop an abbreviation ("Mr", "U.S") or an initial ("J")?"""
    space = max(text.rfind(" ", start, stop), text.rfind("\t", start, stop))
    last = text[max(start, space + 1) : stop].lower().strip("\"“”'(").rstrip(".")
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _trimmed(text: str, start: int, end: int, paragraph: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, paragraph)


def clauses(text: str, sentence: Span) -> list[Span]:
    """The clauses of a sentence; together they cover it."""
    cuts = [sentence.start]
    for match in _CLAUSE.finditer(text, sentence.start, sentence.end):
        cuts.append(match.end())
    cuts.append(sentence.end)
    return [Span(a, b, sentence.paragraph) for a, b in itertools.pairwise(cuts) if b > a]


def is_comparison(text: str, clause: Span) -> bool:
    """A clause that states the figure compared with ('compared to $4 billion in 2024')."""
    return COMPARISON_START.match(text, clause.start) is not None


COMPARED_BEFORE = re.compile(
    r"\b(?:than|compared\s+(?:to|with)|versus|against)\s+(?:in\s+)?$", re.I
)


def compared_before(text: str, position: int) -> bool:
    """A period named as the one compared with: "6.8% higher than in January-October 2024"."""
    return COMPARED_BEFORE.search(text, max(0, position - 16), position) is not None
