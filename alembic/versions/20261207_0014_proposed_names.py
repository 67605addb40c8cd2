"""proposed_names: new organisations and people proposed beside facts, for review

The extractor proposes names an article gives beside an agreement, project or trade flow that
the database does not know (extract/names.py); they wait in ``proposed_names`` until a reviewer
accepts (the organisation or person is added and linked to the fact) or rejects them.
``review_actions.fact_table`` may now name ``proposed_names`` too: its CHECK is replaced (on
SQLite by rebuilding review_actions, a table no trigger or view reads).

Downgrade drops proposed_names and their review actions, and restores the CHECK; organisations
and people added by accepting proposals stay.

Revision ID: 0014_proposed_names
Revises: 0013_feeds
Create Date: 2026-12-07 08:28:47.386373+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

FACT_TABLES = "'events', 'agreements', 'trade_flows', 'projects', 'indicators'"
FACT_TABLE_COMMENT = {
    "upgrade": (
        "The table of the reviewed fact (proposed_names: a proposed new name). Values: events, "
        "agreements, trade_flows, projects, indicators, proposed_names."
    ),
    "downgrade": (
        "The table of the reviewed fact. Values: events, agreements, trade_flows, projects, "
        "indicators."
    ),
}


revision: str = "0014_proposed_names"
down_revision: str | None = "0013_feeds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "proposed_names",
        sa.Column(
            "id",
            sa.Integer(),
            nullable=False,
            comment="Surrogate key: an integer the database assigns; foreign keys point at it.",
        ),
        sa.Column(
            "key",
            sa.String(length=200),
            nullable=False,
            comment="Stable key: <source key>.<kind>-<char_start>-<n>; the same name beside the same fact gets it again when the article is reindexed.",
        ),
        sa.Column(
            "kind",
            sa.String(length=16),
            nullable=False,
            comment="What the name is proposed as. Values: organization, person.",
        ),
        sa.Column(
            "name",
            sa.String(length=300),
            nullable=False,
            comment="The name as it would be added (Xinjiang Tianshan Cement Group; a ministry after a country's possessive as Ministry of Energy of Kazakhstan).",
        ),
        sa.Column(
            "organization_kind",
            sa.String(length=24),
            nullable=True,
            comment="For an organisation: the organizations.kind it gets, from the word that makes it one (Bank: bank, Ministry: ministry). Values: company, bank, ministry, government, agency, international_body, research, media, other.",
        ),
        sa.Column(
            "position",
            sa.String(length=300),
            nullable=True,
            comment="For a person: the title the article gives (Deputy Prime Minister).",
        ),
        sa.Column(
            "country_id",
            sa.Integer(),
            nullable=True,
            comment="The country the article ties the name to (a possessive, a demonym, 'of Kazakhstan'); NULL when it says none.",
        ),
        sa.Column(
            "role",
            sa.String(length=16),
            nullable=False,
            comment="The name's role in the fact beside it: a party's role in an agreement, an organisation's in a project, or attributed (the source of a trade figure). Values: party, signatory, lender, borrower, contractor, client, investor, guarantor, beneficiary, operator, financier, owner, partner, developer, attributed.",
        ),
        sa.Column("source_id", sa.Integer(), nullable=False, comment="The article that names it."),
        sa.Column(
            "quote",
            sa.Text(),
            nullable=False,
            comment="The sentence that names it beside the fact.",
        ),
        sa.Column(
            "char_start",
            sa.Integer(),
            nullable=False,
            comment="Offset of the name's first character in sources.body_text (0-based). Unit: characters.",
        ),
        sa.Column(
            "char_end",
            sa.Integer(),
            nullable=False,
            comment="Offset just past the name's last character. Unit: characters.",
        ),
        sa.Column(
            "agreement_id",
            sa.Integer(),
            nullable=True,
            comment="The agreement it stands beside (NULL if the fact is gone).",
        ),
        sa.Column(
            "project_id",
            sa.Integer(),
            nullable=True,
            comment="The project it stands beside (NULL if the fact is gone).",
        ),
        sa.Column(
            "trade_flow_id",
            sa.Integer(),
            nullable=True,
            comment="The trade flow it stands beside (NULL if the fact is gone).",
        ),
        sa.Column(
            "status",
            sa.String(length=16),
            nullable=False,
            comment="Review state of the proposal. Values: proposed (not yet reviewed), accepted, rejected.",
        ),
        sa.Column(
            "confidence",
            sa.Float(),
            nullable=True,
            comment="How sure the extractor was that this is a new name, from 0 to 1.",
        ),
        sa.Column(
            "organization_id",
            sa.Integer(),
            nullable=True,
            comment="Once accepted: the organisation added (or the known one of that name) and linked.",
        ),
        sa.Column(
            "person_id",
            sa.Integer(),
            nullable=True,
            comment="Once accepted: the person added (or the known one) and linked.",
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
            "kind IN ('organization', 'person')", name=op.f("ck_proposed_names_kind")
        ),
        sa.CheckConstraint(
            "organization_kind IN ('company', 'bank', 'ministry', 'government', 'agency', 'international_body', 'research', 'media', 'other')",
            name=op.f("ck_proposed_names_organization_kind"),
        ),
        sa.CheckConstraint(
            "status IN ('proposed', 'accepted', 'rejected')",
            name=op.f("ck_proposed_names_status"),
        ),
        sa.CheckConstraint(
            "role IN ('party', 'signatory', 'lender', 'borrower', 'contractor', 'client', 'investor', 'guarantor', 'beneficiary', 'operator', 'financier', 'owner', 'partner', 'developer', 'attributed')",
            name=op.f("ck_proposed_names_role"),
        ),
        sa.CheckConstraint(
            "CASE WHEN agreement_id IS NULL THEN 0 ELSE 1 END + CASE WHEN project_id IS NULL THEN 0 ELSE 1 END + CASE WHEN trade_flow_id IS NULL THEN 0 ELSE 1 END <= 1",
            name=op.f("ck_proposed_names_at_most_one_fact"),
        ),
        sa.CheckConstraint("char_end > char_start", name=op.f("ck_proposed_names_char_span_order")),
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1", name=op.f("ck_proposed_names_confidence_range")
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_proposed_names_agreement_id_agreements"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["country_id"],
            ["countries.id"],
            name=op.f("fk_proposed_names_country_id_countries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_proposed_names_organization_id_organizations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_proposed_names_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_proposed_names_project_id_projects"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_proposed_names_source_id_sources"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["trade_flow_id"],
            ["trade_flows.id"],
            name=op.f("fk_proposed_names_trade_flow_id_trade_flows"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposed_names")),
        sa.UniqueConstraint("key", name=op.f("uq_proposed_names_key")),
        comment="Organisations and people an article names beside a fact that the database did not know, proposed by the extractor and waiting for review (review list --kind organization). Accepting one adds the organisation or person and links it to the fact; the row stays as its provenance (source, quote).",
    )
    with op.batch_alter_table("proposed_names", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_proposed_names_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proposed_names_country_id"), ["country_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proposed_names_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proposed_names_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proposed_names_project_id"), ["project_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proposed_names_source_id"), ["source_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proposed_names_trade_flow_id"), ["trade_flow_id"], unique=False
        )
    _fact_table_check(f"fact_table IN ({FACT_TABLES}, 'proposed_names')", "upgrade")


def _fact_table_check(condition: str, step: str) -> None:
    """Replace review_actions' CHECK on fact_table (SQLite: batch mode rebuilds the table) and,
    on PostgreSQL, the column's comment that lists the values."""
    name = op.f("ck_review_actions_fact_table")
    with op.batch_alter_table("review_actions", recreate="auto") as batch_op:
        batch_op.drop_constraint(name, type_="check")
        batch_op.create_check_constraint(name, condition)
    if op.get_bind().dialect.name == "postgresql":
        comment = FACT_TABLE_COMMENT[step].replace("'", "''")
        op.execute(f"COMMENT ON COLUMN review_actions.fact_table IS '{comment}'")


def downgrade() -> None:
    op.execute("DELETE FROM review_actions WHERE fact_table = 'proposed_names'")
    _fact_table_check(f"fact_table IN ({FACT_TABLES})", "downgrade")
    op.drop_table("proposed_names")
