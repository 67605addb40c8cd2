"""Stated amounts: money, percentages, physical quantities, counts and multipliers.

Rules (each with a unit test in tests/test_extract_amounts.py):

- Money is a number with a currency symbol before it (``$``, ``US$``, ``USD``, ``€``, ``RMB`` ...)
  or a currency word after it (``dollars``, ``yuan``, ``tenge``, ``soms`` ...), both from
  data/currencies.yaml; a scale word (``bn``, ``billion``, ``mln``, ``million``, ``trillion``,
  ``thousand``; ``m``/``k`` only right after a symbol) multiplies it.
- A range (``$3–4 billion``, ``between 3 and 4 billion``) keeps both ends: ``value`` is the low
  end, ``high`` the high end; the scale and currency of the second end apply to both.
  A year (19xx/20xx after ``in``/``of``/``since`` or a month) is never the low end:
  ``from 312.04 billion yuan in 2013 to 674.15 billion yuan in 2024`` is two sums.
- ``20 billion yuan (about $2.8 billion)`` is one amount with an ``equivalent``, and so is
  ``$1.5 billion (5.25 billion manat at the official exchange rate)``.
- A qualifier word just before the amount (data/qualifiers.yaml) sets ``qualifier``.
- Numbers in words (``two billion``, ``eight days``) are read with text2num; vague quantities
  (``a dozen``, ``hundreds of``, ``double-digit``) come from data/numbers.yaml with their value
  and qualifier.
- Thousands separators: ``211,000`` is 211000. The decimal comma some outlets use
  (``$4,700 billion`` for 4.7 billion) is recognised when reading the comma as a thousands
  separator gives more than a trillion US dollars (judged with the rough rates in
  currencies.yaml), which no bilateral figure reaches: the comma is then read as a decimal point.
  When the same text also writes an unambiguous decimal comma (``2,5 billion``) the reading is
  certain; otherwise the amount is flagged ``suspect`` (the extractor lowers its confidence and
  writes a note). It is never stored as thousands of billions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from text_to_num import text2num

from .lexicon import alternation, inverted, load, one_space
from .trie import trie_regex

TRILLION_USD = Decimal(10) ** 12
MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
YEARS = range(1800, 2101)
YEAR = re.compile(r"(?:19|20)\d\d")
# Compiled once: re's own cache lookup per call was measurable on the loader's hot path.
_GROUPED_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_ONE_COMMA_GROUP = re.compile(r"\d{1,3},\d{3}")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@dataclass(frozen=True, slots=True)
class Amount:
    start: int
    end: int
    value: Decimal
    unit: str  # ISO 4217 code, "percent", a unit word (tonnes, km), "count" or "times"
    qualifier: str = "exact"
    high: Decimal | None = None
    equivalent: Amount | None = None
    noun: str | None = None  # for counts: the noun counted ("agreements")
    suspect: bool = False
    note: str | None = None

    @property
    def is_money(self) -> bool:
        return len(self.unit) == 3 and self.unit.isupper()


@cache
def patterns() -> dict[str, re.Pattern]:
    currencies = load("currencies")
    numbers = load("numbers")
    units = load("units")
    words = alternation(numbers["number_words"], flexible_space=False)
    word_number = rf"(?:(?:{words})(?:[\s-]+(?:and\s+)?(?:{words}))*)"
    # Russian groups thousands with spaces and writes a decimal comma: «1 200,5 млн».
    spaced = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?=\s*[А-Яа-яЁё%$])"
    digits = rf"{spaced}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
    number = rf"(?:{digits}|\b{word_number}\b)"
    symbol = alternation(currencies["symbols"], flexible_space=False)
    scale = alternation(numbers["scales"])
    short = alternation(numbers["short_scales"])
    qualifier = alternation(inverted(load("qualifiers")))
    one = (
        rf"(?:(?P<sym>{symbol})\s?)?(?P<num>{number})"
        rf"(?:\s?(?:(?P<scale>{scale})|(?<=\d)(?P<short>{short}))(?![\w]))?"
    )
    second = (
        rf"(?:(?P<sym2>{symbol})\s?)?(?P<num2>{number})"
        rf"(?:\s?(?:(?P<scale2>{scale})|(?<=\d)(?P<short2>{short}))(?![\w]))?"
    )
    tail = (
        rf"(?:\s?(?P<pct>%|percent\b|per\s+cent\b)"
        rf"|\s(?P<cur>{alternation(currencies['words'])})(?![\w]))?"
    )
    return {
        # Where an amount's number starts: a digit, or a number word.
        "core": re.compile(rf"\d+|(?<![\w-])(?:{word_number})(?![\w])", re.IGNORECASE),
        "amount": re.compile(
            rf"(?:(?P<qual>\b{qualifier})\s+(?:of\s+)?)?(?P<between>\bbetween\s+)?{one}"
            rf"(?:\s?(?P<sep>–|—|-|\bto\b|\band\b)\s?{second})?{tail}",
            re.IGNORECASE,
        ),
        "vague": re.compile(rf"\b(?P<vague>{alternation(numbers['vague_numbers'])})", re.I),
        "multiplier": re.compile(
            rf"\b(?:(?P<mult>{alternation(numbers['multipliers'])})\b|(?P<fold>\d+)-fold\b)", re.I
        ),
        "unit": re.compile(rf"[\s-]?(?P<unit>{alternation(units['units'])})(?![\w])"),
        "count": re.compile(
            rf"(?P<between>(?:\s+[A-Za-z][\w-]*,?){{0,3}}?)\s+(?P<noun>{alternation(units['count_nouns'])})\b"
        ),
        # "(about $2.8 billion)" or ", about $21 billion at the average rate"
        "equivalent": re.compile(
            r"\s*\((?:or\s+|equivalent\s+to\s+)?"
            r"|,\s*(?=(?:or|about|around|roughly|approximately|some|equivalent\s+to)\s+(?:US)?[$€])",
            re.I,
        ),
        "decimal_comma": re.compile(r"\d,(?:\d{1,2}|\d{4,})(?!\d)\s*(?:%|[a-zA-Z$])"),
        "month_after": re.compile(rf"\s*(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\b"),
        "month_before": re.compile(rf"{MONTHS}\s+$"),
        # "in 2013 to 674.15 billion yuan", "of 2025 to 286.42 billion": a year, not a low end
        "year_before": re.compile(rf"(?:\b(?:in|of|since)|{MONTHS}),?\s+$", re.I),
    }


@cache
def _qualifiers() -> dict[str, str]:
    return inverted(load("qualifiers"))


def parse_number(raw: str) -> Decimal:
    """'211,000' -> 211000, '4.7' -> 4.7, '2,5' -> 2.5, 'twenty-five' -> 25."""
    raw = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d)", "", raw.strip())
    if raw[0].isdigit():
        if _GROUPED_THOUSANDS.fullmatch(raw):
            return Decimal(raw.replace(",", ""))
        return Decimal(raw.replace(",", "."))
    return Decimal(text2num(one_space(raw.lower()).replace(" and ", " "), "en"))


def _scale(match: re.Match, scale_group: str, short_group: str) -> Decimal:
    tables = load("numbers")
    if word := match.group(scale_group):
        return Decimal(tables["scales"][one_space(word.lower())])
    if word := match.group(short_group):
        return Decimal(tables["short_scales"][word.lower()])
    return Decimal(1)


def _currency(match: re.Match) -> str | None:
    currencies = load("currencies")
    for group in ("sym", "sym2"):
        if symbol := match.group(group):
            return currencies["symbols"].get(symbol) or currencies["symbols"].get(symbol.upper())
    if word := match.group("cur"):
        normal = one_space(word)
        return currencies["words"].get(normal) or _currency_words_lower().get(normal.lower())
    return None


@cache
def _currency_words_lower() -> dict[str, str]:
    return {k.lower(): v for k, v in load("currencies")["words"].items()}


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every amount stated in ``text[start:end]``, left to right."""
    end = len(text) if end is None else end
    rx = patterns()
    found: list[Amount] = []
    if not _may_hold_a_number(text, start, end):
        return found
    position = start
    for core in rx["core"].finditer(text, start, end):
        if core.start() < position:
            continue
        match = _match_at(text, core.start(), position, end)
        if match is None:
            continue
        amount = _read(text, match, end)
        if amount is not None:
            found.append(amount)
        # A shortened read ("27.4% and 15%" is two amounts) resumes after what it kept; "in
        # 1994 to USD 6.1 billion" is a year, then an amount: read on after the year.
        position = amount.end if amount else _after_unread(match)
    found = _conversions(text, _compounds(text, found))
    found += _vague_and_multipliers(text, start, end, found)
    found += _ranks(text, start, end, found)
    found.sort(key=lambda a: a.start)
    return [_in_base_unit(amount) for amount in found]


