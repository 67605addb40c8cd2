"""Issue 18, round three: events by their verbs, their dates, and one event told once. Each test
writes its own sentences (in several outlets' habits) and checks the kinds and dates read."""

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = date(2025, 9, 12)  # a Friday


def events(extractor, body, headline="Headline", published=PUBLISHED):
    facts = extractor.extract(f"{headline}\n{body}", published)
    return [
        (f.fields["kind"], f.fields.get("start_date"), f.fields.get("end_date"))
        for f in facts
        if f.kind == "event"
    ]


def kinds(extractor, body, **kwargs):
    return [kind for kind, _, _ in events(extractor, body, **kwargs)]


# ------------------------------------------------------------------ verbs that need a person


@pytest.mark.parametrize(
    "sentence",
    [
        "President Serdar Berdimuhamedov received Sinopec Chairman Ma Yongsheng in Ashgabat on "
        "Tuesday.",
        "On Tuesday, Prime Minister Adylbek Kasymaliev received a Chinese delegation led by the "
        "governor of Gansu province.",
        "On Tuesday the Chinese envoy was received by President Sadyr Japarov.",
        "The head of state hosted Vice Premier Ding Xuexiang at the Kok-Saray residence on "
        "Tuesday.",
    ],
)
def test_received_or_hosted_with_a_person_is_a_meeting(extractor, sentence):
    assert events(extractor, sentence) == [("bilateral_meeting", date(2025, 9, 9), None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The project received approval from the Minister of Energy on Tuesday.",
        "Kyrgyzstan received $300 million in Chinese loans last year.",
        "The first container train arrived in Xi'an on Tuesday after an eight-day journey.",
        "On Tuesday the delegates visited the plant's new assembly line.",
        '"Trade is growing fast," the ministry spokesman told a press conference in Beijing.',
    ],
)
def test_the_same_verbs_without_a_person_or_a_place_are_no_event(extractor, sentence):
    assert events(extractor, sentence) == []


def test_a_person_who_arrived_in_a_capital_is_on_a_visit(extractor):
    found = events(extractor, "President Mirziyoyev arrived in Beijing on Thursday.")
    assert found == [("state_visit", date(2025, 9, 11), None)]


def test_visited_a_place_is_a_visit(extractor):
    found = events(extractor, "Chinese Commerce Minister Wang Wentao visited Astana on Monday.")
    assert found == [("state_visit", date(2025, 9, 8), None)]


# ------------------------------------------------------------------------------ dates


def test_a_date_followed_by_last_year_is_in_the_year_before(extractor):
    found = events(extractor, "The forum, held in Almaty on May 20 last year, drew 900 firms.")
    assert found == [("forum", date(2024, 5, 20), None)]


def test_in_a_month_last_year_is_in_the_year_before(extractor):
    found = events(
        extractor, "The third China-Central Asia Summit took place in October last year."
    )
    assert found == [("summit", date(2024, 10, 1), None)]


def test_last_week_is_the_week_before_publication(extractor):
    found = events(extractor, "Kazakh and Chinese officials held talks in Urumqi last week.")
    assert found == [("bilateral_meeting", date(2025, 9, 1), date(2025, 9, 7))]


def test_last_weekday_and_the_wire_weekday_after_a_verb(extractor):
    assert events(extractor, "Tokayev met Xi Jinping in Tianjin last Friday.") == [
        ("bilateral_meeting", date(2025, 9, 5), None)
    ]
    assert events(extractor, "Tokayev met Wednesday with Xi Jinping in Tianjin.") == [
        ("bilateral_meeting", date(2025, 9, 10), None)
    ]


def test_a_closing_verb_dates_the_last_day_and_the_length_the_first(extractor):
    found = events(
        extractor,
        "The Central Asia Trade Expo concluded Thursday in Kashgar, with deals signed during "
        "the four-day event.",
    )
    assert found == [("forum", date(2025, 9, 8), date(2025, 9, 11))]


def test_a_closing_verb_without_a_length_leaves_the_first_day_unstated(extractor):
    found = events(extractor, "The Central Asia Trade Expo closed on Thursday in Kashgar.")
    assert found == [("forum", None, None)]


def test_the_launch_year_of_a_series_does_not_date_this_edition(extractor):
    found = events(
        extractor,
        "The 6th Central Asia Trade Expo opened in Kashgar on Wednesday.\n\n"
        "Since its launch in 2015, the Central Asia Trade Expo has drawn firms from 40 countries.",
    )
    assert found == [("forum", date(2025, 9, 10), None)]


