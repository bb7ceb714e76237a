"""Return on investment (ROI = sales ÷ cost, shown as 1:x) and its tiers [003 管理 B].

Pure functions of Decimals: campaigns and the dashboard share them. The ratio is computed
rounding toward zero, so a ratio just below an edge (1:2.9999…) never rounds up into the
next tier; the tier edges are exact (1:3 is 及格, not 不及格).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, localcontext
from enum import Enum

ZERO = Decimal(0)


class RoiTier(Enum):
    """ROI tiers of [003]: below 1:3 fail; from 1:3 pass; from 1:4 good; from 1:5 excellent."""

    FAIL = "fail"
    PASS = "pass"
    GOOD = "good"
    EXCELLENT = "excellent"

    @property
    def label(self) -> str:
        """The Chinese name shown in the UI and in exports."""
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """0 (fail) … 3 (excellent), for sorting and for colour-free markers."""
        return _ORDER.index(self)


_ORDER = (RoiTier.FAIL, RoiTier.PASS, RoiTier.GOOD, RoiTier.EXCELLENT)
_LABELS = {
    RoiTier.FAIL: "不及格",
    RoiTier.PASS: "及格",
    RoiTier.GOOD: "良好",
    RoiTier.EXCELLENT: "优秀",
}

#: Lower edge (inclusive) of each tier above FAIL, highest first.
TIER_EDGES: tuple[tuple[Decimal, RoiTier], ...] = (
    (Decimal(5), RoiTier.EXCELLENT),
    (Decimal(4), RoiTier.GOOD),
    (Decimal(3), RoiTier.PASS),
)


def roi(sales: Decimal | None, cost: Decimal | None) -> Decimal | None:
    """sales ÷ cost; None when there is no cost (0 or unknown) or no sales figure.

    A zero cost has no ROI rather than an infinite one: "1:∞" helps nobody decide.
    """
    if sales is None or cost is None or cost <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 34
        ctx.rounding = ROUND_DOWN
        return Decimal(sales) / Decimal(cost)


def roi_tier(ratio: Decimal | None) -> RoiTier | None:
    """The [003] tier of a ratio (x in 1:x); None when there is no ratio."""
    if ratio is None:
        return None
    for edge, tier in TIER_EDGES:
        if ratio >= edge:
            return tier
    return RoiTier.FAIL


def format_roi(ratio: Decimal | None, places: int = 2) -> str:
    """'1:3.25'; '—' when there is no ROI. Truncated, so the text agrees with the tier."""
    if ratio is None:
        return "—"
    shown = ratio.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)
    return f"1:{shown}"


@dataclass(frozen=True)
class RoiResult:
    """One ROI figure with its inputs, so a reader can see why."""

    sales: Decimal
    cost: Decimal
    ratio: Decimal | None
    tier: RoiTier | None

    @property
    def text(self) -> str:
        return format_roi(self.ratio)

    @property
    def tier_label(self) -> str:
        return self.tier.label if self.tier else ""


def roi_result(sales: Decimal | None, cost: Decimal | None) -> RoiResult:
    """ROI with tier; missing amounts count as 0."""
    s = sales if sales is not None else ZERO
    c = cost if cost is not None else ZERO
    ratio = roi(s, c)
    return RoiResult(sales=s, cost=c, ratio=ratio, tier=roi_tier(ratio))


def shop_cost(
    ad_spend: Decimal | None,
    free_shipping: Decimal | None = None,
    discounts: Decimal | None = None,
) -> Decimal:
    """Shop running cost of [003 管理 B]: ad spend + free-shipping cost + discounts."""
    return sum((v for v in (ad_spend, free_shipping, discounts) if v is not None), ZERO)


def shop_roi(
    paid_amount: Decimal | None,
    ad_spend: Decimal | None,
    free_shipping: Decimal | None = None,
    discounts: Decimal | None = None,
) -> RoiResult:
    """Shop ROI: paid amount ÷ (ad spend + free shipping + discounts)."""
    return roi_result(paid_amount, shop_cost(ad_spend, free_shipping, discounts))
