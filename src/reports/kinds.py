"""The kinds of report, registered once: the command line makes one `silkledger report KIND`
command per entry, the jobs file accepts these names, and ``write_report`` loads the entry's
``Report`` class (imported only then: the command line starts without pandas)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base import Report


@dataclass(frozen=True)
class ReportKind:
    name: str
    help: str  # the command's help: what the workbook holds, ending with an example
    module: str  # the module of silkledger.reports that defines the Report class
    class_name: str

    def load(self) -> type[Report]:
        return getattr(importlib.import_module(f".{self.module}", __package__), self.class_name)


REPORTS = {
    kind.name: kind
    for kind in (
        ReportKind(
            "deals",
            "Write the deals workbook: Summary (by country, sector, year, kind, with charts), "
            "Agreements, Projects, Sources and About.\n\n"
            "Example: silkledger report deals --out reports/deals.xlsx",
            "deals",
            "DealsReport",
        ),
        ReportKind(
            "trade",
            "Write the trade workbook: Summary (latest annual turnover with China, chart), Trade "
            "flows, Disagreements, Shares and volumes, Sources and About.\n\n"
            "Example: silkledger report trade --out reports/trade.xlsx --country KAZ --from 2024",
            "trade",
            "TradeReport",
        ),
    )
}
REPORT_KINDS = tuple(REPORTS)
