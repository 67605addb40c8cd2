"""What every kind of workbook is: the ``Report`` base that the deals and trade reports follow.

A report selects its facts when it is made (from a connection and the filters), and then writes
the same frame every time: its Summary, its detail sheets (one Excel table each), the Sources
sheet and the About sheet. A selection that matches nothing is still a report: its Summary says
plainly that nothing matched, and ``warnings`` says so to whoever asked for it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import datetime
from typing import ClassVar

from sqlalchemy import Connection

from .filters import ReportFilters
from .indicators import DATES_RULE as INDICATOR_DATES_RULE
from .indicators import IndicatorSelection
from .selection import (
    MAX_SOURCE_COLUMNS,
    DetailSheet,
    SourceIndex,
    describe_selection,
    filter_description,
    resolve_countries,
    write_sources_sheet,
)
from .workbook import AboutInfo, WorkbookBuilder, datetime_cell_value

NOTHING_MATCHED = "Nothing matched the selection"
# How to read any workbook, after each report's own notes.
COMMON_NOTES = [
    "Facts count when their review status is one of those listed above "
    "(by default curated and accepted).",
    f"A fact cited by more than {MAX_SOURCE_COLUMNS} sources links the first "
    f"{MAX_SOURCE_COLUMNS} in Sources order.",
]


class Report(ABC):
    """One kind of workbook for one selection of facts."""

    title: ClassVar[str]  # the workbook file's title
    summary_title: ClassVar[str]  # the Summary sheet's heading
    about_title: ClassVar[str]
    purpose: ClassVar[list[str]]  # what the workbook holds, sheet by sheet (About)
    dates_rule: ClassVar[str]  # how facts' dates meet the From/To bounds (About)
    notes: ClassVar[list[str]]  # how to read the figures (About)
    facts: ClassVar[str]  # what the report lists, in words: "agreements or projects"

    index: SourceIndex

    def __init__(self, connection: Connection, filters: ReportFilters):
        self.connection = connection
        self.filters = filters
        self.country_ids = resolve_countries(connection, filters.countries)
        self.indicators = IndicatorSelection(connection, filters, self.country_ids)

    @property
    @abstractmethod
    def is_empty(self) -> bool:
        """True when the selection matches no fact."""

    @abstractmethod
    def fact_sheets(self) -> list[DetailSheet]:
        """The report's own data sheets (Agreements ...), rows as fresh iterators."""

    def detail_sheets(self) -> list[DetailSheet]:
        """Every data sheet before Sources, rows as fresh iterators (the benchmark writes them
        again): the report's own, then Indicators."""
        return [*self.fact_sheets(), self.indicators.sheet(self.index)]

    @abstractmethod
    def write_summary(self, builder: WorkbookBuilder, as_of: datetime) -> None:
        """The Summary sheet of a selection that matches something."""

    @property
    def warnings(self) -> list[str]:
        """What the person who asked for the workbook should know: an empty selection."""
        if not self.is_empty:
            return []
        return [f"nothing to report: no {self.facts} match the selection ({self.selection})"]

    @property
    def selection(self) -> str:
        return describe_selection(self.filters)

    def write(self, builder: WorkbookBuilder, as_of: datetime, database_label: str) -> None:
        if self.is_empty:
            self.write_nothing_matched(builder, as_of)
        else:
            self.write_summary(builder, as_of)
        for sheet in self.detail_sheets():
            builder.data_sheet(
                sheet.title, sheet.table_name, sheet.columns, sheet.rows, sources=self.index.links
            )
        write_sources_sheet(builder, self.index)
        builder.about_sheet(
            AboutInfo(
                title=self.about_title,
                purpose=self.purpose,
                database_label=database_label,
                as_of=as_of,
                filters=filter_description(
                    self.filters, f"{self.dates_rule}. {INDICATOR_DATES_RULE}"
                ),
                notes=[*self.notes, *COMMON_NOTES],
            )
        )

    def write_nothing_matched(self, builder: WorkbookBuilder, as_of: datetime) -> None:
        """A Summary that says, first thing, that the selection matched nothing."""
        sheet = builder.sheet("Summary", [30, 90])
        sheet.print_landscape_fit_width()
        sheet.heading(self.summary_title, big=True)
        moment, moment_format = datetime_cell_value(as_of)
        sheet.field("As of", moment, moment_format, span_to=2)
        sheet.field("Selection", self.selection, span_to=2)
        sheet.blank()
        sheet.heading(f"{NOTHING_MATCHED}: no {self.facts} match it.")
        sheet.note(
            "Widen the selection (other countries, a longer period, or --include-unreviewed), "
            "or wait until facts for it are loaded.",
            2,
        )
