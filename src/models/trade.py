"""Trade flows: one row per claimed figure, so sources that disagree stand side by side."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import (
    VALUE_QUALIFIERS,
    Amount,
    AttributionMixin,
    Base,
    CuratedMixin,
    IdMixin,
    PeriodMixin,
    index_where_set,
    non_negative,
    one_of,
    partial_index,
    sql_list,
)

FLOWS = ("turnover", "exports", "imports", "transit")
ATTRIBUTION_COLUMNS = ("attributed_to_person_id", "attributed_to_organization_id")
MEASURES = ("value", "share", "volume")
# Units other than these three-letter currency codes are physical or relative.
NON_CURRENCY_UNITS = ("percent", "tonnes", "containers")


def is_currency(unit: str | None) -> bool:
    """A unit is money when it is a three-letter upper-case code (USD, CNY), as the CHECK says."""
    return unit is not None and len(unit) == 3 and unit.isascii() and unit.isupper()


class TradeFlow(IdMixin, CuratedMixin, PeriodMixin, AttributionMixin, Base):
    __tablename__ = "trade_flows"
    __table_args__ = (
        *CuratedMixin.fact_checks(),
        PeriodMixin.period_check(),
        one_of("flow", FLOWS),
        one_of("measure", MEASURES),
        one_of("value_qualifier", VALUE_QUALIFIERS),
        non_negative("value"),
        non_negative("value_usd"),
        CheckConstraint(
            f"unit IN ({sql_list(NON_CURRENCY_UNITS)}) OR (length(unit) = 3 AND upper(unit) = unit)",
            name="unit",
        ),
        CheckConstraint("measure <> 'share' OR unit = 'percent'", name="share_in_percent"),
        CheckConstraint("reporter_country_id <> partner_country_id", name="distinct_countries"),
        Index(None, "reporter_country_id", "partner_country_id", "period_start"),
        # whom figures are attributed to (docs/queries/15): a seventh of the claims at most
        *(index_where_set("trade_flows", column) for column in ATTRIBUTION_COLUMNS),
        {
            "comment": (
                "Trade claims: one row per claimed value of a reporter's trade with a partner over "
                "a period. The same figure from several sources is one row with several citations; "
                "different figures are different rows."
            )
        },
    )

    reporter_country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT")
    )
    partner_country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"), index=True
    )
    flow: Mapped[str] = mapped_column(String(16))
    measure: Mapped[str] = mapped_column(String(8))
    value: Mapped[Decimal] = mapped_column(Amount)
    unit: Mapped[str] = mapped_column(String(16))
    value_qualifier: Mapped[str] = mapped_column(String(10), default="exact")
    value_usd: Mapped[Decimal | None] = mapped_column(Amount)
    currency_rate_id: Mapped[int | None] = mapped_column(ForeignKey("currency_rates.id"))


# trade_flow_groups columns indexed over the groups stated by more than one source
MULTI_SOURCE_COLUMNS = ("source_count", "all_source_count")


class TradeFlowGroup(IdMixin, Base):
    """A summary the database keeps: see models/trade_groups.py for the triggers that fill it."""

    __tablename__ = "trade_flow_groups"
    __table_args__ = (
        # the groups several sources state (a tenth of them): "stated by more than one source"
        # reads these, not every group (docs/queries/10)
        *(
            partial_index("trade_flow_groups", column, f"{column} > 1")
            for column in MULTI_SOURCE_COLUMNS
        ),
        {
            "comment": (
                "Trade claims summed up per group (reporter, partner, period, flow, measure and "
                "unit), kept in step with trade_flows and citations by the database's own "
                "triggers: never write to it. One row per group with a claim that is not "
                "rejected; the plain columns count curated and accepted claims, the all_ columns "
                "extracted claims too. trade_flow_consensus and disagreements read it."
            )
        },
    )

    reporter_country_id: Mapped[int] = mapped_column(ForeignKey("countries.id", ondelete="CASCADE"))
    partner_country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="CASCADE"), index=True
    )
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    flow: Mapped[str] = mapped_column(String(16))
    measure: Mapped[str] = mapped_column(String(8))
    unit: Mapped[str] = mapped_column(String(16))
    # curated and accepted claims
    period_label: Mapped[str | None] = mapped_column(String(40))
    claim_count: Mapped[int] = mapped_column(Integer)
    source_count: Mapped[int] = mapped_column(Integer)
    claim_source_count: Mapped[int] = mapped_column(Integer)
    lowest: Mapped[Decimal | None] = mapped_column(Amount)
    highest: Mapped[Decimal | None] = mapped_column(Amount)
    qualifier_count: Mapped[int] = mapped_column(Integer)
    value_list: Mapped[str | None] = mapped_column(Text)
    # extracted claims too
    all_period_label: Mapped[str | None] = mapped_column(String(40))
    all_claim_count: Mapped[int] = mapped_column(Integer)
    all_source_count: Mapped[int] = mapped_column(Integer)
    all_claim_source_count: Mapped[int] = mapped_column(Integer)
    all_lowest: Mapped[Decimal | None] = mapped_column(Amount)
    all_highest: Mapped[Decimal | None] = mapped_column(Amount)
    all_qualifier_count: Mapped[int] = mapped_column(Integer)
    all_value_list: Mapped[str | None] = mapped_column(Text)
