"""Dates and periods stated in a text, resolved against the publication date.

Periods (what a figure covers) carry a start, an end and a label in the seed's style ("2024",
"2025-01..2025-04"); dates (when an event happened) carry the precision they were stated with
(day, month or year), and a note when resolution needed the publication date.

Rules:
- "in 2024", "for 2024", "by the end of 2024", "the 2024 total" -> the calendar year.
- "the first five months of 2026", "in eight months of 2023", "the first quarter of 2023",
  "the first half of 2026",
  "January–May 2025", "between January and April", "Q1 2025", "H1 2025", "9M25", "1H25"
  -> those months;
  "the third quarter", "the second half of 2024" -> that quarter or half.
- "In September alone", "in the third quarter alone": a part of the period in play, marked
  ``alone`` (it dates its own figure and is not carried to the next ones).
- A month range without a year is in the publication year when it has ended by the
  publication month, else in the year before ("January–May" read in September 2025 is 2025).
- "last year" / "this year" -> the publication year minus one / the publication year.
- "the previous year", "a year earlier", "the same period last year" shift the period in context
  (the one the sentence compares with) back one year; "the same period in 2024" takes that
  period's months in 2024. "year on year" marks a comparison and states no period.
- Event dates: "June 17", "17 June 2025", "18-19 May, 2023", "31st August – 1st September",
  "in May 2014" (month precision), "in July" (month precision, year resolved). A date without a
  year is its last occurrence on or before publication, or within the month after it; without
  a publication date it
  cannot be resolved and is dropped. A relative year right after it ("on June 17 last year",
  "in June last year") fixes the year instead. "last week" is the week (Monday to Sunday) before
  the publication date's, "earlier this week" its own week up to publication.
dateparser took 1.4 ms (idle) to 12 ms (loaded) per expression on this machine
(bench/bench_extract.py --compare), far over the per-article budget (120 articles/s, database
writes included); these gated regexes read the stated forms in microseconds.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from ..lemmas import word_forms
from .lexicon import alternation, load, one_space


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    label: str

    def as_fields(self) -> dict:
        return {"start": self.start, "end": self.end, "label": self.label}

    def shifted(self, years: int) -> Period:
        return months_period(self.start.year + years, self.start.month, self.end.month)


@dataclass(frozen=True, slots=True)
class PeriodMention:
    start: int
    end: int
    period: Period | None  # None for a shift ("the previous year") to apply to the context
    shift: int = 0  # -1: a year before the period in context; 0: that period; else: that year
    note: str | None = None
    whole_year: bool = False  # "for the full year": the whole year of the period in context
    alone: bool = False  # "in September alone": a part of the period in play, not carried on


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    first: date
    last: date
    precision: str
    note: str | None = None


def months_period(year: int, first_month: int, last_month: int) -> Period:
    if (first_month, last_month) == (1, 12):
        return Period(date(year, 1, 1), date(year, 12, 31), str(year))
    last_day = calendar.monthrange(year, last_month)[1]
    label = f"{year}-{first_month:02d}..{year}-{last_month:02d}"
    if first_month == last_month:
        label = f"{year}-{first_month:02d}"
    return Period(date(year, first_month, 1), date(year, last_month, last_day), label)


@cache
def _rx() -> dict[str, re.Pattern]:
    table = load("dates")
    month = alternation(table["months"], flexible_space=False)
    count = alternation(table["part_months"], flexible_space=False)
    year_ref = rf"(?:(?P<year>(?:19|20)\d\d)|(?P<rel>{alternation(table['relative_years'])}))"
    dash = r"\s*(?:–|—|-|to|through|and)\s*"
    day = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
    return {
        # Every form below needs one of these; most sentences have none and are skipped at once.
        "year_hint": re.compile(r"(?:19|20)\d\d"),
        "month_hint": re.compile(rf"\b{month}\b", re.IGNORECASE),
        "first_part": re.compile(
            rf"\b(?:first\s+(?:(?P<n>{count})\s+months|(?P<q>{count})\s+quarters|(?P<part>quarter|half))"
            rf"|(?:the|in|for|over|during)\s+(?P<n2>{count})\s+months)(?:\s+(?:of\s+)?{year_ref})?",
            re.I,
        ),
        # «за первое полугодие 2025 года», «в первом квартале», «за девять месяцев», «за 9 месяцев»
        "ru_first_part": re.compile(
            rf"(?:\b(?:{alternation(word_forms('первый'))})\s+(?:(?P<n>{count})\s+"
            rf"(?:{alternation(word_forms('месяц'))})|(?P<part>{alternation(table['parts'])}))"
            rf"|(?<!\w)(?:за|в)\s+(?P<n2>{count}|\d{{1,2}})\s+(?:{alternation(word_forms('месяц'))}))"
            rf"(?P<q>(?!x)x)?(?:\s+{year_ref})?(?!\w)",
            re.I,
        ),
        # "the third quarter", "the second half of 2024" (the first is read by first_part)
        "nth_part": re.compile(
            rf"\b(?P<nth>{alternation([o for o in table['ordinals'] if o != 'first'])})\s+"
            rf"(?P<part>quarter|half)\b(?:\s+(?:of\s+)?{year_ref})?",
            re.I,
        ),
        "quarter": re.compile(r"\b(?P<qh>[QH])(?P<qn>[1-4])\s+(?P<year>(?:19|20)\d\d)\b"),
        # "9M25", "10M2024", "1H25", "3Q25": the months, half or quarter of a year, abbreviated
        "abbreviated": re.compile(
            r"\b(?P<count>1[0-2]|[1-9])(?P<kind>[MHQ])(?P<yy>\d{2}|(?:19|20)\d{2})\b"
        ),
        "month_range": re.compile(
            rf"\b(?:between\s+|from\s+)?(?P<m1>{month}){dash}(?P<m2>{month})\b"
            rf"(?:,?\s+(?:of\s+)?{year_ref})?",
            re.I,
        ),
        "same_period": re.compile(
            r"\bthe\s+same\s+period\s+(?:(?:of|in|last)\s+)?(?:(?P<year>(?:19|20)\d\d)|(?P<last>year))",
            re.I,
        ),
        "shift": re.compile(rf"\b{alternation(table['context_shift'])}\b", re.I),
        "same": re.compile(
            rf"\b(?:{alternation(table['context_same'])}|the\s+same\s+\w+\s+months)\b", re.I
        ),
        "month": re.compile(
            rf"\b(?:in|during|for|в|за)\s+(?P<m>{month})\b(?:,?\s+(?:of\s+)?{year_ref})?(?!\s*(?:–|—|-|to)\s*\w|\s+\d{{1,2}}\b)",
            re.I,
        ),
        "year": re.compile(
            rf"\b(?:{alternation(table['year_prepositions'])})\s*(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\s*\d)",
            re.I,
        ),
        # "of the 2024 total", "the 2023 figure": a year before a noun for a year's figure
        "year_noun": re.compile(
            rf"\bthe\s+(?P<year>(?:19|20)\d\d)\s+{alternation(table['year_nouns'])}\b", re.I
        ),
        "full_year": re.compile(
            r"\b(?:for|in|over|during)\s+(?:the\s+)?(?:full|whole|entire)(?:\s+|-)year\b"
            r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?",
            re.I,
        ),
        "year_span": re.compile(r"\b(?P<y1>(?:19|20)\d\d)\s*(?:–|-|to)\s*(?P<y2>(?:19|20)\d\d)\b"),
        "relative": re.compile(rf"\b{alternation(table['relative_years'])}\b", re.I),
        "day_range": re.compile(
            rf"\b{day.format('d1')}\s*(?:–|-)\s*{day.format('d2')}\s+(?P<m>{month})\b,?(?:\s*(?P<year>(?:19|20)\d\d))?",
            re.I,
        ),
        "cross_range": re.compile(
            rf"\b{day.format('d1')}\s+(?P<m1>{month})\s*(?:–|—|-)\s*{day.format('d2')}\s+(?P<m2>{month})\b,?(?:\s*(?P<year>(?:19|20)\d\d))?",
            re.I,
        ),
        "day_month": re.compile(
            rf"\b{day.format('d')}\s+(?:of\s+)?(?P<m>{month})\b,?(?:\s*(?P<year>(?:19|20)\d\d))?",
            re.I,
        ),
        "month_day": re.compile(
            rf"\b(?P<m>{month})\.?\s+{day.format('d')}\b(?!\s*(?:,\s*)?\d{{3}})(?:,?\s*(?P<year>(?:19|20)\d\d))?",
            re.I,
        ),
        "month_year": re.compile(rf"\b(?P<m>{month})\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I),
        "in_month": re.compile(
            rf"\b(?:in|since|until|by)\s+(?:early\s+|late\s+|mid-)?(?P<m>{month})\b(?!\s+\d)", re.I
        ),
        "in_year": re.compile(r"\b(?P<year>(?:19|20)\d\d)\b"),
    }


def _month(name: str) -> int:
    return load("dates")["months"][name.lower().rstrip(".")]


def _year(match: re.Match, published: date | None) -> tuple[int | None, str | None]:
    if match.groupdict().get("year"):
        return int(match.group("year")), None
    if rel := match.groupdict().get("rel"):
        if published is None:
            return None, None
        offset = load("dates")["relative_years"][one_space(rel.lower())]
        return published.year + offset, f'"{rel}" read against the publication date {published}'
    return None, None


def _stated_or_unstated_year(
    match: re.Match, published: date | None, last_month: int
) -> tuple[int | None, str | None]:
    """The year the match states, else the one that has ended ``last_month`` by publication."""
    year, note = _year(match, published)
    return (year, note) if year is not None else _unstated_year(last_month, published)


def _unstated_year(last_month: int, published: date | None) -> tuple[int | None, str | None]:
    if published is None:
        return None, None
    year = published.year if last_month <= published.month else published.year - 1
    return year, f"year not stated; {year} from the publication date {published}"


def find_periods(text: str, start: int, end: int, published: date | None) -> list[PeriodMention]:
    """Every period stated in ``text[start:end]``, left to right, overlapping ones dropped."""
    rx = _rx()
    gates = _gates(text, start, end)
    found: list[PeriodMention] = []
    for gate, name, reader in _PERIOD_READERS:
        if gate in gates:
            for match in rx[name].finditer(text, start, end):
                if (item := reader(match, published)) is not None:
                    found.append(item)
    found = _without_overlaps(found)
    if "alone" in gates:
        found = [_alone(text, item) for item in found]
    return found


ALONE = re.compile(r",?\s+alone\b", re.I)


def _alone(text: str, item: PeriodMention) -> PeriodMention:
    """'In September alone': a part of the period in play, stated for its own figure only."""
    if item.period is None or not ALONE.match(text, item.end):
        return item
    return replace(item, alone=True)


# The stems that let a Russian form occur: «году», «года»; «месяцев», «полугодие», «квартал»;
# «тот же период», «аналогичный»; «годом ранее».
RUSSIAN_GATES = (
    ("год", "year"),
    ("месяц", "first"),
    ("полугод", "first"),
    ("квартал", "first"),
    ("период", "same"),
    ("аналогичн", "same"),
    ("ранее", "shift"),
    ("прошл", "shift"),
    ("назад", "shift"),
)


ABBREVIATED_HINT = re.compile(r"\d[MHQ]\d")


def _gates(text: str, start: int, end: int) -> set[str]:
    """Which families of forms can occur in the window: cheap tests that spare the regexes
    (most sentences state no period at all)."""
    rx = _rx()
    lowered = text[start:end].lower()
    gates = {word for word in ("first", "same", "year", "alone") if word in lowered}
    if "months" in lowered:
        gates.add("first")
    if any(word in lowered for word in ("previous", "earlier", "ago", "before", "last")):
        gates.add("shift")
    if "quarter" in lowered or "half" in lowered:
        gates.add("part")
    gates |= {gate for stem, gate in RUSSIAN_GATES if stem in lowered}
    if rx["year_hint"].search(text, start, end):
        gates.add("digits")
    if ABBREVIATED_HINT.search(text, start, end):
        gates.add("abbreviated")
    if rx["month_hint"].search(text, start, end):
        gates.add("month")
    return gates


def _first_part(match: re.Match, published: date | None) -> PeriodMention | None:
    table = load("dates")
    if count := match.group("n") or match.group("n2"):
        months = table["part_months"][count.lower()]
    elif quarters := match.group("q"):
        months = 3 * table["part_months"][quarters.lower()]
    else:
        months = table["parts"][match.group("part").lower()]
    if months > 12:
        return None
    year, note = _year(match, published)
    if year is None:  # "in the first half": of the year that has ended it by publication
        year, note = _unstated_year(months, published)
    if year is None:
        return None
    return PeriodMention(match.start(), match.end(), months_period(year, 1, months), note=note)


def _nth_part(match: re.Match, published: date | None) -> PeriodMention | None:
    size = load("dates")["parts"][match.group("part").lower()]
    last = load("dates")["ordinals"][match.group("nth").lower()] * size
    if last > 12:
        return None
    year, note = _stated_or_unstated_year(match, published, last)
    if year is None:
        return None
    period = months_period(year, last - size + 1, last)
    return PeriodMention(match.start(), match.end(), period, note=note)


def _quarter(match: re.Match, published: date | None) -> PeriodMention:
    size = 3 if match.group("qh") == "Q" else 6
    last = int(match.group("qn")) * size
    period = months_period(int(match.group("year")), last - size + 1, last)
    return PeriodMention(match.start(), match.end(), period)


def _abbreviated(match: re.Match, published: date | None) -> PeriodMention | None:
    """'9M25' (January-September 2025, as bne IntelliNews writes), '1H25', '3Q25'."""
    count, kind, yy = int(match.group("count")), match.group("kind"), match.group("yy")
    year = int(yy) + (2000 if len(yy) == 2 else 0)
    if kind == "M":
        first, last = 1, count
    else:
        size = 6 if kind == "H" else 3
        if count * size > 12:
            return None
        first, last = count * size - size + 1, count * size
    return PeriodMention(match.start(), match.end(), months_period(year, first, last))


def _month_range(match: re.Match, published: date | None) -> PeriodMention | None:
    first, last = _month(match.group("m1")), _month(match.group("m2"))
    if last < first:
        return None
    year, note = _stated_or_unstated_year(match, published, last)
    if year is None:
        return None
    return PeriodMention(match.start(), match.end(), months_period(year, first, last), note=note)


def _single_month(match: re.Match, published: date | None) -> PeriodMention | None:
    if match.group("m") == "may":
        return None  # the verb
    month = _month(match.group("m"))
    year, note = _year(match, published)
    if year is None:
        year, note = _unstated_year(month, published)
    if year is None:
        return None
    period = months_period(year, month, month)
    return PeriodMention(match.start("m"), match.end(), period, note=note)


def _same_period(match: re.Match, published: date | None) -> PeriodMention:
    if match.group("year"):
        note = "same months as the period in context"
        return PeriodMention(match.start(), match.end(), None, int(match.group("year")), note)
    return PeriodMention(match.start(), match.end(), None, shift=-1)


def _shift(match: re.Match, published: date | None) -> PeriodMention:
    return PeriodMention(match.start(), match.end(), None, shift=-1)


def _same(match: re.Match, published: date | None) -> PeriodMention:
    return PeriodMention(match.start(), match.end(), None, shift=0)


def _year_span(match: re.Match, published: date | None) -> PeriodMention | None:
    first, last = int(match.group("y1")), int(match.group("y2"))
    if first >= last:
        return None
    period = Period(date(first, 1, 1), date(last, 12, 31), f"{first}..{last}")
    return PeriodMention(match.start(), match.end(), period)


def _whole_year(match: re.Match, published: date | None) -> PeriodMention:
    period = months_period(int(match.group("year")), 1, 12)
    return PeriodMention(match.start("year"), match.end(), period)


def _full_year(match: re.Match, published: date | None) -> PeriodMention:
    """'for the full year 2024' is 2024; 'and $21.3bn for the full year' after 'in
    January–October' is the whole of that year."""
    if match.group("year"):
        period = months_period(int(match.group("year")), 1, 12)
        return PeriodMention(match.start(), match.end(), period)
    return PeriodMention(match.start(), match.end(), None, shift=0, whole_year=True)


