"""Summary tables kept in step by the database itself: triggers, so no writer can forget them.

Two summaries: ``source_fact_counts`` (below) and ``agreement_countries`` (further down, with its
own notes). Migration 0008_summaries creates both, their triggers, and fills them.

``source_fact_counts`` (model: provenance.SourceFactCount) holds, per source, fact kind and
review state, how many distinct facts the source cites and in how many citations. Counting what
each source contributes (docs/queries/18) then reads a few rows per source instead of every
citation joined to five fact tables.

What changes it, and the trigger that follows:

- a citation inserted, deleted, or moved to another fact or source (review merge, reindex,
  ingest): triggers on citations;
- a fact's review_status changed (accept, reject, reopen, review import): a trigger on each fact
  table;
- a fact deleted (its citations go by ON DELETE CASCADE): a BEFORE DELETE trigger on the fact
  table takes its citations out while they can still be counted; the citations' own delete
  triggers then find no fact and change nothing, so nothing is taken out twice.

SQLite: row triggers, one per fact kind (each reads its citations through that kind's index).
SQLite runs them row by row, each seeing the table as changed so far. PostgreSQL: plpgsql
functions; citations use statement-level triggers with transition tables, so a bulk insert (the
benchmark's million claims) costs one aggregate per statement, not one per row. They see the
statement's end state, so they compute each (source, fact)'s net change and compare the
citations before and after it.

The models do not declare triggers or functions, and autogenerate does not see them. A later
migration that rebuilds citations, a fact table, agreement_parties, organizations or people in
batch mode on SQLite drops that table's triggers with the old table: it must create them again,
carrying their SQL (``silkledger db render-sql summary-triggers --engine sqlite``);
tests/test_summaries.py fails if a summary stops following its tables, tests/test_schema_objects.py
if a trigger is missing. ``refill_statements`` recomputes both summaries from scratch (a repair;
the bulk load's ``suspended``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .provenance import CITED_FACT_COLUMNS, FACT_KINDS

TABLE = "source_fact_counts"
# (kind, citations column, fact table), one per fact kind a citation may point at
FACTS = tuple(
    zip(
        FACT_KINDS,
        CITED_FACT_COLUMNS,
        ("events", "agreements", "trade_flows", "projects", "indicators"),
        strict=True,
    )
)
COLUMNS = "source_id, fact_kind, review_status, fact_count, quote_count"
_ADD_ON_CONFLICT = (
    "ON CONFLICT (source_id, fact_kind, review_status) DO UPDATE SET "
    "fact_count = {t}.fact_count + excluded.fact_count, "
    "quote_count = {t}.quote_count + excluded.quote_count"
)


def _add(target: str = TABLE) -> str:
    return _ADD_ON_CONFLICT.format(t=target)


def recompute_sql() -> str:
    """The summary as computed from the citations and facts, from scratch."""
    return "\nUNION ALL\n".join(
        f"SELECT ci.source_id, '{kind}' AS fact_kind, f.review_status, "
        f"count(DISTINCT ci.{column}) AS fact_count, count(*) AS quote_count "
        f"FROM citations ci JOIN {table} f ON f.id = ci.{column} "
        f"GROUP BY ci.source_id, f.review_status"
        for kind, column, table in FACTS
    )


def _refill_fact_counts_statements() -> list[str]:
    return [f"DELETE FROM {TABLE}", f"INSERT INTO {TABLE} ({COLUMNS}) {recompute_sql()}"]


# ----------------------------------------------------------------------------- SQLite


def _sqlite_add_citation(kind: str, column: str, table: str) -> str:
    """NEW is one more citation of (source, fact): a new fact for the source if it is the only
    one."""
    return (
        f"INSERT INTO {TABLE} ({COLUMNS}) "
        f"SELECT NEW.source_id, '{kind}', f.review_status, "
        f"CASE WHEN (SELECT count(*) FROM citations c WHERE c.{column} = NEW.{column} "
        f"AND c.source_id = NEW.source_id) = 1 THEN 1 ELSE 0 END, 1 "
        f"FROM {table} f WHERE f.id = NEW.{column} {_add()};"
    )


def _sqlite_remove_citation(kind: str, column: str, table: str) -> str:
    """OLD is one citation fewer: the fact goes from the source's count when none is left. A
    fact already deleted (the citation goes by cascade) was taken out by its own trigger."""
    return (
        f"UPDATE {TABLE} SET quote_count = quote_count - 1, "
        f"fact_count = fact_count - CASE WHEN EXISTS (SELECT 1 FROM citations c "
        f"WHERE c.{column} = OLD.{column} AND c.source_id = OLD.source_id) THEN 0 ELSE 1 END "
        f"WHERE source_id = OLD.source_id AND fact_kind = '{kind}' "
        f"AND review_status = (SELECT review_status FROM {table} WHERE id = OLD.{column}); "
        f"DELETE FROM {TABLE} WHERE source_id = OLD.source_id AND fact_kind = '{kind}' "
        f"AND quote_count = 0;"
    )


def _take_out_fact(kind: str, column: str, row: str, status: str) -> str:
    """Subtract the fact ``row``.id (review state ``status``) from every source citing it."""
    citing = f"SELECT source_id FROM citations WHERE {column} = {row}.id"
    return (
        f"UPDATE {TABLE} SET fact_count = fact_count - 1, quote_count = quote_count - "
        f"(SELECT count(*) FROM citations c WHERE c.{column} = {row}.id "
        f"AND c.source_id = {TABLE}.source_id) "
        f"WHERE fact_kind = '{kind}' AND review_status = {status} AND source_id IN ({citing}); "
        f"DELETE FROM {TABLE} WHERE fact_kind = '{kind}' AND review_status = {status} "
        f"AND quote_count = 0 AND source_id IN ({citing});"
    )


def _sqlite_statements(kind: str, column: str, table: str) -> list[str]:
    name = f"{TABLE}_{column}"
    moved = (
        f"OLD.source_id IS NOT NEW.source_id OR OLD.{column} IS NOT NEW.{column}"
    )  # fmt: skip
    cited = ", ".join(CITED_FACT_COLUMNS)
    add_fact = (
        f"INSERT INTO {TABLE} ({COLUMNS}) SELECT source_id, '{kind}', NEW.review_status, 1, "
        f"count(*) FROM citations WHERE {column} = NEW.id GROUP BY source_id {_add()};"
    )
    return [
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON citations "
        f"WHEN NEW.{column} IS NOT NULL BEGIN {_sqlite_add_citation(kind, column, table)} END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON citations "
        f"WHEN OLD.{column} IS NOT NULL BEGIN {_sqlite_remove_citation(kind, column, table)} END",
        f"CREATE TRIGGER {name}_update_old AFTER UPDATE OF source_id, {cited} ON citations "
        f"WHEN OLD.{column} IS NOT NULL AND ({moved}) "
        f"BEGIN {_sqlite_remove_citation(kind, column, table)} END",
        f"CREATE TRIGGER {name}_update_new AFTER UPDATE OF source_id, {cited} ON citations "
        f"WHEN NEW.{column} IS NOT NULL AND ({moved}) "
        f"BEGIN {_sqlite_add_citation(kind, column, table)} END",
        f"CREATE TRIGGER {TABLE}_{table}_status AFTER UPDATE OF review_status ON {table} "
        f"WHEN OLD.review_status IS NOT NEW.review_status "
        f"BEGIN {_take_out_fact(kind, column, 'OLD', 'OLD.review_status')} {add_fact} END",
        f"CREATE TRIGGER {TABLE}_{table}_delete BEFORE DELETE ON {table} "
        f"BEGIN {_take_out_fact(kind, column, 'OLD', 'OLD.review_status')} END",
    ]


def _sqlite_trigger_names() -> list[str]:
    names = []
    for _, column, table in FACTS:
        names += [
            f"{TABLE}_{column}_{event}"
            for event in ("insert", "delete", "update_old", "update_new")
        ]
        names += [f"{TABLE}_{table}_status", f"{TABLE}_{table}_delete"]
    return names


# ------------------------------------------------------------------------- PostgreSQL

_NO_ROWS = "(SELECT NULL::integer AS source_id, {cited} WHERE false)"


def _pg_citation_change(kind: str, column: str, table: str, new: str, old: str) -> str:
    """One kind's net change from a statement on citations: per (source, fact) the citations
    added minus removed; the fact counts for the source if it had citations before or has now."""
    return f"""
    WITH changed AS (
        SELECT source_id, fact_id, sum(delta) AS quotes
        FROM (SELECT source_id, {column} AS fact_id, 1 AS delta FROM {new} n
              WHERE {column} IS NOT NULL
              UNION ALL
              SELECT source_id, {column}, -1 FROM {old} o WHERE {column} IS NOT NULL) AS rows
        GROUP BY source_id, fact_id HAVING sum(delta) <> 0
    ), counted AS (  -- lookups by id, per pair: never a scan of a whole fact table
        SELECT ch.source_id, ch.quotes,
               (SELECT f.review_status FROM {table} f WHERE f.id = ch.fact_id) AS review_status,
               (SELECT count(*) FROM citations c
                WHERE c.{column} = ch.fact_id AND c.source_id = ch.source_id) AS now_quotes
        FROM changed ch
    )
    INSERT INTO {TABLE} AS t ({COLUMNS})
    SELECT source_id, '{kind}', review_status,
           sum(CASE WHEN now_quotes > 0 THEN 1 ELSE 0 END
               - CASE WHEN now_quotes - quotes > 0 THEN 1 ELSE 0 END),
           sum(quotes)
    FROM counted WHERE review_status IS NOT NULL  -- a fact deleted was taken out already
    GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    {_add("t")};"""


def _pg_citations_function(event: str) -> str:
    cited = ", ".join(f"NULL::integer AS {column}" for column in CITED_FACT_COLUMNS)
    none = _NO_ROWS.format(cited=cited)
    new = "new_rows" if event in ("insert", "update") else none
    old = "old_rows" if event in ("delete", "update") else none
    body = "".join(
        _pg_citation_change(kind, column, table, new, old) for kind, column, table in FACTS
    )
    if event != "insert":
        body += (
            f"\n    DELETE FROM {TABLE} t WHERE t.quote_count = 0 "
            f"AND t.source_id IN (SELECT source_id FROM old_rows);"
        )
    return (
        f"CREATE FUNCTION {TABLE}_citations_{event}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN{body}\n    RETURN NULL;\nEND $$"
    )


def _pg_fact_status_function(kind: str, column: str, table: str) -> str:
    moved = (
        "SELECT n.id, o.review_status AS old_status, n.review_status AS new_status "
        "FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.review_status <> n.review_status"
    )
    return f"""CREATE FUNCTION {TABLE}_{table}_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS ({moved}) THEN
        RETURN NULL;
    END IF;
    WITH per_source AS (
        SELECT c.source_id, m.old_status, m.new_status,
               count(DISTINCT c.{column}) AS facts, count(*) AS quotes
        FROM ({moved}) AS m JOIN citations c ON c.{column} = m.id
        GROUP BY c.source_id, m.old_status, m.new_status
    ), deltas AS (
        SELECT source_id, new_status AS review_status, facts, quotes FROM per_source
        UNION ALL
        SELECT source_id, old_status, -facts, -quotes FROM per_source
    )
    INSERT INTO {TABLE} AS t ({COLUMNS})
    SELECT source_id, '{kind}', review_status, sum(facts), sum(quotes)
    FROM deltas GROUP BY source_id, review_status
    ORDER BY source_id, review_status
    {_add("t")};
    DELETE FROM {TABLE} t WHERE t.fact_kind = '{kind}' AND t.quote_count = 0
      AND t.source_id IN (SELECT c.source_id FROM citations c
                          JOIN ({moved}) AS m ON c.{column} = m.id);
    RETURN NULL;
