"""Checklist links of the metrics feature: yesterday's traffic and ad ROI (数据, 推广 items).

Registered with `shopdesk.checklist.links` (listed in its PROVIDER_MODULES); the owner picks them
in the template editor as 'traffic' and 'ad_roi'. A person still ticks the item.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from shopdesk.checklist.links import LinkStatus, provider
from shopdesk.metrics.changes import DEFAULT_THRESHOLD, figure_change
from shopdesk.metrics.fields import FIGURE_BY_KEY, FIGURE_KEYS, DayFigures, format_figure
from shopdesk.metrics.models import AdChannel, ChannelDaily, DailyMetric
from shopdesk.metrics.roi import roi_result

TRAFFIC_KEYS = ("visitors", "conversion", "paid_amount", "bounce_rate", "pages_per_visit")


def _threshold(session: Session) -> Decimal:
    from shopdesk.settings.service import get

    try:
        return Decimal(str(get(session, "metrics.change_threshold")))
    except Exception:
        return DEFAULT_THRESHOLD


def _figures(session: Session, day: date) -> DayFigures | None:
    row = session.execute(select(DailyMetric).where(DailyMetric.day == day)).scalar_one_or_none()
    if row is None:
        return None
    return DayFigures(row.day, **{k: getattr(row, k) for k in FIGURE_KEYS})


@provider("traffic", "昨日访客/转化/销售额")
def traffic(session: Session, day: date) -> LinkStatus:
    """Yesterday's visitors, conversion and sales, warning when one moved beyond the threshold."""
    yesterday = day - timedelta(days=1)
    y = _figures(session, yesterday)
    if y is None:
        return LinkStatus(
            "昨日数据未录入", "warn", "metrics", tooltip="在经营数据页导入或录入昨日数据"
        )
    before = _figures(session, yesterday - timedelta(days=1))
    limit = _threshold(session)
    parts = []
    flagged = []
    for key in TRAFFIC_KEYS[:3]:
        ch = figure_change(key, y, before, limit)
        arrow = f" {ch.direction.arrow}{ch.text}" if ch.ratio is not None else ""
        parts.append(f"{FIGURE_BY_KEY[key].label} {format_figure(key, y.get(key))}{arrow}")
    for key in TRAFFIC_KEYS:
        if figure_change(key, y, before, limit).flagged:
            flagged.append(FIGURE_BY_KEY[key].label)
    text = " · ".join(parts)
    if flagged:
        return LinkStatus(
            f"⚠ {text}",
            "warn",
            "metrics",
            tooltip=f"变化超过 ±{limit * 100:.0f}%: {'、'.join(flagged)}; 请分析原因",
        )
    return LinkStatus(text, "ok", "metrics", tooltip="与前一日相比没有超过阈值的变化")


@provider("ad_roi", "昨日推广 ROI")
def ad_roi(session: Session, day: date) -> LinkStatus:
    """Yesterday's ROI of each ad channel; 'bad' when one is below 1:3 (不及格)."""
    yesterday = day - timedelta(days=1)
    rows = session.execute(
        select(AdChannel.name, ChannelDaily.spend, ChannelDaily.sales)
        .join(AdChannel, AdChannel.id == ChannelDaily.channel_id)
        .where(ChannelDaily.day == yesterday)
        .order_by(AdChannel.sort_order)
    ).all()
    rois = [(name, roi_result(sales, spend)) for name, spend, sales in rows if spend > 0]
    if not rois:
        return LinkStatus("昨日推广数据未录入", "warn", "metrics")
    total = roi_result(
        sum((r.sales for _, r in rois), Decimal(0)), sum((r.cost for _, r in rois), Decimal(0))
    )
    failing = [name for name, r in rois if r.tier is not None and r.tier.rank == 0]
    tip = "; ".join(f"{name} {r.text} {r.tier_label}" for name, r in rois)
    text = f"昨日推广 ROI {total.text} {total.tier_label}"
    if failing:
        return LinkStatus(f"{text} · 不及格: {'、'.join(failing)}", "bad", "metrics", tooltip=tip)
    return LinkStatus(text, "ok", "metrics", tooltip=tip)