def _relative_year(match: re.Match, published: date | None) -> PeriodMention | None:
    phrase = one_space(match.group().lower())
    if published is None or phrase in load("dates")["context_shift"]:
        return None  # a shift of the period in context, read by _shift
    offset = load("dates")["relative_years"][phrase]
    note = f'"{match.group()}" read against the publication date {published}'
    period = months_period(published.year + offset, 1, 12)
    return PeriodMention(match.start(), match.end(), period, note=note)


# (gate, regex, reader): a reader runs only when its gate says its words can occur.
_PERIOD_READERS = (
    ("first", "first_part", _first_part),
    ("first", "ru_first_part", _first_part),
    ("part", "nth_part", _nth_part),
    ("digits", "quarter", _quarter),
    ("abbreviated", "abbreviated", _abbreviated),
    ("month", "month_range", _month_range),
    ("same", "same_period", _same_period),
    ("shift", "shift", _shift),
    ("same", "same", _same),
    ("month", "month", _single_month),
    ("year", "full_year", _full_year),
    ("digits", "year_span", _year_span),
    ("digits", "year", _whole_year),
    ("digits", "year_noun", _whole_year),
    ("year", "relative", _relative_year),
)


def _without_overlaps(found: list) -> list:
    """Keep the longest of overlapping mentions ("the first nine months of 2023" over "of 2023")."""
    kept: list = []
    for item in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if not any(item.start < other.end and other.start < item.end for other in kept):
            kept.append(item)
    return sorted(kept, key=lambda m: m.start)


