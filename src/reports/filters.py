"""What a report selects: the filters every workbook takes, from the CLI and from the jobs file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ..models.base import COUNTING_REVIEW_STATUSES, REVIEW_STATUSES


@dataclass(frozen=True)
class ReportFilters:
    countries: tuple[str, ...] = ()  # ISO alpha-3 codes; empty = all
    date_from: date | None = None  # facts dated on or after this day
    date_to: date | None = None  # facts dated on or before this day
    include_unreviewed: bool = False  # count extracted (unreviewed) facts too
    as_of: datetime | None = None  # the time stamped into the workbook; fixed -> same cells
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def review_statuses(self) -> tuple[str, ...]:
        if self.include_unreviewed:
            return tuple(status for status in REVIEW_STATUSES if status != "rejected")
        return COUNTING_REVIEW_STATUSES
