"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 02:23:19.588415+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "countries",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "iso3",
            sa.String(length=3),
            nullable=False,
            comment="ISO 3166-1 alpha-3 code, the readable key (KAZ); aggregates use a user-assigned code (XCA).",
        ),
        sa.Column(
            "iso2",
            sa.String(length=2),
            nullable=True,
            comment="ISO 3166-1 alpha-2 code (KZ); NULL for aggregates.",
        ),
        sa.Column(
            "numeric_code",
            sa.String(length=3),
            nullable=True,
            comment="ISO 3166-1 numeric code as three digits (398); NULL for aggregates.",
        ),
        sa.Column(
            "name",
            sa.String(length=200),
            nullable=False,
            comment="Common English name (Kazakhstan).",
        ),
        sa.Column(
            "official_name",
            sa.String(length=300),
            nullable=True,
            comment="Official English name where ISO gives one (Republic of Kazakhstan).",
        ),
        sa.Column(
            "region",
            sa.String(length=100),
            nullable=True,
            comment="UN M49 sub-region (Central Asia, Eastern Asia) where known.",
        ),
        sa.Column(
            "is_aggregate",
            sa.Boolean(),
            nullable=False,
            comment="True for a group of countries treated as one party (Central Asia, EU).",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was first written to this database.",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was last changed.",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_countries")),
        sa.UniqueConstraint("iso2", name=op.f("uq_countries_iso2")),
        sa.UniqueConstraint("iso3", name=op.f("uq_countries_iso3")),
        comment="Every ISO 3166 country, plus aggregates that articles treat as one party (Central Asia as a whole, the EU), flagged is_aggregate.",
    )
    op.create_index(op.f("ix_countries_region"), "countries", ["region"], unique=False)

    op.create_table(
        "currency_rates",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("currency", sa.String(length=3), nullable=False, comment="ISO 4217 code (CNY)."),
        sa.Column(
            "valid_from", sa.Date(), nullable=False, comment="First day the rate applies to."
        ),
        sa.Column("valid_to", sa.Date(), nullable=False, comment="Last day the rate applies to."),
        sa.Column(
            "usd_per_unit",
            sa.Numeric(precision=28, scale=6),
            nullable=False,
            comment="US dollars for one unit of the currency.",
        ),
        sa.Column("source_note", sa.Text(), nullable=False, comment="Where the rate comes from."),
        sa.CheckConstraint(
            "usd_per_unit > 0", name=op.f("ck_currency_rates_usd_per_unit_positive")
        ),
        sa.CheckConstraint("valid_to >= valid_from", name=op.f("ck_currency_rates_valid_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_currency_rates")),
        sa.UniqueConstraint(
            "currency", "valid_from", name=op.f("uq_currency_rates_currency_valid_from")
        ),
        comment="Rates used to derive value_usd from amounts stated in other currencies.",
    )
    op.create_table(
        "report_runs",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "job_name",
            sa.String(length=200),
            nullable=False,
            comment="Job name from the jobs file.",
        ),
        sa.Column(
            "report",
            sa.String(length=32),
            nullable=False,
            comment="Which workbook: deals or trade.",
        ),
        sa.Column(
            "due_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="The scheduled time this run was for.",
        ),
        sa.Column(
            "started_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When the run started.",
        ),
        sa.Column(
            "finished_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When the run ended; NULL while running.",
        ),
        sa.Column(
            "status", sa.String(length=16), nullable=False, comment="running, succeeded or failed."
        ),
        sa.Column("file_path", sa.Text(), nullable=True, comment="The workbook written."),
        sa.Column(
            "file_size_bytes",
            sa.BigInteger(),
            nullable=True,
            comment="Size of the workbook in bytes.",
        ),
        sa.Column(
            "file_sha256",
            sa.String(length=64),
            nullable=True,
            comment="SHA-256 of the workbook, hex.",
        ),
        sa.Column("error", sa.Text(), nullable=True, comment="Why the run failed."),
        sa.CheckConstraint(
            "status IN ('running', 'succeeded', 'failed')", name=op.f("ck_report_runs_status")
        ),
        sa.CheckConstraint(
            "file_size_bytes >= 0", name=op.f("ck_report_runs_file_size_bytes_non_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_runs")),
        sa.UniqueConstraint("job_name", "due_at", name=op.f("uq_report_runs_job_name_due_at")),
        comment="Every scheduled report export: when it ran, how it ended and what it wrote.",
    )
    op.create_index(op.f("ix_report_runs_job_name"), "report_runs", ["job_name"], unique=False)

    op.create_table(
        "sectors",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("key", sa.String(length=100), nullable=False, comment="Stable slug (oil_gas)."),
        sa.Column(
            "name", sa.String(length=200), nullable=False, comment="Display name (Oil and gas)."
        ),
        sa.Column(
            "parent_id",
            sa.Integer(),
            nullable=True,
            comment="The broader sector (energy for oil_gas); NULL at the top level.",
        ),
        sa.Column("description", sa.Text(), nullable=True, comment="What the sector covers."),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["sectors.id"],
            name=op.f("fk_sectors_parent_id_sectors"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sectors")),
        sa.UniqueConstraint("key", name=op.f("uq_sectors_key")),
        comment="A small two-level taxonomy of economic sectors.",
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "key",
            sa.String(length=200),
            nullable=False,
            comment="Stable key, the file stem for seed articles.",
        ),
        sa.Column("title", sa.Text(), nullable=False, comment="Headline as the article gives it."),
        sa.Column(
            "author",
            sa.String(length=300),
            nullable=True,
            comment="Author where the article states one.",
        ),
        sa.Column(
            "publisher",
            sa.String(length=300),
            nullable=True,
            comment="Publisher, only where known; never guessed.",
        ),
        sa.Column(
            "url", sa.Text(), nullable=True, comment="Where the article was published, if known."
        ),
        sa.Column(
            "published_date",
            sa.Date(),
            nullable=True,
            comment="Publication date (first day of the month or year when less precise).",
        ),
        sa.Column(
            "published_date_precision",
            sa.String(length=8),
            nullable=True,
            comment="Precision of published_date: day, month or year.",
        ),
        sa.Column(
            "language",
            sa.String(length=8),
            nullable=False,
            comment="ISO 639-1 language code of the text.",
        ),
        sa.Column(
            "body_text",
            sa.Text(),
            nullable=False,
            comment="The full text as stored; citation spans are offsets into it.",
        ),
        sa.Column(
            "content_sha256",
            sa.String(length=64),
            nullable=False,
            comment="SHA-256 of body_text (UTF-8), hex; the same text is never stored twice.",
        ),
        sa.Column(
            "file_name",
            sa.String(length=500),
            nullable=True,
            comment="The file the article was loaded from.",
        ),
        sa.Column(
            "load_method",
            sa.String(length=16),
            nullable=False,
            comment="How the text was read: seed, text, markdown or html.",
        ),
        sa.Column(
            "loaded_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the article was loaded.",
        ),
        sa.Column(
            "loaded_by",
            sa.String(length=16),
            nullable=False,
            comment="Which loader wrote the row: seed, article or manual.",
        ),
        sa.Column(
            "note",
            sa.Text(),
            nullable=True,
            comment="Remarks: how the date was inferred, what the text contains.",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was first written to this database.",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was last changed.",
        ),
        sa.CheckConstraint(
            "load_method IN ('seed', 'text', 'markdown', 'html')",
            name=op.f("ck_sources_load_method"),
        ),
        sa.CheckConstraint(
            "published_date_precision IN ('day', 'month', 'year')",
            name=op.f("ck_sources_published_date_precision"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("content_sha256", name=op.f("uq_sources_content_sha256")),
        sa.UniqueConstraint("key", name=op.f("uq_sources_key")),
        comment="One row per article: its metadata and its full text, the ground of every citation.",
    )
    op.create_index(op.f("ix_sources_published_date"), "sources", ["published_date"], unique=False)

    op.create_table(
        "country_aliases",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("country_id", sa.Integer(), nullable=False, comment="The country meant."),
        sa.Column(
            "alias",
            sa.String(length=200),
            nullable=False,
            comment="The words as texts use them (Kazakh, PRC, Beijing).",
        ),
        sa.Column(
            "kind",
            sa.String(length=16),
            nullable=False,
            comment="name, demonym, capital, abbreviation or other.",
        ),
        sa.CheckConstraint(
            "kind IN ('name', 'demonym', 'capital', 'abbreviation', 'other')",
            name=op.f("ck_country_aliases_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["country_id"],
            ["countries.id"],
            name=op.f("fk_country_aliases_country_id_countries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_country_aliases")),
        sa.UniqueConstraint("alias", name=op.f("uq_country_aliases_alias")),
        comment="What texts call a country: demonyms, capitals standing for governments, short names.",
    )
    op.create_index(
        op.f("ix_country_aliases_country_id"), "country_aliases", ["country_id"], unique=False
    )

    op.create_table(
        "country_group_members",
        sa.Column(
            "group_country_id",
            sa.Integer(),
            nullable=False,
            comment="The aggregate (a countries row with is_aggregate).",
        ),
        sa.Column("member_country_id", sa.Integer(), nullable=False, comment="A member country."),
        sa.ForeignKeyConstraint(
            ["group_country_id"],
            ["countries.id"],
            name=op.f("fk_country_group_members_group_country_id_countries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_country_id"],
            ["countries.id"],
            name=op.f("fk_country_group_members_member_country_id_countries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "group_country_id", "member_country_id", name=op.f("pk_country_group_members")
        ),
        comment="Which countries an aggregate (Central Asia, EU) is made of.",
    )
    op.create_index(
        op.f("ix_country_group_members_member_country_id"),
        "country_group_members",
        ["member_country_id"],
        unique=False,
    )

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "kind",
            sa.String(length=24),
            nullable=False,
            comment="summit, state_visit, working_visit, bilateral_meeting, forum, business_council, phone_call, parade, conference, announcement or other.",
        ),
        sa.Column(
            "title",
            sa.Text(),
            nullable=False,
            comment="Name of the event (Second China–Central Asia Summit).",
        ),
        sa.Column(
            "start_date",
            sa.Date(),
            nullable=True,
            comment="First day (first of the month or year when less precise).",
        ),
        sa.Column(
            "end_date", sa.Date(), nullable=True, comment="Last day; equals start_date for one day."
        ),
        sa.Column(
            "date_precision",
            sa.String(length=8),
            nullable=True,
            comment="Precision of the dates as stated: day, month or year.",
        ),
        sa.Column("place", sa.String(length=200), nullable=True, comment="City or venue (Astana)."),
        sa.Column(
            "country_id",
            sa.Integer(),
            nullable=True,
            comment="The country where the event was held.",
        ),
        sa.Column(
            "sequence_number",
            sa.Integer(),
            nullable=True,
            comment="Ordinal of a recurring event: 2 for the second summit, 25 for the 25th.",
        ),
        sa.Column(
            "parent_event_id",
            sa.Integer(),
            nullable=True,
            comment="The event this one took place on the sidelines of, or was part of.",
        ),
        sa.Column("description", sa.Text(), nullable=True, comment="What happened, in a sentence."),
        sa.Column(
            "key",
            sa.String(length=200),
            nullable=False,
            comment="Stable natural key (a lower-case slug); seed files and loaders match rows by it.",
        ),
        sa.Column(
            "review_status",
            sa.String(length=16),
            nullable=False,
            comment="Review state: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted or rejected. Reports count curated and accepted facts.",
        ),
        sa.Column(
            "loaded_by",
            sa.String(length=16),
            nullable=False,
            comment="Which loader wrote the row: seed, article or manual. A loader only touches its own rows.",
        ),
        sa.Column(
            "note",
            sa.Text(),
            nullable=True,
            comment="Free-text remark: inferences made, caveats, disagreements between sources.",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was first written to this database.",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was last changed.",
        ),
        sa.CheckConstraint(
            "date_precision IN ('day', 'month', 'year')", name=op.f("ck_events_date_precision")
        ),
        sa.CheckConstraint(
            "kind IN ('summit', 'state_visit', 'working_visit', 'bilateral_meeting', 'forum', 'business_council', 'phone_call', 'parade', 'conference', 'announcement', 'other')",
            name=op.f("ck_events_kind"),
        ),
        sa.CheckConstraint(
            "loaded_by IN ('seed', 'article', 'manual')", name=op.f("ck_events_loaded_by")
        ),
        sa.CheckConstraint(
            "review_status IN ('curated', 'extracted', 'accepted', 'rejected')",
            name=op.f("ck_events_review_status"),
        ),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_events_date_order")),
        sa.CheckConstraint("sequence_number > 0", name=op.f("ck_events_sequence_number_positive")),
        sa.ForeignKeyConstraint(
            ["country_id"],
            ["countries.id"],
            name=op.f("fk_events_country_id_countries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["parent_event_id"],
            ["events.id"],
            name=op.f("fk_events_parent_event_id_events"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("key", name=op.f("uq_events_key")),
        comment="Summits, state and working visits, bilateral meetings, forums, calls, parades.",
    )
    op.create_index(op.f("ix_events_country_id"), "events", ["country_id"], unique=False)
    op.create_index(op.f("ix_events_parent_event_id"), "events", ["parent_event_id"], unique=False)
    op.create_index(op.f("ix_events_start_date"), "events", ["start_date"], unique=False)

    op.create_table(
        "organizations",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("key", sa.String(length=200), nullable=False, comment="Stable slug (cnpc)."),
        sa.Column(
            "name",
            sa.String(length=300),
            nullable=False,
            comment="Full name (China National Petroleum Corporation).",
        ),
        sa.Column(
            "kind",
            sa.String(length=24),
            nullable=False,
            comment="company, bank, ministry, government, agency, international_body, research, media or other.",
        ),
        sa.Column(
            "country_id",
            sa.Integer(),
            nullable=True,
            comment="Country of registration or of the government it belongs to; NULL for international bodies.",
        ),
        sa.Column(
            "is_state_owned",
            sa.Boolean(),
            nullable=True,
            comment="True for state-owned enterprises and banks; NULL when unknown.",
        ),
        sa.Column(
            "loaded_by",
            sa.String(length=16),
            nullable=False,
            comment="Which loader wrote the row: seed, article or manual.",
        ),
        sa.Column("note", sa.Text(), nullable=True, comment="Free-text remark."),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was first written to this database.",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was last changed.",
        ),
        sa.CheckConstraint(
            "kind IN ('company', 'bank', 'ministry', 'government', 'agency', 'international_body', 'research', 'media', 'other')",
            name=op.f("ck_organizations_kind"),
        ),
        sa.CheckConstraint(
            "loaded_by IN ('seed', 'article', 'manual')", name=op.f("ck_organizations_loaded_by")
        ),
        sa.ForeignKeyConstraint(
            ["country_id"],
            ["countries.id"],
            name=op.f("fk_organizations_country_id_countries"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
        sa.UniqueConstraint("key", name=op.f("uq_organizations_key")),
        comment="Companies, banks, ministries, agencies and international bodies.",
    )
    op.create_index(
        op.f("ix_organizations_country_id"), "organizations", ["country_id"], unique=False
    )

    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "name",
            sa.Text(),
            nullable=False,
            comment="Usual English name (China–Kyrgyzstan–Uzbekistan railway).",
        ),
        sa.Column(
            "kind",
            sa.String(length=24),
            nullable=False,
            comment="railway, road, dry_port, pipeline, nuclear_plant, ict_centre, fund … (see the CHECK).",
        ),
        sa.Column("sector_id", sa.Integer(), nullable=True, comment="Main sector."),
        sa.Column(
            "status",
            sa.String(length=24),
            nullable=True,
            comment="proposed, planned, agreed, under_construction, operational, completed or cancelled.",
        ),
        sa.Column(
            "start_year",
            sa.Integer(),
            nullable=True,
            comment="Year the project was launched or is due to start.",
        ),
        sa.Column(
            "end_year",
            sa.Integer(),
            nullable=True,
            comment="Year the project was or is due to be completed.",
        ),
        sa.Column(
            "description", sa.Text(), nullable=True, comment="What the project is, in a sentence."
        ),
        sa.Column(
            "key",
            sa.String(length=200),
            nullable=False,
            comment="Stable natural key (a lower-case slug); seed files and loaders match rows by it.",
        ),
        sa.Column(
            "review_status",
            sa.String(length=16),
            nullable=False,
            comment="Review state: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted or rejected. Reports count curated and accepted facts.",
        ),
        sa.Column(
            "loaded_by",
            sa.String(length=16),
            nullable=False,
            comment="Which loader wrote the row: seed, article or manual. A loader only touches its own rows.",
        ),
        sa.Column(
            "note",
            sa.Text(),
            nullable=True,
            comment="Free-text remark: inferences made, caveats, disagreements between sources.",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was first written to this database.",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was last changed.",
        ),
        sa.Column(
            "value_amount",
            sa.Numeric(precision=28, scale=6),
            nullable=True,
            comment="The amount as stated, in units of value_currency (24 billion = 24000000000).",
        ),
        sa.Column(
            "value_currency",
            sa.String(length=3),
            nullable=True,
            comment="ISO 4217 code of the stated amount (USD, CNY, KZT).",
        ),
        sa.Column(
            "value_qualifier",
            sa.String(length=10),
            nullable=True,
            comment="How the amount was qualified: exact, over, about, nearly, up_to, at_least, under.",
        ),
        sa.Column(
            "value_usd",
            sa.Numeric(precision=28, scale=6),
            nullable=True,
            comment="The amount in US dollars, derived through currency_rates; NULL when no rate is known.",
        ),
        sa.CheckConstraint(
            "kind IN ('railway', 'road', 'dry_port', 'logistics_centre', 'pipeline', 'power_plant', 'nuclear_plant', 'gas_chemical_plant', 'industrial_plant', 'mine', 'ict_centre', 'flight_route', 'transport_route', 'corridor', 'workshop', 'fund', 'research_centre', 'other')",
            name=op.f("ck_projects_kind"),
        ),
        sa.CheckConstraint(
            "loaded_by IN ('seed', 'article', 'manual')", name=op.f("ck_projects_loaded_by")
        ),
        sa.CheckConstraint(
            "review_status IN ('curated', 'extracted', 'accepted', 'rejected')",
            name=op.f("ck_projects_review_status"),
        ),
        sa.CheckConstraint(
            "status IN ('proposed', 'planned', 'agreed', 'under_construction', 'operational', 'completed', 'cancelled')",
            name=op.f("ck_projects_status"),
        ),
        sa.CheckConstraint(
            "value_qualifier IN ('exact', 'over', 'about', 'nearly', 'up_to', 'at_least', 'under')",
            name=op.f("ck_projects_value_qualifier"),
        ),
        sa.CheckConstraint("end_year >= start_year", name=op.f("ck_projects_year_order")),
        sa.CheckConstraint("value_amount >= 0", name=op.f("ck_projects_value_amount_non_negative")),
        sa.CheckConstraint(
            "value_amount IS NULL OR value_currency IS NOT NULL",
            name=op.f("ck_projects_value_has_currency"),
        ),
        sa.CheckConstraint("value_usd >= 0", name=op.f("ck_projects_value_usd_non_negative")),
        sa.ForeignKeyConstraint(
            ["sector_id"],
            ["sectors.id"],
            name=op.f("fk_projects_sector_id_sectors"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("key", name=op.f("uq_projects_key")),
        comment="Infrastructure, energy, industrial, digital and other projects, with their status.",
    )
    op.create_index(op.f("ix_projects_sector_id"), "projects", ["sector_id"], unique=False)

    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("title", sa.Text(), nullable=False, comment="What was agreed, in a short title."),
        sa.Column(
            "kind",
            sa.String(length=24),
            nullable=False,
            comment="treaty, intergovernmental, memorandum, commercial_contract, loan, investment, package (several documents counted together), declaration or other.",
        ),
        sa.Column(
            "status",
            sa.String(length=16),
            nullable=False,
            comment="signed, announced, awarded, pledged or proposed.",
        ),
        sa.Column(
            "document_count",
            sa.Integer(),
            nullable=True,
            comment="Number of documents: 1 for a single agreement, 58 for a package of 58.",
        ),
        sa.Column(
            "signed_date",
            sa.Date(),
            nullable=True,
            comment="Date signed or announced (first of the month or year when less precise).",
        ),
        sa.Column(
            "signed_date_precision",
            sa.String(length=8),
            nullable=True,
            comment="Precision of signed_date: day, month or year.",
        ),
        sa.Column(
            "event_id",
            sa.Integer(),
            nullable=True,
            comment="The event at which it was signed or announced.",
        ),
        sa.Column(
            "project_id", sa.Integer(), nullable=True, comment="The project it concerns, if one."
        ),
        sa.Column(
            "description", sa.Text(), nullable=True, comment="What it covers, in a sentence."
        ),
        sa.Column(
            "key",
            sa.String(length=200),
            nullable=False,
            comment="Stable natural key (a lower-case slug); seed files and loaders match rows by it.",
        ),
        sa.Column(
            "review_status",
            sa.String(length=16),
            nullable=False,
            comment="Review state: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted or rejected. Reports count curated and accepted facts.",
        ),
        sa.Column(
            "loaded_by",
            sa.String(length=16),
            nullable=False,
            comment="Which loader wrote the row: seed, article or manual. A loader only touches its own rows.",
        ),
        sa.Column(
            "note",
            sa.Text(),
            nullable=True,
            comment="Free-text remark: inferences made, caveats, disagreements between sources.",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was first written to this database.",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was last changed.",
        ),
        sa.Column(
            "value_amount",
            sa.Numeric(precision=28, scale=6),
            nullable=True,
            comment="The amount as stated, in units of value_currency (24 billion = 24000000000).",
        ),
        sa.Column(
            "value_currency",
            sa.String(length=3),
            nullable=True,
            comment="ISO 4217 code of the stated amount (USD, CNY, KZT).",
        ),
        sa.Column(
            "value_qualifier",
            sa.String(length=10),
            nullable=True,
            comment="How the amount was qualified: exact, over, about, nearly, up_to, at_least, under.",
        ),
        sa.Column(
            "value_usd",
            sa.Numeric(precision=28, scale=6),
            nullable=True,
            comment="The amount in US dollars, derived through currency_rates; NULL when no rate is known.",
        ),
        sa.CheckConstraint(
            "kind IN ('treaty', 'intergovernmental', 'memorandum', 'commercial_contract', 'loan', 'investment', 'package', 'declaration', 'other')",
            name=op.f("ck_agreements_kind"),
        ),
        sa.CheckConstraint(
            "loaded_by IN ('seed', 'article', 'manual')", name=op.f("ck_agreements_loaded_by")
        ),
        sa.CheckConstraint(
            "review_status IN ('curated', 'extracted', 'accepted', 'rejected')",
            name=op.f("ck_agreements_review_status"),
        ),
        sa.CheckConstraint(
            "signed_date_precision IN ('day', 'month', 'year')",
            name=op.f("ck_agreements_signed_date_precision"),
        ),
        sa.CheckConstraint(
            "status IN ('signed', 'announced', 'awarded', 'pledged', 'proposed')",
            name=op.f("ck_agreements_status"),
        ),
        sa.CheckConstraint(
            "value_qualifier IN ('exact', 'over', 'about', 'nearly', 'up_to', 'at_least', 'under')",
            name=op.f("ck_agreements_value_qualifier"),
        ),
        sa.CheckConstraint(
            "document_count > 0", name=op.f("ck_agreements_document_count_positive")
        ),
        sa.CheckConstraint(
            "value_amount >= 0", name=op.f("ck_agreements_value_amount_non_negative")
        ),
        sa.CheckConstraint(
            "value_amount IS NULL OR value_currency IS NOT NULL",
            name=op.f("ck_agreements_value_has_currency"),
        ),
        sa.CheckConstraint("value_usd >= 0", name=op.f("ck_agreements_value_usd_non_negative")),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_agreements_event_id_events"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_agreements_project_id_projects"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
        sa.UniqueConstraint("key", name=op.f("uq_agreements_key")),
        comment="A treaty, agreement, MoU, contract or loan, or a package of them (58 commercial agreements worth $24 billion).",
    )
    op.create_index(op.f("ix_agreements_event_id"), "agreements", ["event_id"], unique=False)
    op.create_index(op.f("ix_agreements_project_id"), "agreements", ["project_id"], unique=False)
    op.create_index(op.f("ix_agreements_signed_date"), "agreements", ["signed_date"], unique=False)

    op.create_table(
        "organization_aliases",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "organization_id", sa.Integer(), nullable=False, comment="The organisation meant."
        ),
        sa.Column(
            "alias", sa.String(length=300), nullable=False, comment="The name as texts use it."
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_organization_aliases_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization_aliases")),
        sa.UniqueConstraint("alias", name=op.f("uq_organization_aliases_alias")),
        comment="Other names texts use for an organisation (CNPC, Eximbank of China).",
    )
    op.create_index(
        op.f("ix_organization_aliases_organization_id"),
        "organization_aliases",
        ["organization_id"],
        unique=False,
    )

    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "key", sa.String(length=200), nullable=False, comment="Stable slug (xi-jinping)."
        ),
        sa.Column(
            "name",
            sa.String(length=300),
            nullable=False,
            comment="Full name as usually written in English.",
        ),
        sa.Column(
            "country_id",
            sa.Integer(),
            nullable=True,
            comment="The country the person serves or comes from.",
        ),
        sa.Column(
            "organization_id",
            sa.Integer(),
            nullable=True,
            comment="The organisation the person speaks for, where the articles give one.",
        ),
        sa.Column(
            "position",
            sa.String(length=300),
            nullable=True,
            comment="Position as the articles give it (Deputy Foreign Minister of Kazakhstan).",
        ),
        sa.Column(
            "loaded_by",
            sa.String(length=16),
            nullable=False,
            comment="Which loader wrote the row: seed, article or manual.",
        ),
        sa.Column("note", sa.Text(), nullable=True, comment="Free-text remark."),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was first written to this database.",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was last changed.",
        ),
        sa.CheckConstraint(
            "loaded_by IN ('seed', 'article', 'manual')", name=op.f("ck_people_loaded_by")
        ),
        sa.ForeignKeyConstraint(
            ["country_id"],
            ["countries.id"],
            name=op.f("fk_people_country_id_countries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_people_organization_id_organizations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("key", name=op.f("uq_people_key")),
        comment="Leaders, ministers, executives and experts that articles name or quote.",
    )
    op.create_index(op.f("ix_people_country_id"), "people", ["country_id"], unique=False)
    op.create_index(op.f("ix_people_organization_id"), "people", ["organization_id"], unique=False)

    op.create_table(
        "project_aliases",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("project_id", sa.Integer(), nullable=False, comment="The project."),
        sa.Column(
            "alias", sa.String(length=300), nullable=False, comment="The name as texts use it."
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_aliases_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_aliases")),
        sa.UniqueConstraint("alias", name=op.f("uq_project_aliases_alias")),
        comment="Other names for a project (CKU railway).",
    )
    op.create_index(
        op.f("ix_project_aliases_project_id"), "project_aliases", ["project_id"], unique=False
    )

    op.create_table(
        "project_countries",
        sa.Column("project_id", sa.Integer(), nullable=False, comment="The project."),
        sa.Column("country_id", sa.Integer(), nullable=False, comment="A country involved."),
        sa.Column(
            "role",
            sa.String(length=16),
            nullable=False,
            comment="host, partner, transit, financier, origin or destination.",
        ),
        sa.CheckConstraint(
            "role IN ('host', 'partner', 'transit', 'financier', 'origin', 'destination')",
            name=op.f("ck_project_countries_role"),
        ),
        sa.ForeignKeyConstraint(
            ["country_id"],
            ["countries.id"],
            name=op.f("fk_project_countries_country_id_countries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_countries_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "project_id", "country_id", "role", name=op.f("pk_project_countries")
        ),
        comment="Countries a project involves, with their role.",
    )
    op.create_index(
        op.f("ix_project_countries_country_id"), "project_countries", ["country_id"], unique=False
    )

    op.create_table(
        "project_organizations",
        sa.Column("project_id", sa.Integer(), nullable=False, comment="The project."),
        sa.Column(
            "organization_id", sa.Integer(), nullable=False, comment="An organisation involved."
        ),
        sa.Column(
            "role",
            sa.String(length=16),
            nullable=False,
            comment="contractor, operator, financier, investor, owner, partner or developer.",
        ),
        sa.CheckConstraint(
            "role IN ('contractor', 'operator', 'financier', 'investor', 'owner', 'partner', 'developer')",
            name=op.f("ck_project_organizations_role"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_project_organizations_organization_id_organizations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_organizations_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "project_id", "organization_id", "role", name=op.f("pk_project_organizations")
        ),
        comment="Organisations a project involves, with their role.",
    )
    op.create_index(
        op.f("ix_project_organizations_organization_id"),
        "project_organizations",
        ["organization_id"],
        unique=False,
    )

    op.create_table(
        "agreement_parties",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("agreement_id", sa.Integer(), nullable=False, comment="The agreement."),
        sa.Column(
            "role",
            sa.String(length=16),
            nullable=False,
            comment="party, signatory, lender, borrower, contractor, client, investor, guarantor or beneficiary.",
        ),
        sa.Column(
            "country_id",
            sa.Integer(),
            nullable=True,
            comment="The party when it is a country (or an aggregate such as Central Asia).",
        ),
        sa.Column(
            "organization_id",
            sa.Integer(),
            nullable=True,
            comment="The party when it is an organisation.",
        ),
        sa.Column(
            "person_id", sa.Integer(), nullable=True, comment="The party when it is a person."
        ),
        sa.CheckConstraint(
            "role IN ('party', 'signatory', 'lender', 'borrower', 'contractor', 'client', 'investor', 'guarantor', 'beneficiary')",
            name=op.f("ck_agreement_parties_role"),
        ),
        sa.CheckConstraint(
            "CASE WHEN country_id IS NULL THEN 0 ELSE 1 END + CASE WHEN organization_id IS NULL THEN 0 ELSE 1 END + CASE WHEN person_id IS NULL THEN 0 ELSE 1 END = 1",
            name=op.f("ck_agreement_parties_exactly_one_party"),
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_parties_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["country_id"],
            ["countries.id"],
            name=op.f("fk_agreement_parties_country_id_countries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_agreement_parties_organization_id_organizations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_agreement_parties_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_parties")),
        comment="The parties to an agreement, each a country, an organisation or a person, with a role.",
    )
    op.create_index(
        op.f("ix_agreement_parties_agreement_id"),
        "agreement_parties",
        ["agreement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_agreement_parties_country_id"), "agreement_parties", ["country_id"], unique=False
    )
    op.create_index(
        op.f("ix_agreement_parties_organization_id"),
        "agreement_parties",
        ["organization_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_agreement_parties_person_id"), "agreement_parties", ["person_id"], unique=False
    )

    op.create_table(
        "agreement_sectors",
        sa.Column("agreement_id", sa.Integer(), nullable=False, comment="The agreement."),
        sa.Column("sector_id", sa.Integer(), nullable=False, comment="A sector it covers."),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_sectors_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"],
            ["sectors.id"],
            name=op.f("fk_agreement_sectors_sector_id_sectors"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("agreement_id", "sector_id", name=op.f("pk_agreement_sectors")),
        comment="The sectors an agreement covers.",
    )
    op.create_index(
        op.f("ix_agreement_sectors_sector_id"), "agreement_sectors", ["sector_id"], unique=False
    )

    op.create_table(
        "event_participants",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column("event_id", sa.Integer(), nullable=False, comment="The event."),
        sa.Column(
            "role",
            sa.String(length=16),
            nullable=False,
            comment="host, participant, guest, organizer or speaker.",
        ),
        sa.Column(
            "country_id",
            sa.Integer(),
            nullable=True,
            comment="The party when it is a country (or an aggregate such as Central Asia).",
        ),
        sa.Column(
            "organization_id",
            sa.Integer(),
            nullable=True,
            comment="The party when it is an organisation.",
        ),
        sa.Column(
            "person_id", sa.Integer(), nullable=True, comment="The party when it is a person."
        ),
        sa.CheckConstraint(
            "role IN ('host', 'participant', 'guest', 'organizer', 'speaker')",
            name=op.f("ck_event_participants_role"),
        ),
        sa.CheckConstraint(
            "CASE WHEN country_id IS NULL THEN 0 ELSE 1 END + CASE WHEN organization_id IS NULL THEN 0 ELSE 1 END + CASE WHEN person_id IS NULL THEN 0 ELSE 1 END = 1",
            name=op.f("ck_event_participants_exactly_one_party"),
        ),
        sa.ForeignKeyConstraint(
            ["country_id"],
            ["countries.id"],
            name=op.f("fk_event_participants_country_id_countries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_participants_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_event_participants_organization_id_organizations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_event_participants_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participants")),
        comment="Who took part in an event: a country, an organisation or a person, with a role.",
    )
    op.create_index(
        op.f("ix_event_participants_country_id"), "event_participants", ["country_id"], unique=False
    )
    op.create_index(
        op.f("ix_event_participants_event_id"), "event_participants", ["event_id"], unique=False
    )
    op.create_index(
        op.f("ix_event_participants_organization_id"),
        "event_participants",
        ["organization_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_event_participants_person_id"), "event_participants", ["person_id"], unique=False
    )

    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "name",
            sa.Text(),
            nullable=False,
            comment="What is measured, in words (Chinese investment in Kazakhstan).",
        ),
        sa.Column(
            "metric",
            sa.String(length=60),
            nullable=False,
            comment="Snake_case slug grouping like figures (investment_stock, jobs).",
        ),
        sa.Column(
            "country_id", sa.Integer(), nullable=True, comment="The country the figure describes."
        ),
        sa.Column(
            "partner_country_id",
            sa.Integer(),
            nullable=True,
            comment="The counterpart country, where there is one (China for Chinese investment in Kazakhstan).",
        ),
        sa.Column(
            "organization_id", sa.Integer(), nullable=True, comment="The organisation it describes."
        ),
        sa.Column("project_id", sa.Integer(), nullable=True, comment="The project it describes."),
        sa.Column(
            "value",
            sa.Numeric(precision=28, scale=6),
            nullable=False,
            comment="The figure in unit.",
        ),
        sa.Column(
            "unit",
            sa.String(length=24),
            nullable=False,
            comment="USD (or another ISO 4217 code), percent, count, tonnes, km, days, years …",
        ),
        sa.Column(
            "value_qualifier",
            sa.String(length=10),
            nullable=False,
            comment="exact, over, about, nearly, up_to, at_least or under.",
        ),
        sa.Column(
            "value_usd",
            sa.Numeric(precision=28, scale=6),
            nullable=True,
            comment="The value in US dollars when unit is a currency and a rate is known.",
        ),
        sa.Column(
            "is_target",
            sa.Boolean(),
            nullable=False,
            comment="True for a goal or target rather than an achieved figure.",
        ),
        sa.Column("description", sa.Text(), nullable=True, comment="Context for the figure."),
        sa.Column(
            "key",
            sa.String(length=200),
            nullable=False,
            comment="Stable natural key (a lower-case slug); seed files and loaders match rows by it.",
        ),
        sa.Column(
            "review_status",
            sa.String(length=16),
            nullable=False,
            comment="Review state: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted or rejected. Reports count curated and accepted facts.",
        ),
        sa.Column(
            "loaded_by",
            sa.String(length=16),
            nullable=False,
            comment="Which loader wrote the row: seed, article or manual. A loader only touches its own rows.",
        ),
        sa.Column(
            "note",
            sa.Text(),
            nullable=True,
            comment="Free-text remark: inferences made, caveats, disagreements between sources.",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was first written to this database.",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was last changed.",
        ),
        sa.Column(
            "period_start",
            sa.Date(),
            nullable=True,
            comment="First day of the period the figure covers.",
        ),
        sa.Column(
            "period_end",
            sa.Date(),
            nullable=True,
            comment="Last day of the period the figure covers.",
        ),
        sa.Column(
            "period_label",
            sa.String(length=40),
            nullable=True,
            comment="The period as a label: 2024, or 2025-01..2025-04 for four months.",
        ),
        sa.Column(
            "attributed_to_person_id",
            sa.Integer(),
            nullable=True,
            comment="The person the source quotes for the figure (Kuantyrov, Tokayev).",
        ),
        sa.Column(
            "attributed_to_organization_id",
            sa.Integer(),
            nullable=True,
            comment="The organisation the source credits for the figure (China's customs).",
        ),
        sa.CheckConstraint(
            "loaded_by IN ('seed', 'article', 'manual')", name=op.f("ck_indicators_loaded_by")
        ),
        sa.CheckConstraint(
            "review_status IN ('curated', 'extracted', 'accepted', 'rejected')",
            name=op.f("ck_indicators_review_status"),
        ),
        sa.CheckConstraint(
            "value_qualifier IN ('exact', 'over', 'about', 'nearly', 'up_to', 'at_least', 'under')",
            name=op.f("ck_indicators_value_qualifier"),
        ),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_indicators_period_order")),
        sa.CheckConstraint("value >= 0", name=op.f("ck_indicators_value_non_negative")),
        sa.CheckConstraint("value_usd >= 0", name=op.f("ck_indicators_value_usd_non_negative")),
        sa.ForeignKeyConstraint(
            ["attributed_to_organization_id"],
            ["organizations.id"],
            name=op.f("fk_indicators_attributed_to_organization_id_organizations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["attributed_to_person_id"],
            ["people.id"],
            name=op.f("fk_indicators_attributed_to_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["country_id"],
            ["countries.id"],
            name=op.f("fk_indicators_country_id_countries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_indicators_organization_id_organizations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["partner_country_id"],
            ["countries.id"],
            name=op.f("fk_indicators_partner_country_id_countries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_indicators_project_id_projects"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
        sa.UniqueConstraint("key", name=op.f("uq_indicators_key")),
        comment="Other stated figures: investment stocks, numbers of projects and enterprises, jobs, targets, shares of transit. One row per claimed value, like trade_flows.",
    )
    op.create_index(op.f("ix_indicators_country_id"), "indicators", ["country_id"], unique=False)
    op.create_index(op.f("ix_indicators_metric"), "indicators", ["metric"], unique=False)
    op.create_index(
        op.f("ix_indicators_period_start"), "indicators", ["period_start"], unique=False
    )

    op.create_table(
        "trade_flows",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "reporter_country_id",
            sa.Integer(),
            nullable=False,
            comment="The country (or aggregate) whose trade it is; flow is from its side.",
        ),
        sa.Column(
            "partner_country_id", sa.Integer(), nullable=False, comment="The trading partner."
        ),
        sa.Column(
            "flow",
            sa.String(length=16),
            nullable=False,
            comment="turnover (both ways), exports, imports or transit, from the reporter's side.",
        ),
        sa.Column(
            "measure",
            sa.String(length=8),
            nullable=False,
            comment="value (money), share (percent of the reporter's total for that flow) or volume (goods).",
        ),
        sa.Column(
            "value",
            sa.Numeric(precision=28, scale=6),
            nullable=False,
            comment="The figure in unit: 30050000000 for $30.05 billion, 15.5 for 15.5%.",
        ),
        sa.Column(
            "unit",
            sa.String(length=16),
            nullable=False,
            comment="An ISO 4217 currency (USD), percent, tonnes or containers.",
        ),
        sa.Column(
            "value_qualifier",
            sa.String(length=10),
            nullable=False,
            comment="exact, over, about, nearly, up_to, at_least or under.",
        ),
        sa.Column(
            "value_usd",
            sa.Numeric(precision=28, scale=6),
            nullable=True,
            comment="The value in US dollars for money measures; NULL for other units or no rate.",
        ),
        sa.Column(
            "key",
            sa.String(length=200),
            nullable=False,
            comment="Stable natural key (a lower-case slug); seed files and loaders match rows by it.",
        ),
        sa.Column(
            "review_status",
            sa.String(length=16),
            nullable=False,
            comment="Review state: curated (seed, checked by a person), extracted (machine, not yet reviewed), accepted or rejected. Reports count curated and accepted facts.",
        ),
        sa.Column(
            "loaded_by",
            sa.String(length=16),
            nullable=False,
            comment="Which loader wrote the row: seed, article or manual. A loader only touches its own rows.",
        ),
        sa.Column(
            "note",
            sa.Text(),
            nullable=True,
            comment="Free-text remark: inferences made, caveats, disagreements between sources.",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was first written to this database.",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was last changed.",
        ),
        sa.Column(
            "period_start",
            sa.Date(),
            nullable=True,
            comment="First day of the period the figure covers.",
        ),
        sa.Column(
            "period_end",
            sa.Date(),
            nullable=True,
            comment="Last day of the period the figure covers.",
        ),
        sa.Column(
            "period_label",
            sa.String(length=40),
            nullable=True,
            comment="The period as a label: 2024, or 2025-01..2025-04 for four months.",
        ),
        sa.Column(
            "attributed_to_person_id",
            sa.Integer(),
            nullable=True,
            comment="The person the source quotes for the figure (Kuantyrov, Tokayev).",
        ),
        sa.Column(
            "attributed_to_organization_id",
            sa.Integer(),
            nullable=True,
            comment="The organisation the source credits for the figure (China's customs).",
        ),
        sa.CheckConstraint(
            "flow IN ('turnover', 'exports', 'imports', 'transit')",
            name=op.f("ck_trade_flows_flow"),
        ),
        sa.CheckConstraint(
            "loaded_by IN ('seed', 'article', 'manual')", name=op.f("ck_trade_flows_loaded_by")
        ),
        sa.CheckConstraint(
            "measure <> 'share' OR unit = 'percent'", name=op.f("ck_trade_flows_share_in_percent")
        ),
        sa.CheckConstraint(
            "measure IN ('value', 'share', 'volume')", name=op.f("ck_trade_flows_measure")
        ),
        sa.CheckConstraint(
            "review_status IN ('curated', 'extracted', 'accepted', 'rejected')",
            name=op.f("ck_trade_flows_review_status"),
        ),
        sa.CheckConstraint(
            "unit IN ('percent', 'tonnes', 'containers') OR (length(unit) = 3 AND upper(unit) = unit)",
            name=op.f("ck_trade_flows_unit"),
        ),
        sa.CheckConstraint(
            "value_qualifier IN ('exact', 'over', 'about', 'nearly', 'up_to', 'at_least', 'under')",
            name=op.f("ck_trade_flows_value_qualifier"),
        ),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_trade_flows_period_order")),
        sa.CheckConstraint(
            "reporter_country_id <> partner_country_id",
            name=op.f("ck_trade_flows_distinct_countries"),
        ),
        sa.CheckConstraint("value >= 0", name=op.f("ck_trade_flows_value_non_negative")),
        sa.CheckConstraint("value_usd >= 0", name=op.f("ck_trade_flows_value_usd_non_negative")),
        sa.ForeignKeyConstraint(
            ["attributed_to_organization_id"],
            ["organizations.id"],
            name=op.f("fk_trade_flows_attributed_to_organization_id_organizations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["attributed_to_person_id"],
            ["people.id"],
            name=op.f("fk_trade_flows_attributed_to_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["partner_country_id"],
            ["countries.id"],
            name=op.f("fk_trade_flows_partner_country_id_countries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reporter_country_id"],
            ["countries.id"],
            name=op.f("fk_trade_flows_reporter_country_id_countries"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trade_flows")),
        sa.UniqueConstraint("key", name=op.f("uq_trade_flows_key")),
        comment="Trade claims: one row per claimed value of a reporter's trade with a partner over a period. The same figure from several sources is one row with several citations; different figures are different rows.",
    )
    op.create_index(
        op.f("ix_trade_flows_partner_country_id"),
        "trade_flows",
        ["partner_country_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_trade_flows_period_start"), "trade_flows", ["period_start"], unique=False
    )
    op.create_index(
        op.f(
            "ix_trade_flows_reporter_country_id_trade_flows_partner_country_id_trade_flows_period_start"
        ),
        "trade_flows",
        ["reporter_country_id", "partner_country_id", "period_start"],
        unique=False,
    )

    op.create_table(
        "citations",
        sa.Column("id", sa.Integer(), nullable=False, comment="Surrogate key."),
        sa.Column(
            "source_id", sa.Integer(), nullable=False, comment="The article that states the fact."
        ),
        sa.Column("event_id", sa.Integer(), nullable=True, comment="The cited event."),
        sa.Column("agreement_id", sa.Integer(), nullable=True, comment="The cited agreement."),
        sa.Column("trade_flow_id", sa.Integer(), nullable=True, comment="The cited trade flow."),
        sa.Column("project_id", sa.Integer(), nullable=True, comment="The cited project."),
        sa.Column("indicator_id", sa.Integer(), nullable=True, comment="The cited indicator."),
        sa.Column(
            "quote",
            sa.Text(),
            nullable=False,
            comment="Verbatim quote: exactly sources.body_text[char_start:char_end].",
        ),
        sa.Column(
            "char_start",
            sa.Integer(),
            nullable=False,
            comment="Offset of the quote's first character in the source text (0-based).",
        ),
        sa.Column(
            "char_end",
            sa.Integer(),
            nullable=False,
            comment="Offset just past the quote's last character.",
        ),
        sa.Column(
            "stated_value",
            sa.Text(),
            nullable=True,
            comment="The value as this source words it, kept when sources disagree (18-19 May, 2023).",
        ),
        sa.Column("note", sa.Text(), nullable=True, comment="Remark on this citation."),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was first written to this database.",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
            comment="When the row was last changed.",
        ),
        sa.CheckConstraint(
            "CASE WHEN event_id IS NULL THEN 0 ELSE 1 END + CASE WHEN agreement_id IS NULL THEN 0 ELSE 1 END + CASE WHEN trade_flow_id IS NULL THEN 0 ELSE 1 END + CASE WHEN project_id IS NULL THEN 0 ELSE 1 END + CASE WHEN indicator_id IS NULL THEN 0 ELSE 1 END = 1",
            name=op.f("ck_citations_exactly_one_fact"),
        ),
        sa.CheckConstraint("char_end > char_start", name=op.f("ck_citations_char_span_order")),
        sa.CheckConstraint("char_start >= 0", name=op.f("ck_citations_char_start_non_negative")),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_citations_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_citations_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_citations_indicator_id_indicators"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_citations_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_citations_source_id_sources"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["trade_flow_id"],
            ["trade_flows.id"],
            name=op.f("fk_citations_trade_flow_id_trade_flows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citations")),
        comment="Links one fact (event, agreement, trade flow, project or indicator) to a source: the verbatim quote, its character span and the value as that source states it.",
    )
    op.create_index(op.f("ix_citations_agreement_id"), "citations", ["agreement_id"], unique=False)
    op.create_index(op.f("ix_citations_event_id"), "citations", ["event_id"], unique=False)
    op.create_index(op.f("ix_citations_indicator_id"), "citations", ["indicator_id"], unique=False)
    op.create_index(op.f("ix_citations_project_id"), "citations", ["project_id"], unique=False)
    op.create_index(op.f("ix_citations_source_id"), "citations", ["source_id"], unique=False)
    op.create_index(
        op.f("ix_citations_trade_flow_id"), "citations", ["trade_flow_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_citations_trade_flow_id"), table_name="citations")
    op.drop_index(op.f("ix_citations_source_id"), table_name="citations")
    op.drop_index(op.f("ix_citations_project_id"), table_name="citations")
    op.drop_index(op.f("ix_citations_indicator_id"), table_name="citations")
    op.drop_index(op.f("ix_citations_event_id"), table_name="citations")
    op.drop_index(op.f("ix_citations_agreement_id"), table_name="citations")

    op.drop_table("citations")
    op.drop_index(
        op.f(
            "ix_trade_flows_reporter_country_id_trade_flows_partner_country_id_trade_flows_period_start"
        ),
        table_name="trade_flows",
    )
    op.drop_index(op.f("ix_trade_flows_period_start"), table_name="trade_flows")
    op.drop_index(op.f("ix_trade_flows_partner_country_id"), table_name="trade_flows")

    op.drop_table("trade_flows")
    op.drop_index(op.f("ix_indicators_period_start"), table_name="indicators")
    op.drop_index(op.f("ix_indicators_metric"), table_name="indicators")
    op.drop_index(op.f("ix_indicators_country_id"), table_name="indicators")

    op.drop_table("indicators")
    op.drop_index(op.f("ix_event_participants_person_id"), table_name="event_participants")
    op.drop_index(op.f("ix_event_participants_organization_id"), table_name="event_participants")
    op.drop_index(op.f("ix_event_participants_event_id"), table_name="event_participants")
    op.drop_index(op.f("ix_event_participants_country_id"), table_name="event_participants")

    op.drop_table("event_participants")
    op.drop_index(op.f("ix_agreement_sectors_sector_id"), table_name="agreement_sectors")

    op.drop_table("agreement_sectors")
    op.drop_index(op.f("ix_agreement_parties_person_id"), table_name="agreement_parties")
    op.drop_index(op.f("ix_agreement_parties_organization_id"), table_name="agreement_parties")
    op.drop_index(op.f("ix_agreement_parties_country_id"), table_name="agreement_parties")
    op.drop_index(op.f("ix_agreement_parties_agreement_id"), table_name="agreement_parties")

    op.drop_table("agreement_parties")
    op.drop_index(
        op.f("ix_project_organizations_organization_id"), table_name="project_organizations"
    )

    op.drop_table("project_organizations")
    op.drop_index(op.f("ix_project_countries_country_id"), table_name="project_countries")

    op.drop_table("project_countries")
    op.drop_index(op.f("ix_project_aliases_project_id"), table_name="project_aliases")

    op.drop_table("project_aliases")
    op.drop_index(op.f("ix_people_organization_id"), table_name="people")
    op.drop_index(op.f("ix_people_country_id"), table_name="people")

    op.drop_table("people")
    op.drop_index(
        op.f("ix_organization_aliases_organization_id"), table_name="organization_aliases"
    )

    op.drop_table("organization_aliases")
    op.drop_index(op.f("ix_agreements_signed_date"), table_name="agreements")
    op.drop_index(op.f("ix_agreements_project_id"), table_name="agreements")
    op.drop_index(op.f("ix_agreements_event_id"), table_name="agreements")

    op.drop_table("agreements")
    op.drop_index(op.f("ix_projects_sector_id"), table_name="projects")

    op.drop_table("projects")
    op.drop_index(op.f("ix_organizations_country_id"), table_name="organizations")

    op.drop_table("organizations")
    op.drop_index(op.f("ix_events_start_date"), table_name="events")
    op.drop_index(op.f("ix_events_parent_event_id"), table_name="events")
    op.drop_index(op.f("ix_events_country_id"), table_name="events")

    op.drop_table("events")
    op.drop_index(
        op.f("ix_country_group_members_member_country_id"), table_name="country_group_members"
    )

    op.drop_table("country_group_members")
    op.drop_index(op.f("ix_country_aliases_country_id"), table_name="country_aliases")

    op.drop_table("country_aliases")
    op.drop_index(op.f("ix_sources_published_date"), table_name="sources")

    op.drop_table("sources")
    op.drop_table("sectors")
    op.drop_index(op.f("ix_report_runs_job_name"), table_name="report_runs")

    op.drop_table("report_runs")
    op.drop_table("currency_rates")
    op.drop_index(op.f("ix_countries_region"), table_name="countries")

    op.drop_table("countries")
