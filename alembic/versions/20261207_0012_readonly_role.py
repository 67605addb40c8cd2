"""silkledger_reader: the role `silkledger sql` runs every statement as (PostgreSQL)

A NOLOGIN role with SELECT on every table and view of the schema, now and (default privileges
of the migrating role) later, and USAGE on the schema: the grants `db grant-readonly` gives, and
nothing else. `silkledger sql` switches to it (``SET LOCAL ROLE``) whatever role its URL names,
so a superuser's URL cannot read or write server files through it. The migrating role becomes a
member when it is not a superuser, so that it can switch.

Roles belong to the whole cluster, privileges to one database: the role is created only if it
is missing (another database may have made it a moment earlier: a concurrent CREATE ROLE that
loses is taken as done), the grants are this database's. A migrating role that may not create
roles gets a warning, and `silkledger sql` then refuses to run until someone creates it.

Downgrade: this database's grants revoked. The role stays: other databases may use it.

SQLite: nothing (a file has no roles; `silkledger sql` opens it read-only).

Revision ID: 0012_readonly_role
Revises: 0011_group_increments
Create Date: 2026-12-07 03:40:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012_readonly_role"
down_revision: str | None = "0011_group_increments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLE = "silkledger_reader"  # silkledger.analyst.sql.READER_ROLE (carried here as a literal)

UPGRADE = f"""DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') THEN
        BEGIN
            CREATE ROLE {ROLE} NOLOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL;  -- created meanwhile by a migration of another database
            WHEN insufficient_privilege THEN
                RAISE WARNING 'cannot create role {ROLE} (%): silkledger sql will refuse to run '
                    'until a superuser creates it and the migration is run again', SQLERRM;
                RETURN;
        END;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO {ROLE}', current_schema());
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO {ROLE}', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO {ROLE}',
                   current_schema());
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
       AND NOT pg_has_role(current_user, '{ROLE}', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT {ROLE} TO %I', current_user);
        EXCEPTION
            WHEN unique_violation OR insufficient_privilege THEN
                RAISE WARNING 'cannot make % a member of {ROLE} (%)', current_user, SQLERRM;
        END;
    END IF;
END $$"""

DOWNGRADE = f"""DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') THEN
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE SELECT ON TABLES FROM {ROLE}',
                       current_schema());
        EXECUTE format('REVOKE SELECT ON ALL TABLES IN SCHEMA %I FROM {ROLE}', current_schema());
        EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM {ROLE}', current_schema());
    END IF;
END $$"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(UPGRADE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(DOWNGRADE)