# ------------------------------------------------------------------ one event, told once


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Chinese Vice Premier Ding Xuexiang visited Dushanbe on Tuesday, where he met "
            "Prime Minister Kokhir Rasulzoda.",
            "state_visit",
        ),
        (
            "Prime Minister Kokhir Rasulzoda met visiting Chinese Vice Premier Ding Xuexiang in "
            "Dushanbe on Tuesday.",
            "bilateral_meeting",
        ),
        (
            "Tokayev held talks with Xi Jinping in Beijing on Tuesday as part of his state visit "
            "to China.",
            "bilateral_meeting",
        ),
        ("The Kazakhstan-China Business Council met in Almaty on Tuesday.", "business_council"),
        (
            "On Tuesday, a meeting of the Uzbekistan-China Business Council was held in Tashkent.",
            "business_council",
        ),
    ],
)
def test_a_sentence_telling_one_event_two_ways_gives_one_event(extractor, sentence, kind):
    assert kinds(extractor, sentence) == [kind]


def test_talks_on_the_eve_of_a_summit_are_their_own_event(extractor):
    found = kinds(
        extractor, "On the eve of the summit on Tuesday, Xi held talks with Tokayev in Astana."
    )
    assert sorted(found) == ["bilateral_meeting", "summit"]


def test_ministers_of_three_countries_or_more_meeting_is_a_conference(extractor):
    found = events(
        extractor,
        "The foreign ministers of China and the five Central Asian states met in Almaty on "
        "Tuesday to prepare the summit.",
    )
    assert found[0] == ("conference", date(2025, 9, 9), None)


def test_talks_with_unknown_people_on_a_stated_day_are_a_new_event(extractor):
    found = events(
        extractor,
        "Tokayev met Xi Jinping in Astana on Monday.\n\n"
        "Deputy Minister Aibek Nurlanov held talks with executives of Sany Heavy Industry in "
        "Karaganda on Wednesday.",
    )
    assert found == [
        ("bilateral_meeting", date(2025, 9, 8), None),
        ("bilateral_meeting", date(2025, 9, 10), None),
    ]


def test_the_headline_event_is_the_body_event_it_tells(extractor):
    found = events(
        extractor,
        "The Uzbekistan-China Business Council met in Tashkent on Wednesday, and firms signed "
        "deals.",
        headline="Uzbek, Chinese business council sees deals signed",
    )
    assert found == [("business_council", date(2025, 9, 10), None)]


def test_the_visit_joins_the_working_visit_already_told(extractor):
    found = kinds(
        extractor,
        "Prime Minister Olzhas Bektenov began a working visit to China in Xi'an on Monday.\n\n"
        "The visit focuses on transit and agriculture, his press office said.",
    )
    assert found == ["working_visit"]


# ------------------------------------------------------------------ round six, on c, d, i, p


@pytest.mark.parametrize(
    "sentence",
    [
        "The leaders agreed to hold the third summit in China in 2027.",
        "Aliyev was also scheduled to meet Premier Li Qiang before concluding the visit.",
        "Marat Sarsenbayev spoke to The Astana Times about the Chinese market.",
        "The company held up the figure as evidence of a fair deal.",
        "Such figures are often quoted at summits of the region's leaders.",
    ],
)
def test_planned_events_and_words_that_name_none_are_no_events(extractor, sentence):
    assert events(extractor, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind", "day"),
    [
        (
            "Minister Arman Shakkaliyev spoke to Chinese Vice Minister Ling Ji on Tuesday.",
            "phone_call",
            date(2025, 9, 9),
        ),
        (
            "A meeting held in Astana on Tuesday between the trade minister and the Chinese "
            "ambassador focused on grain.",
            "bilateral_meeting",
            date(2025, 9, 9),
        ),
        (
            "Tokayev sat down with Xi Jinping in Astana on Tuesday.",
            "bilateral_meeting",
            date(2025, 9, 9),
        ),
        (
            "Prime Minister Adylbek Kasymaliev received on Tuesday a delegation of China Energy.",
            "bilateral_meeting",
            date(2025, 9, 9),
        ),
    ],
)
def test_more_verbs_of_meetings_and_calls(extractor, sentence, kind, day):
    assert events(extractor, sentence) == [(kind, day, None)]


def test_a_day_without_a_year_is_its_last_occurrence_before_publication(extractor):
    found = events(
        extractor,
        "At an EU-Central Asia investors forum in Brussels on January 29, banks signed deals.",
        published=date(2025, 10, 8),
    )
    assert found == [("forum", date(2025, 1, 29), None)]
