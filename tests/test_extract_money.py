"""Money facts: the general forms that made false trade flows, deals and projects (or missed
them). Each test writes its own sentences and checks the fact's kind and real values."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from silkledger.extract.amounts import find_amounts

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = date(2025, 6, 18)
BN = Decimal(10) ** 9
MN = Decimal(10) ** 6


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


# ------------------------------------------------------------------ 2. indicators, not trade


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        (
            "Trade with China grew. The negative balance in trade with China exceeded $2.4 billion.",
            "trade_balance",
        ),
        ("Trade with China grew. The deficit widened to $3.81 billion.", "trade_balance"),
        ("Kyrgyzstan posted a positive balance of $410 mln in trade with China.", "trade_balance"),
        (
            "Of Kyrgyzstan's $4.6 billion in external public debt, about $1.7 billion was owed to "
            "the Export-Import Bank of China.",
            "debt_value",
        ),
        (
            "Trade with Russia was $2.9 billion, and remittances from Kyrgyz migrants reached "
            "$2.7 billion in 2024.",
            "remittances_value",
        ),
        ("Chinese companies paid 3.2 billion soms in taxes in 2024.", "fiscal_value"),
        (
            "Customs payments on goods imported from China reached 7.1 trillion soums.",
            "fiscal_value",
        ),
        (
            "Tajikistan, with an economy of barely $12 billion, trades heavily with China.",
            "economy_value",
        ),
    ],
)
def test_balances_debts_remittances_taxes_and_gdp_are_indicators(extractor, text, metric):
    facts = [f for f in read(extractor, text) if len(str(f.fields.get("unit"))) == 3]
    last = facts[-1]
    assert last.kind == "indicator" and last.fields["metric"] == metric


def test_a_sum_of_a_relative_clause_on_a_world_total_is_that_total(extractor):
    text = (
        "China kept first place among Tajikistan's partners, with a share of 31.2% of the "
        "country's total foreign trade turnover, which stood at 6.9 billion US dollars over "
        "the period."
    )
    (total,) = [f for f in read(extractor, text) if f.fields.get("unit") == "USD"]
    assert total.kind == "indicator" and total.fields["value"] == Decimal("6.9") * BN


def test_figures_after_a_world_total_that_name_no_partner_belong_to_it(extractor):
    text = (
        "Kyrgyzstan's foreign trade turnover amounted to $9.1 billion in January-June 2025.\n\n"
        "Photo: the agency\n\n"
        "Exports totaled $1.9 billion, while imports reached $7.2 billion.\n\n"
        "Trade with China rose to $4.4 billion."
    )
    facts = [f for f in read(extractor, text) if f.fields.get("unit") == "USD"]
    assert [f.kind for f in facts] == ["indicator"] * 3 + ["trade_flow"]


# ------------------------------------------------------------------ 7. ranked partners


def test_ranked_partners_with_a_sum_are_trade_flows(extractor):
    text = (
        "Tajikistan's foreign trade turnover reached $7.2 billion in 2024. Russia ranked "
        "second among the main partners with US$1.9 billion (26.4%), followed by Kazakhstan "
        "with US$1.1 billion and Uzbekistan with US$0.6 billion."
    )
    flows = of_kind(extractor, text, "trade_flow")
    assert [f.fields["value"] for f in flows] == [
        Decimal("1.9") * BN,
        Decimal("1.1") * BN,
        Decimal("0.6") * BN,
    ]


def test_a_ranking_after_deals_is_of_deals(extractor):
    text = "Kazakh firms signed deals worth $4 billion, followed by Uzbek firms with $2 billion."
    assert {k for k, _, _ in kinds(extractor, text)} == {"agreement"}


def test_list_lines_after_a_line_on_trade_partners_are_trade_flows(extractor):
    text = (
        "Kazakhstan's foreign trade turnover reached $61.2 billion in January-June 2025.\n\n"
        "The largest volumes of trade were recorded with the following countries:\n"
        "China — $9.4 billion (15.9%);\n"
        "Russia — $8.1 billion (13.2%);\n"
        "Italy — $5.3 billion (8.6%)."
    )
    flows = of_kind(extractor, text, "trade_flow")
    assert [f.fields["value"] for f in flows] == [
        Decimal("9.4") * BN,
        Decimal("8.1") * BN,
        Decimal("5.3") * BN,
    ]


def test_list_lines_without_a_trade_line_before_are_not_trade(extractor):
    text = "Investors by country:\nChina — $9.4 billion;\nRussia — $8.1 billion."
    assert not of_kind(extractor, text, "trade_flow")


# ------------------------------------------------------------------ 3. names and grants


def test_a_flow_word_inside_an_institutions_name_is_no_trade_cue(extractor):
    text = (
        "The Ministry of Industry and Trade and the Chinese embassy signed an exchange of notes "
        "on a grant of 80 million yuan for new schools."
    )
    assert kinds(extractor, text) == [("agreement", 80 * MN, "CNY")]


def test_a_grant_of_a_sum_is_a_deal(extractor):
    text = "China will provide Tajikistan with a grant of 120 million yuan for clinics."
    assert kinds(extractor, text) == [("agreement", 120 * MN, "CNY")]


def test_aid_announced_in_grants_is_an_indicator(extractor):
    text = "Xi announced 2 billion yuan in grants for development projects in the region."
    assert [k for k, _, _ in kinds(extractor, text)] == ["indicator"]


# ------------------------------------------------------------------ 4. values are money


def test_energy_households_and_floor_space_are_no_project_value(extractor):
    text = (
        "The $640 million solar plant will generate 1.2 billion kWh a year, enough for "
        "some 400,000 households, and its halls cover 2 million square metres."
    )
    found = kinds(extractor, text)
    assert [k for k in found if k[0] == "project"] == [("project", 640 * MN, "USD")]
    units = {u for _, _, u in found}
    assert {"kWh", "square_metres"} <= units


def test_a_scaled_count_of_a_noun_takes_no_currency_from_the_list(extractor):
    text = "The $2 billion complex will serve 1.5 million residents of the region."
    assert [k for k in kinds(extractor, text) if k[2] == "USD"] == [("project", 2 * BN, "USD")]


def test_with_a_total_investment_of_the_project_is_its_value(extractor):
    text = (
        "With a total investment of about 640 million U.S. dollars, the project will add "
        "500 MW of capacity."
    )
    (project,) = of_kind(extractor, text, "project")
    assert project.fields["value"] == 640 * MN and project.fields["currency"] == "USD"


# ------------------------------------------------------------------ 5. bracketed equivalents


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        (
            "Ashgabat signed a contract worth $2.1 billion (7.35 billion manat at the official "
            "exchange rate) with CNPC.",
            Decimal("2.1") * BN,
            "USD",
        ),
        (
            "Bishkek signed a contract worth 9 billion soms (about $103 million) with CRBC.",
            9 * BN,
            "KGS",
        ),
    ],
)
def test_a_bracketed_equivalent_is_one_amount_whichever_comes_first(extractor, text, value, unit):
    assert kinds(extractor, text) == [("agreement", value, unit)]


def test_a_bracket_with_other_words_is_not_an_equivalent():
    found = [a for a in find_amounts("$2 billion (and 7 billion manat for roads)") if a.is_money]
    assert len(found) == 2 and found[0].equivalent is None


# ------------------------------------------------------------------ 6. head nouns further on


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Among the plans is a $640mn copper wire rod plant in Almalyk.", "project"),
        (
            "Tokyo unveiled a ¥500 billion Central Asia investment package at the summit.",
            "agreement",
        ),
        (
            "The firm plans to set up a leather-processing complex in the Yangiyul district "
            "worth $85mn.",
            "project",
        ),
        (
            "Samarkand officials agreed on projects worth $640mn with Chinese companies.",
            "agreement",
        ),
    ],
)
def test_the_head_noun_may_stand_a_few_words_after_the_amount(extractor, text, kind):
    assert [k for k, _, u in kinds(extractor, text) if len(str(u)) == 3] == [kind]


def test_projects_that_are_agreed_later_are_no_deal(extractor):
    text = "The projects agreed on Monday will add some $640mn to the region's output."
    assert [k for k, _, _ in kinds(extractor, text)] == ["indicator"]


def test_a_russian_preposition_ends_the_run_before_a_head_noun(extractor):
    text = (
        "Банк получил кредитную линию на 1,5 миллиарда долларов США для строительства "
        "газоперерабатывающего завода."
    )
    assert "agreement" in [k for k, _, _ in kinds(extractor, text)]


# ------------------------------------------------------------------ round six, on e, f, g, h


def test_a_restated_sum_is_no_new_fact(extractor):
    found = kinds(
        extractor,
        "China Exim Bank will lend Kyrgyzstan $2.3 billion for the railway. The loan is "
        "equivalent to about 16.2 billion yuan.",
    )
    assert [(k, u) for k, _, u in found] == [("agreement", "USD")]


def test_the_total_a_sentence_breaks_down_is_not_stated_again(extractor):
    flows = of_kind(
        extractor,
        "China's trade with Central Asia reached $94.8 billion in 2024. Of the $94.8 billion "
        "total, Chinese exports accounted for $63.9 billion.",
        "trade_flow",
    )
    assert [f.fields["value"] for f in flows] == [Decimal("94.8") * BN, Decimal("63.9") * BN]


def test_a_ranking_of_investment_sources_is_no_trade(extractor):
    found = kinds(
        extractor,
        "Foreign direct investment into Kazakhstan reached $9.4 billion in January-June 2025. "
        "The Netherlands remained the largest source, followed by the United States with $2.1 "
        "billion.",
    )
    assert all(kind != "trade_flow" for kind, _, _ in found)


def test_a_sum_compared_with_against_is_of_the_same_kind(extractor):
    found = kinds(
        extractor,
        "Uzbekistan's trade deficit with China widened to $3.57 billion in January-April 2025, "
        "against $3.02 billion a year earlier.",
    )
    assert [kind for kind, _, _ in found] == ["indicator", "indicator"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Economists expect Uzbek-Chinese trade to pass $16 billion this year.",
        "The officials discussed a roadmap for reaching $40 billion in bilateral trade.",
        "The government has set aside $170 million for servicing Chinese loans this year.",
    ],
)
def test_expectations_targets_and_debt_service_are_indicators(extractor, sentence):
    assert [kind for kind, _, _ in kinds(extractor, sentence)] == ["indicator"]


def test_a_sum_told_in_billions_and_millions_is_one_amount():
    text = "trade amounted to 1 billion 563.4 million US dollars in 2023"
    (amount,) = [a for a in find_amounts(text) if a.is_money]
    assert (amount.value, amount.unit) == (Decimal("1563.4") * MN, "USD")


def test_the_silk_road_is_no_project(extractor):
    found = kinds(
        extractor,
        "Trade with the region rose from 312 billion yuan in 2013, when Xi announced the Silk "
        "Road Economic Belt, to 674 billion yuan in 2024.",
    )
    assert all(kind != "project" for kind, _, _ in found)


def test_a_fund_is_financing_not_a_project(extractor):
    found = kinds(
        extractor,
        "Russia capitalised the Russian-Kyrgyz Development Fund with $500 million in soft "
        "financing.",
    )
    assert all(kind != "project" for kind, _, _ in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "The company will build an energy storage station in Almaty region at an estimated "
        "cost of 4.3 billion yuan.",
        "The partners agreed to set up a joint venture for vaccines in Tashkent region worth "
        "95 million US dollars.",
    ],
)
def test_stations_and_joint_ventures_are_projects(extractor, sentence):
    assert "project" in [kind for kind, _, _ in kinds(extractor, sentence)]


def test_projects_worth_a_sum_that_were_signed_are_a_deal(extractor):
    found = kinds(
        extractor,
        "A total of 86 cooperation projects worth 49.5 billion yuan (about $6.9 billion) were "
        "signed at the conference.",
    )
    assert ("agreement", Decimal("49.5") * BN, "CNY") in found