_RANK = re.compile(
    r"\b(?:(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[- ]"
    r"|(?P<number>\d{1,2})(?:st|nd|rd|th)[- ])?(?P<superlative>largest|biggest|leading|top)\b"
    r"(?P<between>(?:\s+[\w-]+){0,3}?)\s+(?P<noun>partner|investor|supplier|market|buyer|creditor)s?\b",
    re.IGNORECASE,
)


def _ranks(text: str, start: int, end: int, taken: list[Amount]) -> list[Amount]:
    """'second-largest trading partner' -> rank 2, 'biggest foreign investor' -> rank 1: the
    noun is kept so that the indicator is named after it (partner_rank, investor_rank)."""
    found = []
    for match in _RANK.finditer(text, start, end):
        if any(a.start < match.end() and match.start() < a.end for a in taken):
            continue
        if match.group("ordinal"):
            rank = load("events")["ordinals"][match.group("ordinal").lower()]
        else:
            rank = int(match.group("number") or 1)
        noun = match.group("noun").lower()
        found.append(Amount(match.start(), match.end(), Decimal(rank), "rank", noun=noun))
    return found


_RATE_WORDS = re.compile(r"[^()\d]{0,2}|\s+(?:at|by|under|according\s+to)\s[^()\d]{0,40}")
_CONVERSION_GAP = re.compile(r"(?:\s+[\w-]+){0,3},\s*(?:or\s+|equivalent\s+to\s+)?")


