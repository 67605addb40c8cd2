"""What a report selects: the filters every workbook takes, and ``make_filters``, the one way to
build them from the command line (``--country``, ``--from``, ``--to`` ...) and from a jobs file
(``[jobs.filters]``), so both accept and reject the same things with the same words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from ..errors import SilkledgerError
from ..models.base import COUNTING_REVIEW_STATUSES, REVIEW_STATUSES

COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
_YEAR = re.compile(r"^\d{4}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ReportFilters:
    countries: tuple[str, ...] = ()  # ISO alpha-3 codes, upper case; empty = all
    date_from: date | None = None  # facts dated on or after this day
    date_to: date | None = None  # facts dated on or before this day
    include_unreviewed: bool = False  # count extracted (unreviewed) facts too
    as_of: datetime | None = None  # the time stamped into the workbook; fixed -> same cells

    @property
    def review_statuses(self) -> tuple[str, ...]:
        if self.include_unreviewed:
            return tuple(status for status in REVIEW_STATUSES if status != "rejected")
        return COUNTING_REVIEW_STATUSES


def make_filters(
    countries: Iterable[str] | None = (),
    date_from: str | int | date | None = None,
    date_to: str | int | date | None = None,
    include_unreviewed: bool = False,
    as_of: str | datetime | None = None,
    *,
    option_prefix: str = "--",
) -> ReportFilters:
    """Checked ReportFilters from what a person typed: the command line's options or a jobs
    file's ``[jobs.filters]`` table (TOML values).

    - ``countries``: ISO 3166 alpha-3 codes, any case, surrounding spaces ignored, repeats
      dropped (whether a code names a country in the database is checked by the report);
    - ``date_from`` / ``date_to``: a date (``2024-06-01``, or a TOML date) or a year (``2024``,
      as text or a number): a year means 1 January as ``from`` and 31 December as ``to``;
    - ``from`` after ``to`` is an error (nothing could match);
    - ``as_of``: an ISO 8601 timestamp, or a datetime.

    A mistake is a one-line SilkledgerError naming the field as ``option_prefix`` + name:
    ``--from`` on the command line, ``from`` (prefix "") in a jobs file.
    """
    if countries is None:
        countries = ()
    if isinstance(countries, str) or not all(isinstance(code, str) for code in countries):
        raise SilkledgerError(
            f"countries must be a list of ISO alpha-3 codes such as ['KAZ'], not {countries!r}"
        )
    codes = tuple(dict.fromkeys(code.strip().upper() for code in countries))
    for code in codes:
        if not COUNTRY_CODE.match(code):
            raise SilkledgerError(
                f"country {code!r} is not an ISO alpha-3 code (KAZ, UZB, CHN ...)"
            )
    from_name, to_name = f"{option_prefix}from", f"{option_prefix}to"
    lower = parse_date_bound(date_from, end=False, option=from_name)
    upper = parse_date_bound(date_to, end=True, option=to_name)
    if lower is not None and upper is not None and lower > upper:
        raise SilkledgerError(f"{from_name} {lower} is after {to_name} {upper}: nothing can match")
    if not isinstance(include_unreviewed, bool):
        raise SilkledgerError(
            f"include_unreviewed must be true or false, not {include_unreviewed!r}"
        )
    return ReportFilters(
        countries=codes,
        date_from=lower,
        date_to=upper,
        include_unreviewed=include_unreviewed,
        as_of=parse_as_of(as_of),
    )


def parse_date_bound(
    value: str | int | date | None, *, end: bool, option: str = "--from"
) -> date | None:
    """A date bound: a date (YYYY-MM-DD, or a date object) or a year (YYYY, as text or an
    integer) meaning 1 January (a lower bound, ``end`` false) or 31 December (an upper bound).
    None or "" is no bound."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        raise SilkledgerError(f"{option} must be a date (2024-01-01), not a date-time")
    if isinstance(value, date):
        return value
    year = None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        year = value
    elif isinstance(value, str):
        text = value.strip()
        if _YEAR.match(text):
            year = int(text)
        elif _DAY.match(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
    if year is not None and year >= 1:
        return date(year, 12, 31) if end else date(year, 1, 1)
    raise SilkledgerError(
        f"{option} must be a date such as 2024-01-01 or a year such as 2024, not {value!r}"
    )


def parse_as_of(value: str | datetime | None) -> datetime | None:
    """An --as-of timestamp: ISO 8601 (2025-07-01, 2025-07-01T09:00, 2025-07-01T09:00:00+02:00)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(value.strip())
    except (AttributeError, ValueError):
        raise SilkledgerError(
            f"--as-of {value!r} is not a timestamp: use ISO 8601, e.g. 2025-07-01T09:00:00"
        ) from None
