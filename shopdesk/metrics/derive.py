"""Derived figures: computed when missing, cross-checked when present.

The platform's sheet is the authority: a stated conversion or AOV that disagrees with the other
columns is kept as stated and reported as a warning, so the owner looks instead of trusting a
silent fix. Ratios are compared with a tolerance that covers the platform's display rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from shopdesk.metrics.fields import FIGURE_BY_KEY, DayFigures, format_figure

RATIO_Q = Decimal("0.000001")
MONEY_Q = Decimal("0.01")
DEPTH_Q = Decimal("0.0001")


@dataclass(frozen=True)
class Tolerance:
    """A stated value agrees with the computed one within max(absolute, relative × computed)."""

    absolute: Decimal
    relative: Decimal = Decimal("0.01")

    def agrees(self, stated: Decimal, computed: Decimal) -> bool:
        limit = max(self.absolute, self.relative * abs(computed))
        return abs(stated - computed) <= limit


#: Defaults: half a unit of what the platform displays, or 1 % of the value.
TOLERANCES: dict[str, Tolerance] = {
    "conversion": Tolerance(Decimal("0.00005")),  # shown as 3.25 %
    "aov": Tolerance(Decimal("0.005")),  # shown to the fen
    "pages_per_visit": Tolerance(Decimal("0.005")),  # shown as 2.35
}


@dataclass(frozen=True)
class DeriveWarning:
    """A figure that does not fit the others; the stated value was kept."""

    key: str
    stated: Decimal | int | None
    computed: Decimal | int | None
    reason: str

    def __str__(self) -> str:
        return self.reason


def conversion(buyers: int | None, visitors: int | None) -> Decimal | None:
    """支付转化率 = 支付买家数 ÷ 访客数 (None without visitors)."""
    if buyers is None or not visitors:
        return None
    return (Decimal(buyers) / Decimal(visitors)).quantize(RATIO_Q, rounding=ROUND_HALF_UP)


def average_order_value(paid: Decimal | None, buyers: int | None) -> Decimal | None:
    """客单价 = 支付金额 ÷ 支付买家数 (None without buyers)."""
    if paid is None or not buyers:
        return None
    return (Decimal(paid) / Decimal(buyers)).quantize(MONEY_Q, rounding=ROUND_HALF_UP)


def pages_per_visit(page_views: int | None, visitors: int | None) -> Decimal | None:
    """人均浏览量 = 浏览量 ÷ 访客数."""
    if page_views is None or not visitors:
        return None
    return (Decimal(page_views) / Decimal(visitors)).quantize(DEPTH_Q, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Derived:
    figures: DayFigures
    computed: tuple[str, ...]  # keys filled in because the input lacked them
    warnings: tuple[DeriveWarning, ...]


def derive(day: DayFigures, tolerances: dict[str, Tolerance] | None = None) -> Derived:
    """Fill conversion, AOV and pages per visit when missing; check them when present."""
    tol = {**TOLERANCES, **(tolerances or {})}
    computations = {
        "conversion": conversion(day.paying_buyers, day.visitors),
        "aov": average_order_value(day.paid_amount, day.paying_buyers),
        "pages_per_visit": pages_per_visit(day.page_views, day.visitors),
    }
    fill: dict[str, Decimal | int | None] = {}
    computed: list[str] = []
    warnings: list[DeriveWarning] = []
    for key, value in computations.items():
        stated = day.get(key)
        if value is None:
            continue
        if stated is None:
            fill[key] = value
            computed.append(key)
        elif not tol[key].agrees(Decimal(stated), value):
            label = FIGURE_BY_KEY[key].label
            warnings.append(
                DeriveWarning(
                    key,
                    stated,
                    value,
                    f"{label} 为 {format_figure(key, stated)}, 按定义计算应为 "
                    f"{format_figure(key, value)}; 已保留表中数值, 请核对",
                )
            )
    warnings.extend(_consistency(day))
    return Derived(day.with_values(**fill), tuple(computed), tuple(warnings))


def _consistency(day: DayFigures) -> list[DeriveWarning]:
    """Counts that cannot be true together (more buyers than visitors, …)."""
    checks = (
        ("paying_buyers", day.paying_buyers, day.visitors, "大于访客数", 1),
        ("orders", day.orders, day.paying_buyers, "少于支付买家数", -1),
        ("page_views", day.page_views, day.visitors, "少于访客数", -1),
    )
    out: list[DeriveWarning] = []
    for key, value, other, words, sign in checks:
        if value is not None and other is not None and (value - other) * sign > 0:
            label = FIGURE_BY_KEY[key].label
            out.append(DeriveWarning(key, value, other, f"{label} {value} {words} {other}"))
    return out
