"""Deals: each agreement in one row (deals), and the countries each involves (deal_countries)."""

from __future__ import annotations

from .base import USD_RATE_COLUMNS, Dialect, View, col, party_joins, party_name, source_count


def _deals_sql(d: Dialect, counted) -> str:
    parties = d.text_list(
        f"{party_name()} || ' (' || pt.role || ')'",
        f"{party_joins('agreement_parties')} WHERE pt.agreement_id = a.id",
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
       a.currency_rate_id, cr.usd_per_unit AS usd_rate, cr.source_note AS usd_rate_source,
       {source_count("agreement_id", "a.id")} AS source_count,
       a.review_status
FROM agreements a
LEFT JOIN events ev ON ev.id = a.event_id
LEFT JOIN agreements pkg ON pkg.id = a.part_of_agreement_id
LEFT JOIN projects pr ON pr.id = a.project_id
LEFT JOIN currency_rates cr ON cr.id = a.currency_rate_id
WHERE {counted("a.review_status")}"""


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
    col("currency_rate_id", "agreements.currency_rate_id"),
    *USD_RATE_COLUMNS,
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


DEALS = View(
    "deals",
    "Each agreement in one row: parties, countries, sectors, event, package, value as "
    "stated and in USD, and its number of sources.",
    DEAL_COLUMNS,
    _deals_sql,
)
DEAL_COUNTRIES = View(
    "deal_countries",
    "Which countries each agreement involves, one row per agreement and country: a "
    "country that is a party, or the country of a party organisation or person.",
    DEAL_COUNTRY_COLUMNS,
    _deal_countries_sql,
)
