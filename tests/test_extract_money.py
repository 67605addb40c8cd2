"""Money facts: the general forms that made false trade flows, deals and projects (or missed
them). Each test writes its own sentences and checks the fact's kind and real values."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from silkledger.extract import Extractor
from silkledger.extract.amounts import find_amounts
from silkledger.loaders.evaluation import reference_gazetteer

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = date(2025, 6, 18)
BN = Decimal(10) ** 9
MN = Decimal(10) ** 6


@pytest.fixture(scope="module")
def extractor():
    return Extractor(reference_gazetteer(ROOT / "seed"))


def read(extractor, text, published=PUBLISHED):
    return extractor.extract("Headline\n" + text, published)


def kinds(extractor, text, published=PUBLISHED):
    """(kind, value, unit) of every figure read, indicators included."""
    found = []
    for fact in read(extractor, text, published):
        if fact.kind == "event":
            continue
        unit = fact.fields.get("currency") or fact.fields.get("unit")
        found.append((fact.kind, fact.fields.get("value"), unit))
    return found


def of_kind(extractor, text, kind, published=PUBLISHED):
    return [f for f in read(extractor, text, published) if f.kind == kind]


# ------------------------------------------------------------------ 1. a year is no low end


@pytest.mark.parametrize(
    "text",
    [
        "Exports grew from 41.2 billion tenge in 2019 to 97.8 billion tenge in 2023.",
        "Imports climbed 6.1% in the first half of 2024 to 52.3 billion yuan.",
        "Trade has risen since 2017 to 12.4 billion dollars.",
        "Turnover fell in March 2022 to $3.5 billion.",
    ],
)
def test_a_year_is_never_the_low_end_of_a_range(text):
    money = [a for a in find_amounts(text) if a.is_money]
    assert money and all(a.high is None for a in money)
    assert all(a.value > 10**8 for a in money)


def test_each_end_of_from_to_keeps_its_own_year(extractor):
    text = (
        "Trade between Kyrgyzstan and China expanded from 41.2 billion yuan in 2016 "
        "to 97.8 billion yuan in 2023."
    )
    flows = of_kind(extractor, text, "trade_flow")
    assert [(f.fields["value"], f.fields["period"]["label"]) for f in flows] == [
        (Decimal("41.2") * BN, "2016"),
        (Decimal("97.8") * BN, "2023"),
    ]


def test_a_range_of_sums_is_still_a_range():
    (amount,) = [a for a in find_amounts("between $3 and $4 billion") if a.is_money]
    assert amount.value == 3 * BN and amount.high == 4 * BN