END $$"""


def _pg_fact_delete_function(kind: str, column: str, table: str) -> str:
    return f"""CREATE FUNCTION {TABLE}_{table}_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {TABLE} t SET fact_count = t.fact_count - 1, quote_count = t.quote_count - d.quotes
    FROM (SELECT source_id, count(*) AS quotes FROM citations WHERE {column} = OLD.id
          GROUP BY source_id) AS d
    WHERE t.source_id = d.source_id AND t.fact_kind = '{kind}'
      AND t.review_status = OLD.review_status;
    DELETE FROM {TABLE} t WHERE t.fact_kind = '{kind}' AND t.review_status = OLD.review_status
      AND t.quote_count = 0
      AND t.source_id IN (SELECT source_id FROM citations WHERE {column} = OLD.id);
    RETURN OLD;
END $$"""


def _pg_transitions(event: str) -> str:
    return {
        "insert": "NEW TABLE AS new_rows",
        "delete": "OLD TABLE AS old_rows",
        "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }[event]


def _postgresql_statements() -> list[str]:
    statements = []
    for event in ("insert", "update", "delete"):
        function = f"{TABLE}_citations_{event}"
        statements += [
            _pg_citations_function(event),
            f"CREATE TRIGGER {function} AFTER {event.upper()} ON citations "
            f"REFERENCING {_pg_transitions(event)} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {function}()",
        ]
    for kind, column, table in FACTS:
        statements += [
            _pg_fact_status_function(kind, column, table),
            f"CREATE TRIGGER {TABLE}_{table}_status AFTER UPDATE ON {table} "
            f"REFERENCING {_pg_transitions('update')} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {TABLE}_{table}_status()",
            _pg_fact_delete_function(kind, column, table),
            f"CREATE TRIGGER {TABLE}_{table}_delete BEFORE DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_{table}_delete()",
        ]
    return statements


def _pg_functions() -> list[tuple[str, str]]:
    """(function, table its trigger is on), trigger and function sharing the name."""
    found = [
        (f"{TABLE}_citations_{event}", "citations") for event in ("insert", "update", "delete")
    ]
    for _, _, table in FACTS:
        found += [(f"{TABLE}_{table}_status", table), (f"{TABLE}_{table}_delete", table)]
    return found


# --------------------------------------------------------------------------------- API


def create_statements(dialect: str) -> list[str]:
    """The triggers (and on PostgreSQL their functions) that keep both summaries in step."""
    return _create_fact_count_statements(dialect) + create_countries_statements(dialect)


def drop_statements(dialect: str) -> list[str]:
    return _drop_fact_count_statements(dialect) + drop_countries_statements(dialect)


def refill_statements() -> list[str]:
    """Both summaries recomputed from scratch (the migration that creates them; a repair)."""
    return _refill_fact_counts_statements() + refill_countries_statements()


@contextmanager
def suspended(connection) -> Iterator[None]:
    """For a bulk load in one transaction on ``connection`` (the benchmark's generator): the
    triggers of every summary (these two and trade_flow_groups) are dropped, and re-created with
    the summaries recomputed when the block ends.
    Why: within one transaction PostgreSQL cannot prune the versions its own updates leave, so a
    summary row updated by each of a thousand statements makes each later update walk a longer
    chain. Dropping a trigger locks its table until commit, so no other writer is missed."""
    from . import trade_groups
    from .dialect import Dialect

    dialect = connection.dialect.name
    for statement in drop_statements(dialect) + trade_groups.drop_statements(dialect):
        connection.exec_driver_sql(statement)
    yield
    statements = create_statements(dialect) + refill_statements()
    statements += trade_groups.create_statements(dialect)
    statements += trade_groups.fill_statements(Dialect(dialect))
    for statement in statements:
        connection.exec_driver_sql(statement)


def _create_fact_count_statements(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [
            statement for kind, column, table in FACTS
            for statement in _sqlite_statements(kind, column, table)
        ]  # fmt: skip
    return _postgresql_statements()


def _drop_fact_count_statements(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {name}" for name in _sqlite_trigger_names()]
    statements = []
    for function, table in _pg_functions():
        statements += [
            f"DROP TRIGGER IF EXISTS {function} ON {table}",
            f"DROP FUNCTION IF EXISTS {function}()",
        ]
    return statements


# ===================================================================== agreement_countries
#
# ``agreement_countries`` (model: agreements.AgreementCountry) holds, per agreement and country,
# how many of its parties are that country (party_count) and how many are that country or an
# organisation or person of it (link_count); a row lives while link_count > 0. The deal_countries
# view reads it through its indexes instead of grouping every party. What changes it: a party
# inserted, deleted or changed (triggers on agreement_parties), and an organisation or person
# moved to another country (triggers on organizations and people). An agreement deleted takes
# its rows with it (ON DELETE CASCADE); its parties' triggers then find nothing to change.

COUNTRIES_TABLE = "agreement_countries"
COUNTRIES_COLUMNS = "agreement_id, country_id, party_count, link_count"
PARTY_COLUMNS = "agreement_id, country_id, organization_id, person_id"
MEMBERS = (("organizations", "organization_id"), ("people", "person_id"))
_ADD_LINKS = (
    "ON CONFLICT (agreement_id, country_id) DO UPDATE SET "
    "party_count = {t}.party_count + excluded.party_count, "
    "link_count = {t}.link_count + excluded.link_count"
)


def recompute_countries_sql() -> str:
    """agreement_countries as computed from agreement_parties, from scratch."""
    return (
        "SELECT ap.agreement_id, COALESCE(ap.country_id, o.country_id, p.country_id), "
        "sum(CASE WHEN ap.country_id IS NOT NULL THEN 1 ELSE 0 END), count(*) "
        "FROM agreement_parties ap "
        "LEFT JOIN organizations o ON o.id = ap.organization_id "
        "LEFT JOIN people p ON p.id = ap.person_id "
        "WHERE COALESCE(ap.country_id, o.country_id, p.country_id) IS NOT NULL "
        "GROUP BY ap.agreement_id, COALESCE(ap.country_id, o.country_id, p.country_id)"
    )


def _country_of(row: str) -> str:
    return (
        f"COALESCE({row}.country_id, "
        f"(SELECT country_id FROM organizations WHERE id = {row}.organization_id), "
        f"(SELECT country_id FROM people WHERE id = {row}.person_id))"
    )


def _is_party(row: str) -> str:
    return f"CASE WHEN {row}.country_id IS NOT NULL THEN 1 ELSE 0 END"


def _sqlite_add_party(row: str) -> str:
    return (
        f"INSERT INTO {COUNTRIES_TABLE} ({COUNTRIES_COLUMNS}) "
        f"SELECT {row}.agreement_id, x.country_id, {_is_party(row)}, 1 "
        f"FROM (SELECT {_country_of(row)} AS country_id) AS x WHERE x.country_id IS NOT NULL "
        f"{_ADD_LINKS.format(t=COUNTRIES_TABLE)};"
    )


def _sqlite_remove_party(row: str) -> str:
    return (
        f"UPDATE {COUNTRIES_TABLE} SET party_count = party_count - {_is_party(row)}, "
        f"link_count = link_count - 1 "
        f"WHERE agreement_id = {row}.agreement_id AND country_id = {_country_of(row)}; "
        f"DELETE FROM {COUNTRIES_TABLE} WHERE agreement_id = {row}.agreement_id "
        f"AND link_count = 0;"
    )


def _sqlite_member_moved(table: str, column: str) -> str:
    """An organisation (person) moved from OLD.country_id to NEW.country_id: its parties'
    links move with it."""
    agreements = f"SELECT agreement_id FROM agreement_parties WHERE {column} = NEW.id"
    return (
        f"UPDATE {COUNTRIES_TABLE} SET link_count = link_count - "
        f"(SELECT count(*) FROM agreement_parties ap WHERE ap.{column} = NEW.id "
        f"AND ap.agreement_id = {COUNTRIES_TABLE}.agreement_id) "
        f"WHERE country_id = OLD.country_id AND agreement_id IN ({agreements}); "
        f"INSERT INTO {COUNTRIES_TABLE} ({COUNTRIES_COLUMNS}) "
        f"SELECT agreement_id, NEW.country_id, 0, count(*) FROM agreement_parties "
        f"WHERE {column} = NEW.id AND NEW.country_id IS NOT NULL GROUP BY agreement_id "
        f"{_ADD_LINKS.format(t=COUNTRIES_TABLE)}; "
        f"DELETE FROM {COUNTRIES_TABLE} WHERE country_id = OLD.country_id AND link_count = 0 "
        f"AND agreement_id IN ({agreements});"
    )


def _sqlite_countries_statements() -> list[str]:
    name = COUNTRIES_TABLE
    statements = [
        f"CREATE TRIGGER {name}_parties_insert AFTER INSERT ON agreement_parties "
        f"BEGIN {_sqlite_add_party('NEW')} END",
        f"CREATE TRIGGER {name}_parties_delete AFTER DELETE ON agreement_parties "
        f"BEGIN {_sqlite_remove_party('OLD')} END",
        f"CREATE TRIGGER {name}_parties_update AFTER UPDATE OF {PARTY_COLUMNS} "
        f"ON agreement_parties BEGIN {_sqlite_remove_party('OLD')} {_sqlite_add_party('NEW')} END",
    ]
    statements += [
        f"CREATE TRIGGER {name}_{table}_country AFTER UPDATE OF country_id ON {table} "
        f"WHEN OLD.country_id IS NOT NEW.country_id "
        f"BEGIN {_sqlite_member_moved(table, column)} END"
        for table, column in MEMBERS
    ]
    return statements


def _sqlite_countries_trigger_names() -> list[str]:
    names = [f"{COUNTRIES_TABLE}_parties_{event}" for event in ("insert", "delete", "update")]
    return names + [f"{COUNTRIES_TABLE}_{table}_country" for table, _ in MEMBERS]


def _pg_apply_links() -> str:
    """Add the CTE ``changed`` (agreement_id, country_id, parties, links) to the summary: rows
    that exist are updated, the others inserted (a negative change never makes a row: its row
    went with its agreement)."""
    t = COUNTRIES_TABLE
    return f""", updated AS (
        UPDATE {t} t SET party_count = t.party_count + c.parties,
                         link_count = t.link_count + c.links
        FROM changed c WHERE t.agreement_id = c.agreement_id AND t.country_id = c.country_id
        RETURNING t.agreement_id, t.country_id
    )
    INSERT INTO {t} AS t ({COUNTRIES_COLUMNS})
    SELECT c.agreement_id, c.country_id, c.parties, c.links FROM changed c
    WHERE c.links > 0 AND NOT EXISTS (SELECT 1 FROM updated u
                                      WHERE u.agreement_id = c.agreement_id
                                        AND u.country_id = c.country_id)
    ORDER BY c.agreement_id, c.country_id
    {_ADD_LINKS.format(t="t")};"""


def _pg_parties_function(event: str) -> str:
    none = "(SELECT NULL::integer AS agreement_id, NULL::integer AS country_id, " \
        "NULL::integer AS organization_id, NULL::integer AS person_id WHERE false)"  # fmt: skip
    new = "new_rows" if event in ("insert", "update") else none
    old = "old_rows" if event in ("delete", "update") else none
    body = f"""
    WITH rows AS (
        SELECT {PARTY_COLUMNS}, 1 AS sign FROM {new} n
        UNION ALL
        SELECT {PARTY_COLUMNS}, -1 FROM {old} o
    ), changed AS (
        SELECT x.agreement_id, COALESCE(x.country_id, o.country_id, p.country_id) AS country_id,
               sum(CASE WHEN x.country_id IS NOT NULL THEN x.sign ELSE 0 END) AS parties,
               sum(x.sign) AS links
        FROM rows x
        LEFT JOIN organizations o ON o.id = x.organization_id
        LEFT JOIN people p ON p.id = x.person_id
        WHERE COALESCE(x.country_id, o.country_id, p.country_id) IS NOT NULL
        GROUP BY 1, 2
        HAVING sum(x.sign) <> 0
            OR sum(CASE WHEN x.country_id IS NOT NULL THEN x.sign ELSE 0 END) <> 0
    ){_pg_apply_links()}"""
    if event != "insert":
        body += (
            f"\n    DELETE FROM {COUNTRIES_TABLE} t WHERE t.link_count <= 0 "
            f"AND t.agreement_id IN (SELECT agreement_id FROM old_rows);"
        )
    function = f"{COUNTRIES_TABLE}_parties_{event}"
    return (
        f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN{body}\n    RETURN NULL;\nEND $$"
    )


def _pg_member_function(table: str, column: str) -> str:
    moved = (
        "SELECT n.id, o.country_id AS old_country, n.country_id AS new_country "
        "FROM new_rows n JOIN old_rows o ON o.id = n.id "
        "WHERE o.country_id IS DISTINCT FROM n.country_id"
    )
    return f"""CREATE FUNCTION {COUNTRIES_TABLE}_{table}_country() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS ({moved}) THEN
        RETURN NULL;
    END IF;
    WITH per AS (
        SELECT ap.agreement_id, m.old_country, m.new_country, count(*) AS links
        FROM ({moved}) AS m JOIN agreement_parties ap ON ap.{column} = m.id
        GROUP BY 1, 2, 3
    ), deltas AS (
        SELECT agreement_id, new_country AS country_id, links FROM per
        WHERE new_country IS NOT NULL
        UNION ALL
        SELECT agreement_id, old_country, -links FROM per WHERE old_country IS NOT NULL
    ), changed AS (
        SELECT agreement_id, country_id, 0 AS parties, sum(links) AS links FROM deltas
        GROUP BY 1, 2 HAVING sum(links) <> 0
    ){_pg_apply_links()}
    DELETE FROM {COUNTRIES_TABLE} t WHERE t.link_count <= 0
      AND t.country_id IN (SELECT old_country FROM ({moved}) AS m);
    RETURN NULL;
END $$"""


def _pg_countries_functions() -> list[tuple[str, str]]:
    found = [
        (f"{COUNTRIES_TABLE}_parties_{event}", "agreement_parties")
        for event in ("insert", "update", "delete")
    ]
    return found + [(f"{COUNTRIES_TABLE}_{table}_country", table) for table, _ in MEMBERS]


def _postgresql_countries_statements() -> list[str]:
    statements = []
    for event in ("insert", "update", "delete"):
        function = f"{COUNTRIES_TABLE}_parties_{event}"
        statements += [
            _pg_parties_function(event),
            f"CREATE TRIGGER {function} AFTER {event.upper()} ON agreement_parties "
            f"REFERENCING {_pg_transitions(event)} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {function}()",
        ]
    for table, column in MEMBERS:
        function = f"{COUNTRIES_TABLE}_{table}_country"
        statements += [
            _pg_member_function(table, column),
            f"CREATE TRIGGER {function} AFTER UPDATE ON {table} "
            f"REFERENCING {_pg_transitions('update')} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {function}()",
        ]
    return statements


def create_countries_statements(dialect: str) -> list[str]:
    """The triggers (and on PostgreSQL their functions) that keep agreement_countries."""
    if dialect == "sqlite":
        return _sqlite_countries_statements()
    return _postgresql_countries_statements()


def drop_countries_statements(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {name}" for name in _sqlite_countries_trigger_names()]
    statements = []
    for function, table in _pg_countries_functions():
        statements += [
            f"DROP TRIGGER IF EXISTS {function} ON {table}",
            f"DROP FUNCTION IF EXISTS {function}()",
        ]
    return statements


def refill_countries_statements() -> list[str]:
    return [
        f"DELETE FROM {COUNTRIES_TABLE}",
        f"INSERT INTO {COUNTRIES_TABLE} ({COUNTRIES_COLUMNS}) {recompute_countries_sql()}",
    ]
