"""A read-only PostgreSQL role for a team of analysts.

``grant_read_only`` creates the role (with LOGIN) if it does not exist and grants it exactly
this: CONNECT on the database, USAGE on the schema, SELECT on every table and view in it, and —
through ALTER DEFAULT PRIVILEGES — SELECT on every table and view that the granting user (the one
who runs the migrations) creates there later. Nothing else: no INSERT, UPDATE, DELETE, TRUNCATE,
no CREATE. It also becomes a member of silkledger_reader (the role `silkledger sql` switches
to, made by the migrations), so that `silkledger sql` works with its URL. Set a password separately (``ALTER ROLE analyst PASSWORD '...'``) where the server
asks for one.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, text

from ..errors import SilkledgerError
from .sql import READER_ROLE

ROLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def grant_read_only(engine: Engine, role: str) -> tuple[bool, list[str]]:
    """Make ``role`` a read-only role on the database of ``engine``. Returns whether the role
    was created, and the statements run."""
    if engine.dialect.name != "postgresql":
        raise SilkledgerError(
            "db grant-readonly is PostgreSQL-only: a SQLite file has no roles (share a copy, "
            "or use `silkledger sql`, which opens it read-only)"
        )
    if not ROLE_NAME.match(role):
        raise SilkledgerError(
            f"not a role name: {role!r} (letters, digits and _, not starting with a digit)"
        )
    quoted = _identifier(role)
    with engine.begin() as connection:
        existing = connection.execute(
            text("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = :role"),
            {"role": role},
        ).first()
        if existing is not None and existing[0]:
            raise SilkledgerError(
                f"role {role} is a superuser or bypasses row security: it cannot be made read-only"
            )
        database, schema, reader = connection.execute(
            text(
                "SELECT current_database(), current_schema(), "
                "EXISTS (SELECT FROM pg_roles WHERE rolname = :reader)"
            ),
            {"reader": READER_ROLE},
        ).one()
        statements = [] if existing else [f"CREATE ROLE {quoted} LOGIN"]
        statements += [
            f"GRANT CONNECT ON DATABASE {_identifier(database)} TO {quoted}",
            f"GRANT USAGE ON SCHEMA {_identifier(schema)} TO {quoted}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA {_identifier(schema)} TO {quoted}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {_identifier(schema)} "
            f"GRANT SELECT ON TABLES TO {quoted}",
        ]
        if reader and role != READER_ROLE:
            statements.append(f"GRANT {READER_ROLE} TO {quoted}")
        for statement in statements:
            connection.exec_driver_sql(statement)
    return existing is None, statements
