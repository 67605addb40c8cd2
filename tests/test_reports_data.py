"""Test data for the report tests, built with the ORM (no tests here; imported by the
test_reports_* modules).

The figures and quotes come from the seed articles (seed/articles/*.txt): Kazakhstan–China
turnover in 2024 stated as $30.05bn and $43.8bn (000, the latter by Kuantyrov), $44bn (002,
by Tokayev) and "exceeded $44 billion" (003); 58 commercial agreements worth $24bn at the Astana
forum; 24 agreements signed during Xi's visit. Records marked "test-built" are made up here to
exercise filters, currencies, review states and formula injection.
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

from silkledger.models import (
    Agreement,
    AgreementParty,
    AgreementSector,
    Citation,
    Country,
    Event,
    Organization,
    Person,
    Project,
    ProjectCountry,
    ProjectOrganization,
    Sector,
    Source,
    TradeFlow,
)
from sqlalchemy import Engine
from sqlalchemy.orm import Session

ARTICLES = Path(__file__).resolve().parents[1] / "seed" / "articles"
SOURCES = {
    "000_6060bbb4ab9dde19": (
        "Relations between China and Central Asia surge forward during Xi's visit",
        None,
        date(2025, 6, 1),
        "month",
    ),
    "001_6f6e2d4435784dae": (
        "CHINA – A STRATEGIC PARTNER OF CENTRAL ASIA",
        "Abdurahmon Habibov",
        date(2025, 6, 17),
        "day",
    ),
    "002_1e87d0e1641d56e9": (
        "China and Central Asia organized the second bilateral Summit",
        None,
        date(2025, 9, 1),
        "month",
    ),
    "003_f6314906d5230dff": (
        "THE DRAGON'S ‘SOFT POWER’",
        "Ilgar Velizade",
        date(2025, 1, 1),
        "year",
    ),
    "004_edffaadea7f12df2": (
        "China-Central Asia Cooperation Shows No Signs of Slowing",
        None,
        date(2024, 1, 1),
        "year",
    ),
}
INJECTION_TITLES = ('=HYPERLINK("http://example.com","click")', "+1", "-2", "@x")
KAZ_CHN_2024_TURNOVER_BN = (30.05, 43.8, 44.0)


class Sample:
    """Handles to what ``build_sample`` made, for the tests' expectations."""

    def __init__(self):
        self.countries: dict[str, Country] = {}
        self.sources: dict[str, Source] = {}


def _cite(session, sample, source_key, quote=None, stated_value=None, **fact):
    src = sample.sources[source_key]
    if quote is None:
        quote = src.body_text.strip()[:40]
    start = src.body_text.index(quote)
    session.add(
        Citation(
            source_id=src.id,
            quote=quote,
            char_start=start,
            char_end=start + len(quote),
            stated_value=stated_value,
            **fact,
        )
    )


