"""report_runs: a job is its jobs file and its name; warnings of a succeeded run

Adds ``report_runs.jobs_file`` (the jobs file's ``id`` setting, else its resolved path) and makes
the claim constraint UNIQUE (jobs_file, job_name, due_at), so two jobs files that share a job
name on one database neither block nor prune each other. Adds ``report_runs.warnings``.

Backfill: rows written before this revision get ``jobs_file = ''`` (the server default): which
file wrote them is not recorded anywhere. The scheduler reads such rows as history of every job
of that name (what they were before this revision) and never writes to them again, so after
the upgrade a job is not re-run for a slot it already ran, and its old workbooks stay subject to
its retention.

Downgrade: the old UNIQUE (job_name, due_at) cannot hold two jobs files' runs of one slot, so for
each (job_name, due_at) only the most recently started row is kept and the others are deleted
before the constraint is restored.

Revision ID: 0005_report_runs_jobs_file
Revises: 0003_views
Create Date: 2026-12-02 12:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_report_runs_jobs_file"
down_revision: str | None = "0003_views"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("report_runs") as batch:
        batch.add_column(
            sa.Column(
                "jobs_file",
                sa.Text(),
                server_default="",
                nullable=False,
                comment="The jobs file the job is defined in: its id setting, else its resolved "
                "path. Empty on runs recorded before jobs files were told apart (migration "
                "0005); those count as history of every job of that name.",
            )
        )
        batch.add_column(
            sa.Column(
                "warnings",
                sa.Text(),
                nullable=True,
                comment="What a run that succeeded warned about (such as: nothing matched the "
                "filters, so the workbook says so), one warning per line; NULL when there was "
                "nothing to say.",
            )
        )
        batch.drop_constraint("uq_report_runs_job_name_due_at", type_="unique")
        batch.create_unique_constraint(
            "uq_report_runs_jobs_file_job_name_due_at", ["jobs_file", "job_name", "due_at"]
        )


def downgrade() -> None:
    op.execute(
        """
        DELETE FROM report_runs WHERE id IN (
            SELECT older.id FROM report_runs AS older JOIN report_runs AS newer
              ON newer.job_name = older.job_name AND newer.due_at = older.due_at
             AND (newer.started_at > older.started_at
                  OR (newer.started_at = older.started_at AND newer.id > older.id))
        )
        """
    )
    with op.batch_alter_table("report_runs") as batch:
        batch.drop_constraint("uq_report_runs_jobs_file_job_name_due_at", type_="unique")
        batch.create_unique_constraint("uq_report_runs_job_name_due_at", ["job_name", "due_at"])
        batch.drop_column("warnings")
        batch.drop_column("jobs_file")
