"""Builders for test data: small, explicit rows made by the test itself (not from the seed)."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from decimal import Decimal

from silkledger.models import (
    Agreement,
    AgreementParty,
    AgreementSector,
    Citation,
    Country,
    CountryAlias,
    CountryGroupMember,
    CurrencyRate,
    Event,
    EventParticipant,
    Feed,
    FeedItem,
    FetchedPage,
    Indicator,
    Mention,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Project,
    ProjectAlias,
    ProjectCountry,
    ProjectOrganization,
    ProposedName,
    ReportRun,
    ReviewAction,
    Sector,
    Source,
    TradeFlow,
)
from sqlalchemy.orm import Session

ARTICLE = "Kazakhstan and China traded goods worth $30.05 billion in 2024."


def country(session: Session, iso3: str, name: str, **extra) -> Country:
    row = Country(iso3=iso3, name=name, **extra)
    session.add(row)
    session.flush()
    return row


def source(session: Session, key: str = "test-article", text: str = ARTICLE) -> Source:
    row = Source(
        key=key,
        title=f"Test article {key}",
        body_text=text,
        content_sha256=hashlib.sha256(text.encode()).hexdigest(),
        load_method="text",
        loaded_by="article",
    )
    session.add(row)
    session.flush()
    return row


def cite(session: Session, src: Source, quote: str, **fact) -> Citation:
    start = src.body_text.index(quote)
    row = Citation(
        source_id=src.id, quote=quote, char_start=start, char_end=start + len(quote), **fact
    )
    session.add(row)
    session.flush()
    return row


def fact_defaults(key: str) -> dict:
    return {"key": key, "review_status": "curated", "loaded_by": "manual"}


def populate_every_table(session: Session) -> None:
    """One row (at least) in every table of the schema, all linked as in real data."""
    kaz = country(
        session, "KAZ", "Kazakhstan", iso2="KZ", numeric_code="398", region="Central Asia"
    )
    chn = country(session, "CHN", "China", iso2="CN", numeric_code="156", region="Eastern Asia")
    xca = country(session, "XCA", "Central Asia", is_aggregate=True)
    session.add_all(
        [
            CountryAlias(country_id=kaz.id, alias="Kazakh", kind="demonym"),
            CountryGroupMember(group_country_id=xca.id, member_country_id=kaz.id),
        ]
    )
    energy = Sector(key="energy", name="Energy")
    session.add(energy)
    session.add(
        CurrencyRate(
            currency="CNY",
            valid_from=date(2024, 1, 1),
            valid_to=date(2024, 12, 31),
            usd_per_unit=Decimal("0.139"),
            source_note="test rate",
        )
    )
    cnpc = Organization(
        key="cnpc", name="CNPC", kind="company", country_id=chn.id, loaded_by="manual"
    )
    session.add(cnpc)
    session.flush()
    session.add(
        OrganizationAlias(organization_id=cnpc.id, alias="China National Petroleum Corporation")
    )
    xi = Person(key="xi-jinping", name="Xi Jinping", country_id=chn.id, loaded_by="manual")
    session.add(xi)
    session.flush()
    session.add(PersonAlias(person_id=xi.id, alias="Си Цзиньпин"))
    src = source(session)
    summit = Event(
        **fact_defaults("ev-test"),
        kind="summit",
        title="Test summit",
        start_date=date(2025, 6, 17),
        end_date=date(2025, 6, 17),
        date_precision="day",
        country_id=kaz.id,
    )
    project = Project(
        **fact_defaults("prj-test"), name="Test railway", kind="railway", status="planned"
    )
    session.add_all([summit, project])
    session.flush()
    session.add(EventParticipant(event_id=summit.id, country_id=chn.id, role="participant"))
    session.add(ProjectAlias(project_id=project.id, alias="TR"))
    session.add(ProjectCountry(project_id=project.id, country_id=kaz.id, role="host"))
    session.add(
        ProjectOrganization(project_id=project.id, organization_id=cnpc.id, role="contractor")
    )
    deal = Agreement(
        **fact_defaults("ag-test"),
        title="Test agreement",
        kind="commercial_contract",
        status="signed",
        document_count=1,
        value_amount=Decimal("1000000000"),
        value_currency="USD",
        value_qualifier="exact",
        value_usd=Decimal("1000000000"),
        event_id=summit.id,
        project_id=project.id,
    )
    flow = TradeFlow(
        **fact_defaults("tf-test"),
        reporter_country_id=kaz.id,
        partner_country_id=chn.id,
        period_start=date(2024, 1, 1),
        period_end=date(2024, 12, 31),
        period_label="2024",
        flow="turnover",
        measure="value",
        value=Decimal("30050000000"),
        unit="USD",
    )
    indicator = Indicator(
        **fact_defaults("ind-test"),
        name="Test jobs",
        metric="jobs",
        country_id=kaz.id,
        value=Decimal("50000"),
        unit="count",
    )
    session.add_all([deal, flow, indicator])
    session.flush()
    session.add(AgreementParty(agreement_id=deal.id, organization_id=cnpc.id, role="contractor"))
    session.add(AgreementSector(agreement_id=deal.id, sector_id=energy.id))
    cite(session, src, "$30.05 billion in 2024", trade_flow_id=flow.id)
    for fact in (
        {"event_id": summit.id},
        {"agreement_id": deal.id},
        {"project_id": project.id},
        {"indicator_id": indicator.id},
    ):
        cite(session, src, "Kazakhstan and China", **fact)
    copy = source(session, "test-article-copy", ARTICLE + " Updated.")
    copy.near_duplicate_of_source_id = src.id
    copy.near_duplicate_similarity = 0.95
    session.add(
        Mention(
            source_id=src.id,
            country_id=kaz.id,
            mention_text="Kazakhstan",
            char_start=0,
            char_end=len("Kazakhstan"),
        )
    )
    now = datetime(2026, 1, 1, tzinfo=UTC)
    session.add(
        ReviewAction(
            fact_table="trade_flows",
            fact_key=flow.key,
            fact_id=flow.id,
            action="accept",
            actor="tester",
            acted_at=now,
            changes='{"review_status": ["extracted", "accepted"]}',
        )
    )
    session.add(
        ReportRun(job_name="test", report="deals", due_at=now, started_at=now, status="succeeded")
    )
    page_url = "https://news.example/kazakh-chinese-trade"
    session.add(
        FetchedPage(
            url=page_url,
            final_url=page_url,
            canonical_url=page_url,
            source_id=src.id,
            http_status=200,
            content_type="text/html",
            fetched_at=now,
            raw_bytes=b"<html><body><p>Trade rose.</p></body></html>",
        )
    )
    proposal = ProposedName(
        key="test-article.agreement-0-1.organization-0",
        kind="organization",
        name="Tianshan Cement Group",
        organization_kind="company",
        role="party",
        source_id=src.id,
        quote=ARTICLE[:20],
        char_start=0,
        char_end=5,
        agreement_id=deal.id,
        status="accepted",
        organization_id=cnpc.id,
    )
    session.add(proposal)
    session.flush()
    session.add(
        ReviewAction(
            fact_table="proposed_names",
            fact_key=proposal.key,
            fact_id=proposal.id,
            action="accept",
            actor="tester",
            acted_at=now,
        )
    )
    feed = Feed(name="news", url="https://news.example/feed.xml", added_at=now)
    session.add(feed)
    session.flush()
    session.add(
        FeedItem(
            feed_id=feed.id,
            item_key=page_url,
            link=page_url,
            first_seen_at=now,
            status="loaded",
            source_id=src.id,
        )
    )
    session.flush()
