"""Dates and periods, resolved against the publication date (silkledger.extract.dates)."""

from datetime import date

import pytest
from silkledger.extract.dates import find_dates, find_periods

PUBLISHED = date(2025, 9, 1)


def period_of(text: str, published: date | None = PUBLISHED):
    found = find_periods(text, 0, len(text), published)
    assert len(found) == 1, found
    return found[0]


def one_date(text: str, published: date | None = PUBLISHED):
    found = find_dates(text, 0, len(text), published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("trade in 2024 grew", date(2024, 1, 1), date(2024, 12, 31), "2024"),
        ("exceeded $44 billion by the end of 2024", date(2024, 1, 1), date(2024, 12, 31), "2024"),
        (
            "during the first four months of 2025",
            date(2025, 1, 1),
            date(2025, 4, 30),
            "2025-01..2025-04",
        ),
        ("in the first quarter of 2024", date(2024, 1, 1), date(2024, 3, 31), "2024-01..2024-03"),
        ("in the first half of this year", date(2025, 1, 1), date(2025, 6, 30), "2025-01..2025-06"),
        ("in January–May 2025", date(2025, 1, 1), date(2025, 5, 31), "2025-01..2025-05"),
        ("in Q3 2024", date(2024, 7, 1), date(2024, 9, 30), "2024-07..2024-09"),
        ("over 2023-2027", date(2023, 1, 1), date(2027, 12, 31), "2023..2027"),
        ("in May 2025 alone", date(2025, 5, 1), date(2025, 5, 31), "2025-05"),
    ],
)
def test_stated_periods(text, start, end, label):
    found = period_of(text).period
    assert (found.start, found.end, found.label) == (start, end, label)


def test_last_year_is_read_against_the_publication_date():
    found = period_of("bordered on $90 billion last year")
    assert found.period.label == "2024"
    assert "2025-09-01" in found.note


def test_a_month_range_without_a_year_ends_before_publication():
    found = period_of("Between January and April, China represented")
    assert found.period.label == "2025-01..2025-04"
    assert "year not stated" in found.note
    later = period_of("Between October and December, trade", published=date(2025, 3, 1))
    assert later.period.label == "2024-10..2024-12"


def test_relative_forms_need_a_publication_date():
    assert find_periods("last year", 0, 9, None) == []


def test_comparisons_shift_the_period_in_context():
    assert period_of("up from $4.44 billion the previous year").shift == -1
    assert period_of("compared to $8.93 billion in the same period in 2024").shift == 2024
    assert period_of("they came to $78 million over the same period").shift == 0


def test_year_on_year_states_no_period():
    assert find_periods("up 4.5 percent year on year", 0, 27, PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "first", "last", "precision", "resolved"),
    [
        ("took place on 19 May 2023 in Xi'an", date(2023, 5, 19), date(2023, 5, 19), "day", False),
        ("held in Xian on 18-19 May, 2023", date(2023, 5, 18), date(2023, 5, 19), "day", False),
        ("Launched in May 2014, the base", date(2014, 5, 1), date(2014, 5, 1), "month", False),
        ("Xi's 2013 visit to Astana", date(2013, 1, 1), date(2013, 1, 1), "year", False),
        ("a state visit on 2–4 September 2024", date(2024, 9, 2), date(2024, 9, 4), "day", False),
        ("in Astana on June 17", date(2025, 6, 17), date(2025, 6, 17), "day", True),
        ("on 31st August – 1st September", date(2025, 8, 31), date(2025, 9, 1), "day", True),
        ("on September 2", date(2025, 9, 2), date(2025, 9, 2), "day", True),
        ("In July, the minister said", date(2025, 7, 1), date(2025, 7, 1), "month", True),
    ],
)
def test_dates_keep_their_precision_and_note_a_resolved_year(
    text, first, last, precision, resolved
):
    """A date without a year takes the year nearest the publication date, and says so."""
    found = one_date(text)
    assert (found.first, found.last, found.precision) == (first, last, precision)
    if resolved:
        assert "publication date 2025-09-01" in found.note
    else:
        assert found.note is None


def test_a_december_date_read_in_january_is_last_year():
    assert one_date("on December 30", published=date(2026, 1, 4)).first == date(2025, 12, 30)


def test_without_a_publication_date_an_unstated_year_is_not_guessed():
    assert find_dates("on June 17", 0, 10, None) == []


def test_the_verb_may_is_not_a_month():
    assert find_dates("Tashkent may look to China", 0, 26, PUBLISHED) == []
