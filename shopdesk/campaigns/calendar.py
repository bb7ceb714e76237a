"""Calendar grid maths: which days a month/week view shows and where the campaign bars go.

Weeks start on Monday (the Chinese convention). A bar is cut at week boundaries, and within a week
each bar gets the lowest lane (row) not taken by a bar it overlaps, longer bars placed first so
they stay straight lines across the week.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAY_LABELS: tuple[str, ...] = ("一", "二", "三", "四", "五", "六", "日")


def week_start(day: date) -> date:
    """The Monday of the week containing `day`."""
    return day - timedelta(days=day.weekday())


def week_days(day: date) -> list[date]:
    """The seven days (Monday first) of the week containing `day`."""
    first = week_start(day)
    return [first + timedelta(days=i) for i in range(7)]


def month_last_day(year: int, month: int) -> date:
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return nxt - timedelta(days=1)


def month_weeks(year: int, month: int, *, rows: int | None = 6) -> list[list[date]]:
    """Weeks (Monday first) covering the month, with the neighbouring months' days around it.

    Six rows by default so the grid does not jump in height from month to month; `rows=None`
    gives only the weeks the month needs (4–6).
    """
    first = week_start(date(year, month, 1))
    last = month_last_day(year, month)
    count = ((last - first).days // 7) + 1
    if rows is not None:
        count = max(count, rows)
    return [[first + timedelta(days=7 * w + d) for d in range(7)] for w in range(count)]


def add_months(day: date, months: int) -> date:
    """Same day of month `months` later, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return min(
        date(year, month + 1, 1) + timedelta(days=day.day - 1), month_last_day(year, month + 1)
    )


@dataclass(frozen=True)
class Span:
    """Something with a first and last day (inclusive) to be drawn as a bar."""

    key: Hashable
    start: date
    end: date


@dataclass(frozen=True)
class Bar:
    """One piece of a span inside one week row: columns are 0..6 (Mon..Sun), inclusive."""

    key: Hashable
    week: int  # row index in the grid
    col_start: int
    col_end: int
    lane: int
    continues_before: bool  # the span began in an earlier week: draw an open left edge
    continues_after: bool


def layout_bars(spans: Iterable[Span], weeks: list[list[date]]) -> list[Bar]:
    """Cut spans at week rows and give each piece a lane, no two overlapping in one lane."""
    span_list = [s for s in spans if s.end >= s.start]
    bars: list[Bar] = []
    for row, days in enumerate(weeks):
        first, last = days[0], days[-1]
        pieces = []
        for span in span_list:
            if span.end < first or span.start > last:
                continue
            a = max(span.start, first)
            b = min(span.end, last)
            pieces.append((span, (a - first).days, (b - first).days))
        # longer first, then earlier, then by original order: stable and predictable
        pieces.sort(key=lambda p: (-(p[2] - p[1]), p[1]))
        lanes: list[list[tuple[int, int]]] = []
        for span, c0, c1 in pieces:
            lane = 0
            while lane < len(lanes) and any(c0 <= e and s <= c1 for s, e in lanes[lane]):
                lane += 1
            if lane == len(lanes):
                lanes.append([])
            lanes[lane].append((c0, c1))
            bars.append(
                Bar(
                    key=span.key,
                    week=row,
                    col_start=c0,
                    col_end=c1,
                    lane=lane,
                    continues_before=span.start < first,
                    continues_after=span.end > last,
                )
            )
    bars.sort(key=lambda b: (b.week, b.lane, b.col_start))
    return bars


def lanes_per_week(bars: Iterable[Bar], weeks: int) -> list[int]:
    """How many lanes each week row needs (so a row can grow to show them)."""
    counts = [0] * weeks
    for bar in bars:
        counts[bar.week] = max(counts[bar.week], bar.lane + 1)
    return counts


def overlaps(start: date, end: date, range_from: date, range_to: date) -> bool:
    return start <= range_to and end >= range_from
