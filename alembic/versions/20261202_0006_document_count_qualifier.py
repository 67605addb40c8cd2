"""document count qualifier

agreements.document_count_qualifier: how a document count was stated ("more than 35 memoranda"
is a lower bound, qualifier over), with CHECK constraints for its values and for needing a count.
Autogenerate gives the add_column; the constraints are added by hand (autogenerate does not
compare CHECK constraints). On SQLite, where a new table constraint means rebuilding the table,
the column is added with its CHECKs written inline instead (SQLite's ADD COLUMN accepts them)
and dropped in place (SQLite 3.35+ allows it for a column's own constraints): the agreements,
their citations and parties are never copied.

Revision ID: 0006_document_count_qualifier
Revises: 0002_ingest
Create Date: 2026-12-02 12:40:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_document_count_qualifier"
down_revision: str | None = "0002_ingest"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COMMENT = (
    "How document_count was stated: exact, over, about, nearly, up_to, at_least or under "
    '(over for "more than 35 memoranda": the count is a lower bound, and so is any sum of it). '
    "NULL when no count is stated."
)
CHECKS = {
    "ck_agreements_document_count_qualifier": (
        "document_count_qualifier IN "
        "('exact', 'over', 'about', 'nearly', 'up_to', 'at_least', 'under')"
    ),
    "ck_agreements_document_count_qualifier_has_count": (
        "document_count_qualifier IS NULL OR document_count IS NOT NULL"
    ),
}


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        inline = " ".join(f"CONSTRAINT {name} CHECK ({sql})" for name, sql in CHECKS.items())
        op.execute(
            f"ALTER TABLE agreements ADD COLUMN document_count_qualifier VARCHAR(10) {inline}"
        )
        return
    op.add_column(
        "agreements",
        sa.Column("document_count_qualifier", sa.String(length=10), nullable=True, comment=COMMENT),
    )
    for name, sql in CHECKS.items():
        op.create_check_constraint(op.f(name), "agreements", sql)


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("ALTER TABLE agreements DROP COLUMN document_count_qualifier")
        return
    for name in CHECKS:
        op.drop_constraint(op.f(name), "agreements", type_="check")
    op.drop_column("agreements", "document_count_qualifier")