_LARGER_SCALE_END = re.compile(r"(?:billion|trillion|bn|млрд|трлн)\.?$", re.I)


def _compounds(text: str, found: list[Amount]) -> list[Amount]:
    """'1 billion 563.4 million US dollars' (as translated official copy writes it): a bare
    number of a larger scale right before a sum is one amount with it."""
    merged: list[Amount] = []
    for amount in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and amount.is_money
            and not last.is_money
            and text[last.end : amount.start] == " "
            and _LARGER_SCALE_END.search(text, last.start, last.end)
            and amount.value < last.value
        ):
            merged[-1] = replace(amount, start=last.start, value=last.value + amount.value)
            continue
        merged.append(amount)
    return merged


def _conversions(text: str, found: list[Amount]) -> list[Amount]:
    """'1.9 trillion rubles last year, about $21 billion': the second sum converts the first."""
    kept: list[Amount] = []
    for amount in found:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.is_money
            and amount.is_money
            and previous.equivalent is None
            and amount.unit != previous.unit
            and amount.qualifier == "about"
            and _CONVERSION_GAP.fullmatch(text, previous.end, amount.start)
        ):
            kept[-1] = replace(previous, equivalent=amount)
            continue
        kept.append(amount)
    return kept


# Every vague quantity and multiplier in data/numbers.yaml contains one of these.
# Every rank ("second-largest partner") contains one of these.
RANK_STEMS = ("largest", "biggest", "leading", "top")
VAGUE_STEMS = ("dozen", "hundreds", "thousands", "doubl", "tripl", "quadrupl", "fold")
MAX_PREFIX = 45  # "in excess of US$ " and the like: how far before its number an amount starts


@cache
def _vague_hint() -> re.Pattern:
    return re.compile(trie_regex(VAGUE_STEMS), re.IGNORECASE)


_DIGIT = re.compile(r"\d")


def _may_hold_a_number(text: str, start: int, end: int) -> bool:
    """Most sentences state no number: a digit search and a few substring tests say so fast."""
    if _DIGIT.search(text, start, end):
        return True
    return _number_hint().search(text, start, end) is not None


@cache
def _number_hint() -> re.Pattern:
    """The start of a number word, of a vague quantity or of a rank."""
    words = {*load("numbers")["number_words"], *VAGUE_STEMS, *RANK_STEMS}
    return re.compile(trie_regex(words), re.IGNORECASE)


_TOKEN = re.compile(r"[^\s(“\"]+")


