"""The few SQL fragments that differ between SQLite and PostgreSQL, for the SQL the models write
themselves (views, summary triggers). Lists are joined with '; ' and sorted, so both engines
return the same text."""

from __future__ import annotations

LIST_SEPARATOR = "; "


class Dialect:
    """The few SQL fragments that differ between SQLite and PostgreSQL."""

    def __init__(self, name: str):
        if name not in ("sqlite", "postgresql"):
            raise ValueError(f"no view SQL for the {name!r} engine")
        self.name = name

    def text_list(self, expression: str, from_where: str, order: str | None = None) -> str:
        """A correlated subquery: the distinct values of ``expression`` joined by '; ', sorted
        by themselves or by ``order`` (a number, say)."""
        sort_key = order or expression
        inner = f"SELECT DISTINCT {sort_key} AS sort_key, {expression} AS item FROM {from_where}"
        if self.name == "sqlite":  # SQLite's group_concat takes rows in the subquery's order
            return (
                f"(SELECT group_concat(item, '{LIST_SEPARATOR}') "
                f"FROM ({inner} ORDER BY sort_key) AS items)"
            )
        # byte order (COLLATE "C"), as SQLite sorts, whatever the database's collation
        collate = "" if order else ' COLLATE "C"'
        return (
            f"(SELECT string_agg(item, '{LIST_SEPARATOR}' ORDER BY sort_key{collate}) "
            f"FROM ({inner}) AS items)"
        )

    def list_agg(self, expression: str) -> str:
        """An aggregate (or window) function joining ``expression`` with '; '."""
        if self.name == "sqlite":
            return f"group_concat({expression}, '{LIST_SEPARATOR}')"
        return f"string_agg({expression}, '{LIST_SEPARATOR}')"

    def same(self, left: str, right: str) -> str:
        """Equal, or both NULL; written so that an index on ``left`` can serve it (PostgreSQL
        cannot use one for IS NOT DISTINCT FROM)."""
        if self.name == "sqlite":
            return f"{left} IS {right}"
        return f"({left} = {right} OR ({left} IS NULL AND {right} IS NULL))"

    def year(self, column: str) -> str:
        if self.name == "sqlite":
            return f"CAST(substr({column}, 1, 4) AS INTEGER)"
        return f"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)"

    def number_text(self, column: str) -> str:
        """A number as text without trailing zeros: 30050000000, 15.5 (never 15.500000)."""
        if self.name == "sqlite":
            return f"CAST({column} AS TEXT)"
        return f"CAST(trim_scale({column}) AS TEXT)"
