"""Agreements: treaties, intergovernmental agreements, MoUs, contracts, loans and packages."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import (
    DATE_PRECISIONS,
    VALUE_QUALIFIERS,
    Base,
    CuratedMixin,
    IdMixin,
    MoneyMixin,
    PartyMixin,
    index_where_set,
    one_of,
)

AGREEMENT_KINDS = (
    "treaty",
    "intergovernmental",
    "memorandum",
    "commercial_contract",
    "loan",
    "investment",
    "package",
    "declaration",
    "other",
)
AGREEMENT_STATUSES = ("signed", "announced", "awarded", "pledged", "proposed")
PARTY_ROLES = (
    "party",
    "signatory",
    "lender",
    "borrower",
    "contractor",
    "client",
    "investor",
    "guarantor",
    "beneficiary",
)


class Agreement(IdMixin, CuratedMixin, MoneyMixin, Base):
    __tablename__ = "agreements"
    __table_args__ = (
        *CuratedMixin.fact_checks(),
        *MoneyMixin.money_checks(),
        one_of("kind", AGREEMENT_KINDS),
        one_of("status", AGREEMENT_STATUSES),
        one_of("signed_date_precision", DATE_PRECISIONS),
        CheckConstraint("document_count > 0", name="document_count_positive"),
        one_of("document_count_qualifier", VALUE_QUALIFIERS),
        CheckConstraint(
            "document_count_qualifier IS NULL OR document_count IS NOT NULL",
            name="document_count_qualifier_has_count",
        ),
        CheckConstraint("part_of_agreement_id <> id", name="not_part_of_itself"),
        # most agreements have no event, project or package: partial indexes (see
        # index_where_set), so counting a project's agreements never scans them all
        *(
            index_where_set("agreements", column)
            for column in ("event_id", "project_id", "part_of_agreement_id")
        ),
        {
            "comment": (
                "A treaty, agreement, MoU, contract or loan, or a package of them counted "
                "together (dozens of commercial agreements signed at one forum)."
            )
        },
    )

    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(16))
    document_count: Mapped[int | None] = mapped_column(Integer)
    document_count_qualifier: Mapped[str | None] = mapped_column(String(10))
    signed_date: Mapped[date | None] = mapped_column(Date, index=True)
    signed_date_precision: Mapped[str | None] = mapped_column(String(8))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    part_of_agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="SET NULL")
    )
    description: Mapped[str | None] = mapped_column(Text)


class AgreementParty(IdMixin, Base, PartyMixin):
    __tablename__ = "agreement_parties"
    __table_args__ = (
        PartyMixin.party_check(),
        one_of("role", PARTY_ROLES),
        {
            "comment": "The parties to an agreement, each a country, an organisation or a person, with a role."
        },
    )

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(16))


class AgreementSector(Base):
    __tablename__ = "agreement_sectors"
    __table_args__ = {"comment": "The sectors an agreement covers."}

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True
    )
    sector_id: Mapped[int] = mapped_column(
        ForeignKey("sectors.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class AgreementCountry(IdMixin, Base):
    """A summary of agreement_parties, kept in step by the database's own triggers
    (models/summaries.py): no writer maintains it, and none can forget it."""

    __tablename__ = "agreement_countries"
    __table_args__ = (
        UniqueConstraint("agreement_id", "country_id"),
        {
            "comment": (
                "Which countries each agreement involves, one row per agreement and country: "
                "a summary of agreement_parties kept in step by triggers (a party organisation "
                "or person counts for its country), read by the deal_countries view."
            )
        },
    )

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="CASCADE"), index=True
    )
    party_count: Mapped[int] = mapped_column(Integer)
    link_count: Mapped[int] = mapped_column(Integer)
