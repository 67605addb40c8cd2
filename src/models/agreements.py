"""Agreements: treaties, intergovernmental agreements, MoUs, contracts, loans and packages."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import (
    DATE_PRECISIONS,
    VALUE_QUALIFIERS,
    Base,
    CuratedMixin,
    MoneyMixin,
    PartyMixin,
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


class Agreement(CuratedMixin, MoneyMixin, Base):
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
        {
            "comment": (
                "A treaty, agreement, MoU, contract or loan, or a package of them "
                "(58 commercial agreements worth $24 billion)."
            )
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    title: Mapped[str] = mapped_column(Text, comment="What was agreed, in a short title.")
    kind: Mapped[str] = mapped_column(
        String(24),
        comment=(
            "treaty, intergovernmental, memorandum, commercial_contract, loan, investment, "
            "package (several documents counted together), declaration or other."
        ),
    )
    status: Mapped[str] = mapped_column(
        String(16), comment="signed, announced, awarded, pledged or proposed."
    )
    document_count: Mapped[int | None] = mapped_column(
        Integer, comment="Number of documents: 1 for a single agreement, 58 for a package of 58."
    )
    document_count_qualifier: Mapped[str | None] = mapped_column(
        String(10),
        comment=(
            "How document_count was stated: exact, over, about, nearly, up_to, at_least or under "
            '(over for "more than 35 memoranda": the count is a lower bound, and so is any sum '
            "of it). NULL when no count is stated."
        ),
    )
    signed_date: Mapped[date | None] = mapped_column(
        Date,
        index=True,
        comment="Date signed or announced (first of the month or year when less precise).",
    )
    signed_date_precision: Mapped[str | None] = mapped_column(
        String(8), comment="Precision of signed_date: day, month or year."
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"),
        index=True,
        comment="The event at which it was signed or announced.",
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="SET NULL"),
        index=True,
        comment="The project it concerns, if one.",
    )
    part_of_agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="SET NULL"),
        index=True,
        comment=(
            "The package this agreement is one of (the $1 billion CNPC deal within the "
            "$1.5 billion of oil and gas deals). Totals count top-level agreements only, so a "
            "component is never added to its package twice."
        ),
    )
    description: Mapped[str | None] = mapped_column(Text, comment="What it covers, in a sentence.")


class AgreementParty(Base, PartyMixin):
    __tablename__ = "agreement_parties"
    __table_args__ = (
        PartyMixin.party_check(),
        one_of("role", PARTY_ROLES),
        {
            "comment": "The parties to an agreement, each a country, an organisation or a person, with a role."
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Surrogate key.")
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True, comment="The agreement."
    )
    role: Mapped[str] = mapped_column(
        String(16),
        comment="party, signatory, lender, borrower, contractor, client, investor, guarantor or beneficiary.",
    )


class AgreementSector(Base):
    __tablename__ = "agreement_sectors"
    __table_args__ = {"comment": "The sectors an agreement covers."}

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True, comment="The agreement."
    )
    sector_id: Mapped[int] = mapped_column(
        ForeignKey("sectors.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
        comment="A sector it covers.",
    )