def _nearest_year(month: int, day: int, published: date | None) -> int | None:
    """News tells what has happened: a day without a year is its last occurrence on or before
    publication, unless it falls within the month ahead ("on June 17" in a June 3 preview)."""
    if published is None:
        return None
    year = published.year + 1
    while (_safe_date(year, month, day) - published).days > AHEAD_DAYS:
        year -= 1
    return year


AHEAD_DAYS = 31


def _safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def find_dates(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    """Event dates stated in ``text[start:end]`` (see the module docstring)."""
    rx = _rx()
    gates = _gates(text, start, end)
    found: list[DateMention] = []
    if "month" in gates:
        for name in ("cross_range", "day_range", "day_month", "month_day"):
            for match in rx[name].finditer(text, start, end):
                if (item := _day_date(match, published)) is not None:
                    found.append(item)
        for match in rx["month_year"].finditer(text, start, end):
            first = date(int(match.group("year")), _month(match.group("m")), 1)
            found.append(DateMention(match.start(), match.end(), first, first, "month"))
        for match in rx["in_month"].finditer(text, start, end):
            if (item := _month_date(match, published)) is not None:
                found.append(item)
    if "digits" in gates:
        for match in rx["in_year"].finditer(text, start, end):
            first = date(int(match.group("year")), 1, 1)
            found.append(DateMention(match.start(), match.end(), first, first, "year"))
    return _without_overlaps(found)


def _day_date(match: re.Match, published: date | None) -> DateMention | None:
    groups = match.groupdict()
    first_month = _month(groups.get("m1") or groups["m"])
    last_month = _month(groups.get("m2") or groups.get("m") or groups["m1"])
    first_day = int(groups.get("d1") or groups["d"])
    last_day = int(groups.get("d2") or groups.get("d1") or groups["d"])
    stated = groups.get("year")
    year = int(stated) if stated else _nearest_year(first_month, first_day, published)
    if year is None:
        return None
    note = None if stated else f"year not stated; {year} from the publication date {published}"
    if not stated and (relative := _relative_year_after(match, published)):
        year, note = relative
    try:
        first, last = date(year, first_month, first_day), date(year, last_month, last_day)
    except ValueError:
        return None
    if last < first:
        return None
    return DateMention(match.start(), match.end(), first, last, "day", note)


def _month_date(match: re.Match, published: date | None) -> DateMention | None:
    if match.group("m") == "may":
        return None  # the verb
    month = _month(match.group("m"))
    if published is None:
        return None
    # "in January" is the last January that has begun by publication
    year = published.year if month <= published.month else published.year - 1
    note = f"year not stated; {year} from the publication date {published}"
    if relative := _relative_year_after(match, published):
        year, note = relative
    first = date(year, month, 1)
    return DateMention(match.start("m"), match.end(), first, first, "month", note)


def _relative_year_after(match: re.Match, published: date | None) -> tuple[int, str] | None:
    """'June 17 last year', 'in June this year': the relative year that follows a date."""
    after = _relative_year_rx().match(match.string, match.end())
    if after is None or published is None:
        return None
    rel = after.group("rel")
    year = published.year + load("dates")["relative_years"][one_space(rel.lower())]
    return year, f'"{rel}" read against the publication date {published}'


@cache
def _relative_year_rx() -> re.Pattern:
    return re.compile(
        rf",?\s+(?:of\s+)?(?P<rel>{alternation(load('dates')['relative_years'])})\b", re.I
    )


_RELATIVE_WEEK = re.compile(r"\b(?P<which>last|earlier\s+this|this)\s+week\b", re.I)


def week_dates(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    """'last week': Monday to Sunday of the week before publication; 'earlier this week' and
    'this week': Monday of the publication week to the publication date."""
    if published is None:
        return []
    found = []
    monday = published - timedelta(days=published.weekday())
    for match in _RELATIVE_WEEK.finditer(text, start, end):
        if match.group("which").lower() == "last":
            first, last = monday - timedelta(days=7), monday - timedelta(days=1)
        else:
            first, last = monday, published
        note = f'"{match.group()}" read as {first}..{last}, against the publication date'
        found.append(DateMention(match.start(), match.end(), first, last, "day", note))
    return found


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# «во вторник», «в среду»: the accusative after в/во, as Russian news writes the day
RUSSIAN_WEEKDAYS = (
    "понедельник",
    "вторник",
    "среду",
    "четверг",
    "пятницу",
    "субботу",
    "воскресенье",
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<last>last\s+)?(?:on\s+|(?<=[a-z]\s))(?P<day>"
    + "|".join(WEEKDAYS)
    + r")|(?:в|во)\s+(?P<ru>"
    + "|".join(RUSSIAN_WEEKDAYS)
    + r"))\b",
    re.IGNORECASE,
)


def weekday_dates(text: str, start: int, end: int, published: date | None) -> list[DateMention]:
    """'on Wednesday' (or, in wire style, after a word: 'met Wednesday', 'last Wednesday') in a
    news report: the last such day on or before the publication date."""
    if published is None:
        return []
    found = []
    for match in _WEEKDAY.finditer(text, start, end):
        group = "day" if match.group("day") else "ru"
        name = match.group(group).lower()
        index = WEEKDAYS.index(name) if group == "day" else RUSSIAN_WEEKDAYS.index(name)
        day = published - timedelta(days=(published.weekday() - index) % 7)
        if match.group("last") and day == published:
            day -= timedelta(days=7)  # "last Monday" said on a Monday is a week ago
        note = f'"{match.group(group)}" read as {day}, the last one on or before publication'
        found.append(DateMention(match.start(group), match.end(), day, day, "day", note))
    return found


# ------------------------------------------------------------------------------ datelines

DATELINE_LINES = 4  # the headline, then a byline or two: where an opening date may stand
# ... and a line that says it is a byline ("Published: 9:30pm, 18 Jun 2025") may stand lower,
# after a standfirst of two lines and the author's name
BYLINE_LINES = 6
BYLINE_MAX = 120  # a line this short that holds a date is a byline ("By A. Writer | 12 June 2025")
DATELINE_REACH = 80  # "TASHKENT, Uzbekistan, May 19 (Trend) –": the date within the opening words


@dataclass(frozen=True, slots=True)
class Dateline:
    """The date an article's opening states: its publication date when nothing better is given."""

    day: date
    stated: str  # the words it was read from, for the source's note
    year_stated: bool


@cache
def _dateline_rx() -> dict[str, re.Pattern]:
    month = alternation(load("dates")["months"], flexible_space=False)
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    return {
        # a place in capitals or Title Case, then a comma: "ASTANA,", "Tashkent,", "BISHKEK, Kyrgyzstan,"
        # ... or a full stop ("ASTANA. Nov 12 (Interfax-Kazakhstan) -")
        "place": re.compile(
            r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'’.-]+(?:\s[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'’.-]+)?(?:,\s*|\.\s+)"
            r"(?:[A-ZА-ЯЁ][a-zа-яё]+,\s*)?"
        ),
        "forms": re.compile(
            rf"\b{day}\s+(?P<m>{month})\.?,?(?:\s+{year})?\b"
            rf"|\b(?P<m2>{month})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year2>(?:19|20)\d\d))?"
            r"|\b(?P<d3>\d{1,2})[./](?P<m3>\d{1,2})[./](?P<year3>(?:19|20)?\d\d)\b"
            rf"|\b(?P<d5>\d{{1,2}})-(?P<m5>{month})-(?P<year5>(?:19|20)\d\d)\b"
            r"|\b(?P<year4>(?:19|20)\d\d)[-.](?P<m4>\d\d)[-.](?P<d4>\d\d)\b",
            re.I,
        ),
    }