def _match_at(text: str, number_start: int, floor: int, end: int) -> re.Match | None:
    """The longest amount whose number starts at ``number_start``: the regex is tried, anchored,
    at each token start up to MAX_PREFIX characters before it (an unanchored search would try
    the qualifier and currency alternations at every position of the sentence)."""
    regex = patterns()["amount"]
    lowest = max(floor, number_start - MAX_PREFIX)
    candidates = [token.start() for token in _TOKEN.finditer(text, lowest, number_start)]
    for candidate in [*candidates, number_start]:
        match = regex.match(text, candidate, end)
        if match is not None and match.start("num") == number_start:
            return match
    return None


def _read(text: str, match: re.Match, end: int) -> Amount | None:
    if match.group("sep") and match.group("num2") is None:
        return None
    ranged = match.group("num2") is not None and (
        match.group("sep").lower() != "and" or match.group("between")
    )
    if match.group("num2") is not None and not ranged:
        return _read_without_range(text, match, end)
    if _is_date_part(text, match, ranged):
        return None  # a day or a year ("17 June", "in 2024"), not an amount
    low = parse_number(match.group("num"))
    scale = _scale(match, "scale2", "short2") if ranged else Decimal(1)
    scale = _scale(match, "scale", "short") if scale == 1 or not ranged else scale
    if ranged and _scale(match, "scale", "short") != 1:
        scale_low = _scale(match, "scale", "short")
    else:
        scale_low = scale
    high = parse_number(match.group("num2")) * scale if ranged else None
    value = low * scale_low
    qualifier = _qualifiers().get(one_space((match.group("qual") or "").lower()), "exact")
    currency = _currency(match)
    unit_end = match.end()
    if match.group("pct"):
        unit = "percent"
    elif currency:
        unit = currency
    else:
        unit, unit_end = _unit_after(text, match.end(), end)
    amount = Amount(match.start(), unit_end, value, unit, qualifier, high)
    if unit == "count" and not match.group("qual") and match.group("between"):
        return None
    amount = (
        _russian_comma(match, amount) if _in_russian(match) else _decimal_comma(text, match, amount)
    )
    if amount.is_money:
        amount = _with_equivalent(text, amount, end)
    return amount


def _after_unread(match: re.Match) -> int:
    """Where to read on after a match that gave no amount: past it, unless it joined a bare
    year to a sum of money ("from $3.2 million in 1994 to $6.1 billion in 2019")."""
    raw = match.group("num")
    if match.group("num2") and raw.isdigit() and int(raw) in YEARS and not match.group("sym"):
        return match.start("sep")
    return match.end()


def _is_date_part(text: str, match: re.Match, ranged: bool) -> bool:
    rx = patterns()
    if rx["month_after"].match(text, match.end("num2") if ranged else match.end("num")):
        return True
    if rx["month_before"].search(text, max(0, match.start("num") - 12), match.start("num")):
        return True
    bare = not (
        match.group("sym") or match.group("cur") or match.group("pct") or match.group("scale")
    )
    raw = match.group("num")
    if (
        ranged
        and YEAR.fullmatch(raw)
        and not (match.group("sym") or match.group("scale") or match.group("short"))
        and rx["year_before"].search(text, max(0, match.start("num") - 12), match.start("num"))
    ):
        return True  # "from 312.04 billion yuan in 2013 to 674.15 billion yuan in 2024"
    return bare and raw.isdigit() and int(raw) in YEARS and not match.group("qual")


def _read_without_range(text: str, match: re.Match, end: int) -> Amount | None:
    """'27.4% and 15%': the 'and' joined two amounts, not a range; read the first alone."""
    cut = match.start("sep")
    again = patterns()["amount"].match(text, match.start(), cut)
    return _read(text, again, end) if again else None


def _unit_after(text: str, position: int, end: int) -> tuple[str, int]:
    rx = patterns()
    if unit := rx["unit"].match(text, position, end):
        return load("units")["units"][one_space(unit.group("unit"))], unit.end()
    return "count", position


def _in_base_unit(amount: Amount) -> Amount:
    """'three decades' -> 30 years (data/units.yaml, unit_factors)."""
    factor = load("units").get("unit_factors", {}).get(amount.unit)
    if factor is None:
        return amount
    scale = Decimal(factor["factor"])
    high = amount.high * scale if amount.high is not None else None
    return replace(amount, value=amount.value * scale, high=high, unit=factor["unit"])


