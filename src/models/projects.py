"""Projects: railways, roads, dry ports, pipelines, plants, mines, ICT centres, routes, funds."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, CuratedMixin, IdMixin, MoneyMixin, one_of

PROJECT_KINDS = (
    "railway",
    "road",
    "dry_port",
    "logistics_centre",
    "pipeline",
    "power_plant",
    "nuclear_plant",
    "gas_chemical_plant",
    "industrial_plant",
    "mine",
    "ict_centre",
    "flight_route",
    "transport_route",
    "corridor",
    "workshop",
    "fund",
    "research_centre",
    "other",
)
PROJECT_STATUSES = (
    "proposed",
    "planned",
    "agreed",
    "under_construction",
    "operational",
    "completed",
    "cancelled",
)
PROJECT_COUNTRY_ROLES = ("host", "partner", "transit", "financier", "origin", "destination")
PROJECT_ORGANIZATION_ROLES = (
    "contractor",
    "operator",
    "financier",
    "investor",
    "owner",
    "partner",
    "developer",
)


class Project(IdMixin, CuratedMixin, MoneyMixin, Base):
    __tablename__ = "projects"
    __table_args__ = (
        *CuratedMixin.fact_checks(),
        *MoneyMixin.money_checks(),
        one_of("kind", PROJECT_KINDS),
        one_of("status", PROJECT_STATUSES),
        CheckConstraint("end_year >= start_year", name="year_order"),
        {
            "comment": "Infrastructure, energy, industrial, digital and other projects, with their status."
        },
    )

    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(24))
    sector_id: Mapped[int | None] = mapped_column(
        ForeignKey("sectors.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str | None] = mapped_column(String(24))
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)


class ProjectAlias(IdMixin, Base):
    __tablename__ = "project_aliases"
    __table_args__ = {"comment": "Other names for a project (CKU railway)."}

    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(300), unique=True)


class ProjectCountry(Base):
    __tablename__ = "project_countries"
    __table_args__ = (
        one_of("role", PROJECT_COUNTRY_ROLES),
        {"comment": "Countries a project involves, with their role."},
    )

    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    country_id: Mapped[int] = mapped_column(
        ForeignKey("countries.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(16), primary_key=True)


class ProjectOrganization(Base):
    __tablename__ = "project_organizations"
    __table_args__ = (
        one_of("role", PROJECT_ORGANIZATION_ROLES),
        {"comment": "Organisations a project involves, with their role."},
    )

    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
