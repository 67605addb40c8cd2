"""person_aliases: other names of people, the Russian among them

Russian articles name people in Russian («Си Цзиньпин», «Токаев»): the gazetteer matches each
alias in all its inflected forms, as it does the aliases of countries and organisations.
Downgrade drops the table (the people stay).

Revision ID: 0017_person_aliases
Revises: 0016_russian_search
Create Date: 2026-12-07 09:28:45.740237+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_person_aliases"
down_revision: str | None = "0016_russian_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person_aliases",
        sa.Column(
            "id",
            sa.Integer(),
            nullable=False,
            comment="Surrogate key: an integer the database assigns; foreign keys point at it.",
        ),
        sa.Column("person_id", sa.Integer(), nullable=False, comment="The person meant."),
        sa.Column(
            "alias", sa.String(length=300), nullable=False, comment="The name as texts use it."
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_person_aliases_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_aliases")),
        sa.UniqueConstraint("alias", name=op.f("uq_person_aliases_alias")),
        comment="Other names texts use for a person: other spellings and the Russian name (Си Цзиньпин, Токаев).",
    )
    with op.batch_alter_table("person_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_aliases_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("person_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_aliases_person_id"))

    op.drop_table("person_aliases")
