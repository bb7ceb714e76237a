"""Day-over-day change with the owner's threshold [000 数据 01 (2)], and week/month summaries.

A change from nothing (0) to something has no percentage; it is still flagged, because a figure
appearing from zero is exactly the kind of jump someone should look at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from functools import lru_cache

from shopdesk.metrics.derive import average_order_value, conversion, pages_per_visit
from shopdesk.metrics.fields import FIGURE_BY_KEY, ChannelDay, DayFigures
from shopdesk.metrics.roi import RoiResult, roi_result, shop_roi

DEFAULT_THRESHOLD = Decimal("0.20")


class Direction(Enum):
    UP = "up"
    DOWN = "down"
    FLAT = "flat"
    UNKNOWN = "unknown"

    @property
    def arrow(self) -> str:
        return {"up": "▲", "down": "▼", "flat": "＝", "unknown": "—"}[self.value]


@dataclass(frozen=True)
class Change:
    """A figure today against the day before."""

    value: Decimal | int | None
    previous: Decimal | int | None
    delta: Decimal | None
    ratio: Decimal | None  # relative change, 0.25 = +25 %; None when previous is 0 or unknown
    direction: Direction
    flagged: bool  # beyond the threshold: someone should look into it
    better: bool | None = None  # True when the move is good for the shop

    @property
    def text(self) -> str:
        """'+25.0%', '-12.3%', '0.0%', '新增' (from zero), '—' (unknown)."""
        if self.direction is Direction.UNKNOWN:
            return "—"
        if self.ratio is None:
            return "新增" if self.direction is Direction.UP else "—"
        pct = (self.ratio * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        sign = "+" if pct > 0 else ""
        return f"{sign}{pct}%"


def change(
    value: Decimal | int | None,
    previous: Decimal | int | None,
    threshold: Decimal = DEFAULT_THRESHOLD,
    *,
    higher_is_better: bool = True,
) -> Change:
    """Relative change; flagged when |change| is strictly beyond the threshold."""
    if value is None or previous is None:
        return Change(value, previous, None, None, Direction.UNKNOWN, False)
    v, p = Decimal(value), Decimal(previous)
    delta = v - p
    direction = Direction.UP if delta > 0 else Direction.DOWN if delta < 0 else Direction.FLAT
    better = None if direction is Direction.FLAT else (delta > 0) == higher_is_better
    if p == 0:
        return Change(value, previous, delta, None, direction, delta != 0, better)
    ratio = delta / abs(p)
    return Change(value, previous, delta, ratio, direction, abs(ratio) > threshold, better)


def figure_change(
    key: str, today: DayFigures | None, before: DayFigures | None, threshold: Decimal
) -> Change:
    """Change of one named figure between two days (either may be missing)."""
    spec = FIGURE_BY_KEY[key]
    return change(
        today.get(key) if today else None,
        before.get(key) if before else None,
        threshold,
        higher_is_better=spec.higher_is_better,
    )


@dataclass
class PeriodSummary:
    """Totals and recomputed ratios of one week or month."""

    key: str  # "2024-W18" / "2024-05"
    label: str  # "2024年第18周 (04-29~05-05)" / "2024年05月"
    start: date
    end: date
    days: int = 0  # days with figures
    visitors: int = 0
    page_views: int = 0
    paying_buyers: int = 0
    orders: int = 0
    paid_amount: Decimal = Decimal("0.00")
    free_shipping_cost: Decimal = Decimal("0.00")
    discounts: Decimal = Decimal("0.00")
    ad_spend: Decimal = Decimal("0.00")
    ad_sales: Decimal = Decimal("0.00")
    channel_spend: dict[str, Decimal] = field(default_factory=dict)
    channel_sales: dict[str, Decimal] = field(default_factory=dict)
    bounce_weighted: Decimal = Decimal(0)  # Σ bounce × visitors, for the weighted mean
    bounce_visitors: int = 0
    dsr_description: Decimal | None = None  # last known in the period (DSR is a rolling mean)
    dsr_service: Decimal | None = None
    dsr_logistics: Decimal | None = None

    @property
    def conversion(self) -> Decimal | None:
        return conversion(self.paying_buyers, self.visitors)

    @property
    def aov(self) -> Decimal | None:
        return average_order_value(self.paid_amount, self.paying_buyers)

    @property
    def pages_per_visit(self) -> Decimal | None:
        return pages_per_visit(self.page_views, self.visitors)

    @property
    def bounce_rate(self) -> Decimal | None:
        if not self.bounce_visitors:
            return None
        return (self.bounce_weighted / self.bounce_visitors).quantize(Decimal("0.000001"))

    @property
    def shop_roi(self) -> RoiResult:
        return shop_roi(self.paid_amount, self.ad_spend, self.free_shipping_cost, self.discounts)

    @property
    def ads_roi(self) -> RoiResult:
        return roi_result(self.ad_sales, self.ad_spend)

    def channel_roi(self, channel: str) -> RoiResult:
        return roi_result(self.channel_sales.get(channel), self.channel_spend.get(channel))


@lru_cache(maxsize=8192)
def period_of(day: date, period: str) -> tuple[str, str, date, date]:
    """(key, label, first day, last day) of the ISO week or calendar month holding `day`."""
    if period == "week":
        start = day - timedelta(days=day.weekday())
        end = start + timedelta(days=6)
        year, week, _ = day.isocalendar()
        label = f"{year}年第{week:02d}周 ({start:%m-%d}~{end:%m-%d})"
        return f"{year}-W{week:02d}", label, start, end
    if period == "month":
        start = day.replace(day=1)
        nxt = (start + timedelta(days=32)).replace(day=1)
        return f"{day:%Y-%m}", f"{day.year}年{day.month:02d}月", start, nxt - timedelta(days=1)
    raise ValueError(f"unknown period {period!r}")


def summarise(
    days: Iterable[DayFigures], channels: Iterable[ChannelDay], period: str
) -> list[PeriodSummary]:
    """Week ('week') or month ('month') summaries, oldest first, exact Decimal sums."""
    out: dict[str, PeriodSummary] = {}

    def bucket(d: date) -> PeriodSummary:
        key, label, start, end = period_of(d, period)
        if key not in out:
            out[key] = PeriodSummary(key, label, start, end)
        return out[key]

    for f in sorted(days, key=lambda f: f.day):
        s = bucket(f.day)
        s.days += 1
        s.visitors += f.visitors or 0
        s.page_views += f.page_views or 0
        s.paying_buyers += f.paying_buyers or 0
        s.orders += f.orders or 0
        s.paid_amount += f.paid_amount or 0
        s.free_shipping_cost += f.free_shipping_cost or 0
        s.discounts += f.discounts or 0
        if f.bounce_rate is not None and f.visitors:
            s.bounce_weighted += f.bounce_rate * f.visitors
            s.bounce_visitors += f.visitors
        for key in ("dsr_description", "dsr_service", "dsr_logistics"):
            if f.get(key) is not None:
                setattr(s, key, f.get(key))
    for c in channels:
        s = bucket(c.day)
        s.ad_spend += c.spend
        s.ad_sales += c.sales
        s.channel_spend[c.channel] = s.channel_spend.get(c.channel, Decimal("0.00")) + c.spend
        s.channel_sales[c.channel] = s.channel_sales.get(c.channel, Decimal("0.00")) + c.sales
    return sorted(out.values(), key=lambda s: s.start)
