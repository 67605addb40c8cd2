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
    PeriodMixin,
    non_negative,
    one_of,
)


class Indicator(CuratedMixin, PeriodMixin, AttributionMixin, Base):
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

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    name: Mapped[str] = mapped_column(
        Text, comment="What is measured, in words (Chinese investment in Kazakhstan)."
    )
    metric: Mapped[str] = mapped_column(
        String(60),
        index=True,
        comment="Snake_case slug grouping like figures (investment_stock, jobs).",
    )
    country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"),
        index=True,
        comment="The country the figure describes.",
    )
    partner_country_id: Mapped[int | None] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"),
        comment="The counterpart country, where there is one (China for Chinese investment in Kazakhstan).",
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"),
        comment="The organisation it describes.",
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="SET NULL"), comment="The project it describes."
    )
    value: Mapped[Decimal] = mapped_column(Amount, comment="The figure in unit.")
    unit: Mapped[str] = mapped_column(
        String(24),
        comment="USD (or another ISO 4217 code), percent, count, tonnes, km, days, years …",
    )
    value_qualifier: Mapped[str] = mapped_column(
        String(10), default="exact", comment="exact, over, about, nearly, up_to, at_least or under."
    )
    value_usd: Mapped[Decimal | None] = mapped_column(
        Amount, comment="The value in US dollars when unit is a currency and a rate is known."
    )
    is_target: Mapped[bool] = mapped_column(
        default=False, comment="True for a goal or target rather than an achieved figure."
    )
    description: Mapped[str | None] = mapped_column(Text, comment="Context for the figure.")
