"""The field dictionary: what every column means, written once (after PUDL's metadata/fields.py).

A field is described by its name — its text, the values it may take, its unit — and every table
with a column of that name shares the description (``id``, ``loaded_by``, ``value_usd`` …). Where
one name means different things in different tables (``kind``, ``role``, ``country_id`` …) the
table's own entry in ``TABLE_FIELDS`` takes precedence. Allowed values are the very tuples the
CHECK constraints are built from (``one_of`` in base.py), so a comment cannot list fewer kinds
than the database accepts.

``apply_comments`` (called once by the package) copies each description into its column's
``comment``, from where it reaches PostgreSQL's COMMENT ON (through the migrations), the data
dictionary (docs/data-dictionary.md), the workbooks' About sheets and Datasette's metadata
(``descriptions``). Views that show the same fields describe their columns with ``describe``.
Table comments stay with the tables (``__table_args__``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import MetaData

from .agreements import AGREEMENT_KINDS, AGREEMENT_STATUSES, PARTY_ROLES
from .base import DATE_PRECISIONS, LOADERS, REVIEW_STATUSES, VALUE_QUALIFIERS, Base
from .events import EVENT_KINDS, PARTICIPANT_ROLES
from .feeds import FEED_ITEM_STATUSES, FEED_RUN_STATUSES
from .parties import ORGANIZATION_KINDS
from .projects import (
    PROJECT_COUNTRY_ROLES,
    PROJECT_KINDS,
    PROJECT_ORGANIZATION_ROLES,
    PROJECT_STATUSES,
)
from .provenance import FACT_KINDS, LOAD_METHODS
from .reference import ALIAS_KINDS
from .review import NAME_KINDS, NAME_ROLES, NAME_STATUSES, REVIEW_ACTIONS, REVIEWED_TABLES
from .runs import RUN_STATUSES
from .trade import FLOWS, MEASURES, NON_CURRENCY_UNITS


@dataclass(frozen=True)
class Field:
    """One field: what it holds, the values it may take (with a gloss for some) and its unit."""

    text: str
    values: tuple[str, ...] = ()
    glosses: Mapping[str, str] = field(default_factory=dict)
    unit: str | None = None

    def __post_init__(self):
        unknown = set(self.glosses) - set(self.values)
        if unknown:  # a value was renamed or dropped: its gloss must go too
            raise ValueError(f"glosses for values not allowed: {sorted(unknown)}")

    @property
    def comment(self) -> str:
        """The column comment: the text, then ``Values: a, b (gloss), c.``, then ``Unit: x.``"""
        parts = [self.text]
        if self.values:
            listed = (f"{v} ({self.glosses[v]})" if v in self.glosses else v for v in self.values)
            parts.append(f"Values: {', '.join(listed)}.")
        if self.unit:
            parts.append(f"Unit: {self.unit}.")
        return " ".join(parts)


def precision_of(dates: str) -> Field:
    return Field(f"Precision of {dates} as stated.", DATE_PRECISIONS)


# Fields that mean the same in every table that has them.
FIELDS: dict[str, Field] = {
    "id": Field("Surrogate key: an integer the database assigns; foreign keys point at it."),
    "created_at": Field("When the row was first written to this database."),
    "updated_at": Field("When the row was last changed."),
    "key": Field(
        "Stable natural key (a lower-case slug); seed files and loaders match rows by it."
    ),
    "review_status": Field(
        "Review state; reports count curated and accepted facts.",
        REVIEW_STATUSES,
        {"curated": "seed, checked by a person", "extracted": "machine, not yet reviewed"},
    ),
    "loaded_by": Field("Which loader wrote the row; a loader only touches its own rows.", LOADERS),
    "note": Field("Free-text remark: inferences made, caveats, disagreements between sources."),
    # how a fact was made (CuratedMixin): by a person, or by an extractor and how sure it was
    "confidence": Field(
        "How sure the extractor was that the quote states this fact, from 0 to 1; NULL for "
        "facts curated or entered by a person."
    ),
    "extractor_name": Field(
        "The extractor that made the fact (silkledger-rules); NULL for curated facts."
    ),
    "extractor_version": Field("Version of that extractor (0.1.0); NULL for curated facts."),
    # a span of a source's text (citations, mentions)
    "char_start": Field(
        "Offset of the span's first character in sources.body_text (0-based).", unit="characters"
    ),
    "char_end": Field("Offset just past the span's last character.", unit="characters"),
    "alias": Field("The name as texts use it."),
    "agreement_id": Field("The agreement."),
    "event_id": Field("The event."),
    "project_id": Field("The project."),
    # money as stated (MoneyMixin) and measured figures (trade flows, indicators)
    "value_amount": Field(
        "The amount as stated, in units of value_currency (24 billion = 24000000000)."
    ),
    "value_currency": Field("ISO 4217 code of the stated amount (USD, CNY, KZT)."),
    "value": Field("The figure in unit: 30050000000 for $30.05 billion, 15.5 for 15.5%."),
    "value_qualifier": Field(
        "How the source qualified the figure (over $1 billion: over).", VALUE_QUALIFIERS
    ),
    "value_usd": Field(
        "The figure converted through currency_rates; NULL when it is not money or no rate "
        "covers its date.",
        unit="USD",
    ),
    "currency_rate_id": Field(
        "The currency_rates row whose rate gave value_usd (stored when value_usd is computed); "
        "NULL for amounts stated in USD, figures that are not money and amounts no rate covers."
    ),
    # the period a figure covers (PeriodMixin) and whom it is attributed to (AttributionMixin)
    "period_start": Field("First day of the period the figure covers."),
    "period_end": Field("Last day of the period the figure covers."),
    "period_label": Field("The period as a label: 2024, or 2025-01..2025-04 for four months."),
    "attributed_to_person_id": Field(
        "The person the source quotes for the figure (Kuantyrov, Tokayev)."
    ),
    "attributed_to_organization_id": Field(
        "The organisation the source credits for the figure (China's customs)."
    ),
}

# A party (PartyMixin): exactly one of the three is set.
PARTY_FIELDS = {
    "country_id": Field("The party when it is a country (or an aggregate such as Central Asia)."),
    "organization_id": Field("The party when it is an organisation."),
    "person_id": Field("The party when it is a person."),
}

# What a name means in one table, where that differs from FIELDS or the name is the table's own.
TABLE_FIELDS: dict[str, dict[str, Field]] = {
    "agreement_parties": {
        **PARTY_FIELDS,
        "role": Field("The party's role in the agreement.", PARTY_ROLES),
    },
    "agreement_countries": {
        "agreement_id": Field("The agreement whose parties are counted."),
        "country_id": Field("A country it involves."),
        "party_count": Field(
            "How many of its parties are the country itself (0: it takes part only through a "
            "party organisation or person of that country).",
            unit="parties",
        ),
        "link_count": Field(
            "How many of its parties are the country or an organisation or person of it.",
            unit="parties",
        ),
    },
    "agreement_sectors": {"sector_id": Field("A sector it covers.")},
    "agreements": {
        "title": Field("What was agreed, in a short title."),
        "kind": Field(
            "What sort of agreement.",
            AGREEMENT_KINDS,
            {"package": "several documents counted together"},
        ),
        "status": Field("How far the agreement got.", AGREEMENT_STATUSES),
        "document_count": Field(
            "Number of documents: 1 for a single agreement, 58 for a package of 58."
        ),
        "document_count_qualifier": Field(
            'How document_count was stated (over for "more than 35 memoranda": the count is a '
            "lower bound, and so is any sum of it); NULL when no count is stated.",
            VALUE_QUALIFIERS,
        ),
        "signed_date": Field(
            "Date signed or announced (first of the month or year when less precise)."
        ),
        "signed_date_precision": precision_of("signed_date"),
        "event_id": Field("The event at which it was signed or announced."),
        "project_id": Field("The project it concerns, if one."),
        "part_of_agreement_id": Field(
            "The package this agreement is one of (the $1 billion CNPC deal within the "
            "$1.5 billion of oil and gas deals). Totals count top-level agreements only, so a "
            "component is never added to its package twice."
        ),
        "description": Field("What it covers, in a sentence."),
    },
    "citations": {
        "source_id": Field("The article that states the fact."),
        "event_id": Field("The cited event."),
        "agreement_id": Field("The cited agreement."),
        "trade_flow_id": Field("The cited trade flow."),
        "project_id": Field("The cited project."),
        "indicator_id": Field("The cited indicator."),
        "quote": Field("Verbatim quote: exactly sources.body_text[char_start:char_end]."),
        "stated_value": Field(
            "The value as this source words it, kept when sources disagree (18-19 May, 2023)."
        ),
        "search_text": Field(
            "Citations of Russian sources: the quote with every Russian word as its lemma, word "
            "for word, which the full-text index holds (SQLite) and which tells PostgreSQL to "
            "stem the quote as Russian; NULL for other languages. Filled by the loaders."
        ),
        "note": Field("Remark on this citation."),
    },
    "countries": {
        "iso3": Field(
            "ISO 3166-1 alpha-3 code, the readable key (KAZ); aggregates use a user-assigned "
            "code (XCA)."
        ),
        "iso2": Field("ISO 3166-1 alpha-2 code (KZ); NULL for aggregates."),
        "numeric_code": Field(
            "ISO 3166-1 numeric code as three digits (398); NULL for aggregates."
        ),
        "name": Field("Common English name (Kazakhstan)."),
        "official_name": Field(
            "Official English name where ISO gives one (Republic of Kazakhstan)."
        ),
        "region": Field("UN M49 sub-region (Central Asia, Eastern Asia) where known."),
        "is_aggregate": Field(
            "True for a group of countries treated as one party (Central Asia, EU)."
        ),
    },
    "country_aliases": {
        "country_id": Field("The country meant."),
        "alias": Field("The words as texts use them (Kazakh, PRC, Beijing)."),
        "kind": Field("How the words name the country.", ALIAS_KINDS),
    },
    "country_group_members": {
        "group_country_id": Field("The aggregate (a countries row with is_aggregate)."),
        "member_country_id": Field("A member country."),
    },
    "currency_rates": {
        "currency": Field("ISO 4217 code (CNY)."),
        "valid_from": Field("First day the rate applies to."),
        "valid_to": Field("Last day the rate applies to."),
        "usd_per_unit": Field("US dollars for one unit of the currency.", unit="USD"),
        "source_note": Field("Where the rate comes from."),
    },
    "event_participants": {
        **PARTY_FIELDS,
        "role": Field("The participant's role in the event.", PARTICIPANT_ROLES),
    },
    "events": {
        "kind": Field("What sort of event.", EVENT_KINDS),
        "title": Field("Name of the event (Second China–Central Asia Summit)."),
        "start_date": Field("First day (first of the month or year when less precise)."),
        "end_date": Field("Last day; equals start_date for one day."),
        "date_precision": precision_of("start_date and end_date"),
        "place": Field("City or venue (Astana)."),
        "country_id": Field("The country where the event was held."),
        "sequence_number": Field(
            "Ordinal of a recurring event: 2 for the second summit, 25 for the 25th."
        ),
        "parent_event_id": Field(
            "The event this one took place on the sidelines of, or was part of."
        ),
        "description": Field("What happened, in a sentence."),
    },
    "indicators": {
        "name": Field("What is measured, in words (Chinese investment in Kazakhstan)."),
        "metric": Field("Snake_case slug grouping like figures (investment_stock, jobs)."),
        "country_id": Field("The country the figure describes."),
        "partner_country_id": Field(
            "The counterpart country, where there is one (China for Chinese investment in "
            "Kazakhstan)."
        ),
        "organization_id": Field("The organisation it describes."),
        "project_id": Field("The project it describes."),
        "unit": Field(
            "The unit of value: USD (or another ISO 4217 code), percent, count, tonnes, km, "
            "days, years …"
        ),
        "is_target": Field("True for a goal or target rather than an achieved figure."),
        "description": Field("Context for the figure."),
    },
    "mentions": {
        "source_id": Field("The article that contains the mention."),
        "country_id": Field(
            "The country named (by its name, a demonym, a capital or an abbreviation)."
        ),
        "organization_id": Field("The organisation named."),
        "person_id": Field("The person named."),
        "project_id": Field("The project named."),
        "mention_text": Field("The words as they stand: exactly body_text[char_start:char_end]."),
    },
    "organization_aliases": {"organization_id": Field("The organisation meant.")},
    "person_aliases": {"person_id": Field("The person meant.")},
    "organizations": {
        "name": Field("Full name (China National Petroleum Corporation)."),
        "kind": Field("What sort of organisation.", ORGANIZATION_KINDS),
        "country_id": Field(
            "Country of registration or of the government it belongs to; NULL for international "
            "bodies."
        ),
        "is_state_owned": Field("True for state-owned enterprises and banks; NULL when unknown."),
    },
    "people": {
        "name": Field("Full name as usually written in English."),
        "country_id": Field("The country the person serves or comes from."),
        "organization_id": Field(
            "The organisation the person speaks for, where the articles give one."
        ),
        "position": Field(
            "Position as the articles give it (Deputy Foreign Minister of Kazakhstan)."
        ),
    },
    "project_countries": {
        "country_id": Field("A country involved."),
        "role": Field("The country's role in the project.", PROJECT_COUNTRY_ROLES),
    },
    "project_organizations": {
        "organization_id": Field("An organisation involved."),
        "role": Field("The organisation's role in the project.", PROJECT_ORGANIZATION_ROLES),
    },
    "projects": {
        "name": Field("Usual English name (China–Kyrgyzstan–Uzbekistan railway)."),
        "kind": Field("What sort of project.", PROJECT_KINDS),
        "sector_id": Field("Main sector."),
        "status": Field("Where the project stands.", PROJECT_STATUSES),
        "start_year": Field("Year the project was launched or is due to start."),
        "end_year": Field("Year the project was or is due to be completed."),
        "description": Field("What the project is, in a sentence."),
    },
    "fetched_pages": {
        "url": Field("The URL as it was fetched (as given, or a feed item's link)."),
        "final_url": Field("The URL the page was served from, after redirects."),
        "canonical_url": Field(
            "The page's canonical URL: its <link rel=canonical>, else the final URL, normalised "
            "by courlan; a URL whose canonical form is here is not fetched again."
        ),
        "source_id": Field("The source the page was loaded as."),
        "http_status": Field("The HTTP status of the response."),
        "content_type": Field("The Content-Type the server sent."),
        "fetched_at": Field("When the page was fetched."),
        "raw_bytes": Field("The page exactly as the server sent it.", unit="bytes"),
    },
    "feeds": {
        "name": Field("Short name of the feed, used by `feeds run NAME` and `feeds remove`."),
        "url": Field("The feed's URL (RSS 2.0, Atom or RDF)."),
        "tag": Field("A label the analyst gave the feed (an outlet group, a topic)."),
        "is_private_allowed": Field(
            "Whether the feed and its items may be fetched from loopback and private "
            "addresses (set by `feeds add --allow-private`)."
        ),
        "added_at": Field("When the feed was added."),
        "etag": Field("The ETag of the feed's last response, sent back as If-None-Match."),
        "last_modified": Field(
            "The Last-Modified of the feed's last response, sent back as If-Modified-Since."
        ),
        "last_run_at": Field("When the feed was last run."),
        "last_status": Field(
            "How the last run of the feed went.",
            FEED_RUN_STATUSES,
            {"not_modified": "the server answered 304"},
        ),
        "last_error": Field("Why the last run failed, or which items failed."),
        "failure_count": Field("Runs in a row that failed; 0 after a run that worked."),
    },
    "feed_items": {
        "feed_id": Field("The feed that listed the item."),
        "item_key": Field("The item's id in the feed: its guid, else its link."),
        "link": Field("The item's link: the page fetched and loaded."),
        "title": Field("The item's title as the feed gives it."),
        "first_seen_at": Field("When a run first saw the item in the feed."),
        "status": Field(
            "How loading the item's page went.",
            FEED_ITEM_STATUSES,
            {"already_loaded": "the page or its text was loaded before"},
        ),
        "error": Field("Why the item's page was not loaded (the last attempt)."),
        "attempt_count": Field("How many times the item's page was fetched."),
        "last_attempt_at": Field("When the item's page was last fetched."),
        "source_id": Field("The source the item's page was loaded as."),
    },
    "report_runs": {
        "jobs_file": Field(
            "The jobs file the job is defined in: its id setting, else its resolved path. Empty "
            "on runs recorded before jobs files were told apart (migration 0005); those count "
            "as history of every job of that name."
        ),
        "job_name": Field("Job name from the jobs file."),
        "report": Field("Which workbook was exported (deals, trade)."),
        "due_at": Field("The scheduled time this run was for."),
        "started_at": Field("When the run started."),
        "finished_at": Field("When the run ended; NULL while running."),
        "status": Field("How the run stands or ended.", RUN_STATUSES),
        "file_path": Field("The workbook written."),
        "file_size_bytes": Field("Size of the workbook.", unit="bytes"),
        "file_sha256": Field("SHA-256 of the workbook, hex."),
        "error": Field("Why the run failed."),
        "warnings": Field(
            "What a run that succeeded warned about (such as: nothing matched the filters, so "
            "the workbook says so), one warning per line; NULL when there was nothing to say."
        ),
    },
    "proposed_names": {
        "key": Field(
            "Stable key: <source key>.<kind>-<char_start>-<n>; the same name beside the same "
            "fact gets it again when the article is reindexed."
        ),
        "kind": Field("What the name is proposed as.", NAME_KINDS),
        "name": Field(
            "The name as it would be added (Xinjiang Tianshan Cement Group; a ministry after a "
            "country's possessive as Ministry of Energy of Kazakhstan)."
        ),
        "organization_kind": Field(
            "For an organisation: the organizations.kind it gets, from the word that makes it "
            "one (Bank: bank, Ministry: ministry).",
            ORGANIZATION_KINDS,
        ),
        "position": Field("For a person: the title the article gives (Deputy Prime Minister)."),
        "country_id": Field(
            "The country the article ties the name to (a possessive, a demonym, 'of Kazakhstan'); "
            "NULL when it says none."
        ),
        "role": Field(
            "The name's role in the fact beside it: a party's role in an agreement, an "
            "organisation's in a project, or attributed (the source of a trade figure).",
            NAME_ROLES,
        ),
        "source_id": Field("The article that names it."),
        "quote": Field("The sentence that names it beside the fact."),
        "char_start": Field(
            "Offset of the name's first character in sources.body_text (0-based).",
            unit="characters",
        ),
        "char_end": Field("Offset just past the name's last character.", unit="characters"),
        "agreement_id": Field("The agreement it stands beside (NULL if the fact is gone)."),
        "project_id": Field("The project it stands beside (NULL if the fact is gone)."),
        "trade_flow_id": Field("The trade flow it stands beside (NULL if the fact is gone)."),
        "status": Field(
            "Review state of the proposal.", NAME_STATUSES, {"proposed": "not yet reviewed"}
        ),
        "confidence": Field("How sure the extractor was that this is a new name, from 0 to 1."),
        "organization_id": Field(
            "Once accepted: the organisation added (or the known one of that name) and linked."
        ),
        "person_id": Field("Once accepted: the person added (or the known one) and linked."),
    },
    "review_actions": {
        "fact_table": Field(
            "The table of the reviewed fact (proposed_names: a proposed new name).",
            REVIEWED_TABLES,
        ),
        "fact_key": Field("The reviewed fact's key (stable across merges)."),
        "fact_id": Field(
            "The reviewed fact's id at the time; no foreign key, since a merge deletes it."
        ),
        "action": Field("What the reviewer did.", REVIEW_ACTIONS, {"merge": "into another fact"}),
        "actor": Field("Who acted (a user name)."),
        "acted_at": Field("When the action was taken."),
        "changes": Field('What changed, as JSON: {"field": [old, new]} (review_status included).'),
        "merged_into_key": Field("For a merge: the key of the fact that now carries the citation."),
        "note": Field("The reviewer's remark."),
    },
    "source_fact_counts": {
        "source_id": Field("The article whose citations are counted."),
        "fact_kind": Field("What kind of fact is counted.", FACT_KINDS),
        "fact_count": Field(
            "How many distinct facts of this kind and review state the source cites.",
            unit="facts",
        ),
        "quote_count": Field(
            "How many citations (quotes) of the source state those facts; one fact may be "
            "quoted more than once.",
            unit="citations",
        ),
    },
    "sectors": {
        "name": Field("Display name (Oil and gas)."),
        "parent_id": Field("The broader sector (energy for oil_gas); NULL at the top level."),
        "description": Field("What the sector covers."),
    },
    "sources": {
        "key": Field("Stable key, the file stem for seed articles."),
        "title": Field("Headline as the article gives it."),
        "author": Field("Author where the article states one."),
        "publisher": Field("Publisher, only where known; never guessed."),
        "url": Field("Where the article was published, if known."),
        "published_date": Field(
            "Publication date (first day of the month or year when less precise)."
        ),
        "published_date_precision": precision_of("published_date"),
        "language": Field(
            "ISO 639-1 language code of the text: front matter or --language, else detected "
            "(ru when at least 30% of its letters are Cyrillic, else en)."
        ),
        "body_text": Field("The full text as stored; citation spans are offsets into it."),
        "search_title": Field(
            "Russian sources: the title with every Russian word as its lemma (dictionary form), "
            "word for word, which the SQLite full-text index holds instead of the title; NULL "
            "for other languages. Filled by the loaders."
        ),
        "search_text": Field(
            "Russian sources: body_text with every Russian word as its lemma, word for word "
            "(the SQLite full-text index holds it, so «соглашение» finds «соглашений»); NULL "
            "for other languages. Filled by the loaders."
        ),
        "content_sha256": Field(
            "SHA-256 of body_text (UTF-8), hex; the same text is never stored twice."
        ),
        "file_name": Field("The file the article was loaded from."),
        "load_method": Field("How the text was read.", LOAD_METHODS),
        "loaded_at": Field("When the article was loaded."),
        "note": Field("Remarks: how the date was inferred, what the text contains."),
        "near_duplicate_of_source_id": Field(
            "The earlier article this one republishes with small edits (a near-duplicate); its "
            "facts are kept too, so both quotes stand side by side."
        ),
        "near_duplicate_similarity": Field(
            "How alike the two texts are, from 0 to 1 (1: the same words in the same order)."
        ),
    },
    "trade_flows": {
        "reporter_country_id": Field(
            "The country (or aggregate) whose trade it is; flow is from its side."
        ),
        "partner_country_id": Field("The trading partner."),
        "flow": Field(
            "Which way the goods go, from the reporter's side.", FLOWS, {"turnover": "both ways"}
        ),
        "measure": Field(
            "What the figure measures.",
            MEASURES,
            {
                "value": "money",
                "share": "percent of the reporter's total for that flow",
                "volume": "goods",
            },
        ),
        "unit": Field(
            "The unit of value: an ISO 4217 currency code (USD) or "
            f"{', '.join(NON_CURRENCY_UNITS)}."
        ),
    },
    "trade_flow_groups": {
        "reporter_country_id": Field("The reporter of the group's claims."),
        "partner_country_id": Field("The partner of the group's claims."),
        "period_start": Field("First day of the group's period; NULL for claims without one."),
        "period_end": Field("Last day of the group's period; NULL for claims without one."),
        "flow": Field("The flow of the group's claims (as trade_flows.flow)."),
        "measure": Field("The measure of the group's claims (as trade_flows.measure)."),
        "unit": Field("The unit of the group's values (as trade_flows.unit)."),
        "period_label": Field(
            "The lowest period_label of the group's curated and accepted claims (they share the period)."
        ),
        "claim_count": Field(
            "Number of the group's curated and accepted claims (trade_flows rows)."
        ),
        "source_count": Field(
            "Number of distinct sources citing the group's curated and accepted claims."
        ),
        "claim_source_count": Field(
            "Number of (claim, source) pairs among the group's curated and accepted claims: each "
            "claim once per distinct source citing it. Equal to source_count when no source "
            "states two of those claims."
        ),
        "lowest": Field("The lowest value among the group's curated and accepted claims, in unit."),
        "highest": Field(
            "The highest value among the group's curated and accepted claims, in unit."
        ),
        "qualifier_count": Field(
            "Number of distinct value_qualifier among the group's curated and accepted claims: above 1, they qualify it differently."
        ),
        "value_list": Field(
            "Every distinct value of the group's curated and accepted claims, ascending, joined by '; ' "
            "(30050000000; 43800000000); NULL when there is none."
        ),
        "all_period_label": Field(
            "The lowest period_label of the group's claims that are not rejected (extracted ones too) (they share the period)."
        ),
        "all_claim_count": Field(
            "Number of the group's claims that are not rejected (extracted ones too) (trade_flows rows)."
        ),
        "all_source_count": Field(
            "Number of distinct sources citing the group's claims that are not rejected (extracted ones too)."
        ),
        "all_claim_source_count": Field(
            "Number of (claim, source) pairs among the group's claims that are not rejected "
            "(extracted ones too): each claim once per distinct source citing it. Equal to "
            "all_source_count when no source states two of those claims."
        ),
        "all_lowest": Field(
            "The lowest value among the group's claims that are not rejected (extracted ones too), in unit."
        ),
        "all_highest": Field(
            "The highest value among the group's claims that are not rejected (extracted ones too), in unit."
        ),
        "all_qualifier_count": Field(
            "Number of distinct value_qualifier among the group's claims that are not rejected (extracted ones too): above 1, they qualify it differently."
        ),
        "all_value_list": Field(
            "Every distinct value of the group's claims that are not rejected (extracted ones too), ascending, joined by '; ' "
            "(30050000000; 43800000000); NULL when there is none."
        ),
    },
}


class UndescribedField(KeyError):
    """No description for a column: add it to FIELDS or TABLE_FIELDS."""


def field_for(column: str, table: str | None = None) -> Field:
    """The description of ``column``: the table's own when it has one, else the shared one."""
    found = TABLE_FIELDS.get(table or "", {}).get(column) or FIELDS.get(column)
    if found is None:
        where = f"{table}.{column}" if table else column
        raise UndescribedField(f"{where} is not in the field dictionary (models/fields.py)")
    return found


def describe(column: str, table: str | None = None) -> str:
    """The comment text of ``column`` (in ``table``); views use it for columns they pass on."""
    return field_for(column, table).comment


def apply_comments(metadata: MetaData) -> None:
    """Give every described column of ``metadata`` its comment from the dictionary. A column the
    dictionary lacks keeps whatever its model says (tests/test_fields.py fails until it is added)."""
    for table in metadata.tables.values():
        for column in table.columns:
            try:
                column.comment = describe(column.name, table.name)
            except UndescribedField:
                continue


def descriptions(metadata: MetaData | None = None) -> dict[str, dict]:
    """Per table, its description and its columns' (the shape of Datasette's metadata):
    ``{"trade_flows": {"description": ..., "columns": {"flow": ..., ...}}, ...}``. ``metadata``
    defaults to the schema's."""
    tables = (metadata or Base.metadata).tables
    return {
        name: {
            "description": table.comment or "",
            "columns": {column.name: column.comment or "" for column in table.columns},
        }
        for name, table in sorted(tables.items())
    }
