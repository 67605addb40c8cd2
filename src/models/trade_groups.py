"""trade_flow_groups: the trade claims summed up per group, kept in step by the database.

A group is the claims of one reporter, partner, period, flow, measure and unit (GROUP_COLUMNS):
the figures sources may disagree on. trade_flow_consensus and disagreements used to aggregate a
million claims per query; they now read one row per group, which triggers keep current:

- SQLite: row triggers on trade_flows (insert, delete, update of a column the summary reads) and
  on citations (rows with a trade_flow_id). An insert, what an ingest writes, adds itself to its
  group's row at a cost that does not grow with the group (``_increment_triggers``); an update
  or delete recomputes the touched group, old and new, from its claims, found through
  ix_trade_flows_group.
- PostgreSQL: statement triggers with transition tables do the same set-based, once per
  statement, so a bulk load recomputes each touched group once. Each first takes a SHARE ROW
  EXCLUSIVE lock on trade_flow_groups (readers are not blocked): two transactions recomputing
  one group at once would each miss the other's claim.

So no writer (seed, ingest, review, deletes) has a line to forget. Cost: a statement trigger
runs once per statement, so a bulk load should send multi-row INSERTs; sent one row per
statement (psycopg's executemany), each row pays a trigger call of a few milliseconds. A group whose claims are all
rejected has no row; ``claim_count = 0`` means only extracted claims (the ``all_`` columns).

NULL periods: a group's period may be NULL. SQLite compares with IS, which its indexes serve.
PostgreSQL can neither index nor hash ``IS NOT DISTINCT FROM`` or ``a = b OR (a IS NULL AND b IS
NULL)``, so there the nullable key columns are compared as COALESCE(column, DATE '-infinity'),
and the two group indexes are on those expressions. Being per engine, the indexes are made here,
not in the models, and alembic/env.py leaves them out of autogenerate (``is_summary_object``).

A later migration that rebuilds trade_flows, citations or trade_flow_groups in batch mode on
SQLite drops these triggers with the old table and must create them again, carrying their SQL
(``silkledger db render-sql group-triggers --engine sqlite``); tests/test_trade_flow_groups.py
fails if the summary stops following the claims, tests/test_schema_objects.py if a trigger is
missing.
"""

from __future__ import annotations

from .base import ALL_REVIEW_STATUSES, COUNTING_REVIEW_STATUSES, statuses_in
from .dialect import Dialect

TABLE = "trade_flow_groups"
GROUP_COLUMNS = (
    "reporter_country_id",
    "partner_country_id",
    "period_start",
    "period_end",
    "flow",
    "measure",
    "unit",
)
NULLABLE = ("period_start", "period_end")
# The claim columns the summary reads: an update of another column (value_usd) changes nothing.
CLAIM_COLUMNS = (*GROUP_COLUMNS, "period_label", "value", "value_qualifier", "review_status")
# (column prefix, statuses counted): the plain views' columns and the _all views' columns.
VARIANTS = (("", COUNTING_REVIEW_STATUSES), ("all_", ALL_REVIEW_STATUSES))
# The indexes that find a group's claims and a group's row, made per engine (see above).
INDEXES = {"trade_flows": "ix_trade_flows_group", TABLE: "ix_trade_flow_groups_group"}
# What SQLite's index of a group's claims holds after the key (claim_index_statement).
CLAIM_INDEX_TAIL = ("value", "review_status", "value_qualifier")
# Partial indexes on the disputed groups of each variant (a few percent of them): disagreements
# starts from these. Name -> column prefix.
DISPUTED_INDEXES = {f"ix_{TABLE}_{prefix}disputed": prefix for prefix, _ in VARIANTS}
TRIGGER_PREFIX = "trade_flow_groups_after_"


def group_prefix(statuses: tuple[str, ...]) -> str:
    """The column prefix of the variant that counts ``statuses``."""
    for prefix, counted in VARIANTS:
        if tuple(statuses) == counted:
            return prefix
    raise ValueError(f"trade_flow_groups sums no variant counting {statuses}")


def disputed(prefix: str, alias: str | None = None) -> str:
    """SQL: the group disagrees in the variant ``prefix``: several claims with different values
    or qualifiers. Written once, so that disagreements' WHERE matches the partial indexes'."""
    g = f"{alias}.{prefix}" if alias else prefix
    return f"{g}claim_count > 1 AND ({g}lowest <> {g}highest OR {g}qualifier_count > 1)"


