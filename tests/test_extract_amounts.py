"""Every form of amount issue 11 lists, read by silkledger.extract.amounts."""

from decimal import Decimal

import pytest
from silkledger.extract.amounts import find_amounts, parse_number
from silkledger.extract.lexicon import inverted, load
from silkledger.models.base import VALUE_QUALIFIERS


def only(text: str):
    found = find_amounts(text)
    assert len(found) == 1, found
    return found[0]


def stated(text: str) -> tuple[Decimal, str]:
    amount = only(text)
    return amount.value, amount.unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("reached $30.05 billion", Decimal("30.05e9"), "USD"),
        ("reached US$ 350 million", Decimal("350e6"), "USD"),
        ("reached US$1.2bn", Decimal("1.2e9"), "USD"),
        ("reached USD 94.8 billion", Decimal("94.8e9"), "USD"),
        ("reached 41 billion US dollars", Decimal("41e9"), "USD"),
        ("reached 15.8 billion dollars", Decimal("15.8e9"), "USD"),
        ("reached $5m", Decimal("5e6"), "USD"),
        ("reached 320 mln dollars", Decimal("320e6"), "USD"),
        ("reached USD 2.4 bn", Decimal("2.4e9"), "USD"),
        ("reached $1.2 trillion", Decimal("1.2e12"), "USD"),
        ("reached 500 thousand dollars", Decimal("500e3"), "USD"),
    ],
)
def test_dollars_and_scales(text, value, unit):
    assert stated(text) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("lent 5 billion yuan", Decimal("5e9"), "CNY"),
        ("lent RMB 3 billion", Decimal("3e9"), "CNY"),
        ("lent CNY 1.5 billion", Decimal("1.5e9"), "CNY"),
        ("worth 480 billion tenge", Decimal("480e9"), "KZT"),
        ("worth KZT 5 bn", Decimal("5e9"), "KZT"),
        ("worth €300 million", Decimal("300e6"), "EUR"),
        ("worth 2 mln euros", Decimal("2e6"), "EUR"),
        ("worth EUR 40 million", Decimal("40e6"), "EUR"),
        ("worth 1.9 trillion rubles", Decimal("1.9e12"), "RUB"),
        ("worth RUB 700 million", Decimal("700e6"), "RUB"),
        ("worth 12 billion soms", Decimal("12e9"), "KGS"),
        ("worth 2.1 trillion sums", Decimal("2.1e12"), "UZS"),
    ],
)
def test_other_currencies_keep_their_code(text, value, unit):
    assert stated(text) == (value, unit)


def test_an_amount_with_its_dollar_equivalent_is_one_amount():
    text = "the bank lent 20 billion yuan (about $2.8 billion) for the line"
    amount = only(text)
    assert (amount.value, amount.unit) == (Decimal("20e9"), "CNY")
    assert (amount.equivalent.value, amount.equivalent.unit) == (Decimal("2.8e9"), "USD")
    assert amount.equivalent.qualifier == "about"
    assert text[amount.start : amount.end] == "20 billion yuan (about $2.8 billion)"


def test_a_conversion_after_a_comma_is_the_equivalent_too():
    amount = only("trade totalled 1.9 trillion rubles last year, about $21 billion at the rate")
    assert amount.unit == "RUB" and amount.equivalent.value == Decimal("21e9")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("estimated at $3–4 billion", Decimal("3e9"), Decimal("4e9")),
        ("estimated at between 3 and 4 billion dollars", Decimal("3e9"), Decimal("4e9")),
        ("invest $300-400 million", Decimal("300e6"), Decimal("400e6")),
    ],
)
def test_ranges_keep_both_ends(text, low, high):
    amount = only(text)
    assert (amount.value, amount.high, amount.unit) == (low, high, "USD")


def test_and_between_two_amounts_is_not_a_range():
    first, second = find_amounts("15.5% of exports and 27.4% of imports")
    assert (first.value, second.value) == (Decimal("15.5"), Decimal("27.4"))
    assert first.high is None


ISSUE_QUALIFIERS = {
    "over": "over",
    "more than": "over",
    "exceeded": "over",
    "surpassed": "over",
    "nearly": "nearly",
    "almost": "nearly",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "up to": "up_to",
    "at least": "at_least",
    "under": "under",
    "less than": "under",
}


@pytest.mark.parametrize(("word", "qualifier"), sorted(ISSUE_QUALIFIERS.items()))
def test_every_qualifier_word_of_the_issue(word, qualifier):
    amount = only(f"trade {word} $44 billion")
    assert amount.qualifier == qualifier
    assert amount.value == Decimal("44e9")


def test_every_qualifier_in_the_data_file_is_a_schema_value():
    assert set(inverted(load("qualifiers")).values()) <= set(VALUE_QUALIFIERS)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("lenders offered two billion dollars", Decimal("2e9"), "USD"),
        ("the route in just eight days", Decimal(8), "days"),
        ("twenty-five ICT centres", Decimal(25), "count"),
        ("signed a dozen agreements", Decimal(12), "count"),
    ],
)
def test_numbers_in_words(text, value, unit):
    assert stated(text) == (value, unit)


def test_vague_quantities_carry_their_qualifier():
    amount = only("organized hundreds of experts")
    assert (amount.value, amount.qualifier) == (Decimal(100), "at_least")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("exceeded 211,000 containers", Decimal(211000), "containers"),
        ("some 9,400 container trains", Decimal(9400), "count"),
        ("reaching 29.3 million tons", Decimal("29.3e6"), "tonnes"),
        ("the 4,500-kilometer route", Decimal(4500), "km"),
        ("a 1,200-megawatt station", Decimal(1200), "MW"),
        ("creating approximately 50,000 jobs", Decimal(50000), "count"),
    ],
)
def test_thousands_separators_and_units(text, value, unit):
    assert stated(text) == (value, unit)


def test_parse_number_reads_separators_and_decimal_commas():
    assert parse_number("211,000") == Decimal(211000)
    assert parse_number("4.7") == Decimal("4.7")
    assert parse_number("6,1") == Decimal("6.1")
    assert parse_number("twenty-five") == Decimal(25)


def test_a_decimal_comma_in_an_implausible_amount_is_resolved_and_flagged():
    amount = only("Chinese companies invested $4,700 billion in the economy")
    assert amount.value == Decimal("4.7e9")
    assert amount.suspect and "decimal comma" in amount.note


def test_the_decimal_comma_is_certain_when_the_text_uses_one_elsewhere():
    text = "Turnover grew by 3,6% and investment reached $19,863 billion."
    amount = find_amounts(text)[-1]
    assert amount.value == Decimal("19.863e9")
    assert not amount.suspect


def test_a_large_sum_in_a_weak_currency_is_plausible_and_kept():
    assert stated("a budget of 19,863 billion tenge") == (Decimal("19863e9"), "KZT")


def test_days_and_years_are_not_amounts():
    assert find_amounts("on June 17, on 18-19 May, 2023 and in 2024") == []


def test_percentages():
    assert stated("rose by 13% in 2024") == (Decimal(13), "percent")
    assert stated("up 4.5 percent year on year") == (Decimal("4.5"), "percent")
    assert stated("by 3,6%") == (Decimal("3.6"), "percent")


def test_multipliers():
    assert stated("a 100-fold increase") == (Decimal(100), "times")
    assert stated("a goal of doubling trade") == (Decimal(2), "times")
