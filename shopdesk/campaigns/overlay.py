"""What the calendar marks on each day: Chinese public holidays, 调休 workdays, shop festivals.

Holidays and adjusted working days come from the maintained `holidays` package (holidays.China),
never a hand-typed table. The State Council publishes next year's 调休 in November or December;
a year the installed package has no official schedule for is *provisional*: its holidays are the
package's rule-based guess (fixed dates and lunar festivals, no 调休) and are shown as 暂定.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

HOLIDAY = "holiday"
WORKDAY = "workday"  # 调休上班: a weekend day that is a working day
FESTIVAL = "festival"
KIND_LABELS = {HOLIDAY: "法定节假日", WORKDAY: "调休上班", FESTIVAL: "电商节"}


@dataclass(frozen=True)
class DayMark:
    day: date
    kind: str  # holiday | workday | festival
    name: str
    provisional: bool = False  # year not yet published by the State Council

    @property
    def short(self) -> str:
        """Text for a small calendar cell."""
        if self.kind == WORKDAY:
            return "班"
        return self.name + ("(暂定)" if self.provisional else "")


@dataclass(frozen=True)
class Festival:
    """An e-commerce festival: its headline day and the usual campaign period around it."""

    key: str
    name: str
    day: date  # the day marked in the calendar
    usual_start: date
    usual_end: date
    signup_deadline: date


_warm = False  # set once the holidays package has been loaded and used


def warm() -> bool:
    """Whether the holidays package is loaded: until then the first mark costs ~0.25 s (the
    package imports every country), which the calendar tab pays in a worker, not on screen."""
    return _warm


def warm_up(years: Iterable[int]) -> None:
    """Load the package and the marks of `years` (safe to call from a worker thread)."""
    global _warm
    known_until()
    for year in years:
        _public_marks(year)
        spring_festival(year)
    _warm = True


@lru_cache(maxsize=1)
def known_until() -> int:
    """The last year for which the installed package has the official holiday schedule."""
    from holidays.countries.china import ChinaStaticHolidays

    years = [y for y in ChinaStaticHolidays.special_public_holidays if isinstance(y, int)]
    return max(years) if years else 0


def is_provisional(year: int) -> bool:
    return year > known_until()


def _clean_name(name: str) -> str:
    # "休息日（由 2026-01-04 调休）" → "休息日(调休)"; "清明节（补假）" stays readable
    if name.startswith("休息日"):
        return "休息日(调休)"
    return name.replace("（", "(").replace("）", ")")


@lru_cache(maxsize=32)
def _public_marks(year: int) -> tuple[DayMark, ...]:
    import holidays

    # next year too: a late-December 调休 workday can belong to next year's schedule
    cal = holidays.China(years=(year, year + 1), language="zh_CN")
    provisional = is_provisional(year)
    marks = [
        DayMark(day, HOLIDAY, "; ".join(_clean_name(n) for n in names.split("; ")), provisional)
        for day, names in sorted(cal.items())
        if day.year == year
    ]
    if not provisional:
        marks.extend(
            DayMark(day, WORKDAY, "调休上班")
            for day in sorted(cal.weekend_workdays)
            if day.year == year
        )
    return tuple(sorted(marks, key=lambda m: m.day))


@lru_cache(maxsize=32)
def spring_festival(year: int) -> date:
    """First day of 春节 (Chinese New Year) in `year`, from the package's lunar calendar."""
    import holidays

    cal = holidays.China(years=year, language="zh_CN")
    days = sorted(d for d, n in cal.items() if "春节" in n and "除夕" not in n)
    return days[0]


def festivals(year: int) -> list[Festival]:
    """The shop festivals of a year with their usual campaign periods (presets start from them)."""
    d = date
    cny = spring_festival(year)
    nianhuo_start = cny - timedelta(days=30)
    return [
        Festival(
            "nianhuo",
            "年货节",
            nianhuo_start,
            nianhuo_start,
            cny - timedelta(days=10),
            nianhuo_start - timedelta(days=15),
        ),
        Festival(
            "queen38", "38女王节", d(year, 3, 8), d(year, 3, 1), d(year, 3, 8), d(year, 2, 10)
        ),
        Festival("618", "618", d(year, 6, 18), d(year, 6, 1), d(year, 6, 18), d(year, 5, 10)),
        Festival(
            "double11", "双11", d(year, 11, 11), d(year, 11, 1), d(year, 11, 11), d(year, 10, 10)
        ),
        Festival(
            "double12", "双12", d(year, 12, 12), d(year, 12, 10), d(year, 12, 12), d(year, 11, 25)
        ),
    ]


def day_marks(range_from: date, range_to: date) -> dict[date, list[DayMark]]:
    """Every mark for the days range_from..range_to, keyed by day (holidays before festivals)."""
    result: dict[date, list[DayMark]] = {}
    for year in range(range_from.year, range_to.year + 1):
        found = list(_public_marks(year))
        found += [DayMark(f.day, FESTIVAL, f.name) for f in festivals(year)]
        for mark in found:
            if range_from <= mark.day <= range_to:
                result.setdefault(mark.day, []).append(mark)
    return result


def is_day_off(day: date) -> bool:
    """A day people do not work: a public holiday, or a weekend not made a workday by 调休."""
    marks = day_marks(day, day).get(day, [])
    if any(m.kind == HOLIDAY for m in marks):
        return True
    if any(m.kind == WORKDAY for m in marks):
        return False
    return day.weekday() >= 5


def break_days(range_from: date, range_to: date) -> set[date]:
    """Days off that belong to a holiday break: every day of a run of consecutive days off
    (holidays, and weekends not made workdays) that contains a public holiday.

    The package lists only the official holiday days, so a Sunday inside 国庆 (4 Oct 2026) or the
    weekend after a Friday holiday would look like an ordinary weekend without this.
    """
    lo, hi = range_from - timedelta(days=10), range_to + timedelta(days=10)
    marks = day_marks(lo, hi)

    def off(day: date) -> bool:
        kinds = {m.kind for m in marks.get(day, [])}
        return HOLIDAY in kinds or (day.weekday() >= 5 and WORKDAY not in kinds)

    result: set[date] = set()
    run: list[date] = []
    day = lo
    while day <= hi + timedelta(days=1):
        if day <= hi and off(day):
            run.append(day)
        else:
            if any(m.kind == HOLIDAY for d in run for m in marks.get(d, [])):
                result.update(d for d in run if range_from <= d <= range_to)
            run = []
        day += timedelta(days=1)
    return result
