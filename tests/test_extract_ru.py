"""Issue 20: Russian articles read by the same extractor, with Russian words as data
(src/extract/data/ru/) matched in every inflected form pymorphy3 knows. Each test writes its
own sentences, in the habits of several outlets, and checks the fact's real values."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from silkledger.extract.amounts import find_amounts
from silkledger.extract.dates import dateline, find_periods
from silkledger.lemmas import lemmatize_text, word_forms

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = date(2025, 6, 18)
BN = Decimal(10) ** 9
MN = Decimal(10) ** 6


def read(extractor, text, published=PUBLISHED):
    return extractor.extract("Заголовок\n" + text, published)


def trade(extractor, text, published=PUBLISHED):
    return [
        (
            {f.fields["reporter"], f.fields["partner"]},
            f.fields["flow"],
            f.fields["value"],
            f.fields["period"]["label"],
        )
        for f in read(extractor, text, published)
        if f.kind == "trade_flow" and f.fields["unit"] == "USD"
    ]


def test_names_are_found_in_their_inflected_forms(extractor):
    mentions = extractor.gazetteer.mentions(
        "Казахстаном и Китаем, КНР и Поднебесной; Си Цзиньпином и Токаевым; в Астане; "
        "казахстанская сторона"
    )
    assert [m.key for m in mentions if m.kind == "country"] == [
        "KAZ",
        "CHN",
        "CHN",
        "CHN",
        "KAZ",
        "KAZ",
    ]
    assert {m.key for m in mentions if m.kind == "person"} == {
        "xi-jinping",
        "kassym-jomart-tokayev",
    }


def test_a_surname_the_dictionary_lacks_is_inflected_by_the_surname_paradigm():
    assert {"Токаева", "Токаеву", "Токаевым"} <= word_forms("Токаев")
    assert "Казахстаном" in word_forms("Казахстан")


def test_lemmatised_text_meets_the_search_word():
    assert "соглашение" in lemmatize_text("подписано 58 соглашений").split()


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("составил 43,82 млрд долларов", Decimal("43.82") * BN, "USD", "exact"),
        ("$21 млрд", 21 * BN, "USD", "exact"),
        ("около 1,5 миллиарда долларов США", Decimal("1.5") * BN, "USD", "about"),
        ("90 млн долл. на строительство", 90 * MN, "USD", "exact"),
        ("свыше 2 трлн тенге", 2000 * BN, "KZT", "over"),
        ("составил 17,452 млрд долларов", Decimal("17.452") * BN, "USD", "exact"),
        ("1 200 млн юаней", 1200 * MN, "CNY", "exact"),
        ("не менее 500 млн сомов", 500 * MN, "KGS", "at_least"),
        ("почти 3,5 млрд сумов", Decimal("3.5") * BN, "UZS", "nearly"),
        ("порядка 40 млн манатов", 40 * MN, "TMT", "about"),
        ("до 1 млрд евро", 1 * BN, "EUR", "up_to"),
        ("350 млн рублей", 350 * MN, "RUB", "exact"),
        ("2,4 млрд сомони", Decimal("2.4") * BN, "TJS", "exact"),
    ],
)
def test_amounts_in_russian(text, value, unit, qualifier):
    [amount] = find_amounts(text)
    assert (amount.value, amount.unit, amount.qualifier) == (value, unit, qualifier)


def test_a_yuan_amount_keeps_its_dollar_equivalent():
    [amount] = find_amounts("кредит на 15 млрд юаней (около $2,1 млрд)")
    assert (amount.value, amount.unit, amount.equivalent.value) == (
        15 * BN,
        "CNY",
        Decimal("2.1") * BN,
    )


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("за первое полугодие 2025 года", "2025-01..2025-06"),
        ("в первом квартале текущего года", "2025-01..2025-03"),
        ("за девять месяцев 2024 года", "2024-01..2024-09"),
        ("в январе–мае 2025 года", "2025-01..2025-05"),
        ("в декабре 2024 года", "2024-12"),
        ("по итогам 2024 года", "2024"),
        ("в прошлом году", "2024"),
    ],
)
def test_periods_in_russian(text, label):
    [period] = find_periods(text, 0, len(text), PUBLISHED)
    assert period.period.label == label


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("АСТАНА. 12 июня. КАЗИНФОРМ – Товарооборот вырос.", date(2025, 6, 12)),
        ("Бишкек, 4 февраля – АКИpress. Товарооборот вырос.", date(2025, 2, 4)),
        ("Ташкент, 19 мая 2023 г. Товарооборот вырос.", date(2023, 5, 19)),
        ("АСТАНА, 5 мар — Sputnik. Товарооборот вырос.", date(2025, 3, 5)),
        ("Бишкек, 10.10.24. /Кабар/. Товарооборот вырос.", date(2024, 10, 10)),
    ],
)
def test_russian_datelines(opening, expected):
    assert dateline("Заголовок\n\n" + opening, PUBLISHED).day == expected


def test_trade_flows_with_parties_flow_and_period(extractor):
    found = trade(
        extractor,
        "Товарооборот между Казахстаном и Китаем в январе–мае 2025 года составил $12,3 млрд. "
        "Экспорт Казахстана в Китай составил 5,1 млрд долларов, импорт из КНР – 7,2 млрд "
        "долларов.\n\nВ прошлом году товарооборот составил более 43,8 млрд долларов, а за первый "
        "квартал 2025 года — почти 3,4 млрд долларов.",
    )
    assert found == [
        ({"KAZ", "CHN"}, "turnover", Decimal("12.3") * BN, "2025-01..2025-05"),
        ({"KAZ", "CHN"}, "exports", Decimal("5.1") * BN, "2025-01..2025-05"),
        ({"KAZ", "CHN"}, "imports", Decimal("7.2") * BN, "2025-01..2025-05"),
        ({"KAZ", "CHN"}, "turnover", Decimal("43.8") * BN, "2024"),
        ({"KAZ", "CHN"}, "turnover", Decimal("3.4") * BN, "2025-01..2025-03"),
    ]


def test_a_figure_of_the_period_a_year_before(extractor):
    found = trade(
        extractor,
        "Экспорт Кыргызстана в Китай за первый квартал 2025 года составил 21,3 млн долларов. "
        "Год назад за тот же период поставки в КНР составляли 19,6 млн долларов.",
    )
    assert [label for *_, label in found] == ["2025-01..2025-03", "2024-01..2024-03"]


def test_packages_deals_and_projects(extractor):
    facts = read(
        extractor,
        "По итогам переговоров подписано 58 соглашений на сумму 24 млрд долларов. Китайская "
        "компания построит завод стоимостью 1,2 млрд долларов. Компании заключили контракт "
        "стоимостью 300 млн долларов.",
    )
    money = [
        (f.kind, f.fields["value"], f.fields.get("document_count"))
        for f in facts
        if f.kind in ("agreement", "project")
    ]
    assert money == [
        ("agreement", 24 * BN, 58),
        ("project", Decimal("1.2") * BN, None),
        ("agreement", 300 * MN, None),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Стороны намерены довести товарооборот до 50 млрд долларов к 2030 году.",
        "Объём накопленных китайских инвестиций превысил 25 млрд долларов.",
        "Сальдо торговли с Китаем составило минус 4 млрд долларов.",
    ],
)
def test_targets_stocks_and_balances_are_not_money_facts(extractor, sentence):
    facts = read(extractor, "Казахстан и Китай. " + sentence)
    assert [f.kind for f in facts if f.kind in ("trade_flow", "agreement", "project")] == []


def test_events_by_their_verbs_with_relative_days(extractor):
    facts = read(
        extractor,
        "Президент Казахстана Касым-Жомарт Токаев во вторник провёл переговоры с Председателем "
        "КНР Си Цзиньпином. Переговоры прошли в Акорде. Накануне в Астане состоялся "
        "казахстанско-китайский бизнес-форум.",
    )
    events = [(f.fields["kind"], f.fields.get("start_date")) for f in facts if f.kind == "event"]
    assert events == [("bilateral_meeting", date(2025, 6, 17)), ("forum", None)]


def test_a_planned_meeting_is_no_event(extractor):
    facts = read(extractor, "Следующую встречу в этом формате решено провести в 2027 году.")
    assert [f for f in facts if f.kind == "event"] == []