def build_sample(engine: Engine, *, evil_source_title: bool = True) -> Sample:
    sample = Sample()
    with Session(engine) as session, session.begin():
        for iso3, name, region, aggregate in [
            ("CHN", "China", "Eastern Asia", False),
            ("KAZ", "Kazakhstan", "Central Asia", False),
            ("KGZ", "Kyrgyzstan", "Central Asia", False),
            ("TJK", "Tajikistan", "Central Asia", False),
            ("TKM", "Turkmenistan", "Central Asia", False),
            ("UZB", "Uzbekistan", "Central Asia", False),
            ("RUS", "Russian Federation", "Eastern Europe", False),
            ("XCA", "Central Asia", None, True),
        ]:
            row = Country(iso3=iso3, name=name, region=region, is_aggregate=aggregate)
            session.add(row)
            sample.countries[iso3] = row
        for key, (title, author, published, precision) in SOURCES.items():
            body = (ARTICLES / f"{key}.txt").read_text(encoding="utf-8")
            row = Source(
                key=key,
                title=title,
                author=author,
                published_date=published,
                published_date_precision=precision,
                body_text=body,
                content_sha256=hashlib.sha256(body.encode()).hexdigest(),
                load_method="seed",
                loaded_by="seed",
            )
            session.add(row)
            sample.sources[key] = row
        # test-built: a source whose title is a formula, cited by the "@x" agreement below
        evil_body = "A test-built article whose headline is a formula."
        evil = Source(
            key="test-evil-title",
            title='=HYPERLINK("http://example.com","source")' if evil_source_title else "Plain",
            url="https://example.com/evil",
            body_text=evil_body,
            content_sha256=hashlib.sha256(evil_body.encode()).hexdigest(),
            load_method="text",
            loaded_by="article",
        )
        session.add(evil)
        sample.sources["test-evil-title"] = evil
        session.flush()
        c = sample.countries

        energy = Sector(key="energy", name="Energy")
        industry = Sector(key="industry", name="Industry")
        politics = Sector(key="politics", name="Politics")
        rail = Sector(key="rail", name="Rail")
        session.add_all([energy, industry, politics, rail])
        cdb = Organization(
            key="china-development-bank",
            name="China Development Bank",
            kind="bank",
            country_id=c["CHN"].id,
            loaded_by="seed",
        )
        cnnc = Organization(
            key="cnnc",
            name="China National Nuclear Corporation",
            kind="company",
            country_id=c["CHN"].id,
            loaded_by="seed",
        )
        kuantyrov = Person(
            key="alibek-kuantyrov",
            name="Alibek Kuantyrov",
            country_id=c["KAZ"].id,
            loaded_by="seed",
        )
        tokayev = Person(
            key="kassym-jomart-tokayev",
            name="Kassym-Jomart Tokayev",
            country_id=c["KAZ"].id,
            loaded_by="seed",
        )
        session.add_all([cdb, cnnc, kuantyrov, tokayev])
        summit = Event(
            key="ev-2025-06-17-astana-summit",
            kind="summit",
            title="Second China–Central Asia Summit",
            start_date=date(2025, 6, 17),
            end_date=date(2025, 6, 17),
            date_precision="day",
            review_status="curated",
            loaded_by="seed",
        )
        session.add(summit)
        session.flush()

        def agreement(key, title, parties, sectors=(), sources=(), **values):
            values.setdefault("review_status", "curated")
            values.setdefault("status", "signed")
            row = Agreement(key=key, title=title, loaded_by="seed", **values)
            session.add(row)
            session.flush()
            for party, role in parties:
                field = {
                    Country: "country_id",
                    Organization: "organization_id",
                    Person: "person_id",
                }[type(party)]
                session.add(AgreementParty(agreement_id=row.id, role=role, **{field: party.id}))
            for sector in sectors:
                session.add(AgreementSector(agreement_id=row.id, sector_id=sector.id))
            for source in sources:
                source_key, quote = source if isinstance(source, tuple) else (source, None)
                _cite(session, sample, source_key, quote, agreement_id=row.id)
            return row

        agreement(
            "ag-2025-06-astana-forum-58-commercial",
            "58 commercial agreements at the second Central Asia–China Industrial and Investment "
            "Cooperation Forum",
            [(c["KAZ"], "party"), (c["CHN"], "party")],
            [industry, energy],
            [("000_6060bbb4ab9dde19", "58 commercial agreements")],
            kind="package",
            document_count=58,
            value_amount=Decimal("24000000000"),
            value_currency="USD",
            value_qualifier="exact",
            value_usd=Decimal("24000000000"),
            signed_date=date(2025, 6, 1),
            signed_date_precision="month",
            event_id=summit.id,
        )
        agreement(
            "ag-2025-06-16-kaz-chn-24-agreements",
            "24 intergovernmental and interdepartmental agreements signed during Xi Jinping's "
            "working visit to Kazakhstan",
            [(c["KAZ"], "party"), (c["CHN"], "party")],
            [energy],
            [
                (
                    "002_1e87d0e1641d56e9",
                    "24 intergovernmental and interdepartmental agreements",
                ),
                ("003_f6314906d5230dff", "The 24 agreements and memoranda"),
            ],
            kind="package",
            document_count=24,
            signed_date=date(2025, 6, 16),
            signed_date_precision="day",
        )
        agreement(
            "ag-2023-xian-declaration",
            "Xi'an Declaration of the first China–Central Asia Summit",
            [(c["CHN"], "party"), (c["XCA"], "party")],
            [politics],
            ["004_edffaadea7f12df2"],
            kind="declaration",
            document_count=1,
            signed_date=date(2023, 1, 1),
            signed_date_precision="year",
        )
        agreement(
            "ag-chn-uzb-visa-free-regime",
            "Mutual visa-free regime between China and Uzbekistan",
            [(c["CHN"], "party"), (c["UZB"], "party")],
            [],
            ["001_6f6e2d4435784dae"],
            kind="intergovernmental",
        )
        # test-built: a yuan loan through an organisation party (China via its bank)
        agreement(
            "test-kgz-cny-loan",
            "Test-built yuan loan to Kyrgyzstan",
            [(cdb, "lender"), (c["KGZ"], "borrower")],
            [rail],
            ["001_6f6e2d4435784dae"],
            kind="loan",
            document_count=1,
            value_amount=Decimal("3500000000"),
            value_currency="CNY",
            value_qualifier="about",
            value_usd=Decimal("490000000"),
            signed_date=date(2024, 3, 5),
            signed_date_precision="day",
        )
        # test-built: an unreviewed and a rejected agreement
        agreement(
            "test-extracted-loan",
            "Test-built extracted loan to Turkmenistan",
            [(c["TKM"], "borrower"), (cdb, "lender")],
            [energy],
            ["002_1e87d0e1641d56e9"],
            kind="loan",
            document_count=1,
            value_amount=Decimal("100000000"),
            value_currency="USD",
            value_usd=Decimal("100000000"),
            signed_date=date(2024, 8, 1),
            signed_date_precision="day",
            review_status="extracted",
        )
        agreement(
            "test-rejected",
            "Test-built rejected agreement",
            [(c["KAZ"], "party")],
            [],
            ["002_1e87d0e1641d56e9"],
            kind="other",
            review_status="rejected",
            signed_date=date(2024, 9, 1),
            signed_date_precision="day",
        )
        # test-built: titles that a spreadsheet would evaluate
        for index, title in enumerate(INJECTION_TITLES):
            agreement(
                f"test-injection-{index}",
                title,
                [(c["TJK"], "party"), (c["CHN"], "party")],
                [],
                ["test-evil-title" if title == "@x" else "004_edffaadea7f12df2"],
                kind="memorandum",
                document_count=1,
                signed_date=date(2022, 1, 1 + index),
                signed_date_precision="day",
            )

        cku = Project(
            key="prj-cku-railway",
            name="China–Kyrgyzstan–Uzbekistan railway",
            kind="railway",
            sector_id=rail.id,
            status="under_construction",
            review_status="curated",
            loaded_by="seed",
        )
        npp = Project(
            key="prj-kaz-second-npp",
            name="Kazakhstan's second nuclear power plant",
            kind="nuclear_plant",
            sector_id=energy.id,
            status="agreed",
            start_year=2025,
            review_status="curated",
            loaded_by="seed",
        )
        session.add_all([cku, npp])
        session.flush()
        for project, iso3, role in [
            (cku, "CHN", "partner"),
            (cku, "KGZ", "transit"),
            (cku, "UZB", "partner"),
            (npp, "KAZ", "host"),
        ]:
            session.add(ProjectCountry(project_id=project.id, country_id=c[iso3].id, role=role))
        session.add(
            ProjectOrganization(project_id=npp.id, organization_id=cnnc.id, role="contractor")
        )
        _cite(session, sample, "000_6060bbb4ab9dde19", "CKU railway", project_id=cku.id)
        _cite(session, sample, "003_f6314906d5230dff", project_id=npp.id)

        def flow(key, reporter, partner, period, flow, measure, value, unit, cites, **extra):
            extra.setdefault("review_status", "curated")
            start, end, label = period
            row = TradeFlow(
                key=key,
                reporter_country_id=c[reporter].id,
                partner_country_id=c[partner].id,
                period_start=start,
                period_end=end,
                period_label=label,
                flow=flow,
                measure=measure,
                value=Decimal(value),
                unit=unit,
                value_usd=Decimal(value) if unit == "USD" else None,
                loaded_by="seed",
                **extra,
            )
            session.add(row)
            session.flush()
            for source_key, quote, stated in cites:
                _cite(session, sample, source_key, quote, stated, trade_flow_id=row.id)
            return row

        y2024 = (date(2024, 1, 1), date(2024, 12, 31), "2024")
        y2023 = (date(2023, 1, 1), date(2023, 12, 31), "2023")
        jan_apr_2025 = (date(2025, 1, 1), date(2025, 4, 30), "2025-01..2025-04")
        flow(
            "tf-kaz-chn-2024-turnover-30.05", "KAZ", "CHN", y2024, "turnover", "value",
            "30050000000", "USD",
            [("000_6060bbb4ab9dde19", "racking up $30.05 billion in bilateral trade in 2024",
              "$30.05 billion")],
        )  # fmt: skip
        flow(
            "tf-kaz-chn-2024-turnover-43.8", "KAZ", "CHN", y2024, "turnover", "value",
            "43800000000", "USD",
            [("000_6060bbb4ab9dde19",
              "The trade turnover between our countries has already reached $43.8 billion",
              "$43.8 billion")],
            attributed_to_person_id=kuantyrov.id,
        )  # fmt: skip
        flow(
            "tf-kaz-chn-2024-turnover-44", "KAZ", "CHN", y2024, "turnover", "value",
            "44000000000", "USD",
            [("002_1e87d0e1641d56e9",
              "He reported that Kazakhstan’s trade turnover with China had reached $44 billion",
              "$44 billion")],
            attributed_to_person_id=tokayev.id,
        )  # fmt: skip
        flow(
            "tf-kaz-chn-2024-turnover-over-44", "KAZ", "CHN", y2024, "turnover", "value",
            "44000000000", "USD",
            [("003_f6314906d5230dff", "trade turnover exceeded $44 billion by the end of 2024",
              "exceeded $44 billion")],
            value_qualifier="over",
        )  # fmt: skip
        flow(
            "tf-kaz-chn-2024-exports-14.89", "KAZ", "CHN", y2024, "exports", "value",
            "14890000000", "USD",
            [("000_6060bbb4ab9dde19", "exports increasing slightly to $14.89 billion in 2024",
              "$14.89 billion")],
        )  # fmt: skip
        flow(
            "tf-kaz-chn-2025-jan-apr-turnover-8.57", "KAZ", "CHN", jan_apr_2025, "turnover",
            "value", "8570000000", "USD",
            [("000_6060bbb4ab9dde19", "trade turnover between the two nations amounted to $8.57 "
              "billion", "$8.57 billion")],
        )  # fmt: skip
        flow(
            "tf-kaz-chn-2025-jan-apr-exports-share-15.5", "KAZ", "CHN", jan_apr_2025, "exports",
            "share", "15.5", "percent",
            [("000_6060bbb4ab9dde19", "China represented 15.5% of Kazakhstan's total exports",
              "15.5%")],
        )  # fmt: skip
        flow(
            "tf-kaz-chn-2024-cargo-tonnes-29.3m", "KAZ", "CHN", y2024, "turnover", "volume",
            "29300000", "tonnes",
            [("000_6060bbb4ab9dde19", "reaching 29.3 million tons", "29.3 million tons")],
        )  # fmt: skip
        flow(
            "tf-kaz-chn-2024-transit-containers-211000", "KAZ", "CHN", y2024, "transit", "volume",
            "211000", "containers",
            [("002_1e87d0e1641d56e9", "exceeded 211,000", "exceeded 211,000")],
        )  # fmt: skip
        flow(
            "tf-uzb-chn-2024-turnover-13.7", "UZB", "CHN", y2024, "turnover", "value",
            "13700000000", "USD", [("003_f6314906d5230dff", "$13.7 billion", "$13.7 billion")],
        )  # fmt: skip
        flow(
            "tf-xca-chn-2024-turnover-95", "XCA", "CHN", y2024, "turnover", "value",
            "95000000000", "USD",
            [("000_6060bbb4ab9dde19", "$95 billion", "$95 billion"),
             ("003_f6314906d5230dff", "$95 billion", "$95 billion")],
        )  # fmt: skip
        flow(
            "tf-xca-chn-2024-turnover-94.8", "XCA", "CHN", y2024, "turnover", "value",
            "94800000000", "USD",
            [("001_6f6e2d4435784dae", "USD 94.8 billion", "USD 94.8 billion"),
             ("002_1e87d0e1641d56e9", "$94.8 billion", "a record high of $94.8 billion")],
        )  # fmt: skip
        flow(
            "tf-xca-chn-2023-turnover-nearly-90", "XCA", "CHN", y2023, "turnover", "value",
            "90000000000", "USD", [("004_edffaadea7f12df2", None, "bordered on $90 billion")],
            value_qualifier="nearly",
        )  # fmt: skip
        # test-built: unreviewed and injection-bearing claims
        flow(
            "test-tkm-chn-2024-turnover-extracted", "TKM", "CHN", y2024, "turnover", "value",
            "10000000000", "USD", [("002_1e87d0e1641d56e9", None, "=1+1")],
            review_status="extracted",
        )  # fmt: skip
    return sample


# --------------------------------------------------------------------------- reading workbooks

AS_OF = "2025-07-01T09:00:00"


def table_rows(ws, name: str) -> list[dict]:
    """The rows of the Excel table ``name`` on ``ws`` as dicts keyed by header."""
    from openpyxl.utils.cell import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(ws.tables[name].ref)
    rows = list(
        ws.iter_rows(
            min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col, values_only=True
        )
    )
    header = rows[0]
    return [
        dict(zip(header, row, strict=True)) for row in rows[1:] if any(v is not None for v in row)
    ]


def all_cells(workbook) -> dict[str, list[tuple]]:
    """Every cell's value and type, sheet by sheet: what 'the same cell contents' compares."""
    return {
        ws.title: [
            tuple((cell.value, cell.data_type, cell.number_format) for cell in row)
            for row in ws.iter_rows()
        ]
        for ws in workbook.worksheets
    }
