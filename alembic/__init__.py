"""Alembic migrations, shipped inside the package as ``silkledger.migrations``."""