def key_part(dialect, alias: str | None, column: str) -> str:
    """``alias.column`` as the group indexes hold it (NULL periods made comparable on
    PostgreSQL); no alias: as the index itself names it."""
    qualified = f"{alias}.{column}" if alias else column
    if dialect.name == "postgresql" and column in NULLABLE:
        return f"COALESCE({qualified}, DATE '-infinity')"
    return qualified


def same_group(dialect, left: str, right: str) -> str:
    """SQL: the rows ``left`` and ``right`` (claims, groups or keys) are of one group; written
    so that the group indexes serve it on both engines."""
    parts = []
    for column in GROUP_COLUMNS:
        if dialect.name == "sqlite" and column in NULLABLE:
            parts.append(f"{left}.{column} IS {right}.{column}")
        else:
            parts.append(f"{key_part(dialect, left, column)} = {key_part(dialect, right, column)}")
    return " AND ".join(parts)


def _variant_aggregates(dialect, prefix: str, statuses: tuple[str, ...]) -> dict[str, str]:
    """Column -> aggregate over the claims ``tf`` of group ``k`` counting ``statuses``: exactly
    what trade_flow_consensus computed from the claims. (Sources and values are subqueries, not
    a join with citations and DISTINCT aggregates: a trigger runs this for every row written.)"""
    counted = statuses_in("tf.review_status", statuses)

    def when(expression: str) -> str:
        return f"CASE WHEN {counted} THEN {expression} END"

    aggregates = {
        f"{prefix}period_label": f"min({when('tf.period_label')})",
        f"{prefix}claim_count": f"sum(CASE WHEN {counted} THEN 1 ELSE 0 END)",
        f"{prefix}source_count": _source_count(dialect, statuses, "k"),
        f"{prefix}lowest": f"min({when('tf.value')})",
        f"{prefix}highest": f"max({when('tf.value')})",
        f"{prefix}qualifier_count": f"count(DISTINCT {when('tf.value_qualifier')})",
        f"{prefix}value_list": _value_list(dialect, statuses, "k"),
        f"{prefix}claim_source_count": _claim_source_count(dialect, statuses, "k"),
    }
    return aggregates


def _source_count(dialect, statuses: tuple[str, ...], group: str) -> str:
    """SQL: the number of distinct sources citing the claims of ``group`` that count."""
    return (
        f"(SELECT count(DISTINCT sc.source_id) FROM trade_flows st "
        f"JOIN citations sc ON sc.trade_flow_id = st.id "
        f"WHERE {same_group(dialect, 'st', group)} AND {statuses_in('st.review_status', statuses)})"
    )


def _claim_source_count(dialect, statuses: tuple[str, ...], group: str) -> str:
    """SQL: the (claim, source) pairs of the claims of ``group`` that count: per claim, the
    distinct sources citing it, summed. It equals source_count exactly when no source cites two
    of those claims; disagreements then knows, without a test per claim, that every claim of a
    disputed group is contradicted (views/disagreements.py, single_sourced). Each claim's sources are
    read from the citations index alone."""
    per_claim = (
        "(SELECT count(DISTINCT pc.source_id) FROM citations pc WHERE pc.trade_flow_id = pt.id)"
    )
    return (
        f"(SELECT COALESCE(sum({per_claim}), 0) FROM trade_flows pt "
        f"WHERE {same_group(dialect, 'pt', group)} AND {statuses_in('pt.review_status', statuses)})"
    )


def _value_list(dialect, statuses: tuple[str, ...], group: str) -> str:
    """SQL: the distinct values of the claims of ``group`` that count, ascending, as the views
    have always listed them."""
    claims = (
        f"trade_flows x WHERE {same_group(dialect, 'x', group)} "
        f"AND {statuses_in('x.review_status', statuses)}"
    )
    if dialect.name == "sqlite":  # one sort, by value: the text is a function of the value
        return (
            f"(SELECT group_concat(item, '; ') FROM (SELECT {dialect.number_text('x.value')} "
            f"AS item FROM {claims} GROUP BY x.value ORDER BY x.value) AS items)"
        )
    return dialect.text_list(dialect.number_text("x.value"), claims, order="x.value")


