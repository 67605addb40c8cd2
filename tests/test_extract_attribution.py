"""Trade-figure attribution: the countries and the period of each figure, read by general
rules (extractor.py's docstring, Fields). Every sentence here is written for the test."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = date(2025, 11, 20)
BN = Decimal(10) ** 9
MN = Decimal(10) ** 6


def flows(extractor, text, published=PUBLISHED):
    """(reporter, partner, flow, value, period label) of every trade flow in money."""
    found = extractor.extract("Headline\n" + text, published)
    return [
        (
            f.fields["reporter"],
            f.fields["partner"],
            f.fields["flow"],
            f.fields["value"],
            f.fields["period"]["label"],
        )
        for f in found
        if f.kind == "trade_flow" and f.fields["measure"] == "value"
    ]


def periods(extractor, text, published=PUBLISHED):
    return [label for *_, label in flows(extractor, text, published)]


# ------------------------------------------------------------------------------ periods


def test_a_part_stated_alone_dates_its_own_figure_only(extractor):
    text = (
        "Trade between Tajikistan and China came to $2.2 billion in January-August 2025. "
        "In August alone, the turnover was $310 million.\n\n"
        "Tajikistan's exports to China were $150 million."
    )
    assert periods(extractor, text) == ["2025-01..2025-08", "2025-08", "2025-01..2025-08"]


def test_the_third_quarter_and_the_second_half(extractor):
    text = "Kyrgyzstan's trade with China reached $1.9 billion in the third quarter of 2025."
    assert periods(extractor, text) == ["2025-07..2025-09"]
    text = "Trade between Kazakhstan and China hit $16 billion in the second half of 2024."
    assert periods(extractor, text) == ["2024-07..2024-12"]


def test_the_same_period_of_last_year_shifts_the_period_in_play(extractor):
    text = (
        "Uzbekistan's trade with China reached $9.9 billion in January-August 2025, "
        "compared to the same period of last year ($8.2 billion)."
    )
    assert periods(extractor, text) == ["2025-01..2025-08", "2024-01..2024-08"]


def test_the_same_months_after_a_year_earlier_are_those_of_the_year_before(extractor):
    text = (
        "Kazakhstan's trade with China rose to $30.1bn in January-October 2025. "
        "That is 8% more than a year earlier, when it was $27.9bn over the same ten months. "
        "Exports reached $13.3bn."
    )
    assert periods(extractor, text) == ["2025-01..2025-10", "2024-01..2024-10", "2025-01..2025-10"]


def test_a_sum_after_from_is_the_one_compared_with(extractor):
    text = (
        "Kazakhstan's trade with China reached $30bn in January-October 2025. "
        "Wheat sales to China fell to $210 million, from $340 million in January-October 2024."
    )
    assert periods(extractor, text) == ["2025-01..2025-10", "2025-01..2025-10", "2024-01..2024-10"]


def test_a_sum_after_after_is_the_one_compared_with(extractor):
    text = (
        "Kyrgyzstan's trade with China reached $6.1bn in January-September 2025. "
        "In the third quarter alone, turnover was $2.2bn, after $2bn in April-June.\n\n"
        "Russia came second with $2.4bn."
    )
    found = periods(extractor, text)
    assert found == ["2025-01..2025-09", "2025-07..2025-09", "2025-04..2025-06", "2025-01..2025-09"]


def test_the_same_period_takes_the_period_of_the_last_figure(extractor):
    text = (
        "Kazakhstan's trade with China came to $8.8 billion in January-March 2025. "
        "Grain shipments were small. Oil prices fell. "
        "Chinese customs put Kazakhstan-China trade at $9.9 billion for the same period."
    )
    assert periods(extractor, text) == ["2025-01..2025-03", "2025-01..2025-03"]


def test_a_date_in_a_sentence_without_figures_or_trade_is_not_a_period(extractor):
    text = (
        "Turkmenistan's trade with China reached $10.1 billion in 2025. "
        "Officials hailed the result at a forum held in Ashgabat in May 2025. "
        "Turkmen exports to China were $8.9 billion."
    )
    assert periods(extractor, text) == ["2025", "2025"]


# ------------------------------------------------------------------------------ sides


def test_china_s_exports_to_the_region_are_the_region_s_imports(extractor):
    text = (
        "China's exports to Central Asia reached $58 billion in 2025, while its imports from "
        "the region came to $41 billion."
    )
    assert flows(extractor, text) == [
        ("XCA", "CHN", "imports", 58 * BN, "2025"),
        ("XCA", "CHN", "exports", 41 * BN, "2025"),
    ]


def test_exports_to_a_country_other_than_china_are_its_imports(extractor):
    text = (
        "Trade between Tajikistan and China reached $3.1 billion in 2025. Chinese purchases "
        "from Tajikistan were $0.4 billion, while exports to Tajikistan came to $2.7 billion."
    )
    assert [row[:3] for row in flows(extractor, text)] == [
        ("TJK", "CHN", "turnover"),
        ("TJK", "CHN", "exports"),
        ("TJK", "CHN", "imports"),
    ]


def test_the_central_asian_country_is_the_member_in_play(extractor):
    text = (
        "Turnover between Kyrgyzstan and China hit $4.4 billion in January-June 2025. "
        "Chinese exports to the Central Asian nation totaled $4.1 billion.\n\n"
        "In June alone, the two countries' trade came to $700 million."
    )
    assert flows(extractor, text) == [
        ("KGZ", "CHN", "turnover", Decimal("4.4") * BN, "2025-01..2025-06"),
        ("KGZ", "CHN", "imports", Decimal("4.1") * BN, "2025-01..2025-06"),
        ("KGZ", "CHN", "turnover", 700 * MN, "2025-06"),
    ]


def test_china_s_trade_with_a_country_is_reported_by_that_country(extractor):
    text = "China's trade with Turkmenistan reached $10.5 billion in 2024."
    assert flows(extractor, text) == [("TKM", "CHN", "turnover", Decimal("10.5") * BN, "2024")]


# ------------------------------------------------------------------------------ rankings


def test_the_region_s_largest_partner_of_china_trades_with_china(extractor):
    text = (
        "Central Asia's trade with China reached $61 billion in January-August 2025. "
        "Uzbekistan was the region's biggest trading partner of China with $20.2 billion, "
        "followed by Tajikistan ($9.1 billion) and Turkmenistan ($7.7 billion)."
    )
    assert [row[:2] for row in flows(extractor, text)] == [
        ("XCA", "CHN"),
        ("UZB", "CHN"),
        ("TJK", "CHN"),
        ("TKM", "CHN"),
    ]


def test_a_partner_after_with_is_not_a_list_item(extractor):
    text = (
        "Central Asia's trade with China reached $61 billion in January-August 2025. "
        "The European Union's trade with the five countries totaled about $30 billion over "
        "the same period, while Russia's came to $25 billion."
    )
    assert [row[:2] for row in flows(extractor, text)][:2] == [("XCA", "CHN"), ("EUU", "XCA")]


def test_the_region_in_an_aside_is_no_party_and_a_peer_keeps_the_partner(extractor):
    text = (
        "Kazakhstan, the region's largest economy, had $44 billion in trade with China in "
        "2025. Kyrgyzstan's figure was $23 billion."
    )
    assert [row[:2] for row in flows(extractor, text)] == [("KAZ", "CHN"), ("KGZ", "CHN")]


# ------------------------------------------------------------------ round three, on s, t, u


def test_a_country_a_relative_clause_hangs_on_is_the_partner(extractor):
    found = flows(
        extractor,
        "Uzbekistan's trade with China came to $10.4 billion in January-September 2025. "
        "China was ahead of Kazakhstan, with which Uzbekistan's trade amounted to $3.1 billion.",
    )
    assert found[1][:2] == ("UZB", "KAZ")


def test_a_compound_adjective_names_a_pair_not_a_reporter(extractor):
    found = flows(extractor, "Kyrgyz-Kazakh trade turnover was $1.2 billion in January-June 2025.")
    assert found == [("KGZ", "KAZ", "turnover", Decimal("1.2") * BN, "2025-01..2025-06")]


def test_a_peer_ranked_among_a_country_s_partners_is_its_partner(extractor):
    found = flows(
        extractor,
        "Tajik-Russian trade turnover over the first half of 2025 was $876 million. "
        "Kazakhstan came third with $598 million.",
    )
    assert [pair[:2] for pair in found] == [("TJK", "RUS"), ("TJK", "KAZ")]


def test_the_lead_s_period_dates_figures_stated_later_without_one(extractor):
    found = flows(
        extractor,
        "Tashkent -- China stayed Uzbekistan's largest trade partner in January-September "
        "2025, the statistics committee said.\n\n"
        "Exports of the country rose strongly. Imports of cars doubled. Machinery led.\n\n"
        "Trade with China reached $11.9 billion.",
    )
    assert found == [("UZB", "CHN", "turnover", Decimal("11.9") * BN, "2025-01..2025-09")]


def test_the_countries_of_a_later_share_are_the_share_s_own(extractor):
    found = flows(
        extractor,
        "Trade between Kazakhstan and China was $30.2 billion in 2024.\n\n"
        "Chinese customs put bilateral trade at $43.8 billion last year, which accounts for "
        "46 percent of China's total trade with Central Asia.",
    )
    assert [pair[:2] for pair in found] == [("KAZ", "CHN"), ("KAZ", "CHN")]


def test_clauses_that_name_their_partner_after_with_keep_it(extractor):
    found = flows(
        extractor,
        "China's trade with Kazakhstan reached 255.4 billion yuan in January-October. Trade "
        "with Kyrgyzstan rose to 168.7 billion yuan, while trade with Uzbekistan stood at 101.2 "
        "billion yuan.",
    )
    assert [pair[:2] for pair in found] == [("KAZ", "CHN"), ("KGZ", "CHN"), ("UZB", "CHN")]


def test_a_partner_sentence_without_a_figure_sets_the_subject(extractor):
    found = flows(
        extractor,
        "Turkmenistan's trade with China was $10.1 billion in 2024.\n\n"
        "Kazakhstan remained China's largest partner in the region. Chinese customs recorded "
        "bilateral trade of $41 billion in 2024.",
    )
    assert [pair[:2] for pair in found] == [("TKM", "CHN"), ("KAZ", "CHN")]


def test_trade_with_the_country_is_the_member_named_last(extractor):
    found = flows(
        extractor,
        "China's trade with the five Central Asian states reached $94.8 billion in 2024.\n\n"
        "Kyrgyzstan shows the gap best. Chinese customs recorded $22.7 billion in trade with "
        "the country last year.",
    )
    assert [pair[:2] for pair in found] == [("XCA", "CHN"), ("KGZ", "CHN")]


# ------------------------------------------------------------------ round four, on m, n, o


def test_n_months_of_a_year_are_its_first_n_months(extractor):
    found = flows(
        extractor, "Kyrgyzstan's trade with China hit $14.1 billion in ten months of 2025."
    )
    assert periods(
        extractor, "Kyrgyzstan's trade with China hit $14.1 billion in ten months of 2025."
    ) == ["2025-01..2025-10"]
    assert found[0][:2] == ("KGZ", "CHN")


def test_a_period_compared_with_after_the_sum_is_not_its_own(extractor):
    found = flows(
        extractor,
        "Tashkent -- China led Uzbekistan's trade partners in January-July 2025.\n\n"
        "In the reporting period, trade between Uzbekistan and China reached $7.9 billion, "
        "which is 12% more than in January-July 2024 ($7.05 billion).",
    )
    assert found[0][3:] == (Decimal("7.9") * BN, "2025-01..2025-07")


def test_the_country_after_imports_from_is_the_partner(extractor):
    found = flows(
        extractor,
        "Uzbekistan's trade with Russia reached $6.4 billion in January-August 2025. "
        "Imports from Russia were $4.2 billion.",
    )
    assert found[1][:3] == ("UZB", "RUS", "imports")


def test_trade_with_the_region_after_a_member_is_the_region_s_with_china(extractor):
    found = flows(
        extractor,
        "Tajikistan's trade with China was 38 billion yuan in January-September 2025.\n\n"
        "Measured in yuan, trade with the region totaled 562 billion yuan over the period.",
    )
    assert found[1][:2] == ("XCA", "CHN")


def test_the_year_of_a_total_is_a_period(extractor):
    found = flows(
        extractor,
        "China's trade with Central Asia reached $39.9 billion in January-May 2025.\n\n"
        "Kazakhstan alone accounted for $43.8 billion of the 2024 total.",
    )
    assert found[1][2:] == ("turnover", Decimal("43.8") * BN, "2024")


def test_the_same_period_of_an_earlier_year_is_not_carried_on(extractor):
    found = flows(
        extractor,
        "Uzbekistan's trade with China reached $6.9bn in January-July 2025, up 8.7% from $6.35bn "
        "in the same period of 2024.\n\nImports from China accounted for $5.7bn.",
    )
    assert [label for *_, label in found] == [
        "2025-01..2025-07",
        "2024-01..2024-07",
        "2025-01..2025-07",
    ]


def test_a_new_paragraph_leaves_a_background_year_for_the_lead_s(extractor):
    found = flows(
        extractor,
        "China's trade with Central Asia reached 738 billion yuan in 2025, customs said. "
        "In 2024, total trade between the two sides was 674 billion yuan.\n\n"
        "Kazakhstan remained China's largest trading partner in the region, with bilateral "
        "trade reaching 335 billion yuan.",
        published=date(2026, 1, 15),
    )
    assert found[-1] == ("KAZ", "CHN", "turnover", 335 * BN, "2025")


def test_a_list_of_all_members_after_exports_to_is_the_region(extractor):
    found = flows(
        extractor,
        "China's exports to Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan "
        "stood at 472.3 billion yuan in 2025.",
        published=date(2026, 1, 15),
    )
    assert found == [("XCA", "CHN", "imports", Decimal("472.3") * BN, "2025")]


def test_a_member_named_beside_the_region_and_china_takes_the_region_s_place(extractor):
    found = flows(
        extractor,
        "China's trade with Central Asia reached $65.8 billion in January-September 2025.\n\n"
        "Trade with Tajikistan, the smallest economy in the region, totaled $2.8 billion.",
    )
    assert found[1][:2] == ("TJK", "CHN")


def test_a_first_person_partner_sentence_sets_no_subject(extractor):
    found = flows(
        extractor,
        "Tajikistan's trade with China was $834 million in the first half of 2025. "
        "China is now our second largest trading partner after Russia. Our exports to China "
        "were only $98 million.",
    )
    assert found[1][:2] == ("TJK", "CHN")


def test_the_two_countries_are_the_pair_in_play(extractor):
    found = flows(
        extractor,
        "Kazakhstan's trade with China was $21 billion in January-June 2025.\n\n"
        "Trade between the two countries climbed to a record $43.8 billion last year, well above "
        "Kazakhstan's $27.8 billion in trade with Russia.",
    )
    assert found[1][:2] == ("KAZ", "CHN")


# ------------------------------------------------------------------ round five, on j, k, l


def test_ranked_partners_belong_to_the_story_s_country(extractor):
    found = flows(
        extractor,
        "Kazakhstan's trade with China reached $22.4 billion in January-September 2025. "
        "Russia came second with $19.8 billion, followed by Italy. Uzbekistan, with $3.1 "
        "billion, was third, and Turkey fourth with $2.9 billion.",
    )
    assert [pair[:2] for pair in found] == [
        ("KAZ", "CHN"),
        ("KAZ", "RUS"),
        ("KAZ", "UZB"),
        ("KAZ", "TUR"),
    ]


def test_a_member_ranked_after_a_figure_with_china_is_china_s_partner(extractor):
    found = flows(
        extractor,
        "Kazakhstan's trade with China reached $33.5 billion in January-September 2025. "
        "Kyrgyzstan came second with $16.4 billion.",
    )
    assert [pair[:2] for pair in found] == [("KAZ", "CHN"), ("KGZ", "CHN")]


def test_a_ranking_sentence_without_a_figure_sets_the_partner_for_it(extractor):
    found = flows(
        extractor,
        "Uzbekistan's trade with China amounted to $8.9 billion in January-July 2025.\n\n"
        "Russia remains the second largest partner. Trade with it increased to $6.7 billion.",
    )
    assert found[1][:2] == ("UZB", "RUS")


def test_trade_with_a_third_party_is_the_story_country_s(extractor):
    found = flows(
        extractor,
        "Uzbekistan's trade with China amounted to $8.9 billion in January-July 2025.\n\n"
        "For comparison, trade with the European Union amounted to $3.9 billion.",
    )
    assert found[1][:2] == ("UZB", "EUU")


def test_the_two_countries_before_any_figure_are_the_headline_s_pair(extractor):
    found = extractor.extract(
        "Turkmenistan and China sign gas deal\n"
        "The route would run through Uzbekistan and Kyrgyzstan. Customs said trade between the "
        "two countries reached $11.18 billion in 2022.",
        PUBLISHED,
    )
    flow = next(f for f in found if f.kind == "trade_flow")
    assert (flow.fields["reporter"], flow.fields["partner"]) == ("TKM", "CHN")


def test_list_lines_of_partners_belong_to_the_story_s_country(extractor):
    found = flows(
        extractor,
        "Uzbekistan's trade with China reached $7.4 billion in January-June 2025.\n\n"
        "The main trade partners were:\n\nRussia — $5.6 billion (16.6%)\n\n"
        "Kazakhstan — $2.1 billion (6.2%)",
    )
    assert [pair[:2] for pair in found] == [("UZB", "CHN"), ("UZB", "RUS"), ("UZB", "KAZ")]


# ------------------------------------------------------------------ round six, on c, d, i, p


def test_a_target_year_is_no_period_carried_on(extractor):
    found = flows(
        extractor,
        "China's trade with Kyrgyzstan reached $27.2 billion in 2025, and both sides aim to "
        "double trade by 2027.\n\nKyrgyz exports to China were put at $5.2 billion.",
        published=date(2026, 1, 20),
    )
    assert [label for *_, label in found] == ["2025", "2025"]


def test_the_sum_after_from_is_compared_and_not_carried(extractor):
    found = flows(
        extractor,
        "China's trade with the five Central Asian states reached $94.8 billion in 2024, up 6% "
        "from $89.4 billion in 2023.\n\nKazakhstan: $43.8 billion.",
        published=date(2025, 1, 22),
    )
    assert found[-1] == ("KAZ", "CHN", "turnover", Decimal("43.8") * BN, "2024")


def test_the_two_countries_do_not_reach_past_a_country_named_later(extractor):
    found = flows(
        extractor,
        "Kazakhstan's trade with China rose in 2024.\n\nTrade between the two countries "
        "reached $43.8 billion last year, while Kazakhstan's trade with Russia amounted to "
        "$27.8 billion.",
    )
    assert [pair[:2] for pair in found] == [("KAZ", "CHN"), ("KAZ", "RUS")]


# ------------------------------------------------------------------ round seven, on ta-te


def test_countries_in_an_aside_after_a_ranked_sum_are_not_its_parties(extractor):
    found = flows(
        extractor,
        "China's trade with the five Central Asian states reached $106.3 billion in 2025.\n\n"
        "Kazakhstan led the pack with $47.6 billion. Kyrgyzstan followed with $25.9 billion, a "
        "figure inflated by goods that pass through on their way to Uzbekistan and Russia.",
        published=date(2026, 2, 18),
    )
    assert [pair[:2] for pair in found] == [("XCA", "CHN"), ("KAZ", "CHN"), ("KGZ", "CHN")]


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("In 9M25", "2025-01..2025-09"),
        ("In 1H24", "2024-01..2024-06"),
        ("In 3Q25", "2025-07..2025-09"),
    ],
)
def test_abbreviated_periods(extractor, phrase, label):
    assert periods(extractor, f"{phrase}, Uzbekistan's trade with China amounted to $11.9bn.") == [
        label
    ]
