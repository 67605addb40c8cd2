"""Which currency rate turned a stated amount into its USD value, said in words for a workbook.

A fact stores its stated amount, its currency, value_usd and ``currency_rate_id``: the rate the
loader converted with (loaders/facts.py, loaders/seed.py). The workbook shows that rate with its
period and source, so that a reader of a yuan figure sees "1 CNY = 0.1389 USD,
2024-01-01..2024-12-31 (source ...)" beside it.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from ..models import CurrencyRate
from .workbook import Column

RATE_COLUMN = Column(
    "USD rate used",
    "wrap",
    34,
    dictionary="currency_rates.source_note",
    note="For an amount stated in another currency: the rate that gave its USD value, its "
    "period and its source (currency_rates), as stored with the figure.",
)


class RateBook:
    """The label of every rate of the database, by id, read once per workbook sheet."""

    def __init__(self, labels: dict[int, str]):
        self.labels = labels

    @classmethod
    def from_connection(cls, connection) -> RateBook:
        rows = connection.execute(
            select(
                CurrencyRate.id,
                CurrencyRate.currency,
                CurrencyRate.usd_per_unit,
                CurrencyRate.valid_from,
                CurrencyRate.valid_to,
                CurrencyRate.source_note,
            )
        )
        return cls({row.id: _label(row) for row in rows})

    def label(self, currency_rate_id: int | None) -> str | None:
        """The stored rate in words; None for dollars, figures that are not money, no rate."""
        return None if currency_rate_id is None else self.labels.get(currency_rate_id)


def _label(row) -> str:
    per_unit = Decimal(str(row.usd_per_unit))
    return (
        f"1 {row.currency} = {per_unit.normalize():f} USD, "
        f"{row.valid_from}..{row.valid_to} ({row.source_note})"
    )