def refresh_statements(dialect, keys: str) -> list[str]:
    """Recompute the groups whose keys the SELECT ``keys`` returns (its columns named as
    GROUP_COLUMNS): delete their rows, insert them again from their claims. A group left
    without a claim that counts anywhere gets no row."""
    aggregates = {}
    for prefix, statuses in VARIANTS:
        aggregates.update(_variant_aggregates(dialect, prefix, statuses))
    key_columns = ", ".join(f"k.{column}" for column in GROUP_COLUMNS)
    columns = ", ".join([*GROUP_COLUMNS, *aggregates])
    return [
        f"DELETE FROM {TABLE} WHERE id IN ({_group_ids(dialect, keys)})",
        f"INSERT INTO {TABLE} ({columns}) "
        f"SELECT {key_columns}, {', '.join(aggregates.values())} "
        f"FROM ({keys}) AS k "
        f"JOIN trade_flows tf ON {same_group(dialect, 'tf', 'k')} "
        f"AND {statuses_in('tf.review_status', ALL_REVIEW_STATUSES)} "
        f"GROUP BY {key_columns}",
    ]


def refresh_sources_statements(dialect, keys: str) -> list[str]:
    """Recompute the source counts of the groups whose keys ``keys`` returns: all a citation
    changes in its claim's group."""
    counts = [
        f"{prefix}source_count = {_source_count(dialect, statuses, TABLE)}"
        for prefix, statuses in VARIANTS
    ]
    counts += [
        f"{prefix}claim_source_count = {_claim_source_count(dialect, statuses, TABLE)}"
        for prefix, statuses in VARIANTS
    ]
    return [f"UPDATE {TABLE} SET {', '.join(counts)} WHERE id IN ({_group_ids(dialect, keys)})"]


def _group_ids(dialect, keys: str) -> str:
    return f"SELECT g.id FROM ({keys}) AS k JOIN {TABLE} g ON {same_group(dialect, 'g', 'k')}"


def _columns_of(alias: str) -> str:
    return ", ".join(f"{alias}.{column} AS {column}" for column in GROUP_COLUMNS)


def fill_statements(dialect) -> list[str]:
    """Recompute every group from scratch (a bulk load's refill; a test's reference)."""
    keys = f"SELECT DISTINCT {_columns_of('t')} FROM trade_flows t"
    return [f"DELETE FROM {TABLE}", *refresh_statements(dialect, keys)[1:]]


# ----------------------------------------------------------------------------------- SQLite


def _sqlite_trigger(name: str, event: str, table: str, when: str | None, body: list[str]) -> str:
    condition = f" WHEN {when}" if when else ""
    statements = " ".join(f"{statement};" for statement in body)
    return (
        f"CREATE TRIGGER {TRIGGER_PREFIX}{name} AFTER {event} ON {table}{condition} "
        f"BEGIN {statements} END"
    )


def _recomputed(table: str, keys: list[str]) -> list[str]:
    """The statements that recompute the groups ``keys`` name, after a write to ``table``."""
    dialect = Dialect("sqlite")
    refresh = refresh_statements if table == "trade_flows" else refresh_sources_statements
    return [statement for key in keys for statement in refresh(dialect, key)]


def _row_key(row: str) -> str:
    """The key of the claim ``row`` (NEW or OLD) of a trade_flows trigger."""
    return "SELECT " + ", ".join(f"{row}.{column} AS {column}" for column in GROUP_COLUMNS)


def _claim_key(citation: str) -> str:
    """The key of the claim a citation row (NEW or OLD) cites."""
    return f"SELECT {_columns_of('t')} FROM trade_flows t WHERE t.id = {citation}.trade_flow_id"


def _sqlite_triggers() -> dict[str, tuple[str, str, str | None, list[str]]]:
    """name -> (event, table, WHEN condition, statements). A claim or citation inserted adds
    itself to its group's row (see _increment_triggers); the others recompute the group."""
    claim_columns = ", ".join(CLAIM_COLUMNS)
    moved = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in GROUP_COLUMNS)
    cites_a_claim = "OLD.trade_flow_id IS NOT NULL OR NEW.trade_flow_id IS NOT NULL"
    updated = f"UPDATE OF {claim_columns}"
    triggers = {
        "trade_flow_insert": ("INSERT", "trade_flows", None, [_row_key("NEW")]),
        "trade_flow_delete": ("DELETE", "trade_flows", None, [_row_key("OLD")]),
        "trade_flow_update": (updated, "trade_flows", None, [_row_key("NEW")]),
        # the group a claim left, when an edit moved it to another
        "trade_flow_move": (updated, "trade_flows", moved, [_row_key("OLD")]),
        "citation_insert": ("INSERT", "citations", "NEW.trade_flow_id IS NOT NULL",
                            [_claim_key("NEW")]),
        "citation_delete": ("DELETE", "citations", "OLD.trade_flow_id IS NOT NULL",
                            [_claim_key("OLD")]),
        "citation_update": ("UPDATE OF trade_flow_id, source_id", "citations", cites_a_claim,
                            [_claim_key("OLD"), _claim_key("NEW")]),
    }  # fmt: skip
    recomputing = {
        name: (event, table, when, _recomputed(table, keys))
        for name, (event, table, when, keys) in triggers.items()
    }
    return recomputing | _increment_triggers()


