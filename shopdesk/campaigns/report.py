"""The campaign plan as a Report: printed, or exported to .xlsx/.csv/PDF, grouped by month."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from shopdesk.campaigns import stages
from shopdesk.campaigns.rows import CampaignRow
from shopdesk.reports import Column, Report, Section

COLUMNS = [
    Column("name", "活动", width=22),
    Column("kind", "类型", width=9),
    Column("platform", "平台", width=10),
    Column("start", "开始", "date", width=11),
    Column("end", "结束", "date", width=11),
    Column("repeat", "重复", width=9),
    Column("signup", "报名截止", "date", width=11),
    Column("stage", "阶段", width=20),
    Column("owner", "负责人", width=8),
    Column("skus", "商品数", "int", width=7),
    Column("discount", "优惠", width=24),
]


def _row(c: CampaignRow) -> dict[str, Any]:
    return {
        "name": c.name,
        "kind": c.kind_label,
        "platform": c.platform,
        "start": c.start,
        "end": c.end,
        "repeat": c.recurrence_text,
        "signup": c.signup_deadline,
        "stage": c.stage_label + (f": {c.reject_reason}" if c.reject_reason else ""),
        "owner": c.owner_name,
        "skus": c.sku_count,
        "discount": c.discount_text,
        "ended": c.stage in stages.END_STAGES,
    }


def plan_report(
    rows: Sequence[CampaignRow], range_from: date, range_to: date, shop: str = ""
) -> Report:
    """Campaigns by the month they start in (recurring activities in their own group first)."""
    recurring = [c for c in rows if c.recurrence]
    sections = []
    if recurring:
        sections.append(Section("每周/每月固定活动", [_row(c) for c in recurring]))
    by_month: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for c in sorted((c for c in rows if not c.recurrence), key=lambda c: (c.start, c.id)):
        by_month.setdefault((c.start.year, c.start.month), []).append(_row(c))
    sections += [Section(f"{y}年{m}月", items) for (y, m), items in sorted(by_month.items())]
    return Report(
        title="活动计划",
        subtitle=f"{range_from} 至 {range_to}",
        columns=list(COLUMNS),
        sections=sections,
        shop=shop,
        notes=["阶段: " + " → ".join(stages.label(s) for s in stages.STAGES)],
        highlight_key="ended",
    )