def _in_russian(match: re.Match) -> bool:
    """The amount's own words are Russian («млрд», «долларов», «тонн»)."""
    return CYRILLIC.search(match.group(), match.end("num") - match.start()) is not None or bool(
        CYRILLIC.match(match.string, match.end() + 1)
    )


def _russian_comma(match: re.Match, amount: Amount) -> Amount:
    """In Russian a comma is the decimal mark and a space groups thousands: «17,452 млрд» is
    17.452 billion, «1 200 млн» is 1,200 million."""
    raw = match.group("num")
    number = Decimal(
        raw.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(",", ".")
    )
    if parse_number(raw) == number:
        return amount
    factor = number / parse_number(raw)
    high = amount.high * factor if amount.high is not None else None
    return replace(amount, value=amount.value * factor, high=high)


def _decimal_comma(text: str, match: re.Match, amount: Amount) -> Amount:
    """'$4,700 billion' is 4.7 billion (see the module docstring)."""
    raw = match.group("num")
    if not (amount.is_money and _ONE_COMMA_GROUP.fullmatch(raw)):
        return amount
    rate = Decimal(str(load("currencies")["plausibility_usd_per_unit"].get(amount.unit, 1)))
    if amount.value * rate <= TRILLION_USD:
        return amount
    factor = Decimal(1000)
    certain = patterns()["decimal_comma"].search(text) is not None
    note = f"read {raw!r} with a decimal comma: as a thousands separator it would exceed a trillion US dollars"
    return replace(
        amount,
        value=amount.value / factor,
        high=amount.high / factor if amount.high is not None else None,
        suspect=not certain,
        note=note
        if certain
        else note + "; the text has no other decimal comma, so this is a guess",
    )


def _with_equivalent(text: str, amount: Amount, end: int) -> Amount:
    """'20 billion yuan (about $2.8 billion)': the bracketed amount is the equivalent."""
    rx = patterns()
    opening = rx["equivalent"].match(text, amount.end, end)
    if opening is None:
        return amount
    inner = rx["amount"].match(text, opening.end(), end)
    if inner is None:
        return amount
    second = _read(text, inner, end)
    if second is None or not second.is_money or second.unit == amount.unit:
        return amount
    if "(" not in opening.group():
        return replace(amount, equivalent=second, end=second.end)
    close = text.find(")", second.end, end)
    # "(5.25 billion manat at the official exchange rate)": a few words of the rate may follow
    if close == -1 or not _RATE_WORDS.fullmatch(text, second.end, close):
        return amount
    return replace(amount, equivalent=second, end=close + 1)


def _vague_and_multipliers(text: str, start: int, end: int, taken: list[Amount]) -> list[Amount]:
    rx = patterns()
    tables = load("numbers")
    occupied = [(a.start, a.end) for a in taken]
    found: list[Amount] = []
    if _vague_hint().search(text, start, end) is None:
        return found
    for match in rx["vague"].finditer(text, start, end):
        entry = tables["vague_numbers"][one_space(match.group("vague").lower())]
        unit, unit_end = _unit_after(text, match.end(), end)
        unit = entry.get("unit", unit)
        found.append(
            Amount(match.start(), unit_end, Decimal(entry["value"]), unit, entry["qualifier"])
        )
    for match in rx["multiplier"].finditer(text, start, end):
        factor = match.group("fold") or tables["multipliers"][match.group("mult").lower()]
        found.append(Amount(match.start(), match.end(), Decimal(factor), "times"))
    kept: list[Amount] = []
    for amount in found:  # vague quantities first: "double-digit" is not "double"
        if not any(s < amount.end and amount.start < e for s, e in occupied):
            kept.append(amount)
            occupied.append((amount.start, amount.end))
    return kept


def count_noun(text: str, amount: Amount, end: int) -> tuple[str, int] | None:
    """For a bare count: the noun it counts and where that noun ends ('58 commercial agreements')."""
    if amount.unit != "count":
        return None
    match = patterns()["count"].match(text, amount.end, end)
    if match is None:
        return None
    return one_space(match.group("noun")), match.end()