def _sqlite_statements() -> list[str]:
    return [
        _sqlite_trigger(name, event, table, when, body)
        for name, (event, table, when, body) in _sqlite_triggers().items()
    ]


# ------------------------------------------------------------------------- SQLite: increments
# A recomputation reads every claim of the group (and their citations) twice per variant, so
# with row triggers each claim cost O(group size), and groups grow over a run (a long ingest
# slowed by a quarter). The two writes an ingest makes, a claim inserted and a citation of a
# claim inserted, instead add themselves to the group's row: a few index lookups, whatever the
# group's size. Updates and deletes (review edits, rare) still recompute the group.


def _increment_triggers() -> dict[str, tuple[str, str, str | None, list[str]]]:
    """The insert triggers, incremental (they replace their recomputing namesakes)."""
    dialect = Dialect("sqlite")
    claim = [_group_row(dialect), *(_claim_added(dialect, *variant) for variant in VARIANTS)]
    citation = [_citation_added(dialect, *variant) for variant in VARIANTS]
    counts = statuses_in("NEW.review_status", ALL_REVIEW_STATUSES)
    return {
        "trade_flow_insert": ("INSERT", "trade_flows", counts, claim),
        "citation_insert": ("INSERT", "citations", "NEW.trade_flow_id IS NOT NULL", citation),
    }


def _group_row(dialect) -> str:
    """The row of a new claim's group, empty, when the group has none yet."""
    empty = [f"{prefix}{column}" for prefix, _ in VARIANTS for column in _COUNTS]
    columns = ", ".join([*GROUP_COLUMNS, *empty])
    values = ", ".join([*(f"NEW.{column}" for column in GROUP_COLUMNS), *("0" for _ in empty)])
    return (
        f"INSERT INTO {TABLE} ({columns}) SELECT {values} WHERE NOT EXISTS "
        f"(SELECT 1 FROM {TABLE} g WHERE {same_group(dialect, 'g', 'NEW')})"
    )


_COUNTS = ("claim_count", "source_count", "qualifier_count", "claim_source_count")


def _others(dialect, statuses: tuple[str, ...], condition: str) -> str:
    """SQL: a claim of NEW's group other than NEW that counts has ``condition`` (on ``x``)."""
    return (
        f"EXISTS (SELECT 1 FROM trade_flows x WHERE {same_group(dialect, 'x', 'NEW')} "
        f"AND {condition} AND x.id <> NEW.id AND {statuses_in('x.review_status', statuses)})"
    )


def _claim_added(dialect, prefix: str, statuses: tuple[str, ...]) -> str:
    """The group's row with the claim NEW added, in the variant ``prefix`` if NEW counts there.
    SET reads the row as it was. SQLite's scalar min/max are NULL when an argument is (the
    group had no claim counting here), hence the COALESCEs."""
    p = prefix
    new_qualifier = f"NOT {_others(dialect, statuses, 'x.value_qualifier = NEW.value_qualifier')}"
    assignments = {
        "claim_count": f"{p}claim_count + 1",
        "period_label": (
            f"COALESCE(min(NEW.period_label, {p}period_label), NEW.period_label, {p}period_label)"
        ),
        "lowest": f"COALESCE(min(NEW.value, {p}lowest), NEW.value)",
        "highest": f"COALESCE(max(NEW.value, {p}highest), NEW.value)",
        "qualifier_count": f"{p}qualifier_count + ({new_qualifier})",
        "value_list": _value_list_with_new(dialect, prefix, statuses),
        "source_count": f"{p}source_count + {_new_sources(dialect, statuses)}",
        # the sources already citing NEW: none on an ingest (see _new_sources)
        "claim_source_count": (
            f"{p}claim_source_count + (SELECT count(DISTINCT c.source_id) FROM citations c "
            "WHERE c.trade_flow_id = NEW.id)"
        ),
    }
    sets = ", ".join(f"{p}{column} = {value}" for column, value in assignments.items())
    return (
        f"UPDATE {TABLE} SET {sets} WHERE {same_group(dialect, TABLE, 'NEW')} "
        f"AND {statuses_in('NEW.review_status', statuses)}"
    )


