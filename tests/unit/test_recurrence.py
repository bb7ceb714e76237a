"""Recurrence rules of the daily checklist: month ends, leap days, weekday rules (DOMAIN §1)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopdesk.checklist.recurrence import (
    Progress,
    Rule,
    default_miss_policy,
    due_days,
    is_active,
    is_assigned,
    is_due,
    month_bounds,
    monthly_day_in,
    occurrence_status,
    overdue_days,
    parse_jobs,
    parse_weekdays,
    progress,
    section_progress,
    week_start,
)
from shopdesk.errors import InvalidInput

MON = date(2026, 11, 23)  # a Monday


def monthly(n: int) -> Rule:
    return Rule("monthly", month_day=n)


# --- kinds -------------------------------------------------------------------------------------


def test_daily_is_due_every_day_across_year_end() -> None:
    days = due_days(Rule("daily"), date(2026, 12, 30), date(2027, 1, 2))
    assert days == [date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 2)]


def test_weekdays_skip_saturday_and_sunday() -> None:
    week = due_days(Rule("weekdays"), MON, MON + timedelta(days=6))
    assert [d.weekday() for d in week] == [0, 1, 2, 3, 4]
    assert not is_due(Rule("weekdays"), date(2026, 11, 28))  # Saturday
    assert not is_due(Rule("weekdays"), date(2026, 11, 29))  # Sunday


def test_weekly_on_chosen_weekdays() -> None:
    rule = Rule("weekly", frozenset({0, 3}))  # Mon, Thu
    days = due_days(rule, MON, MON + timedelta(days=13))
    assert days == [MON, MON + timedelta(3), MON + timedelta(7), MON + timedelta(10)]
    assert is_due(Rule("weekly", frozenset({6})), date(2026, 11, 29))


def test_weekly_thursday_across_month_end() -> None:
    rule = Rule("weekly", frozenset({3}))
    assert due_days(rule, date(2026, 12, 28), date(2027, 1, 10)) == [
        date(2026, 12, 31),
        date(2027, 1, 7),
    ]


@pytest.mark.parametrize(
    ("n", "year", "month", "expected"),
    [
        (31, 2027, 2, 28),  # not a leap year
        (30, 2027, 2, 28),
        (29, 2027, 2, 28),
        (31, 2028, 2, 29),  # leap year
        (30, 2028, 2, 29),
        (29, 2028, 2, 29),
        (28, 2028, 2, 28),
        (31, 2026, 4, 30),
        (31, 2026, 12, 31),
        (30, 2026, 11, 30),
        (1, 2026, 2, 1),
        (31, 2100, 2, 28),  # century, not leap
        (29, 2000, 2, 29),  # 400-year leap
    ],
)
def test_monthly_day_falls_back_to_last_day(n: int, year: int, month: int, expected: int) -> None:
    assert monthly_day_in(year, month, n) == expected
    rule = monthly(n)
    assert is_due(rule, date(year, month, expected))
    first, last = month_bounds(year, month)
    assert due_days(rule, first, last) == [date(year, month, expected)]


def test_monthly_29_30_31_in_feb_2027_and_2028() -> None:
    for n in (29, 30, 31):
        assert due_days(monthly(n), date(2027, 2, 1), date(2027, 3, 31)) == [
            date(2027, 2, 28),
            date(2027, 3, min(n, 31)),
        ]
        assert due_days(monthly(n), date(2028, 2, 1), date(2028, 2, 29)) == [date(2028, 2, 29)]


def test_monthly_31_is_once_per_month_for_a_year() -> None:
    days = due_days(monthly(31), date(2028, 1, 1), date(2028, 12, 31))
    assert len(days) == 12
    assert all((d + timedelta(days=1)).day == 1 for d in days)  # each is a month's last day


def test_feb_29_2028_daily_and_weekly() -> None:
    leap = date(2028, 2, 29)  # a Tuesday
    assert leap.weekday() == 1
    assert is_due(Rule("daily"), leap)
    assert is_due(Rule("weekdays"), leap)
    assert is_due(Rule("weekly", frozenset({1})), leap)
    assert not is_due(Rule("weekly", frozenset({0})), leap)
    assert len(due_days(Rule("daily"), date(2028, 2, 1), date(2028, 2, 29))) == 29
    assert len(due_days(Rule("daily"), date(2027, 2, 1), date(2027, 2, 28))) == 28


def test_monthly_not_due_on_other_days() -> None:
    assert not is_due(monthly(31), date(2026, 11, 29))
    assert is_due(monthly(31), date(2026, 11, 30))
    assert not is_due(monthly(1), date(2026, 11, 2))


def test_due_days_empty_when_end_before_start() -> None:
    assert due_days(Rule("daily"), MON, MON - timedelta(days=1)) == []
    assert due_days(monthly(1), date(2026, 11, 2), date(2026, 11, 30)) == []


@given(
    kind=st.sampled_from(["daily", "weekdays", "weekly", "monthly"]),
    wd=st.frozensets(st.integers(0, 6), min_size=1),
    md=st.integers(1, 31),
    start=st.dates(date(1999, 1, 1), date(2101, 12, 31)),
    span=st.integers(0, 120),
)
def test_due_days_agree_with_is_due(
    kind: str, wd: frozenset[int], md: int, start: date, span: int
) -> None:
    rule = Rule(kind, wd if kind == "weekly" else frozenset(), md if kind == "monthly" else None)
    end = start + timedelta(days=span)
    brute = [start + timedelta(i) for i in range(span + 1) if is_due(rule, start + timedelta(i))]
    assert due_days(rule, start, end) == brute


@given(md=st.integers(1, 31), year=st.integers(1900, 2200), month=st.integers(1, 12))
def test_monthly_exactly_once_per_month(md: int, year: int, month: int) -> None:
    first, last = month_bounds(year, month)
    assert len(due_days(monthly(md), first, last)) == 1


# --- validation and stored form ----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("hourly",),
        ("weekly", frozenset()),
        ("weekly", frozenset({7})),
        ("monthly", frozenset(), None),
        ("monthly", frozenset(), 0),
        ("monthly", frozenset(), 32),
    ],
)
def test_bad_rules_are_refused(args: tuple) -> None:  # type: ignore[type-arg]
    with pytest.raises(InvalidInput):
        Rule(*args)


def test_from_fields_round_trip() -> None:
    rule = Rule.from_fields("weekly", "3,0", None)
    assert rule.weekdays == {0, 3}
    assert rule.weekdays_text == "0,3"
    assert Rule.from_fields("monthly", "1,2", 31) == monthly(31)
    assert Rule.from_fields("daily", "1", 5) == Rule("daily")
    assert Rule("daily").weekdays_text is None


@pytest.mark.parametrize(
    ("text", "days"), [("0,3", {0, 3}), ("1,2", {1, 2}), (" 4 ", {4}), ("", set())]
)
def test_parse_weekdays(text: str, days: set[int]) -> None:
    assert parse_weekdays(text) == days


@pytest.mark.parametrize("text", ["7", "a", "-1", "１"])
def test_parse_weekdays_refuses(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_weekdays(text)


def test_describe_in_chinese() -> None:
    assert Rule("daily").describe() == "每天"
    assert Rule("weekdays").describe() == "工作日(周一至周五)"
    assert Rule("weekly", frozenset({3, 0})).describe() == "每周一、周四"
    assert monthly(1).describe() == "每月 1 日"
    assert monthly(31).describe() == "每月最后一天"
    assert "小月" in monthly(30).describe()


def test_default_miss_policy() -> None:
    assert default_miss_policy("daily") == "expires"
    assert default_miss_policy("weekdays") == "expires"
    assert default_miss_policy("weekly") == "rolls_over"
    assert default_miss_policy("monthly") == "rolls_over"


# --- status of an occurrence -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "policy", "recorded", "expected"),
    [
        (MON, "expires", None, "open"),
        (MON, "rolls_over", None, "open"),
        (MON + timedelta(1), "rolls_over", None, "open"),  # a future day
        (MON - timedelta(1), "expires", None, "missed"),
        (MON - timedelta(1), "rolls_over", None, "overdue"),
        (MON - timedelta(30), "rolls_over", None, "overdue"),
        (MON - timedelta(1), "rolls_over", "done", "done"),
        (MON - timedelta(1), "expires", "skipped", "skipped"),
        (MON, "expires", "done", "done"),
    ],
)
def test_occurrence_status(due: date, policy: str, recorded: str | None, expected: str) -> None:
    assert occurrence_status(due, MON, policy, recorded) == expected


def test_occurrence_status_rejects_unknown_record() -> None:
    with pytest.raises(ValueError):
        occurrence_status(MON, MON, "expires", "maybe")


def test_overdue_days_stop_when_ticked_or_skipped() -> None:
    thu = Rule("weekly", frozenset({3}))
    today = date(2026, 12, 1)
    start = date(2026, 11, 1)
    all_thu = due_days(thu, start, today)
    assert overdue_days(thu, start, today, []) == all_thu
    assert overdue_days(thu, start, today, all_thu[:-1]) == all_thu[-1:]
    assert overdue_days(thu, start, today, all_thu) == []


def test_overdue_days_exclude_today_and_inactive_days() -> None:
    daily = Rule("daily")
    today = date(2026, 11, 25)
    got = overdue_days(daily, date(2026, 11, 20), today, [], active_from=date(2026, 11, 22))
    assert got == [date(2026, 11, 22), date(2026, 11, 23), date(2026, 11, 24)]
    got = overdue_days(daily, date(2026, 11, 20), today, [], retired_on=date(2026, 11, 22))
    assert got == [date(2026, 11, 20), date(2026, 11, 21)]


def test_is_active_window() -> None:
    assert is_active(MON, None, None)
    assert not is_active(MON, MON + timedelta(1), None)
    assert is_active(MON, MON, None)
    assert not is_active(MON, None, MON)
    assert is_active(MON, None, MON + timedelta(1))


# --- progress ----------------------------------------------------------------------------------


def test_progress_nine_of_fourteen() -> None:
    p = progress(["done"] * 8 + ["skipped"] + ["open"] * 3 + ["missed", "overdue"])
    assert (p.done, p.skipped, p.total) == (8, 1, 14)
    assert p.text == "9/14"
    assert p.rate == pytest.approx(9 / 14)


def test_progress_of_nothing_due_has_no_rate() -> None:
    assert progress([]).rate is None
    assert progress([]).text == "0/0"


def test_progress_adds_up() -> None:
    assert Progress(1, 1, 3) + Progress(2, 0, 2) == Progress(3, 1, 5)


def test_section_progress_keeps_section_order() -> None:
    got = section_progress(
        [("店铺检查", "done"), ("订单", "open"), ("店铺检查", "open"), ("订单", "skipped")]
    )
    assert list(got) == ["店铺检查", "订单"]
    assert got["店铺检查"].text == "1/2"
    assert got["订单"].text == "1/2"


def test_week_start_is_monday() -> None:
    assert week_start(date(2026, 11, 29)) == MON
    assert week_start(MON) == MON
    assert week_start(date(2028, 3, 1)) == date(2028, 2, 28)


# --- assignment --------------------------------------------------------------------------------


def test_parse_jobs() -> None:
    assert parse_jobs("店主/采购") == {"店主", "采购"}
    assert parse_jobs(None) == frozenset()


@pytest.mark.parametrize(
    ("job", "assignee", "actor_id", "actor_job", "role", "expected"),
    [
        (None, None, 5, "运营", "staff", True),  # everyone's item
        ("运营", None, 5, "运营", "staff", True),
        ("运营", None, 5, "客服", "staff", False),
        ("店主/采购", None, 5, "采购", "staff", True),
        ("店主/采购", None, 1, None, "owner", True),  # owner's job implied by the role
        ("主管", None, 2, "客服主管", "supervisor", True),
        ("客服主管", None, 2, None, "supervisor", False),
        (None, 7, 7, "运营", "staff", True),  # assigned to this person
        (None, 7, 5, "运营", "staff", False),
        ("运营", 7, 5, "运营", "staff", True),  # person or job
    ],
)
def test_is_assigned(
    job: str | None,
    assignee: int | None,
    actor_id: int,
    actor_job: str | None,
    role: str,
    expected: bool,
) -> None:
    assert is_assigned(job, assignee, actor_id, actor_job, role) is expected
