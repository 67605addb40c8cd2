"""Issue 18: every form of the issue's list, read by general rules. Each test writes its own
sentences (in several outlets' habits) and checks the fact's real values."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from silkledger.extract.dates import dateline

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = date(2025, 6, 18)
BN = Decimal(10) ** 9
MN = Decimal(10) ** 6


def read(extractor, text, published=PUBLISHED):
    return extractor.extract("Headline\n" + text, published)


def money(extractor, text, published=PUBLISHED):
    """The money facts: trade flows in a currency, deals and projects with a value."""
    found = []
    for fact in read(extractor, text, published):
        unit = fact.fields.get("currency") or fact.fields.get("unit") or ""
        if fact.kind in ("trade_flow", "agreement", "project") and len(unit) == 3:
            found.append(fact)
    return found


def trade(extractor, text, published=PUBLISHED):
    found = [f for f in read(extractor, text, published) if f.kind == "trade_flow"]
    return [
        (
            {f.fields["reporter"], f.fields["partner"]},
            f.fields["flow"],
            f.fields["value"],
            f.fields["period"]["label"],
        )
        for f in found
    ]


# ------------------------------------------------------------------------------ datelines


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("ASTANA, 12 June 2025 – Trade rose.", date(2025, 6, 12)),
        ("BISHKEK, Feb. 4 (24.kg) – Trade rose.", date(2025, 2, 4)),
        ("Tashkent, 19 May 2023. Trade rose.", date(2023, 5, 19)),
        ("TASHKENT, Uzbekistan, May 19 (Trend) – Trade rose.", date(2025, 5, 19)),
        ("BEIJING, June 30 (Xinhua) -- Trade rose.", date(2025, 6, 30)),
        ("By Aigerim Seitova | 14 March 2025\nTrade rose.", date(2025, 3, 14)),
        ("21:10 / 25.01.2025\nTrade rose.", date(2025, 1, 25)),
        ("Posted by the Desk\nFeb. 10 – Trade rose.", date(2025, 2, 10)),
        ("By A. Writer\nApril 14 (Bloomberg) -- Trade rose.", date(2025, 4, 14)),
        ("Updated 2025.06.20 18:42 GMT+8\nTrade rose.", date(2025, 6, 20)),
        (
            "A standfirst\nAnother line\nA. Writer\nPublished: 9:30pm, 18 Jun 2025\nTrade.",
            date(2025, 6, 18),
        ),
    ],
)
def test_the_dateline_is_the_publication_date(opening, expected):
    found = dateline(f"Headline\n{opening}\n", reference=date(2025, 7, 1))
    assert found is not None and found.day == expected


def test_a_sentence_with_a_date_is_no_dateline():
    assert (
        dateline("Headline\nThe deal was signed on 12 June 2024 in Astana by the two sides.\n")
        is None
    )
    assert dateline("Headline\nASTANA – Kazakhstan and China met.\n") is None
    assert dateline("Headline\nMay 2025 was a record month for trade.\n") is None


# ------------------------------------------------------------------------------ currencies and amounts


@pytest.mark.parametrize(
    ("stated", "value"),
    [
        ("27.3 billion US dollars", Decimal("27.3") * BN),
        ("2 billion U.S. dollars", 2 * BN),
        ("USD 6.1 billion", Decimal("6.1") * BN),
        ("US$ 2bn", 2 * BN),
        ("$45 mln", 45 * MN),
        ("30 billion dollars", 30 * BN),
        ("$3,9 billion", Decimal("3.9") * BN),
        ("$17,452 billion", Decimal("17.452") * BN),
    ],
)
def test_money_in_every_form_and_currency_words_are_no_country(extractor, stated, value):
    (found,) = trade(extractor, f"Trade between Kazakhstan and China reached {stated} in 2024.")
    assert found == ({"KAZ", "CHN"}, "turnover", value, "2024")


def test_each_figure_takes_the_period_nearest_to_it(extractor):
    assert trade(
        extractor,
        "Trade between Uzbekistan and China was $17.5bn in January–October and $21.3bn for the full year 2024.",
    ) == [
        ({"UZB", "CHN"}, "turnover", Decimal("17.5") * BN, "2024-01..2024-10"),
        ({"UZB", "CHN"}, "turnover", Decimal("21.3") * BN, "2024"),
    ]
    assert [
        f[2:]
        for f in trade(
            extractor,
            "Bilateral trade between Kazakhstan and China grew from USD 3.2 million in 1994 to USD 6.1 billion in 2019.",
        )
    ] == [(Decimal("3.2") * MN, "1994"), (Decimal("6.1") * BN, "2019")]


def test_parties_and_period_carry_from_an_earlier_sentence(extractor):
    found = trade(
        extractor,
        "Kazakhstan and China traded goods worth $43.8 billion in 2024, customs data show.\n"
        "Exports rose to $11.4 billion.\n"
        "Imports from the eastern neighbour stood at $32.4 billion.",
    )
    assert found == [
        ({"KAZ", "CHN"}, "turnover", Decimal("43.8") * BN, "2024"),
        ({"KAZ", "CHN"}, "exports", Decimal("11.4") * BN, "2024"),
        ({"KAZ", "CHN"}, "imports", Decimal("32.4") * BN, "2024"),
    ]


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        ("Kazakh exports to China reached $16.2 billion in 2024.", {"KAZ", "CHN"}),
        ("Sino-Uzbek trade reached $13.7 billion in 2024.", {"UZB", "CHN"}),
        ("Trade between Beijing and Bishkek hit $22.7 billion in 2024.", {"KGZ", "CHN"}),
        ("Beijing's trade with the wider region reached $94.8bn in 2024.", {"XCA", "CHN"}),
    ],
)
def test_partners_by_demonym_capital_or_region(extractor, sentence, pair):
    (found,) = trade(extractor, sentence)
    assert found[0] == pair


def test_figures_of_a_list_that_share_a_subject(extractor):
    found = trade(
        extractor,
        "In 2024, China's trade with the five Central Asian republics reached $94.8 billion. "
        "Uzbekistan took $12.1bn, Turkmenistan $9.4bn and Tajikistan $2.7bn.",
    )
    assert [(pair, value) for pair, _, value, _ in found[1:]] == [
        ({"UZB", "CHN"}, Decimal("12.1") * BN),
        ({"TKM", "CHN"}, Decimal("9.4") * BN),
        ({"TJK", "CHN"}, Decimal("2.7") * BN),
    ]
    assert {period for *_, period in found} == {"2024"}


def test_a_list_whose_currency_is_stated_once(extractor):
    found = trade(
        extractor,
        "China's trade with Central Asia reached 94.8 billion US dollars in 2024. Kazakhstan "
        "accounted for 43.8 billion, Kyrgyzstan followed with 22.7 billion and Tajikistan with "
        "3.8 billion US dollars.",
    )
    assert [value for _, _, value, _ in found] == [
        Decimal("94.8") * BN,
        Decimal("43.8") * BN,
        Decimal("22.7") * BN,
        Decimal("3.8") * BN,
    ]
    assert found[2][0] == {"KGZ", "CHN"}


# ------------------------------------------------------------------------------ deals and projects


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        (
            "The company will spend $75 mln on building a logistics park near Almaty.",
            "project",
            75 * MN,
        ),
        (
            "China Energy will build a plant costing $1.2bn in the Jizzakh region.",
            "project",
            Decimal("1.2") * BN,
        ),
        (
            "CITIC intends to invest $2.5 billion in a gas chemical complex in Mangystau.",
            "project",
            Decimal("2.5") * BN,
        ),
        ("The sides signed 28 agreements worth $2.9 billion.", "agreement", Decimal("2.9") * BN),
        (
            "Deals totalling $4.1bn were signed at the forum in Tashkent.",
            "agreement",
            Decimal("4.1") * BN,
        ),
        ("They signed a portfolio of 40 agreements worth $5bn in Astana.", "agreement", 5 * BN),
    ],
)
def test_deal_and_project_values_introduced_by_verbs(extractor, sentence, kind, value):
    kinds = {(f.kind, f.fields["value"]) for f in money(extractor, sentence)}
    assert (kind, value) in kinds


def test_a_converted_amount_is_one_fact_with_both_amounts(extractor):
    (loan,) = money(
        extractor,
        "China Exim Bank extended a loan of 15 billion yuan (about $2.1 billion) to Tajikistan.",
    )
    assert (loan.fields["value"], loan.fields["currency"]) == (15 * BN, "CNY")
    assert "2100000000 USD" in loan.note


# ------------------------------------------------------------------------------ precision traps


@pytest.mark.parametrize(
    "sentence",
    [
        "Kazakhstan and China aim to reach $40 billion in trade by 2030.",
        "Chinese investment in Kyrgyzstan has passed $25 billion.",
        "The average export price of Kazakh wheat to China was $255 per ton.",
        "Uzbekistan's deficit in trade with China widened to $11.7bn in 2024.",
        "Uzbekistan's foreign trade turnover amounted to $33.8 billion in January–May 2025.",
        "Trade between Kazakhstan and China grew 12 percent in 2024.",
        "Kazakhstan shipped 1.2 million tonnes of wheat to China over 300 km of new track.",
    ],
)
def test_targets_stocks_prices_balances_and_measures_are_no_money_facts(extractor, sentence):
    assert money(extractor, sentence) == []


# ------------------------------------------------------------------------------ events


def test_events_by_their_verbs_with_dates_from_the_publication(extractor):
    events = [
        f
        for f in read(
            extractor,
            "Mirziyoyev held talks with Li Qiang in Tashkent on Friday. On Tuesday, President "
            "Emomali Rahmon received a delegation of Chinese business executives in Dushanbe.",
            date(2025, 6, 14),
        )
        if f.kind == "event"
    ]
    assert [(e.fields["kind"], e.fields.get("start_date")) for e in events] == [
        ("bilateral_meeting", date(2025, 6, 13)),
        ("bilateral_meeting", date(2025, 6, 10)),
    ]


# ------------------------------------------------------------------ parties across sentences
# Round two of the general rules: each test below failed before its rule was written.


def test_a_list_naming_every_member_is_the_group(extractor):
    found = trade(
        extractor,
        "China's trade with Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan "
        "reached $57.8 billion in the first seven months of 2026, customs said.",
    )
    assert found == [({"XCA", "CHN"}, "turnover", Decimal("57.8") * BN, "2026-01..2026-07")]


def test_the_five_countries_is_the_region_and_the_dateline_city_is_no_party(extractor):
    found = trade(
        extractor,
        "ALMATY, June 17 (Kazinform) -- Trade between China and the five countries reached "
        "a record 94.8 billion US dollars in 2024.",
    )
    assert found == [({"XCA", "CHN"}, "turnover", Decimal("94.8") * BN, "2024")]


def test_respectively_gives_each_figure_its_country(extractor):
    found = trade(
        extractor,
        "Kazakhstan remained China's biggest trading partner in the region. Bilateral trade hit "
        "$24.1 billion in January-July 2026, while trade with Kyrgyzstan and Uzbekistan came "
        "to $13.2 billion and $8.6 billion respectively.",
    )
    assert found == [
        ({"KAZ", "CHN"}, "turnover", Decimal("24.1") * BN, "2026-01..2026-07"),
        ({"KGZ", "CHN"}, "turnover", Decimal("13.2") * BN, "2026-01..2026-07"),
        ({"UZB", "CHN"}, "turnover", Decimal("8.6") * BN, "2026-01..2026-07"),
    ]


def test_a_ranking_of_partners_keeps_the_reporter(extractor):
    found = trade(
        extractor,
        "Uzbekistan's trade with China amounted to $11.9 billion in January–September 2025.\n\n"
        "Russia came second with $9.2 billion, followed by Kazakhstan ($3.4 billion) and "
        "Türkiye ($2.1 billion).",
    )
    assert [pair for pair, *_ in found] == [
        {"UZB", "CHN"},
        {"UZB", "RUS"},
        {"UZB", "KAZ"},
        {"UZB", "TUR"},
    ]


def test_a_peer_named_alone_takes_the_reporters_place(extractor):
    found = trade(
        extractor,
        "Kazakhstan's trade with China reached $43.8 billion in 2024. Uzbekistan came next with "
        "$13.7 billion.",
    )
    assert [pair for pair, *_ in found] == [{"KAZ", "CHN"}, {"UZB", "CHN"}]


def test_the_region_after_one_of_its_members_is_the_region(extractor):
    found = trade(
        extractor,
        "Kazakhstan remained China's largest trading partner with $33.5 billion in trade in the "
        "first three quarters of 2026. Measured in yuan, trade with the region totaled 562.3 "
        "billion yuan over the period.",
    )
    assert [pair for pair, *_ in found] == [{"KAZ", "CHN"}, {"XCA", "CHN"}]


def test_a_partner_sentence_is_the_pair_whatever_else_it_names(extractor):
    found = trade(
        extractor,
        "After Kazakhstan, Uzbekistan is China's second-largest trading partner, with a volume "
        "of $13.7 billion in 2024.",
    )
    assert found == [({"UZB", "CHN"}, "turnover", Decimal("13.7") * BN, "2024")]


def test_a_figure_of_the_compared_period_does_not_carry_its_period(extractor):
    found = trade(
        extractor,
        "Bilateral trade between Kazakhstan and China climbed to $36.2bn in the first ten months "
        "of 2025. The total is 6.8% higher than in January-October 2024, when turnover stood at "
        "$33.9bn. Kazakh exports to China rose to $15.1bn over the period.",
        published=date(2025, 11, 20),
    )
    assert [label for *_, label in found] == [
        "2025-01..2025-10",
        "2024-01..2024-10",
        "2025-01..2025-10",
    ]


def test_a_demonym_right_before_the_flow_word_is_the_side_that_ships(extractor):
    found = [
        f
        for f in read(
            extractor,
            "China-Kazakhstan trade reached $38.7bn in January-October 2025, with Chinese "
            "shipments to its western neighbour accounting for $22.4bn of that.",
            date(2025, 11, 20),
        )
        if f.kind == "trade_flow" and f.fields["value"] == Decimal("22.4") * BN
    ]
    # China's shipments, read from its partner's side (the party other than China reports)
    assert [(f.fields["reporter"], f.fields["flow"]) for f in found] == [("KAZ", "imports")]


def test_a_month_of_this_year(extractor):
    found = trade(
        extractor,
        "In January of this year, Uzbekistan's turnover with China amounted to $1.02 billion.",
        published=date(2026, 3, 2),
    )
    assert found == [({"UZB", "CHN"}, "turnover", Decimal("1.02") * BN, "2026-01")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Freight rates for a 40-foot container from Kashgar to Bishkek slipped to about $2,900.",
        "Shipping a tonne of grain from Kostanay to Alashankou now costs around 22 thousand tenge.",
        "The ministry expects agri-food sales to China to exceed $1.6 billion by year-end.",
        "He expected to sign supply contracts of about $2 million during the expo.",
        "Beijing is willing to work with the region to achieve trade of $100 billion.",
    ],
)
def test_prices_freight_and_expectations_are_not_money_facts(extractor, sentence):
    assert money(extractor, "Kazakhstan and China. " + sentence) == []


def test_the_kyrgyz_som_and_the_uzbek_sum(extractor):
    found = money(
        extractor,
        "Kyrgyz firms agreed a clinker plant in the Chui region costing 9.6 billion som (about "
        "$110 million). In Jizzakh, a tile plant will cost 1.2 trillion soums.",
    )
    assert [(f.fields["value"], f.fields["currency"]) for f in found] == [
        (Decimal("9.6") * BN, "KGS"),
        (1200 * BN, "UZS"),
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The construction of Dushanbe-2, valued at US$349 million, is under way.", 349 * MN),
        (
            "A new gas pipeline to Xinjiang is planned. Its construction is estimated at $6.7 billion.",
            Decimal("6.7") * BN,
        ),
        (
            "A copper wire rod plant opened in Almalyk, built by Jiangxi Copper with investments "
            "of $215 million.",
            215 * MN,
        ),
        (
            "The solar plant required an investment of 1.45 billion somoni (about $136 million).",
            Decimal("1.45") * BN,
        ),
        (
            "They opened a ceramic tile plant in the Jizzakh region, where Shandong Heda Group "
            "will invest $98 million.",
            98 * MN,
        ),
    ],
)
def test_project_values_named_by_cost_and_investment_phrases(extractor, sentence, value):
    found = money(extractor, "Uzbekistan, Tajikistan and China. " + sentence)
    assert [(f.kind, f.fields["value"]) for f in found] == [("project", value)]


def test_trade_valued_at_stays_trade(extractor):
    found = trade(extractor, "Trade between Tajikistan and China, valued at $3.9 billion in 2024.")
    assert found == [({"TJK", "CHN"}, "turnover", Decimal("3.9") * BN, "2024")]
