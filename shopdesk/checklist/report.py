"""The printable daily checklist report: what was done, by whom, notes, what was skipped and why.

Built once as a shared `Report`, so PDF, print, .xlsx and CSV all show the same thing. A reader
sees each item by its title (overdue ones with their day); the command-line handles (`12`,
`12@2026-11-20`, `c7`) are only in the `shopdesk checklist` listing, where they are typed back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from shopdesk.checklist.dayview import DayRow
from shopdesk.checklist.service import ChecklistDay
from shopdesk.reports import Column, Report, Section

WEEKDAYS = "一二三四五六日"

COLUMNS = [
    Column("title", "检查项目", width=52),
    Column("owner", "负责", width=10),
    Column("status", "状态", width=8),
    Column("by", "勾选人", width=8),
    Column("at", "勾选时间", width=16),
    Column("value", "数值", "decimal", width=8, places=2),
    Column("note", "备注 / 跳过原因", width=30),
]


def owner_text(row: DayRow) -> str:
    return row.assignee_name or row.job or "所有人"


def at_text(row: DayRow) -> str:
    """Local time of the tick; with the date when it was ticked on a later day (catch-up)."""
    if row.at is None:
        return ""
    local = row.at.astimezone()
    return f"{local:%m-%d %H:%M}" if row.late else f"{local:%H:%M}"


def row_dict(row: DayRow) -> dict[str, Any]:
    title = row.title if not row.carried_over else f"[{row.day:%m-%d}] {row.title}"
    return {
        "key": row.key,
        "template_id": row.template_id,
        "task_id": row.task_id,
        "source": row.source,
        "day": row.day,
        "section": row.section,
        "title": title,
        "owner": owner_text(row),
        "status": row.status_label,
        "status_code": row.status,
        "by": row.by_name or "",
        "at": at_text(row),
        "ticked_at": row.at,
        "value": row.value,
        "note": row.note or "",
        "carried_over": row.carried_over,
        "rule": row.rule_text,
        "flag": row.status in ("overdue", "missed"),
    }


def day_title(day: date) -> str:
    return f"{day:%Y-%m-%d} 周{WEEKDAYS[day.weekday()]}"


def daily_report(view: ChecklistDay, shop: str = "") -> Report:
    """Sections in the order of the tab; overdue carry-overs first."""
    sections: list[Section] = []
    carried = rows_for_cli([r for r in view.rows if r.carried_over], view.day)
    if carried:
        sections.append(Section(f"逾期未完成 ({len(carried)})", carried))
    grouped: dict[str, list[DayRow]] = {}
    for r in view.rows:
        if not r.carried_over:
            grouped.setdefault(r.section, []).append(r)
    prog = view.sections
    for name, rows in grouped.items():
        p = prog.get(name)
        label = f"{name}  {p.text}" if p else name
        sections.append(Section(label, rows_for_cli(rows, view.day)))
    skipped = [r for r in view.rows if r.status == "skipped"]
    missed = [r for r in view.rows if r.status in ("missed", "overdue")]
    p = view.progress
    notes = [f"完成 {p.done} 项, 跳过 {p.skipped} 项, 共 {p.total} 项 ({p.text})."]
    if skipped:
        notes.append("跳过: " + "; ".join(f"{r.title} — {r.note}" for r in skipped))
    if missed:
        notes.append(f"未完成: {len(missed)} 项")
    return Report(
        title=f"每日检查报告 {day_title(view.day)}",
        subtitle=f"{view.for_name} · 完成 {p.text}",
        columns=list(COLUMNS),
        sections=sections,
        shop=shop,
        notes=notes,
        landscape=True,
        highlight_key="flag",
    )


def rows_for_cli(rows: Sequence[DayRow], day: date) -> list[dict[str, Any]]:
    """Like row_dict, with the short id (`12`) for items of the day itself."""
    out = []
    for r in rows:
        d = row_dict(r)
        if r.source == "template" and r.day == day:
            d["id"] = str(r.template_id)
        else:
            d["id"] = r.key
        out.append(d)
    return out
