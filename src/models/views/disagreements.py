"""Disagreements: every fact on which sources disagree, source by source (disagreements), and one
row per such fact (disagreement_summary).

Trade figures are read from the disputed groups of the summary trade_flow_groups (a partial index
holds them); indicators are grouped here; agreements, projects and events disagree when their
citations word the value or date differently.
"""

from __future__ import annotations

from ..base import Base
from ..trade_groups import disputed, same_group
from .base import SOURCE_COLUMNS_DOC, Counting, Dialect, View, col, spread

INDICATOR_GROUP = (
    "metric, country_id, partner_country_id, organization_id, project_id, period_start, "
    "period_end, unit, is_target"
)
SOURCE_COLUMNS = (
    "ci.stated_value, s.id AS source_id, s.key AS source_key, s.title AS source_title, "
    "s.published_date AS source_published_date, ci.quote"
)


def _figure_disagreements(
    d: Dialect, kind: str, table: str, group: str, subject: str, counted: Counting
) -> str:
    """Claims (trade flows, indicators) contradicted by another source: another claim of the
    same group with another value or qualifier that shares no source with it. (One source giving
    two figures in one group usually means two different things, not a disagreement.)

    The tables are CROSS JOINed in the order written, the conditions in WHERE, so that SQLite
    starts from the disputed groups. Left to choose, with no statistics on an empty indicators
    table, it started from sources and read every citation (seconds for no row). PostgreSQL
    plans CROSS JOIN as any inner join."""
    fact_column = {"trade_flows": "trade_flow_id", "indicators": "indicator_id"}[table]
    columns = [column.strip() for column in group.split(",")]
    in_group = " AND ".join(_same(d, table, column, "f", "g") for column in columns)
    same_claims = " AND ".join(_same(d, table, column, "o", "f") for column in columns)
    contradicted = _contradicted(d, table, fact_column, same_claims, counted)
    joins = f"""CROSS JOIN {table} f
{subject_joins(table)}
CROSS JOIN citations ci
CROSS JOIN sources s
WHERE {in_group} AND {counted("f.review_status")}
  AND ci.{fact_column} = f.id AND s.id = ci.source_id
  AND {contradicted}"""
    # Groups first (narrow, one pass), then their claims: cheaper than a window over every row.
    return f"""
SELECT '{kind}' AS fact_kind, {subject} AS subject, f.id AS fact_id, f.key AS fact_key,
       f.value, f.unit, f.value_qualifier,
       CAST(NULL AS DATE) AS start_date, CAST(NULL AS DATE) AS end_date,
       g.lowest, g.highest, {spread("g.")} AS spread_percent, g.variant_count,
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
    d: Dialect, subject: str, counted: Counting, shared: bool = False
) -> str:
    """Claims contradicted by another source, as _figure_disagreements says, read from the
    disputed groups of trade_flow_groups (a partial index holds them): their claims are found
    through the group index. The other claims are matched to the group g, not to the claim f,
    so that the per-claim test cannot be run before the group is known to be disputed, and
    CROSS JOIN keeps SQLite from starting at the citations (it reads the left table first;
    PostgreSQL plans it as any inner join).

    The claims of groups where no source cites two claims (``single_sourced``) are all
    contradicted, untested; the per-claim test runs in the other groups. Two branches, not one
    OR: PostgreSQL planned the OR as if every claim passed it and read the whole trade_flows
    index. ``shared``: the second branch alone (for disagreement_summary, which sums up the
    first from the groups)."""
    g = f"g.{counted.group_prefix}"
    tested = _contradicted(d, "trade_flows", "trade_flow_id", same_group(d, "o", "g"), counted)
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
       {g}lowest AS lowest, {g}highest AS highest, {spread(g)} AS spread_percent,
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
    kind: str, table: str, fact_column: str, fields: str, counted: Counting
) -> str:
    """Facts (events, agreements, projects) whose sources word their value differently, joined
    in the order written from the facts found to disagree (see _figure_disagreements): SQLite
    otherwise started from sources and read every citation."""
    joins = f"""CROSS JOIN {table} f
CROSS JOIN citations ci
CROSS JOIN sources s
WHERE f.id = v.fact_id AND {counted("f.review_status")}
  AND ci.{fact_column} = f.id AND ci.stated_value IS NOT NULL AND s.id = ci.source_id"""
    disagreeing = f"""(
    SELECT {fact_column} AS fact_id, count(DISTINCT stated_value) AS variant_count
    FROM citations
    WHERE {fact_column} IS NOT NULL AND stated_value IS NOT NULL
    GROUP BY {fact_column}
    HAVING count(DISTINCT stated_value) > 1
) AS v"""
    return f"""
SELECT '{kind}' AS fact_kind, f.{"title" if kind != "project" else "name"} AS subject,
       f.id AS fact_id, f.key AS fact_key, {fields}, NULL AS lowest, NULL AS highest,
       NULL AS spread_percent, v.variant_count, {SOURCE_COLUMNS}, f.review_status
FROM {disagreeing}
{joins}"""


def _disagreements_sql(d: Dialect, counted: Counting) -> str:
    """A trade figure's subject is its group's, period label included (two claims of one group
    labelled 2024 and FY2024 would make two subjects)."""
    return "\nUNION ALL\n".join(
        [_trade_disagreements(d, counted), *_other_disagreements(d, counted)]
    )


def _trade_disagreements(d: Dialect, counted: Counting, shared: bool = False) -> str:
    return _trade_flow_disagreements(d, _group_subject(counted), counted, shared=shared)


def _other_disagreements(d: Dialect, counted: Counting) -> list[str]:
    """The parts of disagreements other than trade figures."""
    indicator_subject = "g.group_name || ' (' || f.unit || ')'"
    money = "f.value_amount, f.value_currency, f.value_qualifier, NULL, NULL"
    event_fields = "NULL, NULL, NULL, f.start_date, f.end_date"
    return [
        _figure_disagreements(
            d, "indicator", "indicators", INDICATOR_GROUP, indicator_subject, counted
        ),
        _worded_disagreements("agreement", "agreements", "agreement_id", money, counted),
        _worded_disagreements("project", "projects", "project_id", money, counted),
        _worded_disagreements("event", "events", "event_id", event_fields, counted),
    ]


def _disagreement_summary_sql(d: Dialect, counted: Counting) -> str:
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
       {spread(g)} AS spread_percent, {g}claim_count AS variant_count
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


DISAGREEMENTS = View(
    "disagreements",
    "Every fact on which sources disagree, one row per fact and citing source with the "
    "value as that source states it: trade figures and indicators that another source "
    "states with another value or qualifier (Kazakhstan–China turnover in 2024: $30.05bn, "
    "$43.8bn, $44bn), and agreements, projects and events whose citations word their value "
    "or date differently (19 May 2023 vs 18-19 May, 2023).",
    DISAGREEMENT_COLUMNS,
    _disagreements_sql,
)
DISAGREEMENT_SUMMARY = View(
    "disagreement_summary",
    "One row per fact on which sources disagree (per figure group for trade figures and "
    "indicators): how many sources, the lowest and highest figure and the spread. The "
    "detail, source by source, is in disagreements.",
    DISAGREEMENT_SUMMARY_COLUMNS,
    _disagreement_summary_sql,
)
