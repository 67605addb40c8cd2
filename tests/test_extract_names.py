"""New names beside money facts (extract/names.py): organisations and people the gazetteer does
not know, read from the quote of an agreement, project or trade flow, in the styles of several
outlets; and the spans that must never be proposed."""

from __future__ import annotations

import pytest
from silkledger.extract import ExtractedFact, Gazetteer
from silkledger.extract.names import NameFinder

KNOWN = {
    "China": ("country", "CHN"),
    "Chinese": ("country", "CHN"),
    "Kazakhstan": ("country", "KAZ"),
    "Kazakh": ("country", "KAZ"),
    "Uzbekistan": ("country", "UZB"),
    "Uzbek": ("country", "UZB"),
    "Kyrgyzstan": ("country", "KGZ"),
    "Tajik": ("country", "TJK"),
    "Tajikistan": ("country", "TJK"),
    "China Development Bank": ("organization", "china-development-bank"),
    "CNPC": ("organization", "cnpc"),
    "Ministry of Energy of Kazakhstan": ("organization", "kaz-energy-ministry"),
    "General Administration of Customs of China": ("organization", "china-customs"),
    "Xi Jinping": ("person", "xi-jinping"),
    "Roman Sklyar": ("person", "roman-sklyar"),
}


@pytest.fixture(scope="module")
def finder() -> NameFinder:
    return NameFinder(Gazetteer(names=KNOWN))


def names_beside(finder, sentence: str, kind: str = "agreement", fields=None, headline=True):
    """The proposals for one fact quoting ``sentence`` (after a headline line, as articles are)."""
    text = ("Deal news\n" if headline else "") + sentence
    start = text.index(sentence)
    fact = ExtractedFact(kind, fields or {}, 0.8, sentence, start, start + len(sentence))
    finder.attach(text, [fact])
    for proposal in fact.names:
        assert text[proposal.char_start : proposal.char_end] in sentence
    return [(p.kind, p.name, p.role) for p in fact.names], fact.names


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # wire style, the deal's two parties, a ministry after a country's possessive
            "Xinjiang Tianshan Cement Group signed a $120 million agreement with Kazakhstan's "
            "Ministry of Industry and Construction.",
            [
                ("organization", "Xinjiang Tianshan Cement Group", "party"),
                ("organization", "Ministry of Industry and Construction of Kazakhstan", "party"),
            ],
        ),
        (  # a name with "and" inside, and a bank lending
            "China Road and Bridge Corporation won a $300 million loan from the Development "
            "Bank of Kazakhstan.",
            [
                ("organization", "China Road and Bridge Corporation", "party"),
                ("organization", "Development Bank of Kazakhstan", "lender"),
            ],
        ),
        (  # a legal form, a demonym before the company, "Co." kept
            "The Uzbek side and Chinese Henan Hengyuan Co. agreed on a $45 mln investment.",
            [("organization", "Henan Hengyuan Co.", "party")],
        ),
        (  # people: a title before, a lower-case title after a comma
            "Deputy Prime Minister Serik Zhumangarin and Wang Lei, chairman of Tianshan "
            "Holding, signed deals worth $1.2 billion.",
            [
                ("person", "Serik Zhumangarin", "signatory"),
                ("person", "Wang Lei", "signatory"),
                ("organization", "Tianshan Holding", "party"),
            ],
        ),
    ],
)
def test_names_beside_an_agreement(finder, sentence, expected):
    found, _ = names_beside(finder, sentence)
    assert found == expected


def test_what_a_proposal_carries(finder):
    _, (cement, ministry) = names_beside(
        finder,
        "Xinjiang Tianshan Cement Group signed a $120 million agreement with Kazakhstan's "
        "Ministry of Industry and Construction.",
    )
    assert (cement.organization_kind, cement.country) == ("company", None)
    assert (ministry.organization_kind, ministry.country) == ("ministry", "KAZ")
    _, (person, *_) = names_beside(
        finder, "Deputy Prime Minister Serik Zhumangarin signed a $50 million contract."
    )
    assert (person.position, person.organization_kind) == ("Deputy Prime Minister", None)


def test_a_dateline_and_its_outlet_are_not_names(finder):
    found, _ = names_beside(
        finder,
        "ASTANA, 12 June 2025 (Kazinform News Agency) – Aktobe Copper Company signed a "
        "$75 million contract.",
    )
    assert found == [("organization", "Aktobe Copper Company", "party")]


def test_beside_a_project_an_organisation_is_a_partner_or_financier(finder):
    found, _ = names_beside(
        finder,
        "The Silk Road Fund and Zijin Mining Group will build a $200 million plant, Minister "
        "Bakhyt Sultanov said.",
        kind="project",
    )
    assert found == [
        ("organization", "Silk Road Fund", "financier"),
        ("organization", "Zijin Mining Group", "partner"),
    ]  # a person beside a project has no place in it: not proposed


def test_beside_a_trade_flow_only_its_source(finder):
    attributed, _ = names_beside(
        finder,
        "Exports to China reached $15.2 billion in 2024, according to the Bureau of National "
        "Statistics of Kazakhstan.",
        kind="trade_flow",
    )
    assert attributed == [
        ("organization", "Bureau of National Statistics of Kazakhstan", "attributed")
    ]
    party, _ = names_beside(
        finder,
        "Trade handled by Khorgos Gateway Logistics rose to $2 billion in 2024.",
        kind="trade_flow",
    )
    assert party == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Ministry signed a $100 million agreement with the investor.",  # the word alone
        "Under the Belt and Road Initiative, China signed a $2 billion agreement.",
        "Kazakhstan and Uzbekistan signed agreements worth $3 billion in March.",  # countries
        "In January, the National Bank signed a $40 million loan.",  # generic words only
        "CNPC and China Development Bank signed a $1 billion loan.",  # known organisations
        "Xi Jinping and Deputy Prime Minister Roman Sklyar signed deals worth $5 billion.",
        "Kazakhstan's Ministry of Energy signed a $90 million agreement.",  # known, as written
        "the General Administration of Customs signed a $10 million deal.",  # known "... of China"
        "The Tajik State Committee on Investment and State Property signed a $5 million deal.",
        "Chinese Firm Signs $120 Million Deal With Kazakh Cement Group",  # title case
        "On Monday, September agreements worth $2 billion were signed in Astana.",  # months
    ],
)
def test_never_proposed(finder, sentence):
    found, _ = names_beside(finder, sentence)
    assert found == []


def test_the_headline_and_other_facts_are_not_read(finder):
    text = "Xinjiang Tianshan Cement Group signs $120 million deal\nBody."
    end = text.index("\n")
    headline = ExtractedFact("agreement", {}, 0.8, text[:end], 0, end)
    event = ExtractedFact("event", {}, 0.8, "Body.", end + 1, len(text))
    finder.attach(text, [headline, event])
    assert headline.names == [] and event.names == []


def test_a_name_once_per_fact(finder):
    found, _ = names_beside(
        finder,
        "Aktobe Copper Company signed a $75 million contract, and Aktobe Copper Company will "
        "pay for it.",
    )
    assert found == [("organization", "Aktobe Copper Company", "party")]
