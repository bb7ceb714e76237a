"""Presets: festival and weekly activity campaigns in one step."""

from __future__ import annotations

from datetime import date

import pytest

from shopdesk.campaigns import presets
from shopdesk.errors import InvalidInput


def test_double11_has_usual_dates_and_tasks() -> None:
    d = presets.draft("double11", date(2026, 9, 1))
    assert (d.name, d.kind, d.start, d.end) == (
        "2026 双11",
        "official",
        date(2026, 11, 1),
        date(2026, 11, 11),
    )
    assert d.signup_deadline == date(2026, 10, 10)
    stages_with_tasks = {t.stage for t in d.tasks}
    assert {"registered", "stock_prepared", "page_designed", "reviewed"} <= stages_with_tasks


def test_festival_already_over_goes_to_next_year() -> None:
    d = presets.draft("618", date(2026, 11, 22))
    assert d.start == date(2027, 6, 1) and d.end == date(2027, 6, 18)
    assert presets.draft("double12", date(2026, 11, 22)).start == date(2026, 12, 10)


def test_nianhuo_follows_lunar_new_year() -> None:
    d26 = presets.festival_draft("nianhuo", 2026)
    d27 = presets.festival_draft("nianhuo", 2027)
    assert d26.end == date(2026, 2, 7)  # 10 days before 17 Feb 2026
    assert d27.end == date(2027, 1, 27)  # 10 days before 6 Feb 2027


@pytest.mark.parametrize(
    ("key", "weekday", "name"),
    [
        ("mon_group", 0, "周一团购"),
        ("tue_special", 1, "周二特价"),
        ("wed_new", 2, "周三上新"),
        ("thu_freeship", 3, "周四免邮"),
    ],
)
def test_weekly_activities(key: str, weekday: int, name: str) -> None:
    d = presets.draft(key, date(2026, 11, 22))  # a Sunday
    assert d.name == name and d.kind == "own"
    assert d.recurrence is not None and d.recurrence.weekdays == (weekday,)
    assert d.start.weekday() == weekday and d.start > date(2026, 11, 22)
    assert d.end.year == 2029
    assert all(t.stage not in ("registered", "approved") for t in d.tasks)


def test_member_day_monthly() -> None:
    d = presets.draft("member_month", date(2026, 11, 22))
    assert d.start == date(2026, 12, 8)
    assert d.recurrence is not None and d.recurrence.to_json() == {"kind": "monthly", "day": 8}
    assert presets.draft("member_month", date(2026, 11, 3)).start == date(2026, 11, 8)


def test_every_preset_makes_a_draft() -> None:
    for p in presets.PRESETS:
        d = presets.draft(p.key, date(2026, 1, 15))
        assert d.start <= d.end and d.tasks
    with pytest.raises(InvalidInput):
        presets.draft("black_friday", date(2026, 1, 1))