def _value_list_with_new(dialect, prefix: str, statuses: tuple[str, ...]) -> str:
    """The value list with NEW.value in its place: added at an end when it is beyond the
    range, kept when the group has it, and only when it is new inside the range listed again
    from the group's values."""
    p, text = prefix, dialect.number_text("NEW.value")
    has_it = f"NEW.value IN ({p}lowest, {p}highest) OR {_others(dialect, statuses, 'x.value = NEW.value')}"
    return (
        f"CASE WHEN {p}lowest IS NULL THEN {text} "
        f"WHEN NEW.value < {p}lowest THEN {text} || '; ' || {p}value_list "
        f"WHEN NEW.value > {p}highest THEN {p}value_list || '; ' || {text} "
        f"WHEN {has_it} THEN {p}value_list "
        f"ELSE {_value_list(dialect, statuses, 'NEW')} END"
    )


def _new_sources(dialect, statuses: tuple[str, ...]) -> str:
    """SQL: the number of sources citing the claim NEW that cite no other claim of its group
    counting in ``statuses``. Zero on an ingest, which cites a claim after inserting it; kept
    because with foreign keys off citations may name a claim's id before it is inserted."""
    return (
        f"(SELECT count(DISTINCT c.source_id) FROM citations c WHERE c.trade_flow_id = NEW.id "
        f"AND NOT {_cited_elsewhere(dialect, statuses, 'c', 'NEW', 'o.id <> NEW.id')})"
    )


def _cited_elsewhere(
    dialect, statuses: tuple[str, ...], citation: str, claim: str, other: str
) -> str:
    """SQL: the source of ``citation`` has a citation ``d`` of a claim ``o`` of ``claim``'s
    group counting in ``statuses``, ``other`` than the one being added. Read from that source's
    citations (an article's are few), each claim by its id: not from the group's claims, which
    may be many."""
    return (
        f"EXISTS (SELECT 1 FROM citations d CROSS JOIN trade_flows o "
        f"WHERE d.source_id = {citation}.source_id AND {other} "
        f"AND o.id = d.trade_flow_id AND {same_group(dialect, 'o', claim)} "
        f"AND {statuses_in('o.review_status', statuses)})"
    )


def _citation_added(dialect, prefix: str, statuses: tuple[str, ...]) -> str:
    """The group of the claim NEW cites, if that claim counts in the variant ``prefix``: one
    more source unless another citation of the same source already counted it in the group;
    one more (claim, source) pair unless that source already cites the claim."""
    cited = (
        f"SELECT g.id FROM trade_flows t JOIN {TABLE} g ON {same_group(dialect, 'g', 't')} "
        f"WHERE t.id = NEW.trade_flow_id AND {statuses_in('t.review_status', statuses)}"
    )
    new_source = f"NOT {_cited_elsewhere(dialect, statuses, 'NEW', TABLE, 'd.id <> NEW.id')}"
    new_pair = (
        "NOT EXISTS (SELECT 1 FROM citations d WHERE d.trade_flow_id = NEW.trade_flow_id "
        "AND d.source_id = NEW.source_id AND d.id <> NEW.id)"
    )
    sets = [
        f"{prefix}source_count = {prefix}source_count + ({new_source})",
        f"{prefix}claim_source_count = {prefix}claim_source_count + ({new_pair})",
    ]
    return f"UPDATE {TABLE} SET {', '.join(sets)} WHERE id IN ({cited})"


# ------------------------------------------------------------------------------- PostgreSQL


def _changed(columns: tuple[str, ...]) -> str:
    """Rows of an UPDATE statement (old_rows o, new_rows n) that changed one of ``columns``."""
    old = ", ".join(f"o.{column}" for column in columns)
    new = ", ".join(f"n.{column}" for column in columns)
    return f"old_rows o JOIN new_rows n ON n.id = o.id WHERE ({old}) IS DISTINCT FROM ({new})"


