"""Projects and events: each project in one row (project_overview), events in date order with
their participants (event_timeline)."""

from __future__ import annotations

from .base import Dialect, View, col, party_joins, party_name, source_count


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
       {source_count("project_id", "pj.id")} AS source_count,
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
        f"{party_name()} || ' (' || pt.role || ')'",
        f"{party_joins('event_participants')} WHERE pt.event_id = e.id",
    )
    return f"""
SELECT e.id AS event_id, e.key, e.start_date, e.end_date, e.date_precision,
       {d.year("e.start_date")} AS year, e.kind, e.title, e.place, c.name AS country,
       e.sequence_number, pe.title AS part_of_event,
       {participants} AS participants,
       (SELECT count(*) FROM event_participants ep WHERE ep.event_id = e.id) AS participant_count,
       {source_count("event_id", "e.id")} AS source_count,
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


PROJECT_OVERVIEW = View(
    "project_overview",
    "Each project in one row: sector, status, years, countries and organisations with "
    "their roles, value, and its numbers of agreements and sources.",
    PROJECT_COLUMNS,
    _project_overview_sql,
)
EVENT_TIMELINE = View(
    "event_timeline",
    "Events in date order with their place, host country and participants.",
    EVENT_COLUMNS,
    _event_timeline_sql,
)
