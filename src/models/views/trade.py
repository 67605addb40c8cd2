"""Trade flows: every claim with its source (trade_flow_claims), and the claims grouped across
sources (trade_flow_consensus), read from the summary trade_flow_groups."""

from __future__ import annotations

from .base import SOURCE_COLUMNS_DOC, USD_RATE_COLUMNS, Counting, Dialect, View, col, spread


def _trade_flow_claims_sql(d: Dialect, counted: Counting) -> str:
    # The attributed person's and organisation's ids beside the name: a filter on them reaches
    # trade_flows and its partial indexes; one on attributed_to (a COALESCE over two outer
    # joins) was tested on every claim after the joins.
    return f"""
SELECT tf.id AS trade_flow_id, tf.key,
       r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       tf.period_start, tf.period_end, tf.period_label, {d.year("tf.period_start")} AS period_year,
       tf.flow, tf.measure, tf.value, tf.unit, tf.value_qualifier, tf.value_usd,
       tf.currency_rate_id, cr.usd_per_unit AS usd_rate, cr.source_note AS usd_rate_source,
       COALESCE(atp.name, ato.name) AS attributed_to,
       tf.attributed_to_person_id, tf.attributed_to_organization_id,
       s.id AS source_id, s.key AS source_key, s.title AS source_title,
       s.published_date AS source_published_date, ci.stated_value, ci.quote,
       tf.review_status
FROM trade_flows tf
JOIN countries r ON r.id = tf.reporter_country_id
JOIN countries p ON p.id = tf.partner_country_id
LEFT JOIN people atp ON atp.id = tf.attributed_to_person_id
LEFT JOIN organizations ato ON ato.id = tf.attributed_to_organization_id
LEFT JOIN currency_rates cr ON cr.id = tf.currency_rate_id
LEFT JOIN citations ci ON ci.trade_flow_id = tf.id
LEFT JOIN sources s ON s.id = ci.source_id
WHERE {counted("tf.review_status")}"""


def _trade_flow_consensus_sql(d: Dialect, counted: Counting) -> str:
    # The groups are summed up in trade_flow_groups (models/trade_groups.py), kept in step by
    # triggers: aggregating a million claims per query took seconds.
    g = f"g.{counted.group_prefix}"
    return f"""
SELECT r.iso3 AS reporter_iso3, r.name AS reporter, p.iso3 AS partner_iso3, p.name AS partner,
       g.period_start, g.period_end, {g}period_label AS period_label,
       {d.year("g.period_start")} AS period_year, g.flow, g.measure, g.unit,
       {g}source_count AS source_count, {g}claim_count AS claim_count,
       {g}lowest AS lowest, {g}highest AS highest, {spread(g)} AS spread_percent,
       {g}value_list AS value_list
FROM trade_flow_groups g
JOIN countries r ON r.id = g.reporter_country_id
JOIN countries p ON p.id = g.partner_country_id
WHERE {g}claim_count > 0"""


# The columns of a trade group, documented once.
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

CLAIM_COLUMNS = (
    col("trade_flow_id", description="The claim (trade_flows.id)."),
    col("key", "trade_flows.key"),
    *TRADE_GROUP_COLUMNS,
    col("value", "trade_flows.value"),
    col("unit", "trade_flows.unit"),
    col("value_qualifier", "trade_flows.value_qualifier"),
    col("value_usd", "trade_flows.value_usd"),
    col("currency_rate_id", "trade_flows.currency_rate_id"),
    *USD_RATE_COLUMNS,
    col(
        "attributed_to",
        description="Name of the person or organisation the source attributes the figure to.",
    ),
    col("attributed_to_person_id", "trade_flows.attributed_to_person_id"),
    col("attributed_to_organization_id", "trade_flows.attributed_to_organization_id"),
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


TRADE_FLOW_CLAIMS = View(
    "trade_flow_claims",
    "Trade claims with country names, period, value in USD, qualifier, attribution and "
    "the source stating it: one row per claim and citing source.",
    CLAIM_COLUMNS,
    _trade_flow_claims_sql,
)
TRADE_FLOW_CONSENSUS = View(
    "trade_flow_consensus",
    "Trade claims grouped across sources: per reporter, partner, period, flow, measure and "
    "unit, the number of sources, the lowest and highest figure, the spread and the values.",
    CONSENSUS_COLUMNS,
    _trade_flow_consensus_sql,
)
