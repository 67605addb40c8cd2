"""The analysts' views: their SQL for each engine and their documentation, in one place.

Alembic's autogenerate does not see views, so they are created by hand-written migrations
(0003_views) from the definitions here. Each view is documented like a table: a description and
every column with its meaning. A column that is a table column word for word says so
(``source="agreements.title"``) and takes that column's comment, so a text is never written twice.
The data dictionary (``silkledger db dictionary``), PostgreSQL's COMMENT ON VIEW / COLUMN and
Datasette's metadata are all rendered from here.

Counting: each view counts curated and accepted facts only, like the reports. Its ``_all`` twin
(``deals_all``, ``disagreements_all`` …) has the same columns and also counts extracted facts,
those not yet reviewed; rejected facts are in neither. Every such view has a ``review_status``
column.

SQL is portable where it can be. Two things differ between the engines and are rendered per
engine by :class:`Dialect`: string aggregation (SQLite ``group_concat``, PostgreSQL
``string_agg``) and date parts (SQLite stores a date as 'YYYY-MM-DD' text). Lists are joined with
'; ' and sorted, so both engines return the same text.

Changing a view later: write a new migration that drops and re-creates it, name it in
``VIEW_REVISIONS``, and keep the view's SQL from before it in ``View.earlier``. Each migration
creates the views as they stood at its own revision (``create_view_statements(..., revision=)``),
since today's SQL may read a table an earlier revision does not have: trade_flow_consensus and
disagreements read trade_flow_groups (0007_trade_flow_groups), deal_countries reads
agreement_countries (0008_summaries). A view added later names its migration in ``View.since``:
the migrations before it do not create it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .base import (
    ALL_REVIEW_STATUSES,
    COUNTING_REVIEW_STATUSES,
    REVIEW_STATUSES,
    Base,
    statuses_in,
)
from .trade_groups import GROUP_COLUMNS, disputed, group_prefix, same_group

# The migrations that create or re-create views, in the order they run.
GROUPS_REVISION = "0007_trade_flow_groups"
SUMMARIES_REVISION = "0008_summaries"
PLANS_REVISION = "0009_query_plans"
SHAPES_REVISION = "0010_query_shapes"
VIEW_REVISIONS = (
    "0003_views",
    GROUPS_REVISION,
    SUMMARIES_REVISION,
    PLANS_REVISION,
    SHAPES_REVISION,
)


def ran_by(since: str, revision: str | None) -> bool:
    """The migration ``since`` has run once ``revision`` has (None: today, every one has)."""
    return revision is None or VIEW_REVISIONS.index(since) <= VIEW_REVISIONS.index(revision)


# The statuses each variant counts: the plain view, and its ``_all`` twin.
ALL_SUFFIX = "_all"
LIST_SEPARATOR = "; "
ALL_VARIANT_NOTE = "This _all variant also counts extracted (unreviewed) facts."


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


# sql(dialect, counted) -> the SELECT; ``counted(column)`` is the review-status condition
SqlFunction = Callable[["Dialect", Callable[[str], str]], str]


@dataclass(frozen=True)
class ViewColumn:
    name: str
    description: str | None = None
    source: str | None = None  # "table.column" whose comment describes this column
    since: str = VIEW_REVISIONS[0]  # the migration that added it to its view

    def meaning(self) -> str:
        if self.description:
            return self.description
        table, column = self.source.split(".")
        return Base.metadata.tables[table].columns[column].comment


@dataclass(frozen=True)
class View:
    name: str
    description: str
    columns: tuple[ViewColumn, ...]
    # sql(dialect, counted) -> the SELECT; ``counted(column)`` is the review-status condition
    sql: SqlFunction = field(repr=False)
    has_all_variant: bool = True
    # Earlier SQL, oldest first: (the revision that replaced it, the SQL before that revision).
    earlier: tuple[tuple[str, SqlFunction], ...] = field(default=(), repr=False)
    since: str = VIEW_REVISIONS[0]  # the migration that created it

    def variants(self) -> list[tuple[str, tuple[str, ...] | None]]:
        """(view name, statuses counted) for the view and its ``_all`` twin."""
        if not self.has_all_variant:
            return [(self.name, None)]
        return [
            (self.name, COUNTING_REVIEW_STATUSES),
            (self.name + ALL_SUFFIX, ALL_REVIEW_STATUSES),
        ]

    def describe(self, name: str) -> str:
        """The description of the view ``name``: this view or its ``_all`` twin."""
        if name == self.name:
            return self.description
        return f"{self.description} {ALL_VARIANT_NOTE}"

    def sql_at(self, revision: str | None = None) -> SqlFunction:
        """The SQL in force at ``revision`` (one of VIEW_REVISIONS; None: today's)."""
        if revision is not None:
            for replaced_by, sql in self.earlier:
                if not ran_by(replaced_by, revision):
                    return sql
        return self.sql

    def changed_at(self, revision: str) -> bool:
        """Created or re-created by the migration ``revision``."""
        return self.since == revision or any(
            replaced_by == revision for replaced_by, _ in self.earlier
        )

    def exists_at(self, revision: str | None) -> bool:
        return ran_by(self.since, revision)

    def select(
        self, dialect: Dialect, statuses: tuple[str, ...] | None, revision: str | None = None
    ) -> str:
        """The SELECT of the variant counting ``statuses``, as defined at ``revision``."""
        return self.sql_at(revision)(dialect, Counting(statuses or REVIEW_STATUSES))


@dataclass(frozen=True)
class Counting:
    """The review statuses a view variant counts; called with a column, the SQL condition."""

    statuses: tuple[str, ...]

    def __call__(self, column: str) -> str:
        return statuses_in(column, self.statuses)

    @property
    def group_prefix(self) -> str:
        """Prefix of trade_flow_groups' columns that count these statuses ('' or 'all_')."""
        return group_prefix(self.statuses)


def col(
    name: str,
    source: str | None = None,
    description: str | None = None,
    since: str = VIEW_REVISIONS[0],
) -> ViewColumn:
    return ViewColumn(name, description, source, since)


def _party_name(alias: str = "pt") -> str:
    return f"COALESCE({alias}_c.name, {alias}_o.name, {alias}_p.name)"


def _party_joins(table: str, alias: str = "pt") -> str:
    return (
        f"{table} {alias} "
        f"LEFT JOIN countries {alias}_c ON {alias}_c.id = {alias}.country_id "
        f"LEFT JOIN organizations {alias}_o ON {alias}_o.id = {alias}.organization_id "
        f"LEFT JOIN people {alias}_p ON {alias}_p.id = {alias}.person_id"
    )


def _source_count(fact_column: str, fact_id: str) -> str:
    return f"(SELECT count(DISTINCT ci.source_id) FROM citations ci WHERE ci.{fact_column} = {fact_id})"


# ------------------------------------------------------------------------------- deals


def _grouped_deal_countries_sql(d: Dialect, counted) -> str:
    """deal_countries before agreement_countries existed (0003_views up to 0008_summaries):
    every party grouped on every read."""
    return f"""
SELECT ap.agreement_id, c.id AS country_id, c.iso3, c.name AS country, c.region,
       max(CASE WHEN ap.country_id IS NOT NULL THEN 1 ELSE 0 END) AS is_party
FROM agreement_parties ap
JOIN agreements a ON a.id = ap.agreement_id
LEFT JOIN organizations o ON o.id = ap.organization_id
LEFT JOIN people p ON p.id = ap.person_id
JOIN countries c ON c.id = COALESCE(ap.country_id, o.country_id, p.country_id)
WHERE {counted("a.review_status")}
GROUP BY ap.agreement_id, c.id, c.iso3, c.name, c.region"""


def _deal_countries_sql(d: Dialect, counted) -> str:
    # agreement_countries is agreement_parties summarised per agreement and country, kept by
    # triggers (models/summaries.py): read through its indexes, not grouped here on every read.
    return f"""
SELECT ac.agreement_id, c.id AS country_id, c.iso3, c.name AS country, c.region,
       CASE WHEN ac.party_count > 0 THEN 1 ELSE 0 END AS is_party
FROM agreement_countries ac
JOIN agreements a ON a.id = ac.agreement_id
JOIN countries c ON c.id = ac.country_id
WHERE {counted("a.review_status")}"""


def _deals_sql(d: Dialect, counted) -> str:
    parties = d.text_list(
        f"{_party_name()} || ' (' || pt.role || ')'",
        f"{_party_joins('agreement_parties')} WHERE pt.agreement_id = a.id",
    )
    countries = d.text_list(
        "dc.name",
        "agreement_parties dp LEFT JOIN organizations dpo ON dpo.id = dp.organization_id "
        "LEFT JOIN people dpp ON dpp.id = dp.person_id "
        "JOIN countries dc ON dc.id = COALESCE(dp.country_id, dpo.country_id, dpp.country_id) "
        "WHERE dp.agreement_id = a.id",
    )
    sectors = d.text_list(
        "se.name",
        "agreement_sectors ags JOIN sectors se ON se.id = ags.sector_id "
        "WHERE ags.agreement_id = a.id",
    )
    return f"""
SELECT a.id AS agreement_id, a.key, a.title, a.kind, a.status, a.document_count,
       a.signed_date, a.signed_date_precision, {d.year("a.signed_date")} AS signed_year,
       {parties} AS parties,
       {countries} AS countries,
       {sectors} AS sectors,
       a.event_id, ev.title AS event_title,
       a.part_of_agreement_id, pkg.key AS part_of_key, pkg.title AS part_of_title,
       CASE WHEN a.part_of_agreement_id IS NULL THEN 1 ELSE 0 END AS is_top_level,
       a.project_id, pr.name AS project_name,
       a.value_amount, a.value_currency, a.value_qualifier, a.value_usd,
       {_source_count("agreement_id", "a.id")} AS source_count,
       a.review_status
FROM agreements a
LEFT JOIN events ev ON ev.id = a.event_id
LEFT JOIN agreements pkg ON pkg.id = a.part_of_agreement_id
LEFT JOIN projects pr ON pr.id = a.project_id
WHERE {counted("a.review_status")}"""


DEAL_COLUMNS = (
    col("agreement_id", description="The agreement (agreements.id)."),
    col("key", "agreements.key"),
    col("title", "agreements.title"),
    col("kind", "agreements.kind"),
    col("status", "agreements.status"),
    col("document_count", "agreements.document_count"),
    col("signed_date", "agreements.signed_date"),
    col("signed_date_precision", "agreements.signed_date_precision"),
    col("signed_year", description="Year of signed_date, as a number (2025)."),
    col(
        "parties",
        description="Every party with its role in brackets, sorted, joined by '; ' "
        "(China National Nuclear Corporation (contractor); Kazakhstan (party)).",
    ),
    col(
        "countries",
        description="Names of the countries involved, sorted, joined by '; ': each country that "
        "is a party, and the country of each organisation and person that is a party.",
    ),
    col("sectors", description="Names of the sectors it covers, sorted, joined by '; '."),
    col("event_id", "agreements.event_id"),
    col("event_title", description="Title of the event at which it was signed or announced."),
    col("part_of_agreement_id", "agreements.part_of_agreement_id"),
    col("part_of_key", description="Key of the package it is part of."),
    col("part_of_title", description="Title of the package it is part of."),
    col(
        "is_top_level",
        description="1 when it is not part of a package, else 0. Sum values over top-level "
        "deals only, so a component is never added to its package twice.",
    ),
    col("project_id", "agreements.project_id"),
    col("project_name", description="Name of the project it concerns."),
    col("value_amount", "agreements.value_amount"),
    col("value_currency", "agreements.value_currency"),
    col("value_qualifier", "agreements.value_qualifier"),
    col("value_usd", "agreements.value_usd"),
    col("source_count", description="Number of distinct sources that cite it."),
    col("review_status", "agreements.review_status"),
)

DEAL_COUNTRY_COLUMNS = (
    col("agreement_id", description="The agreement (agreements.id)."),
    col("country_id", description="The country (countries.id)."),
    col("iso3", "countries.iso3"),
    col("country", "countries.name"),
    col("region", "countries.region"),
    col(
        "is_party",
        description="1 when the country itself is a party; 0 when it takes part only through "
        "a party organisation or person of that country.",
    ),
)

# ------------------------------------------------------------------------- trade flows

TRADE_GROUP = ", ".join(GROUP_COLUMNS)


def _trade_flow_claims_sql(d: Dialect, counted, attribution_ids: bool = True) -> str:
    """``attribution_ids`` (from 0010_query_shapes): the attributed person's and organisation's
    ids beside the name. A filter on them reaches trade_flows and its partial indexes; one on
    attributed_to (a COALESCE over two outer joins) was tested on every claim after the joins."""
    ids = (
        "tf.attributed_to_person_id, tf.attributed_to_organization_id,\n       "
        if attribution_ids
        else ""
    )
    return f"""
SELECT tf.id AS trade_flow_id, tf.key,
       r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, tf.period_label, {d.year("tf.period_start")} AS period_year,
       tf.flow, tf.measure, tf.value, tf.unit, tf.value_qualifier, tf.value_usd,
       COALESCE(atp.name, ato.name) AS attributed_to,
       {ids}s.id AS source_id, s.key AS source_key, s.title AS source_title,
       s.published_date AS source_published_date, ci.stated_value, ci.quote,
       tf.review_status
FROM trade_flows tf
JOIN countries r ON r.id = tf.reporter_country_id
JOIN countries p ON p.id = tf.partner_country_id
LEFT JOIN people atp ON atp.id = tf.attributed_to_person_id
LEFT JOIN organizations ato ON ato.id = tf.attributed_to_organization_id
LEFT JOIN citations ci ON ci.trade_flow_id = tf.id
LEFT JOIN sources s ON s.id = ci.source_id
WHERE {counted("tf.review_status")}"""


def _trade_flow_claims_before_shapes_sql(d: Dialect, counted) -> str:
    return _trade_flow_claims_sql(d, counted, attribution_ids=False)


def _trade_flow_consensus_sql(d: Dialect, counted: Counting) -> str:
    # The groups are summed up in trade_flow_groups (models/trade_groups.py), kept in step by
    # triggers: aggregating a million claims per query took seconds.
    g = f"g.{counted.group_prefix}"
    return f"""
SELECT r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       g.period_start, g.period_end, {g}period_label AS period_label,
       {d.year("g.period_start")} AS period_year, g.flow, g.measure, g.unit,
       {g}source_count AS source_count, {g}claim_count AS claim_count,
       {g}lowest AS lowest, {g}highest AS highest, {_spread(g)} AS spread_percent,
       {g}value_list AS value_list
FROM trade_flow_groups g
JOIN countries r ON r.id = g.reporter_country_id
JOIN countries p ON p.id = g.partner_country_id
WHERE {g}claim_count > 0"""


def _spread(prefix: str = "") -> str:
    """(highest - lowest) / lowest in percent, from the columns named ``prefix``lowest …"""
    lowest, highest = f"{prefix}lowest", f"{prefix}highest"
    return f"CASE WHEN {lowest} > 0 THEN round(({highest} - {lowest}) * 100.0 / {lowest}, 1) END"


def _trade_flow_consensus_from_claims_sql(d: Dialect, counted) -> str:
    """trade_flow_consensus before trade_flow_groups (migration 0007): the same columns,
    aggregated from the claims at every query."""
    same_claims = " AND ".join(
        _same(d, "trade_flows", column, "x", "tf") for column in GROUP_COLUMNS
    )
    values = d.text_list(
        d.number_text("x.value"),
        f"trade_flows x WHERE {same_claims} AND {counted('x.review_status')}",
        order="x.value",
    )
    return f"""
SELECT r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, min(tf.period_label) AS period_label,
       {d.year("tf.period_start")} AS period_year, tf.flow, tf.measure, tf.unit,
       count(DISTINCT ci.source_id) AS source_count, count(DISTINCT tf.id) AS claim_count,
       min(tf.value) AS lowest, max(tf.value) AS highest,
       CASE WHEN min(tf.value) > 0
            THEN round((max(tf.value) - min(tf.value)) * 100.0 / min(tf.value), 1) END
           AS spread_percent,
       {values} AS value_list
FROM trade_flows tf
JOIN countries r ON r.id = tf.reporter_country_id
JOIN countries p ON p.id = tf.partner_country_id
LEFT JOIN citations ci ON ci.trade_flow_id = tf.id
WHERE {counted("tf.review_status")}
GROUP BY r.id, r.iso3, r.name, p.id, p.iso3, p.name, tf.reporter_country_id,
         tf.partner_country_id, tf.period_start, tf.period_end, tf.flow, tf.measure, tf.unit"""


# Columns several views share, documented once.
TRADE_GROUP_COLUMNS = (
    col("reporter_iso3", description="ISO alpha-3 code of the reporter (KAZ)."),
    col("reporter", description="Name of the reporter (Kazakhstan)."),
    col("partner_iso3", description="ISO alpha-3 code of the partner (CHN)."),
    col("partner", description="Name of the partner (China)."),
    col("period_start", "trade_flows.period_start"),
    col("period_end", "trade_flows.period_end"),
    col("period_label", "trade_flows.period_label"),
    col("period_year", description="Year of period_start, as a number (2024)."),
    col("flow", "trade_flows.flow"),
    col("measure", "trade_flows.measure"),
)
SOURCE_COLUMNS_DOC = (
    col("source_id", "citations.source_id"),
    col("source_key", "sources.key"),
    col("source_title", "sources.title"),
    col("source_published_date", "sources.published_date"),
)

CLAIM_COLUMNS = (
    col("trade_flow_id", description="The claim (trade_flows.id)."),
    col("key", "trade_flows.key"),
    *TRADE_GROUP_COLUMNS,
    col("value", "trade_flows.value"),
    col("unit", "trade_flows.unit"),
    col("value_qualifier", "trade_flows.value_qualifier"),
    col("value_usd", "trade_flows.value_usd"),
    col(
        "attributed_to",
        description="Name of the person or organisation the source attributes the figure to.",
    ),
    col("attributed_to_person_id", "trade_flows.attributed_to_person_id", since=SHAPES_REVISION),
    col(
        "attributed_to_organization_id",
        "trade_flows.attributed_to_organization_id",
        since=SHAPES_REVISION,
    ),
    *SOURCE_COLUMNS_DOC,
    col("stated_value", "citations.stated_value"),
    col("quote", "citations.quote"),
    col("review_status", "trade_flows.review_status"),
)

CONSENSUS_COLUMNS = (
    *TRADE_GROUP_COLUMNS,
    col("unit", "trade_flows.unit"),
    col(
        "source_count",
        description="Number of distinct sources stating a figure for this reporter, partner, "
        "period, flow, measure and unit.",
    ),
    col("claim_count", description="Number of claims (trade_flows rows) in the group."),
    col("lowest", description="The lowest figure any source states, in unit."),
    col("highest", description="The highest figure any source states, in unit."),
    col(
        "spread_percent",
        description="(highest - lowest) / lowest x 100, rounded to one decimal; 0 when all agree.",
    ),
    col(
        "value_list",
        description="Every distinct figure in unit, ascending, joined by '; ' "
        "(30050000000; 43800000000; 44000000000).",
    ),
)

# ------------------------------------------------------------------------ disagreements

INDICATOR_GROUP = (
    "metric, country_id, partner_country_id, organization_id, project_id, period_start, "
    "period_end, unit, is_target"
)
SOURCE_COLUMNS = (
    "ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, "
    "s.published_date AS source_published_date, ci.quote"
)


def _figure_disagreements(
    d: Dialect, kind: str, table: str, group: str, subject: str, counted, pinned: bool = True
) -> str:
    """Claims (trade flows, indicators) contradicted by another source: another claim of the
    same group with another value or qualifier that shares no source with it. (One source giving
    two figures in one group usually means two different things, not a disagreement.)

    ``pinned`` (from 0009_query_plans): the tables are CROSS JOINed in the order written, the
    conditions in WHERE, so that SQLite starts from the disputed groups. Left to choose, with
    no statistics on an empty indicators table, it started from sources and read every citation
    (seconds for no row). PostgreSQL plans CROSS JOIN as any inner join."""
    fact_column = {"trade_flows": "trade_flow_id", "indicators": "indicator_id"}[table]
    columns = [column.strip() for column in group.split(",")]
    in_group = " AND ".join(_same(d, table, column, "f", "g") for column in columns)
    same_claims = " AND ".join(_same(d, table, column, "o", "f") for column in columns)
    contradicted = _contradicted(d, table, fact_column, same_claims, counted)
    if pinned:
        joins = f"""CROSS JOIN {table} f
{subject_joins(table)}
CROSS JOIN citations ci
CROSS JOIN sources s
WHERE {in_group} AND {counted("f.review_status")}
  AND ci.{fact_column} = f.id AND s.id = ci.source_id
  AND {contradicted}"""
    else:
        joins = f"""JOIN {table} f ON {in_group} AND {counted("f.review_status")}
{subject_joins(table)}
JOIN citations ci ON ci.{fact_column} = f.id
JOIN sources s ON s.id = ci.source_id
WHERE {contradicted}"""
    # Groups first (narrow, one pass), then their claims: cheaper than a window over every row.
    return f"""
SELECT '{kind}' AS fact_kind, {subject} AS subject, f.id AS fact_id, f.key AS fact_key,
       f.value, f.unit, f.value_qualifier,
       CAST(NULL AS DATE) AS start_date, CAST(NULL AS DATE) AS end_date,
       g.lowest, g.highest, {_spread("g.")} AS spread_percent, g.variant_count,
       {SOURCE_COLUMNS}, f.review_status
FROM (
    SELECT {group}, min(value) AS lowest, max(value) AS highest, count(*) AS variant_count,
           min({subject_source(table)}) AS group_name
    FROM {table}
    WHERE {counted("review_status")}
    GROUP BY {group}
    HAVING min(value) <> max(value) OR min(value_qualifier) <> max(value_qualifier)
) AS g
{joins}"""


def _trade_flow_disagreements(
    d: Dialect, subject: str, counted: Counting, shortcut: bool = True, shared: bool = False
) -> str:
    """Claims contradicted by another source, as _figure_disagreements says, read from the
    disputed groups of trade_flow_groups (a partial index holds them): their claims are found
    through the group index. The other claims are matched to the group g, not to the claim f,
    so that the per-claim test cannot be run before the group is known to be disputed, and
    CROSS JOIN keeps SQLite from starting at the citations (it reads the left table first;
    PostgreSQL plans it as any inner join).

    ``shortcut`` (from 0010_query_shapes): the claims of groups where no source cites two
    claims (``single_sourced``) are all contradicted, untested; the per-claim test runs in the
    other groups. Two branches, not one OR: PostgreSQL planned the OR as if every claim passed
    it and read the whole trade_flows index. ``shared``: the second branch alone (for
    disagreement_summary, which sums up the first from the groups)."""
    g = f"g.{counted.group_prefix}"
    tested = _contradicted(d, "trade_flows", "trade_flow_id", same_group(d, "o", "g"), counted)
    if not shortcut:
        return _trade_claims_where(d, subject, counted, tested)
    shared_branch = _trade_claims_where(
        d, subject, counted, f"NOT {single_sourced(g)} AND {tested}"
    )
    if shared:
        return shared_branch
    single_branch = _trade_claims_where(d, subject, counted, single_sourced(g))
    return f"{single_branch}\nUNION ALL\n{shared_branch}"


def _trade_claims_where(d: Dialect, subject: str, counted: Counting, condition: str) -> str:
    """The claims of the disputed trade groups, with their citations, where ``condition``."""
    g = f"g.{counted.group_prefix}"
    return f"""
SELECT 'trade_flow' AS fact_kind, {subject} AS subject, f.id AS fact_id, f.key AS fact_key,
       f.value, f.unit, f.value_qualifier,
       CAST(NULL AS DATE) AS start_date, CAST(NULL AS DATE) AS end_date,
       {g}lowest AS lowest, {g}highest AS highest, {_spread(g)} AS spread_percent,
       {g}claim_count AS variant_count,
       {SOURCE_COLUMNS}, f.review_status
FROM trade_flow_groups g
CROSS JOIN trade_flows f
{subject_joins("trade_flows")}
JOIN citations ci ON ci.trade_flow_id = f.id
JOIN sources s ON s.id = ci.source_id
WHERE {disputed(counted.group_prefix, "g")}
  AND {same_group(d, "f", "g")} AND {counted("f.review_status")}
  AND {condition}"""


def single_sourced(group: str) -> str:
    """SQL: no source cites two claims of the group (``group``: its alias and variant prefix,
    g. or g.all_). Then, in a disputed group, every claim is contradicted: the values or
    qualifiers differ, so each claim has another that states it otherwise, and no source cites
    both. The test per claim was most of the time of aggregating disagreements."""
    return f"{group}claim_source_count = {group}source_count"


def _trade_subject(row: str, label: str) -> str:
    """The subject of a trade group: Kazakhstan–China turnover, 2024 (USD); ``row`` a claim or
    group with the group columns, ``label`` its period label column."""
    measure = f"CASE WHEN {row}.measure = 'value' THEN '' ELSE ' ' || {row}.measure END"
    return (
        f"r.name || '–' || p.name || ' ' || {row}.flow || {measure} || ', ' || "
        f"COALESCE({label}, 'no period') || ' (' || {row}.unit || ')'"
    )


def _group_subject(counted: Counting) -> str:
    """The subject of the trade group ``g`` in the variant ``counted`` (its period label)."""
    return _trade_subject("g", f"g.{counted.group_prefix}period_label")


def _contradicted(d: Dialect, table: str, fact_column: str, same: str, counted) -> str:
    """SQL: claim f has another claim o of its group (``same``) with another value or qualifier
    that shares no source with it."""
    return f"""EXISTS (
    SELECT 1 FROM {table} o
    WHERE {same} AND o.id <> f.id AND {counted("o.review_status")}
      AND (o.value <> f.value OR o.value_qualifier <> f.value_qualifier)
      AND NOT EXISTS (
        SELECT 1 FROM citations oc
        WHERE oc.{fact_column} = o.id
          AND oc.source_id IN (
            SELECT fc.source_id FROM citations fc WHERE fc.{fact_column} = f.id)))"""


def _same(d: Dialect, table: str, column: str, left: str, right: str) -> str:
    """left.column equals right.column: plain = for a NOT NULL column (so an index serves it),
    else equal or both NULL."""
    if Base.metadata.tables[table].columns[column].nullable:
        return d.same(f"{left}.{column}", f"{right}.{column}")
    return f"{left}.{column} = {right}.{column}"


def subject_source(table: str) -> str:
    return "name" if table == "indicators" else "flow"


def subject_joins(table: str) -> str:
    if table == "indicators":
        return ""
    return (
        "JOIN countries r ON r.id = f.reporter_country_id "
        "JOIN countries p ON p.id = f.partner_country_id"
    )


def _worded_disagreements(
    kind: str, table: str, fact_column: str, fields: str, counted, pinned: bool = True
) -> str:
    """Facts (events, agreements, projects) whose sources word their value differently.
    ``pinned``: joined in the order written, from the facts found to disagree (see
    _figure_disagreements); SQLite otherwise started from sources and read every citation."""
    if pinned:
        joins = f"""CROSS JOIN {table} f
CROSS JOIN citations ci
CROSS JOIN sources s
WHERE f.id = v.fact_id AND {counted("f.review_status")}
  AND ci.{fact_column} = f.id AND ci.stated_value IS NOT NULL AND s.id = ci.source_id"""
    else:
        joins = f"""JOIN citations ci ON ci.{fact_column} = f.id AND ci.stated_value IS NOT NULL
JOIN sources s ON s.id = ci.source_id
WHERE {counted("f.review_status")}"""
    disagreeing = f"""(
    SELECT {fact_column} AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE {fact_column} IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY {fact_column}
    HAVING count(DISTINCT stated_value) > 1
) AS v"""
    start = f"{disagreeing}" if pinned else f"{table} f\nJOIN {disagreeing} ON v.fact_id = f.id"
    return f"""
SELECT '{kind}' AS fact_kind, f.{"title" if kind != "project" else "name"} AS subject,
       f.id AS fact_id, f.key AS fact_key, {fields}, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, {SOURCE_COLUMNS}, f.review_status
FROM {start}
{joins}"""


def _disagreements_before_groups_sql(d: Dialect, counted) -> str:
    """disagreements before trade_flow_groups (migration 0007): trade claims grouped at every
    query."""
    return _disagreements_sql(d, counted, groups=False, pinned=False, shapes=False)


def _disagreements_before_plans_sql(d: Dialect, counted) -> str:
    """disagreements from 0007 up to 0009_query_plans: the indicator and worded parts joined
    in the order the planner chose."""
    return _disagreements_sql(d, counted, pinned=False, shapes=False)


def _disagreements_before_shapes_sql(d: Dialect, counted) -> str:
    """disagreements from 0009 up to 0010_query_shapes: every claim tested, and a trade
    subject that took each claim's own period label."""
    return _disagreements_sql(d, counted, shapes=False)


def _disagreements_sql(
    d: Dialect, counted, groups: bool = True, pinned: bool = True, shapes: bool = True
) -> str:
    """``shapes`` (from 0010_query_shapes): a trade figure's subject is its group's, period
    label included (two claims of one group labelled 2024 and FY2024 made two subjects), and
    the per-claim test is skipped where it cannot fail (_trade_flow_disagreements)."""
    return "\nUNION ALL\n".join(
        [
            _trade_disagreements(d, counted, groups, shapes),
            *_other_disagreements(d, counted, pinned),
        ]
    )


def _trade_disagreements(
    d: Dialect, counted, groups: bool = True, shapes: bool = True, shared: bool = False
) -> str:
    if not groups:
        subject = _trade_subject("f", "f.period_label")
        return _figure_disagreements(
            d, "trade_flow", "trade_flows", TRADE_GROUP, subject, counted, pinned=False
        )
    if not shapes:
        subject = _trade_subject("f", "f.period_label")
        return _trade_flow_disagreements(d, subject, counted, shortcut=False)
    return _trade_flow_disagreements(d, _group_subject(counted), counted, shared=shared)


def _other_disagreements(d: Dialect, counted, pinned: bool = True) -> list[str]:
    """The parts of disagreements other than trade figures."""
    indicator_subject = "g.group_name || ' (' || f.unit || ')'"
    money = "f.value_amount, f.value_currency, f.value_qualifier, NULL, NULL"
    event_fields = "NULL, NULL, NULL, f.start_date, f.end_date"
    return [
        _figure_disagreements(
            d, "indicator", "indicators", INDICATOR_GROUP, indicator_subject, counted, pinned
        ),
        _worded_disagreements("agreement", "agreements", "agreement_id", money, counted, pinned),
        _worded_disagreements("project", "projects", "project_id", money, counted, pinned),
        _worded_disagreements("event", "events", "event_id", event_fields, counted, pinned),
    ]


def _disagreement_summary_sql(d: Dialect, counted) -> str:
    """One row per fact (or figure group) and kind in disagreements. A disputed trade group in
    which no source cites two claims is summed up from trade_flow_groups alone: every claim is
    contradicted, so its sources are the group's (if it has any: claims without a citation
    give no row in disagreements). The other facts are aggregated from their
    rows in disagreements: on the benchmark's million claims, aggregating 157,000 rows took
    two to four seconds."""
    g = f"g.{counted.group_prefix}"
    rows = "\nUNION ALL\n".join(
        [_trade_disagreements(d, counted, shared=True), *_other_disagreements(d, counted)]
    )
    return f"""
SELECT 'trade_flow' AS fact_kind, {_group_subject(counted)} AS subject,
       {g}source_count AS source_count, {g}lowest AS lowest, {g}highest AS highest,
       {_spread(g)} AS spread_percent, {g}claim_count AS variant_count
FROM trade_flow_groups g
JOIN countries r ON r.id = g.reporter_country_id
JOIN countries p ON p.id = g.partner_country_id
WHERE {disputed(counted.group_prefix, "g")} AND {single_sourced(g)} AND {g}source_count > 0
UNION ALL
SELECT fact_kind, subject, count(DISTINCT source_id) AS source_count, min(lowest) AS lowest,
       max(highest) AS highest, max(spread_percent) AS spread_percent,
       max(variant_count) AS variant_count
FROM ({rows}) AS rows
GROUP BY fact_kind, subject"""


FACT_KIND_COLUMN = col(
    "fact_kind",
    description="What kind of fact: trade_flow, indicator, agreement, project or event.",
)
SPREAD_COLUMNS = (  # the figures' range, in disagreements and disagreement_summary
    col("lowest", description="For figures: the lowest value in the group."),
    col("highest", description="For figures: the highest value in the group."),
    col(
        "spread_percent",
        description="For figures: (highest - lowest) / lowest x 100, rounded to one decimal.",
    ),
    col(
        "variant_count",
        description="For figures: the claims in the group; for other facts: the distinct "
        "wordings of the value (stated_value) among its citations.",
    ),
)
DISAGREEMENT_COLUMNS = (
    FACT_KIND_COLUMN,
    col(
        "subject",
        description="What the sources disagree about: for figures the group "
        "(Kazakhstan–China turnover, 2024 (USD)); for other facts their title or name.",
    ),
    col("fact_id", description="The fact's id in the table named by fact_kind."),
    col("fact_key", description="The fact's key in the table named by fact_kind."),
    col(
        "value",
        description="The fact's figure (trade flows, indicators) or stated amount (agreements, "
        "projects); NULL for events.",
    ),
    col("unit", description="The unit of value: a currency (USD), percent, count …"),
    col("value_qualifier", description="How the figure was qualified: exact, over, about …"),
    col("start_date", description="For events: the first day as recorded."),
    col("end_date", description="For events: the last day as recorded."),
    *SPREAD_COLUMNS,
    col("stated_value", "citations.stated_value"),
    *SOURCE_COLUMNS_DOC,
    col("quote", "citations.quote"),
    col("review_status", "events.review_status"),
)

DISAGREEMENT_SUMMARY_COLUMNS = (
    FACT_KIND_COLUMN,
    col("subject", description="What the sources disagree about, as in disagreements.subject."),
    col(
        "source_count",
        description="Number of distinct sources whose statements disagree (in disagreements).",
    ),
    *SPREAD_COLUMNS,
)

# ------------------------------------------------------------------ projects and events


def _project_overview_sql(d: Dialect, counted) -> str:
    hosts = d.text_list(
        "hc.name",
        "project_countries hpc JOIN countries hc ON hc.id = hpc.country_id "
        "WHERE hpc.project_id = pj.id AND hpc.role = 'host'",
    )
    countries = d.text_list(
        "cc.name || ' (' || cpc.role || ')'",
        "project_countries cpc JOIN countries cc ON cc.id = cpc.country_id "
        "WHERE cpc.project_id = pj.id",
    )
    organizations = d.text_list(
        "oo.name || ' (' || po.role || ')'",
        "project_organizations po JOIN organizations oo ON oo.id = po.organization_id "
        "WHERE po.project_id = pj.id",
    )
    aliases = d.text_list("pa.alias", "project_aliases pa WHERE pa.project_id = pj.id")
    return f"""
SELECT pj.id AS project_id, pj.key, pj.name, pj.kind, se.name AS sector,
       COALESCE(parent.name, se.name) AS sector_group, pj.status, pj.start_year, pj.end_year,
       {hosts} AS host_countries, {countries} AS countries, {organizations} AS organizations,
       pj.value_amount, pj.value_currency, pj.value_qualifier, pj.value_usd,
       (SELECT count(*) FROM agreements pa WHERE pa.project_id = pj.id AND {counted("pa.review_status")})
           AS agreement_count,
       {_source_count("project_id", "pj.id")} AS source_count,
       {aliases} AS aliases, pj.description, pj.review_status
FROM projects pj
LEFT JOIN sectors se ON se.id = pj.sector_id
LEFT JOIN sectors parent ON parent.id = se.parent_id
WHERE {counted("pj.review_status")}"""


PROJECT_COLUMNS = (
    col("project_id", description="The project (projects.id)."),
    col("key", "projects.key"),
    col("name", "projects.name"),
    col("kind", "projects.kind"),
    col("sector", description="Name of its main sector."),
    col(
        "sector_group",
        description="Name of the broader sector (Energy for Oil and gas); the sector itself at "
        "the top level.",
    ),
    col("status", "projects.status"),
    col("start_year", "projects.start_year"),
    col("end_year", "projects.end_year"),
    col("host_countries", description="Names of the host countries, sorted, joined by '; '."),
    col(
        "countries",
        description="Every country involved with its role in brackets, sorted, joined by '; '.",
    ),
    col(
        "organizations",
        description="Every organisation involved with its role in brackets, sorted, joined by '; '.",
    ),
    col("value_amount", "projects.value_amount"),
    col("value_currency", "projects.value_currency"),
    col("value_qualifier", "projects.value_qualifier"),
    col("value_usd", "projects.value_usd"),
    col("agreement_count", description="Number of counted agreements that concern it."),
    col("source_count", description="Number of distinct sources that cite it."),
    col("aliases", description="Other names for it, sorted, joined by '; '."),
    col("description", "projects.description"),
    col("review_status", "projects.review_status"),
)


def _event_timeline_sql(d: Dialect, counted) -> str:
    participants = d.text_list(
        f"{_party_name()} || ' (' || pt.role || ')'",
        f"{_party_joins('event_participants')} WHERE pt.event_id = e.id",
    )
    return f"""
SELECT e.id AS event_id, e.key, e.start_date, e.end_date, e.date_precision,
       {d.year("e.start_date")} AS year, e.kind, e.title, e.place, c.name AS country,
       e.sequence_number, pe.title AS part_of_event,
       {participants} AS participants,
       (SELECT count(*) FROM event_participants ep WHERE ep.event_id = e.id) AS participant_count,
       {_source_count("event_id", "e.id")} AS source_count,
       e.description, e.review_status
FROM events e
LEFT JOIN countries c ON c.id = e.country_id
LEFT JOIN events pe ON pe.id = e.parent_event_id
WHERE {counted("e.review_status")}
ORDER BY CASE WHEN e.start_date IS NULL THEN 1 ELSE 0 END, e.start_date, e.id"""


EVENT_COLUMNS = (
    col("event_id", description="The event (events.id)."),
    col("key", "events.key"),
    col("start_date", "events.start_date"),
    col("end_date", "events.end_date"),
    col("date_precision", "events.date_precision"),
    col("year", description="Year of start_date, as a number (2025)."),
    col("kind", "events.kind"),
    col("title", "events.title"),
    col("place", "events.place"),
    col("country", description="Name of the country where it was held."),
    col("sequence_number", "events.sequence_number"),
    col("part_of_event", description="Title of the event it took place on the sidelines of."),
    col(
        "participants",
        description="Every participant (country, organisation or person) with its role in "
        "brackets, sorted, joined by '; '.",
    ),
    col("participant_count", description="Number of participants recorded."),
    col("source_count", description="Number of distinct sources that cite it."),
    col("description", "events.description"),
    col("review_status", "events.review_status"),
)

# ------------------------------------------------------------------------- source facts

FACT_TABLES = (  # (kind, citations column, table, alias, label expression)
    ("event", "event_id", "events", "fe", "fe.title"),
    ("agreement", "agreement_id", "agreements", "fa", "fa.title"),
    ("trade_flow", "trade_flow_id", "trade_flows", "ft", None),
    ("project", "project_id", "projects", "fp", "fp.name"),
    ("indicator", "indicator_id", "indicators", "fi", "fi.name"),
)


def _source_facts_sql(d: Dialect, counted) -> str:
    trade_label = (
        f"ftr.name || '–' || ftp.name || ' ' || ft.flow || ' ' || "
        f"COALESCE(ft.period_label, '') || ': ' || {d.number_text('ft.value')} || ' ' || ft.unit"
    )
    kind = " ".join(
        f"WHEN ci.{column} IS NOT NULL THEN '{name}'" for name, column, *_ in FACT_TABLES
    )
    joins = "\n".join(
        f"LEFT JOIN {table} {alias} ON {alias}.id = ci.{column}"
        for _, column, table, alias, _ in FACT_TABLES
    )
    aliases = [alias for *_, alias, _ in FACT_TABLES]
    labels = [label or trade_label for *_, label in FACT_TABLES]
    status = f"COALESCE({', '.join(f'{a}.review_status' for a in aliases)})"
    return f"""
SELECT s.id AS source_id, s.key AS source_key, s.title AS source_title,
       s.published_date AS source_published_date,
       CASE {kind} END AS fact_kind,
       COALESCE({", ".join(f"ci.{column}" for _, column, *_ in FACT_TABLES)}) AS fact_id,
       COALESCE({", ".join(f"{a}.key" for a in aliases)}) AS fact_key,
       COALESCE({", ".join(labels)}) AS fact_label,
       ci.id AS citation_id, ci.quote, ci.char_start, ci.char_end, ci.stated_value,
       {status} AS review_status
FROM citations ci
JOIN sources s ON s.id = ci.source_id
{joins}
LEFT JOIN countries ftr ON ftr.id = ft.reporter_country_id
LEFT JOIN countries ftp ON ftp.id = ft.partner_country_id
WHERE {counted(status)}"""


SOURCE_FACT_COLUMNS = (
    *SOURCE_COLUMNS_DOC,
    col(
        "fact_kind",
        description="What kind of fact: event, agreement, trade_flow, project or indicator.",
    ),
    col("fact_id", description="The fact's id in the table named by fact_kind."),
    col("fact_key", description="The fact's key in the table named by fact_kind."),
    col(
        "fact_label",
        description="The fact in words: its title or name; for a trade flow reporter–partner, "
        "flow, period, value and unit.",
    ),
    col("citation_id", description="The citation (citations.id)."),
    col("quote", "citations.quote"),
    col("char_start", "citations.char_start"),
    col("char_end", "citations.char_end"),
    col("stated_value", "citations.stated_value"),
    col("review_status", "events.review_status"),
)

# ------------------------------------------------------------------------------ mentions

MENTIONED = (  # (kind, mentions column, table, alias, key column)
    ("country", "country_id", "countries", "mc", "iso3"),
    ("organization", "organization_id", "organizations", "mo", "key"),
    ("person", "person_id", "people", "mp", "key"),
    ("project", "project_id", "projects", "mj", "key"),
)


def _mention_counts_sql(d: Dialect, counted) -> str:
    kind = " ".join(f"WHEN m.{column} IS NOT NULL THEN '{name}'" for name, column, *_ in MENTIONED)
    joins = "\n".join(
        f"LEFT JOIN {table} {alias} ON {alias}.id = m.{column}"
        for _, column, table, alias, _ in MENTIONED
    )
    ids = ", ".join(f"m.{column}" for _, column, *_ in MENTIONED)
    keys = ", ".join(f"{alias}.{key}" for *_, alias, key in MENTIONED)
    names = ", ".join(f"{alias}.name" for *_, alias, _ in MENTIONED)
    return f"""
SELECT entity_kind, entity_id, entity_key, entity_name,
       count(DISTINCT source_id) AS source_count, count(*) AS mention_count
FROM (
    SELECT m.source_id, CASE {kind} END AS entity_kind, COALESCE({ids}) AS entity_id,
           COALESCE({keys}) AS entity_key, COALESCE({names}) AS entity_name
    FROM mentions m
    {joins}
) AS named
GROUP BY entity_kind, entity_id, entity_key, entity_name"""


MENTION_COUNT_COLUMNS = (
    col("entity_kind", description="What is named: country, organization, person or project."),
    col("entity_id", description="Its id in the table named by entity_kind."),
    col(
        "entity_key",
        description="Its readable key: ISO alpha-3 for a country (TKM), else its key (cnpc).",
    ),
    col("entity_name", description="Its name (Turkmenistan)."),
    col("source_count", description="Number of articles that name it."),
    col("mention_count", description="Number of times the articles name it, all together."),
)

# --------------------------------------------------------------------------- catalogue

VIEWS: tuple[View, ...] = (
    View(
        "deals",
        "Each agreement in one row: parties, countries, sectors, event, package, value as "
        "stated and in USD, and its number of sources.",
        DEAL_COLUMNS,
        _deals_sql,
    ),
    View(
        "deal_countries",
        "Which countries each agreement involves, one row per agreement and country: a "
        "country that is a party, or the country of a party organisation or person.",
        DEAL_COUNTRY_COLUMNS,
        _deal_countries_sql,
        earlier=((SUMMARIES_REVISION, _grouped_deal_countries_sql),),
    ),
    View(
        "trade_flow_claims",
        "Trade claims with country names, period, value in USD, qualifier, attribution and "
        "the source stating it: one row per claim and citing source.",
        CLAIM_COLUMNS,
        _trade_flow_claims_sql,
        earlier=((SHAPES_REVISION, _trade_flow_claims_before_shapes_sql),),
    ),
    View(
        "trade_flow_consensus",
        "Trade claims grouped across sources: per reporter, partner, period, flow, measure and "
        "unit, the number of sources, the lowest and highest figure, the spread and the values.",
        CONSENSUS_COLUMNS,
        _trade_flow_consensus_sql,
        earlier=((GROUPS_REVISION, _trade_flow_consensus_from_claims_sql),),
    ),
    View(
        "disagreements",
        "Every fact on which sources disagree, one row per fact and citing source with the "
        "value as that source states it: trade figures and indicators that another source "
        "states with another value or qualifier (Kazakhstan–China turnover in 2024: $30.05bn, "
        "$43.8bn, $44bn), and agreements, projects and events whose citations word their value "
        "or date differently (19 May 2023 vs 18-19 May, 2023).",
        DISAGREEMENT_COLUMNS,
        _disagreements_sql,
        earlier=(
            (GROUPS_REVISION, _disagreements_before_groups_sql),
            (PLANS_REVISION, _disagreements_before_plans_sql),
            (SHAPES_REVISION, _disagreements_before_shapes_sql),
        ),
    ),
    View(
        "disagreement_summary",
        "One row per fact on which sources disagree (per figure group for trade figures and "
        "indicators): how many sources, the lowest and highest figure and the spread. The "
        "detail, source by source, is in disagreements.",
        DISAGREEMENT_SUMMARY_COLUMNS,
        _disagreement_summary_sql,
        since=SHAPES_REVISION,
    ),
    View(
        "project_overview",
        "Each project in one row: sector, status, years, countries and organisations with "
        "their roles, value, and its numbers of agreements and sources.",
        PROJECT_COLUMNS,
        _project_overview_sql,
    ),
    View(
        "event_timeline",
        "Events in date order with their place, host country and participants.",
        EVENT_COLUMNS,
        _event_timeline_sql,
    ),
    View(
        "source_facts",
        "Everything each source states: one row per citation with its fact, quote and "
        "character span.",
        SOURCE_FACT_COLUMNS,
        _source_facts_sql,
    ),
    View(
        "mention_counts",
        "How often the articles name each country, organisation, person and project, from "
        "mentions: the number of articles and of mentions. Mentions are not facts, so there "
        "is no _all variant.",
        MENTION_COUNT_COLUMNS,
        _mention_counts_sql,
        has_all_variant=False,
    ),
)


def view_names() -> list[str]:
    """Every view the migrations create, ``_all`` twins included."""
    return [name for view in VIEWS for name, _ in view.variants()]


def views_changed_at(revision: str) -> tuple[View, ...]:
    """The views whose SQL the migration ``revision`` replaced (it re-creates them)."""
    return tuple(view for view in VIEWS if view.changed_at(revision))


def create_view_statements(
    dialect_name: str, views=VIEWS, revision: str | None = None
) -> list[str]:
    """CREATE VIEW for ``views`` as they stood at ``revision`` (None: as defined today)."""
    dialect = Dialect(dialect_name)
    return [
        f"CREATE VIEW {name} AS {view.select(dialect, statuses, revision).strip()}"
        for view in views_at(revision, views)
        for name, statuses in view.variants()
    ]


def views_at(revision: str | None, views=VIEWS) -> tuple[View, ...]:
    """Those of ``views`` that exist once the migration ``revision`` has run (None: today)."""
    return tuple(view for view in views if view.exists_at(revision))


def recreate_changed_statements(dialect: str, revision: str, as_at: str) -> list[str]:
    """What a migration that changes views runs: the views ``revision`` changed, dropped and
    created as they stand at ``as_at`` (its own revision on upgrade, the previous one on
    downgrade), with their COMMENT ON statements on PostgreSQL."""
    changed = views_changed_at(revision)
    statements = drop_view_statements(changed)
    statements += create_view_statements(dialect, changed, revision=as_at)
    if dialect == "postgresql":
        statements += comment_statements(views_at(as_at, changed), as_at)
    return statements


def drop_view_statements(views=VIEWS) -> list[str]:
    return [
        f"DROP VIEW IF EXISTS {name}" for view in reversed(views) for name, _ in view.variants()
    ]


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def comment_statements(views=VIEWS, revision: str | None = None) -> list[str]:
    """PostgreSQL's COMMENT ON VIEW / COLUMN for every view and its columns (those it has
    once the migration ``revision`` has run; None: today)."""
    statements = []
    for view in views:
        for name, _ in view.variants():
            statements.append(f"COMMENT ON VIEW {name} IS {_quoted(view.describe(name))}")
            statements.extend(
                f"COMMENT ON COLUMN {name}.{column.name} IS {_quoted(column.meaning())}"
                for column in view.columns
                if ran_by(column.since, revision)
            )
    return statements
