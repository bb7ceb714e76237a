"""The restock sheet as a shared `Report`: one description for xlsx, csv, HTML, print and PDF."""

from __future__ import annotations

import math
from typing import Any

from shopdesk.inventory.restock import TIER_LABELS
from shopdesk.inventory.service import Sheet, SheetLine
from shopdesk.reports import Column, Report, Section

WEEKDAYS = "一二三四五六日"
COLUMNS = [
    Column("sku", "SKU编码", width=12),
    Column("name", "商品名称", width=20),
    Column("tier", "层级", width=6),
    Column("hero", "主推", "bool", width=6),
    Column("on_hand", "库存", "int", width=7),
    Column("on_order", "在途", "int", width=7),
    Column("velocity", "日均销量", "decimal", width=9, places=2),
    Column("lead_time", "采购周期", "int", width=9),
    Column("cover_days", "覆盖天数", "int", width=9),
    Column("campaign_extra", "活动增量", "decimal", width=9, places=1),
    Column("days_of_cover", "可售天数", "text", width=9),
    Column("warning_level", "预警量", "int", width=7),
    Column("suggested_qty", "建议补货", "int", width=9),
    Column("final_qty", "补货数量", "int", width=9),
    Column("flags", "提示", "text", width=20),
]


def line_dict(line: SheetLine) -> dict[str, Any]:
    """One sheet line as a flat dict (CLI JSON/CSV, report rows)."""
    r = line.row
    flags = []
    if r.stockout_risk:
        flags.append("断货风险")
    if r.below_warning:
        flags.append("低于预警")
    if line.override_qty is not None:
        flags.append(f"已改({line.override_by or ''})")
    return {
        "sku": r.sku,
        "name": r.name,
        "supplier": r.supplier,
        "tier": TIER_LABELS.get(r.tier, r.tier),
        "hero": r.hero,
        "on_hand": r.on_hand,
        "on_order": r.on_order,
        "velocity": round(r.velocity, 4),
        "lead_time": r.lead_time,
        "cover_days": r.cover_days,
        "campaign_extra": round(r.campaign_extra, 4),
        "days_of_cover": "∞" if math.isinf(r.days_of_cover) else f"{r.days_of_cover:.1f}",
        "warning_level": r.warning_level,
        "suggested_qty": r.suggested_qty,
        "override_qty": line.override_qty,
        "override_by": line.override_by,
        "final_qty": line.final_qty,
        "below_warning": r.below_warning,
        "stockout_risk": r.stockout_risk,
        "flags": " ".join(flags),
    }


def json_line(line: SheetLine) -> dict[str, Any]:
    """The machine form: raw tier code, days_of_cover as a number or null for ∞."""
    r = line.row
    d = line_dict(line)
    d["tier"] = r.tier
    d["days_of_cover"] = None if math.isinf(r.days_of_cover) else round(r.days_of_cover, 2)
    d["safety_days"] = r.safety_days
    d["review_days"] = r.review_days
    d["need"] = r.need
    d.pop("flags")
    return d


def sheet_report(sheet: Sheet, shop: str) -> Report:
    sections: list[Section] = []
    for line in sheet.lines:
        d = line_dict(line)
        if not sections or sections[-1].title != _title(line):
            sections.append(Section(_title(line), []))
        if not d["campaign_extra"]:
            d["campaign_extra"] = None  # blank, not 0.0, so real campaign extras stand out
        sections[-1].rows.append(d)
    total = sum(ln.final_qty for ln in sheet.lines)
    status = (
        f"已保存 {sheet.saved_at:%Y-%m-%d %H:%M} {sheet.saved_by or ''}".strip()
        if sheet.saved and sheet.saved_at
        else "未保存 (按当前数据计算)"
    )
    p = sheet.parameters
    notes = [
        f"共 {len(sheet.lines)} 个 SKU, 补货合计 {total} 件。{status}。"
        "粉色行: 断货风险 (可售天数少于采购周期)。",
        "日均销量 = 表日前 {w} 天销量 ÷ 天数 (活动日{b}); 覆盖天数 = 采购周期 + 补货周期 {r} 天 + "
        "安全天数; 补货数量按箱规向上取整且不少于起订量。".format(
            w=p.get("window_days", 28),
            b="不计入" if p.get("baseline_rule", True) else "计入",
            r=p.get("review_days", 7),
        ),
    ]
    return Report(
        title="补货需求表",
        columns=COLUMNS,
        sections=sections,
        shop=shop,
        subtitle=f"表日 {sheet.sheet_date.isoformat()} (周{WEEKDAYS[sheet.sheet_date.weekday()]})",
        notes=notes,
        landscape=True,
        highlight_key="stockout_risk",
    )


def _title(line: SheetLine) -> str:
    return f"供应商: {line.row.supplier}"
