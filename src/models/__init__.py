"""The silkledger schema: SQLAlchemy 2.0 typed models, one module per area.

This package is the schema and nothing else; it imports nothing from loaders, reports or the CLI.
The ``comment`` on every table and column is the data dictionary: tables carry theirs, columns get
theirs from the field dictionary (fields.py) once every model is defined.
"""

from .agreements import Agreement, AgreementCountry, AgreementParty, AgreementSector
from .base import Base
from .events import Event, EventParticipant
from .feeds import Feed, FeedItem, FetchedPage
from .fields import apply_comments
from .indicators import Indicator
from .mentions import Mention
from .parties import Organization, OrganizationAlias, Person, PersonAlias
from .projects import Project, ProjectAlias, ProjectCountry, ProjectOrganization
from .provenance import Citation, Source, SourceFactCount
from .reference import Country, CountryAlias, CountryGroupMember, CurrencyRate, Sector
from .review import ProposedName, ReviewAction
from .runs import ReportRun
from .trade import TradeFlow, TradeFlowGroup

metadata = Base.metadata
apply_comments(metadata)

# Fact tables: each has key, review_status, loaded_by and citations.
FACT_MODELS = (Event, Agreement, TradeFlow, Project, Indicator)

# What seed records, extracted facts and mentions name things by: kind -> (model, natural key).
NATURAL_KEYS = {
    "country": (Country, Country.iso3),
    "organization": (Organization, Organization.key),
    "person": (Person, Person.key),
    "sector": (Sector, Sector.key),
    "event": (Event, Event.key),
    "project": (Project, Project.key),
    "agreement": (Agreement, Agreement.key),
}

__all__ = [
    "FACT_MODELS",
    "NATURAL_KEYS",
    "Agreement",
    "AgreementCountry",
    "AgreementParty",
    "AgreementSector",
    "Base",
    "Citation",
    "Country",
    "CountryAlias",
    "CountryGroupMember",
    "CurrencyRate",
    "Event",
    "EventParticipant",
    "Feed",
    "FeedItem",
    "FetchedPage",
    "Indicator",
    "Mention",
    "Organization",
    "OrganizationAlias",
    "Person",
    "PersonAlias",
    "Project",
    "ProjectAlias",
    "ProjectCountry",
    "ProjectOrganization",
    "ProposedName",
    "ReportRun",
    "ReviewAction",
    "Sector",
    "Source",
    "SourceFactCount",
    "TradeFlow",
    "TradeFlowGroup",
    "metadata",
]
