"""Recurring shop activities, expanded on the fly."""

from __future__ import annotations

from datetime import date

import pytest

from shopdesk.campaigns import recurrence as rec
from shopdesk.errors import InvalidInput


def test_weekly_monday_and_thursday() -> None:
    rule = rec.weekly(3, 0)
    assert rule.weekdays == (0, 3) and rule.describe() == "每周一、四"
    days = rec.occurrences(
        rule, date(2026, 1, 1), date(2030, 1, 1), date(2026, 11, 1), date(2026, 11, 15)
    )
    assert days == [date(2026, 11, 2), date(2026, 11, 5), date(2026, 11, 9), date(2026, 11, 12)]


def test_occurrences_stay_inside_the_activity_period() -> None:
    rule = {"kind": "weekly", "weekdays": [0]}
    days = rec.occurrences(
        rule, date(2026, 11, 5), date(2026, 11, 20), date(2026, 11, 1), date(2026, 11, 30)
    )
    assert days == [date(2026, 11, 9), date(2026, 11, 16)]
    assert (
        rec.occurrences(
            rule, date(2026, 12, 1), date(2026, 12, 31), date(2026, 11, 1), date(2026, 11, 30)
        )
        == []
    )


def test_monthly_31_falls_on_last_day_of_short_months() -> None:
    days = rec.occurrences(
        {"kind": "monthly", "day": 31},
        date(2026, 1, 1),
        date(2028, 1, 1),
        date(2027, 1, 1),
        date(2027, 4, 30),
    )
    assert days == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]
    leap = rec.occurrences(
        rec.monthly(30), date(2028, 1, 1), date(2028, 12, 31), date(2028, 2, 1), date(2028, 2, 29)
    )
    assert leap == [date(2028, 2, 29)]
    assert rec.monthly(8).describe() == "每月 8 日"


def test_a_year_of_weeks_is_52_or_53_days_not_rows() -> None:
    days = rec.occurrences(
        rec.weekly(2), date(2026, 1, 1), date(2026, 12, 31), date(2026, 1, 1), date(2026, 12, 31)
    )
    assert len(days) == 52
    assert all(d.weekday() == 2 for d in days)


def test_next_occurrence() -> None:
    rule = rec.weekly(4)
    assert rec.next_occurrence(
        rule, date(2026, 1, 1), date(2027, 1, 1), date(2026, 11, 22)
    ) == date(2026, 11, 27)
    assert (
        rec.next_occurrence(rule, date(2026, 1, 1), date(2026, 11, 25), date(2026, 11, 22)) is None
    )


@pytest.mark.parametrize(
    "bad",
    [
        None,
        {},
        {"kind": "daily"},
        {"kind": "weekly", "weekdays": []},
        {"kind": "weekly", "weekdays": [7]},
        {"kind": "weekly", "weekdays": [True]},
        {"kind": "monthly", "day": 0},
        {"kind": "monthly", "day": 32},
        {"kind": "monthly", "day": "8"},
    ],
)
def test_bad_rules_are_refused(bad: object) -> None:
    with pytest.raises(InvalidInput):
        rec.parse(bad)  # type: ignore[arg-type]


def test_round_trip_json() -> None:
    for rule in (rec.weekly(0, 4), rec.monthly(31)):
        assert rec.parse(rule.to_json()) == rule
