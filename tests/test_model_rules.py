"""The small rules the schema's constants imply, shared by the loaders and the reports."""

from datetime import date

import pytest
from silkledger.models.base import span_end, span_start
from silkledger.models.trade import is_currency


@pytest.mark.parametrize(
    ("day", "precision", "first", "last"),
    [
        (date(2024, 2, 1), "month", date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        (date(2025, 6, 1), "year", date(2025, 1, 1), date(2025, 12, 31)),
        (date(2025, 6, 17), "day", date(2025, 6, 17), date(2025, 6, 17)),
        (date(2025, 6, 17), None, date(2025, 6, 17), date(2025, 6, 17)),
    ],
)
def test_a_stated_date_spans_its_precision(day, precision, first, last):
    assert (span_start(day, precision), span_end(day, precision)) == (first, last)


@pytest.mark.parametrize(
    ("unit", "money"),
    [
        ("USD", True),
        ("CNY", True),
        ("percent", False),
        ("tonnes", False),
        ("usd", False),
        ("", False),
        (None, False),
    ],
)
def test_a_unit_is_money_when_it_is_a_currency_code(unit, money):
    assert is_currency(unit) is money