def dateline(text: str, reference: date | None = None) -> Dateline | None:
    """The date of a wire dateline ("ASTANA, 12 June 2025 –", "BISHKEK, Feb. 4 (24.kg) –",
    "Feb. 10 –" without a place) or
    of a short byline line near the top ("By A. Writer | June 12, 2025"). A date without a year
    is the last such day on or before ``reference`` (the day the article was loaded): news is
    loaded soon after it appears. Nothing is read past the first lines."""
    raw = text.split("\n", BYLINE_LINES * 2 + 2)[: BYLINE_LINES * 2 + 1]
    lines = [line for line in raw if line.strip()]
    for number, line in enumerate(lines[:BYLINE_LINES]):
        found = None
        if number < DATELINE_LINES and (number > 0 or len(lines) == 1):
            found = _opening_date(line)
        near = number < DATELINE_LINES or BYLINE_START.match(line) is not None
        if found is None and number > 0 and near and _is_byline(line):
            found = _any_date(line)
        if found is not None:
            resolved = _resolved(found, reference)
            if resolved is not None:
                return resolved
    return None


# a dateline without a place: "Feb. 10 – ", "April 14 (Bloomberg) -- "
DATE_DASH = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|[–—])\s")
# What closes a dateline after its date: an agency in brackets and/or a dash or full stop.
DATELINE_CLOSE = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|[–—-]|\.|:)\s*")


