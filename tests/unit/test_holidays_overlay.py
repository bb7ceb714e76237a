"""Holiday, 调休 and festival overlay from the holidays package."""

from __future__ import annotations

from datetime import date

from shopdesk.campaigns import overlay


def _kinds(day: date) -> dict[str, str]:
    return {m.kind: m.name for m in overlay.day_marks(day, day).get(day, [])}


def test_national_day_2026_and_its_workdays() -> None:
    marks = overlay.day_marks(date(2026, 9, 1), date(2026, 10, 31))
    holidays = sorted(d for d, ms in marks.items() if any(m.kind == "holiday" for m in ms))
    assert date(2026, 10, 1) in holidays and date(2026, 10, 7) in holidays
    assert _kinds(date(2026, 10, 1)) == {"holiday": "国庆节"}
    # 调休: Sunday 20 Sep and Saturday 10 Oct 2026 are working days
    assert _kinds(date(2026, 9, 20)) == {"workday": "调休上班"}
    assert _kinds(date(2026, 10, 10)) == {"workday": "调休上班"}
    assert not overlay.is_day_off(date(2026, 10, 10))
    assert overlay.is_day_off(date(2026, 10, 6))
    assert overlay.is_day_off(date(2026, 10, 4))  # an ordinary Sunday
    assert not overlay.is_day_off(date(2026, 10, 9))


def test_spring_festival_2026() -> None:
    assert overlay.spring_festival(2026) == date(2026, 2, 17)
    assert _kinds(date(2026, 2, 17))["holiday"] == "春节"
    assert _kinds(date(2026, 2, 14)) == {"workday": "调休上班"}


def test_festivals_marked() -> None:
    assert _kinds(date(2026, 11, 11)) == {"festival": "双11"}
    assert _kinds(date(2026, 12, 12)) == {"festival": "双12"}
    assert _kinds(date(2026, 6, 18)) == {"festival": "618"}
    assert _kinds(date(2026, 3, 8)) == {"festival": "38女王节"}
    nianhuo = next(f for f in overlay.festivals(2026) if f.key == "nianhuo")
    assert nianhuo.usual_end < date(2026, 2, 17) and nianhuo.signup_deadline < nianhuo.usual_start


def test_unknown_year_is_provisional_without_tiaoxiu(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    known = overlay.known_until()
    assert known >= 2026
    assert not overlay.is_provisional(known)
    later = known + 1
    assert overlay.is_provisional(later)
    marks = overlay.day_marks(date(later, 1, 1), date(later, 12, 31))
    flat = [m for ms in marks.values() for m in ms]
    new_year = [m for m in flat if m.day == date(later, 1, 1)]
    assert new_year and new_year[0].provisional and new_year[0].short.endswith("(暂定)")
    assert not any(m.kind == "workday" for m in flat)  # no guessed 调休
    assert any(m.kind == "festival" and not m.provisional for m in flat)


def test_range_across_years() -> None:
    marks = overlay.day_marks(date(2025, 12, 30), date(2026, 1, 2))
    assert _kinds(date(2026, 1, 1)) == {"holiday": "元旦"}
    assert set(marks) <= {
        date(2025, 12, 30),
        date(2025, 12, 31),
        date(2026, 1, 1),
        date(2026, 1, 2),
    }
    assert date(2026, 1, 1) in marks


def test_weekend_inside_a_holiday_break() -> None:
    days = overlay.break_days(date(2026, 9, 28), date(2026, 10, 18))
    assert date(2026, 10, 4) in days  # the Sunday inside 国庆 (not listed by the package)
    assert {date(2026, 10, d) for d in range(1, 8)} <= days
    assert date(2026, 10, 11) not in days  # an ordinary Sunday after the 调休 Saturday
    assert date(2026, 10, 17) not in days
    # 中秋 on Friday 25 Sep 2026 makes that weekend a three-day break
    mid_autumn = overlay.break_days(date(2026, 9, 19), date(2026, 9, 30))
    assert mid_autumn == {date(2026, 9, 25), date(2026, 9, 26), date(2026, 9, 27)}
    # a normal weekend without a holiday next to it is not a break
    assert overlay.break_days(date(2026, 11, 14), date(2026, 11, 15)) == set()