def _postgresql_keys(table: str, event: str) -> str:
    if table == "trade_flows":
        if event == "UPDATE":
            changed = _changed(CLAIM_COLUMNS)
            return (
                f"SELECT {_columns_of('o')} FROM {changed} "
                f"UNION SELECT {_columns_of('n')} FROM {changed}"
            )
        rows = "new_rows" if event == "INSERT" else "old_rows"
        return f"SELECT DISTINCT {_columns_of('r')} FROM {rows} r"
    if event == "UPDATE":
        cited = (
            f"SELECT o.trade_flow_id FROM {_changed(('trade_flow_id', 'source_id'))} "
            f"UNION SELECT n.trade_flow_id FROM {_changed(('trade_flow_id', 'source_id'))}"
        )
    else:
        cited = f"SELECT trade_flow_id FROM {'new_rows' if event == 'INSERT' else 'old_rows'}"
    return f"SELECT DISTINCT {_columns_of('t')} FROM trade_flows t WHERE t.id IN ({cited})"


POSTGRESQL_EVENTS = tuple(
    (table, event)
    for table in ("trade_flows", "citations")
    for event in ("INSERT", "UPDATE", "DELETE")
)


def _postgresql_name(table: str, event: str) -> str:
    return f"{TRIGGER_PREFIX}{table.removesuffix('s')}_{event.lower()}"


def _postgresql_trigger(table: str, event: str) -> list[str]:
    name = _postgresql_name(table, event)
    refresh = refresh_statements if table == "trade_flows" else refresh_sources_statements
    keys = _postgresql_keys(table, event)
    statements = refresh(Dialect("postgresql"), keys)
    body = "\n".join(f"    {statement};" for statement in statements)
    transition = {
        "INSERT": "NEW TABLE AS new_rows",
        "DELETE": "OLD TABLE AS old_rows",
        "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }[event]
    return [
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
        f"    LOCK TABLE {TABLE} IN SHARE ROW EXCLUSIVE MODE;\n{body}\n    RETURN NULL;\nEND\n$$",
        f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {transition} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
    ]


# ------------------------------------------------------------------------------- both


def claim_index_statement(dialect) -> str:
    """The index of a group's claims. On SQLite it goes on past the group key
    (CLAIM_INDEX_TAIL): the insert trigger finds a claim's value by a seek, and lists the values
    or looks for a qualifier from the index alone, in value order."""
    key = [key_part(dialect, None, column) for column in GROUP_COLUMNS]
    if dialect.name == "sqlite":
        key += CLAIM_INDEX_TAIL
    return f"CREATE INDEX {INDEXES['trade_flows']} ON trade_flows ({', '.join(key)})"


def _index_statements(dialect) -> list[str]:
    key = ", ".join(key_part(dialect, None, column) for column in GROUP_COLUMNS)
    statements = [
        claim_index_statement(dialect),
        f"CREATE INDEX {INDEXES[TABLE]} ON {TABLE} ({key})",
    ]
    return statements + [
        f"CREATE INDEX {name} ON {TABLE} ({key}) WHERE {disputed(prefix)}"
        for name, prefix in DISPUTED_INDEXES.items()
    ]


def create_statements(dialect_name: str) -> list[str]:
    """The group indexes and the triggers (not the table: the models declare it)."""
    indexes = _index_statements(Dialect(dialect_name))
    return indexes + trigger_statements(dialect_name)


def trigger_statements(dialect_name: str) -> list[str]:
    """The triggers (and PostgreSQL functions) alone."""
    if dialect_name == "sqlite":
        return _sqlite_statements()
    statements = []
    for table, event in POSTGRESQL_EVENTS:
        statements += _postgresql_trigger(table, event)
    return statements


def drop_trigger_statements(dialect_name: str) -> list[str]:
    """Drop the triggers (and PostgreSQL functions)."""
    if dialect_name == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {TRIGGER_PREFIX}{name}" for name in _sqlite_triggers()]
    statements = []
    for table, event in POSTGRESQL_EVENTS:
        name = _postgresql_name(table, event)
        statements += [
            f"DROP TRIGGER IF EXISTS {name} ON {table}",
            f"DROP FUNCTION IF EXISTS {name}()",
        ]
    return statements


def drop_statements(dialect_name: str) -> list[str]:
    indexes = [*INDEXES.values(), *DISPUTED_INDEXES]
    return drop_trigger_statements(dialect_name) + [
        f"DROP INDEX IF EXISTS {name}" for name in indexes
    ]


def is_summary_object(name: str | None, type_: str) -> bool:
    """True for the per-engine group indexes, which the models do not declare."""
    return type_ == "index" and (name in INDEXES.values() or name in DISPUTED_INDEXES)
