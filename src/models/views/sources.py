"""Sources and mentions: everything each source states (source_facts), and how often the articles
name each country, organisation, person and project (mention_counts)."""

from __future__ import annotations

from .base import SOURCE_COLUMNS_DOC, Dialect, View, col

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


SOURCE_FACTS = View(
    "source_facts",
    "Everything each source states: one row per citation with its fact, quote and character span.",
    SOURCE_FACT_COLUMNS,
    _source_facts_sql,
)
MENTION_COUNTS = View(
    "mention_counts",
    "How often the articles name each country, organisation, person and project, from "
    "mentions: the number of articles and of mentions. Mentions are not facts, so there "
    "is no _all variant.",
    MENTION_COUNT_COLUMNS,
    _mention_counts_sql,
    has_all_variant=False,
)
