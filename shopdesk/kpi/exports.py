"""What leaves the KPI feature: the payroll sheet for finance, CLI rows and the blank template."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from shopdesk.auth.actor import Actor
from shopdesk.auth.permissions import Perm, require
from shopdesk.db.engine import Database
from shopdesk.kpi import service
from shopdesk.kpi.importers import card_for_template, template_headers
from shopdesk.kpi.scorecard import _num, field_specs, format_field
from shopdesk.reports import Column, Report
from shopdesk.settings import service as settings

NO_MONEY = Decimal("0.00")


def score_rows(g: service.Grid) -> list[dict[str, Any]]:
    """One flat dict per agent (table/CSV output) with every item's points."""
    out = []
    for r in g.rows:
        row: dict[str, Any] = {"agent": r.agent, "level": r.level}
        for p in r.result.items:
            row[p.key] = p.points
        row.update(
            deductions=r.result.deductions,
            additions=r.result.additions,
            total=r.result.final,
            passed=r.result.passed if r.result.complete else None,
            bonus=r.result.bonus,
            base_pay=r.result.base_pay,
            pay=r.result.pay,
        )
        out.append(row)
    return out


def score_columns(g: service.Grid) -> list[Column]:
    cols = [Column("agent", "客服"), Column("level", "级别", width=14)]
    cols += [Column(i.key, i.label, "decimal", width=8, places=0) for i in g.month.card.items]
    cols += [
        Column("deductions", "扣分", "decimal", width=6, places=0),
        Column("additions", "加分", "decimal", width=6, places=0),
        Column("total", "总分", "decimal", width=7, places=0),
        Column("passed", "合格", "bool", width=6),
        Column("bonus", "绩效奖金", "money"),
        Column("base_pay", "底薪", "money"),
        Column("pay", "应发工资", "money"),
    ]
    return cols


def json_rows(g: service.Grid) -> list[dict[str, Any]]:
    """JSON per agent: agent, level, items with points, total, passed, money as "0.00" strings."""
    out = []
    for r in g.rows:
        d = r.result.to_dict()
        out.append(
            {
                "agent": r.agent,
                "level": r.level,
                "items": d["items"],
                "deductions": d["deductions"],
                "additions": d["additions"],
                "total": d["total"],
                "passed": d["passed"],
                "complete": r.result.complete,
                "bonus": d["bonus"],
                "base_pay": d["base_pay"],
                "pay": d["pay"],
                "inputs": {
                    k: format_field(g.month.card, k, v)
                    for k, v in r.inputs.items()
                    if v not in (None, ())
                },
            }
        )
    return out


def payroll_report(db: Database, actor: Actor, month_id: int) -> Report:
    """The month's pay per agent for finance (owner/finance only: it shows everyone's bonus)."""
    require(actor, Perm.VIEW_ALL_SCORES)
    g = service.grid(db, actor, month_id)
    shop = str(settings.read(db, "shop.name"))
    rows = [
        {
            "agent": r.agent,
            "level": r.level,
            "total": r.result.final,
            "passed": r.result.passed,
            "base_pay": r.result.base_pay,
            "bonus": r.result.bonus,
            "pay": r.result.pay,
            "not_passed": not r.result.passed,
        }
        for r in g.rows
    ]
    status = g.month.status_label
    total_pay = sum((r.result.pay for r in g.rows), NO_MONEY)
    notes = [
        f"绩效奖金合计: {g.bonus_total or NO_MONEY:,.2f} 元; 应发工资合计: {total_pay:,.2f} 元",
        f"考核表: {g.month.card_name} (第 {g.month.card_version} 版), "
        f"奖金池 {g.month.card.pool:,.2f} 元, 合格线 {_num(g.month.card.pass_line)} 分",
    ]
    if g.month.status != "final":
        notes.insert(0, f"注意: 本月绩效状态为“{status}”, 尚未定稿, 数字可能还会变化。")
    return Report.simple(
        f"客服工资表 {g.month.month}",
        [
            Column("agent", "客服", width=12),
            Column("level", "级别", width=14),
            Column("total", "绩效得分", "decimal", width=10, places=0),
            Column("passed", "合格", "bool", width=8),
            Column("base_pay", "底薪", "money", width=12),
            Column("bonus", "绩效奖金", "money", width=12),
            Column("pay", "应发工资", "money", width=12),
        ],
        rows,
        shop=shop,
        subtitle=f"{g.month.card_name} · {status}",
        notes=notes,
        landscape=False,
        highlight_key="not_passed",
    )


def write_payroll(db: Database, actor: Actor, month_id: int, path: str | Path) -> Path:
    from shopdesk.io.excel import write_report

    return write_report(payroll_report(db, actor, month_id), path)


def write_template(
    db: Database, actor: Actor, path: str | Path, *, card_name: str | None = None
) -> Path:
    """A blank sheet with the card's headers and (for a supervisor) their team's names filled in."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    from shopdesk.auth import service as auth

    require(actor, Perm.SCORE_TEAM)
    card = card_for_template(db, actor, card_name)
    people = [
        u
        for u in auth.list_users(db)
        if u.cs_level in card.base_pay and (actor.role == "owner" or u.supervisor_id == actor.id)
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "绩效录入"
    headers = template_headers(card)
    hints = {f.label: f.hint for f in field_specs(card)}
    for ci, h in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=ci, value=h)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        if h in hints:
            cell.comment = Comment(hints[h], "ShopDesk")
        ws.column_dimensions[cell.column_letter].width = max(10, len(h) * 2 + 2)
    for ri, u in enumerate(people, start=2):
        ws.cell(row=ri, column=1, value=u.name).data_type = "s"
        ws.cell(row=ri, column=2, value=u.cs_level).data_type = "s"
    ws.freeze_panes = "B2"
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    wb.save(p)
    return p
