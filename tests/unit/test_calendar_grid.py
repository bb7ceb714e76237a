"""Month/week grid and bar lanes."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from shopdesk.campaigns.calendar import (
    Span,
    add_months,
    lanes_per_week,
    layout_bars,
    month_weeks,
    week_days,
)


def test_month_grid_starts_monday_and_covers_month() -> None:
    weeks = month_weeks(2026, 11)
    assert len(weeks) == 6
    assert weeks[0][0] == date(2026, 10, 26)  # Nov 1 2026 is a Sunday
    assert weeks[0][6] == date(2026, 11, 1)
    assert all(w[0].weekday() == 0 for w in weeks)
    assert len(month_weeks(2026, 11, rows=None)) == 6
    assert len(month_weeks(2027, 2, rows=None)) == 4  # Feb 2027 starts on Monday


def test_week_days() -> None:
    days = week_days(date(2026, 11, 11))
    assert days[0] == date(2026, 11, 9) and days[-1] == date(2026, 11, 15)


def test_add_months_clamps() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)


def test_bars_cut_at_weeks_and_stack_in_lanes() -> None:
    weeks = month_weeks(2026, 11)
    spans = [
        Span("d11", date(2026, 11, 1), date(2026, 11, 11)),
        Span("short", date(2026, 11, 3), date(2026, 11, 4)),
        Span("other", date(2026, 11, 5), date(2026, 11, 6)),
    ]
    bars = layout_bars(spans, weeks)
    d11 = [b for b in bars if b.key == "d11"]
    assert [(b.week, b.col_start, b.col_end) for b in d11] == [(0, 6, 6), (1, 0, 6), (2, 0, 2)]
    assert d11[0].continues_after and not d11[0].continues_before
    assert d11[1].continues_before and d11[1].continues_after
    week1 = {b.key: b.lane for b in bars if b.week == 1}
    assert week1 == {"d11": 0, "short": 1, "other": 1}  # the two short ones share a lane
    assert lanes_per_week(bars, len(weeks)) == [1, 2, 1, 0, 0, 0]


@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(0, 20)),
        max_size=25,
    )
)
def test_no_two_bars_overlap_in_a_lane(raw: list[tuple[int, int]]) -> None:
    base = date(2026, 10, 20)
    spans = [Span(i, base + timedelta(a), base + timedelta(a + n)) for i, (a, n) in enumerate(raw)]
    weeks = month_weeks(2026, 11)
    bars = layout_bars(spans, weeks)
    seen: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for bar in bars:
        cells = seen.setdefault((bar.week, bar.lane), [])
        assert all(bar.col_end < s or bar.col_start > e for s, e in cells)
        cells.append((bar.col_start, bar.col_end))
    # every visible day of every span is covered exactly once
    first, last = weeks[0][0], weeks[-1][-1]
    for span in spans:
        want = {
            span.start + timedelta(i)
            for i in range((span.end - span.start).days + 1)
            if first <= span.start + timedelta(i) <= last
        }
        got = [
            weeks[b.week][c]
            for b in bars
            if b.key == span.key
            for c in range(b.col_start, b.col_end + 1)
        ]
        assert sorted(got) == sorted(want)
