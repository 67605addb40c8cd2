"""Indicators: every other figure an article states, so that nothing quantified is lost."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import (
    VALUE_QUALIFIERS,
    Amount,
    AttributionMixin,
    Base,
    CuratedMixin,
    IdMixin,
    PeriodMixin,
    non_negative,
    one_of,
)


class Indicator(IdMixin, CuratedMixin, PeriodMixin, AttributionMixin, Base):
    __tablename__ = "indicators"
    __table_args__ = (
        *CuratedMixin.fact_checks(),
        PeriodMixin.period_check(),
        one_of("value_qualifier", VALUE_QUALIFIERS),
        non_negative("value"),
        non_negative("value_usd"),
        {
            "comment": (
                "Other stated figures: investment stocks, numbers of projects and enterprises, jobs, "
                "targets, shares of transit. One row per claimed value, like trade_flows."
            )
        },
    )

    name: Mapped[str] = mapped_column(Text)
    metric: Mapped[str] = mapped_column(String(60), index=True)
    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"), index=True
    )
    partner_country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT")
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL")
    )
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    value: Mapped[Decimal] = mapped_column(Amount)
    unit: Mapped[str] = mapped_column(String(24))
    value_qualifier: Mapped[str] = mapped_column(String(10), default="exact")
    value_usd: Mapped[Decimal | None] = mapped_column(Amount)
    currency_rate_id: Mapped[int | None] = mapped_column(ForeignKey("currency_rates.id"))
    is_target: Mapped[bool] = mapped_column(default=False)
    description: Mapped[str | None] = mapped_column(Text)
