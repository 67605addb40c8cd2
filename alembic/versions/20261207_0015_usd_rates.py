"""usd rates: each fact stores the currency rate that gave its value_usd

agreements, projects, trade_flows and indicators gain ``currency_rate_id`` (a foreign key to
currency_rates: a rate in use cannot be deleted): the loaders store the rate they converted with, so
reports and views read it instead of inferring it from value_usd / amount. The views ``deals`` and
``trade_flow_claims`` (and their ``_all`` twins) gain ``currency_rate_id``, ``usd_rate`` and
``usd_rate_source`` (sql/0015_usd_rates.*.sql).

Rows converted before this revision get the rate of their currency whose USD per unit gives their
value_usd (within 0.05%, the rounding of a stored value; the earliest such rate): once, here.
On SQLite the column is added with its foreign key inline (ADD COLUMN accepts a column
constraint) and dropped in place, so no table is rebuilt and no trigger lost.

Downgrade: the views as they were, then the columns go.

Revision ID: 0015_usd_rates
Revises: 0014_proposed_names
Create Date: 2026-12-07 09:30:00+00:00
"""

from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0015_usd_rates"
down_revision: str | None = "0014_proposed_names"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COMMENT = (
    "The currency_rates row whose rate gave value_usd (stored when value_usd is computed); NULL "
    "for amounts stated in USD, figures that are not money and amounts no rate covers."
)
# table -> (the stated amount, its currency)
TABLES = {
    "agreements": ("value_amount", "value_currency"),
    "projects": ("value_amount", "value_currency"),
    "trade_flows": ("value", "unit"),
    "indicators": ("value", "unit"),
}
RATE_TOLERANCE = "0.0005"

SQL = Path(__file__).resolve().parent / "sql"


def _run_sql(step: str) -> None:
    """The frozen statements of ``step`` (upgrade or downgrade) on this database's engine."""
    path = SQL / f"{revision}.{step}.{op.get_bind().dialect.name}.sql"
    for statement in path.read_text(encoding="utf-8").split("\n;\n")[:-1]:
        op.execute(statement)


def _foreign_key(table: str) -> str:
    return f"fk_{table}_currency_rate_id_currency_rates"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, (amount, currency) in TABLES.items():
        if sqlite:
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN currency_rate_id INTEGER CONSTRAINT "
                f"{_foreign_key(table)} REFERENCES currency_rates (id)"
            )
        else:
            op.add_column(
                table, sa.Column("currency_rate_id", sa.Integer(), nullable=True, comment=COMMENT)
            )
            op.create_foreign_key(
                _foreign_key(table),
                table,
                "currency_rates",
                ["currency_rate_id"],
                ["id"],
            )
        op.execute(
            f"UPDATE {table} SET currency_rate_id = (SELECT r.id FROM currency_rates r "
            f"WHERE r.currency = {table}.{currency} AND abs({table}.{amount} * r.usd_per_unit - "
            f"{table}.value_usd) <= {table}.value_usd * {RATE_TOLERANCE} "
            f"ORDER BY r.valid_from LIMIT 1) "
            f"WHERE value_usd IS NOT NULL AND {currency} <> 'USD'"
        )
    _run_sql("upgrade")


def downgrade() -> None:
    _run_sql("downgrade")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in TABLES:
        if sqlite:
            op.execute(f"ALTER TABLE {table} DROP COLUMN currency_rate_id")
        else:
            op.drop_constraint(_foreign_key(table), table, type_="foreignkey")
            op.drop_column(table, "currency_rate_id")