def dateline_place(text: str) -> tuple[int, int] | None:
    """Where the place and date of a wire dateline stand ("ASTANA, June 17 (Xinhua) --"): the
    city there is where the story was filed, not a party to its figures."""
    offset = 0
    for number, line in enumerate(text.split("\n", DATELINE_LINES + 4)[: DATELINE_LINES + 3]):
        if number > 0 and number <= DATELINE_LINES and line.strip():
            found = _opening_date(line)
            if found is not None:
                close = DATELINE_CLOSE.match(line, found.end())
                return offset, offset + (close.end() if close else found.end())
        offset += len(line) + 1
    return None


def _opening_date(line: str) -> re.Match | None:
    rx = _dateline_rx()
    offset = len(line) - len(line.lstrip())
    bare = rx["forms"].match(line, offset)  # "Feb. 10 – China's trade ...": a date, a dash
    if bare is not None and DATE_DASH.match(line, bare.end()):
        return bare
    place = rx["place"].match(line.lstrip())
    if place is None:
        return None
    offset = len(line) - len(line.lstrip())
    match = rx["forms"].search(line, offset + place.end(), offset + DATELINE_REACH)
    return match if match and match.start() - place.end() - offset <= 2 else None


BYLINE_WORDS = 7  # words beside the date: a name, a section, "Published", a time
BYLINE_START = re.compile(r"\s*(?:by|published|posted|updated|date)\b", re.I)


