"""Which currency rate turned a stated amount into its USD value, said in words for a workbook.

A fact stores its stated amount, its currency and value_usd (the loaders convert through
``currency_rates``). The rate used is the one of that currency whose USD per unit gives
value_usd from the amount; the workbook shows it with its source, so that a reader of a yuan
figure sees "1 CNY = 0.1389 USD, 2024-01-01..2024-12-31 (source ...)" beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from ..models import CurrencyRate
from .workbook import Column

# value_usd is rounded when stored: a rate matches when it gives value_usd within this share.
RATE_TOLERANCE = Decimal("0.0005")


RATE_COLUMN = Column(
    "USD rate used",
    "wrap",
    34,
    dictionary="currency_rates.source_note",
    note="For an amount stated in another currency: the rate that gave its USD value, its "
    "period and its source (currency_rates).",
)


@dataclass(frozen=True)
class Rate:
    currency: str
    usd_per_unit: Decimal
    label: str


class RateBook:
    """Every rate of the database, read once per workbook sheet."""

    def __init__(self, rates: list[Rate]):
        self.by_currency: dict[str, list[Rate]] = {}
        for rate in rates:
            self.by_currency.setdefault(rate.currency, []).append(rate)

    @classmethod
    def from_connection(cls, connection) -> RateBook:
        rows = connection.execute(
            select(
                CurrencyRate.currency,
                CurrencyRate.usd_per_unit,
                CurrencyRate.valid_from,
                CurrencyRate.valid_to,
                CurrencyRate.source_note,
            ).order_by(CurrencyRate.currency, CurrencyRate.valid_from)
        )
        return cls([_rate(row) for row in rows if row.currency != "USD"])

    def used(self, amount, currency: str | None, value_usd) -> str | None:
        """The rate that gives ``value_usd`` from ``amount``; None for dollars or no USD value."""
        if amount is None or value_usd is None or currency in (None, "USD") or not amount:
            return None
        implied = Decimal(str(value_usd)) / Decimal(str(amount))
        for rate in self.by_currency.get(currency, []):
            if abs(rate.usd_per_unit - implied) <= rate.usd_per_unit * RATE_TOLERANCE:
                return rate.label
        return None


def _rate(row) -> Rate:
    per_unit = Decimal(str(row.usd_per_unit))
    label = (
        f"1 {row.currency} = {per_unit.normalize():f} USD, "
        f"{row.valid_from}..{row.valid_to} ({row.source_note})"
    )
    return Rate(row.currency, per_unit, label)