def _is_byline(line: str) -> bool:
    """A short line that is not a sentence: 'By A. Writer | 12 June 2025', '12.06.2025, 14:30'."""
    if len(line) > BYLINE_MAX:
        return False
    rest = _dateline_rx()["forms"].sub(" ", line)
    return (
        BYLINE_START.match(line) is not None
        or len(re.findall(r"[A-Za-z]+", rest)) <= BYLINE_WORDS - 3
    )


def _any_date(line: str) -> re.Match | None:
    return _dateline_rx()["forms"].search(line)


def _resolved(match: re.Match, reference: date | None) -> Dateline | None:
    groups = match.groupdict()
    if groups["m3"] or groups["m4"]:
        year = int(groups["year3"] or groups["year4"])
        year += 2000 if year < 100 else 0  # «10.10.24»: a two-digit year is this century's
        month, day = int(groups["m3"] or groups["m4"]), int(groups["d3"] or groups["d4"])
    else:
        month = _month(groups["m"] or groups["m2"] or groups["m5"])
        day = int(groups["d"] or groups["d2"] or groups["d5"])
        stated = groups["year"] or groups["year2"] or groups["year5"]
        year = int(stated) if stated else None
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        if reference is None:
            return None
        year = reference.year
        if _safe_date(year, month, day) > reference:
            year -= 1
        return Dateline(_safe_date(year, month, day), match.group().strip(), False)
    try:
        return Dateline(date(year, month, day), match.group().strip(), True)
    except ValueError:
        return None
