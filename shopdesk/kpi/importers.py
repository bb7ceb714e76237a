"""`shopdesk import kpi FILE --month YYYY-MM`: a sheet filled in by a supervisor.

Headers may be Chinese or English (客服/agent, 退款率/refund_rate …). Every cell is checked with
the month card's own rules, so a value is refused for the same reason as in the grid. The file is
all-or-nothing; importing it twice changes nothing (one row per agent and month, upserted).
Columns missing from the file leave those inputs as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shopdesk import audit, clock
from shopdesk.auth.actor import Actor
from shopdesk.auth.models import User
from shopdesk.auth.permissions import Perm, require
from shopdesk.db.engine import Database
from shopdesk.db.upsert import insert_for
from shopdesk.errors import ImportRejected, RowError
from shopdesk.io.tabular import Field, Table, parse_table, read_table
from shopdesk.kpi import service
from shopdesk.kpi.models import KpiMonth, KpiScore
from shopdesk.kpi.scorecard import (
    Card,
    Result,
    ScoreInputError,
    field_specs,
    inputs_to_json,
    parse_field,
    parse_inputs,
    score,
)

# Extra header names people use, beyond each field's label and key.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "quality": ("素质", "客服素质", "服务质量"),
    "disputes": ("投诉维权举报退款纠纷", "纠纷", "投诉、维权、举报、退款纠纷"),
    "refund_rate": ("退款率(%)",),
    "late": ("迟到次数",),
    "leave": ("请假次数",),
    "absent": ("旷工次数",),
    "low_reviews": ("低质评价次数", "低质评价(次)"),
    "complaint_deduction": ("投诉", "客户投诉", "complaints"),
    "praises": ("表扬次数", "客户表扬", "praise"),
    "outstanding": ("表现突出", "突出表现加分"),
    "response_time": ("响应时间", "首次响应时间", "平均响应时间", "首响时间(秒)"),
    "satisfaction": ("满意率", "客户满意度"),
    "conversion": ("转化率", "询单转化"),
}
AGENT = Field("agent", ("客服", "姓名", "客服姓名", "name"), label="客服")
LEVEL = Field("level", ("级别", "客服级别", "cs_level"), required=False, label="级别")


@dataclass(frozen=True)
class PreviewRow:
    row: int
    agent: str
    level: str
    result: Result
    change: str  # 新增 / 修改 / 不变


@dataclass
class ImportPreview:
    month: str
    card_name: str
    rows: list[PreviewRow] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    ignored_headers: list[str] = field(default_factory=list)
    stored: bool = False

    @property
    def changed(self) -> int:
        return sum(1 for r in self.rows if r.change != "不变")


def _parser(card: Card, key: str) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        try:
            return parse_field(card, key, text)
        except ScoreInputError as exc:
            raise ValueError(exc.reason) from None

    return parse


def fields_for(card: Card) -> list[Field]:
    out = [AGENT, LEVEL]
    for spec in field_specs(card):
        aliases = (spec.label, *EXTRA_ALIASES.get(spec.key, ()))
        out.append(
            Field(spec.key, aliases, _parser(card, spec.key), required=False, label=spec.label)
        )
    return out


def import_file(
    db: Database,
    actor: Actor,
    path: str | Path,
    month: str,
    *,
    card_name: str | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPreview:
    """Check every row, then store all of them or none (ImportRejected lists the problems)."""
    require(actor, Perm.SCORE_TEAM)
    table = read_table(path)
    month = service.check_month(month)
    name, card = service.card_for_month(db, month, card_name)
    parsed = parse_table(table, fields_for(card), progress=progress)
    preview = ImportPreview(
        month, name, columns=parsed.columns, ignored_headers=parsed.ignored_headers
    )
    errors: list[RowError] = list(parsed.errors)
    agent_header = parsed.columns.get("agent", "客服")
    level_header = parsed.columns.get("level", "级别")
    present = [f.key for f in field_specs(card) if f.key in parsed.columns]
    with db.write() as s:
        # Opened in the same unit of work: a rejected file leaves no new month behind.
        m = service.open_month_in(s, actor, month, card_name)
        if m.status == "final":
            raise ImportRejected([], f"{m.month} 已定稿, 不能导入 (需要店主重新打开)")
        users = {u.name: u for u in s.execute(select(User)).scalars()}
        existing = {
            sc.agent_id: sc
            for sc in s.execute(select(KpiScore).where(KpiScore.month_id == m.id)).scalars()
        }
        seen = _duplicates(table, agent_header, errors)
        planned: list[tuple[User, str, dict[str, Any], Result, str]] = []
        for row_no, values in zip(parsed.row_numbers, parsed.rows, strict=True):
            name = str(values["agent"]).strip()
            agent = users.get(name)
            if seen.get(name, row_no) != row_no:
                continue  # reported by _duplicates
            if agent is None or not agent.active:
                errors.append(RowError(row_no, agent_header, name, "没有这个客服 (或已停用)"))
                continue
            if actor.role != "owner" and agent.supervisor_id != actor.id:
                errors.append(RowError(row_no, agent_header, name, "不是你组的成员, 不能录入"))
                continue
            if service.team_status(s, m, agent) == "final":
                errors.append(RowError(row_no, agent_header, name, "本组本月已定稿, 不能修改"))
                continue
            old = existing.get(agent.id)
            level = str(values.get("level") or (old.cs_level if old else agent.cs_level) or "")
            if level not in card.base_pay:
                levels = "/".join(card.base_pay)
                errors.append(
                    RowError(
                        row_no, level_header, level, f"级别不在考核表“{card.name}”中 ({levels})"
                    )
                )
                continue
            merged, _ = parse_inputs(card, old.inputs if old else {})
            for key in present:
                merged[key] = values[key]
            stored = inputs_to_json(card, merged)
            result = score(card, stored, level)
            if old is None:
                change = "新增"
            elif old.inputs == stored and old.cs_level == level:
                change = "不变"
            else:
                change = "修改"
            planned.append((agent, level, stored, result, change))
            preview.rows.append(PreviewRow(row_no, name, level, result, change))
        if errors:
            raise ImportRejected(sorted(errors, key=lambda e: e.row))
        if dry_run:
            s.rollback()
            return preview
        _upsert(s, actor, m, planned, existing)
        preview.stored = True
    return preview


def _duplicates(table: Table, header: str, errors: list[RowError]) -> dict[str, int]:
    """Name → first row; every later row with the same name is an error (even if it has others)."""
    idx = table.headers.index(header)
    first: dict[str, int] = {}
    for offset, cells in enumerate(table.rows):
        name = cells[idx].strip()
        if not name:
            continue
        row_no = table.first_row + offset
        if name in first:
            errors.append(RowError(row_no, header, name, f"与第 {first[name]} 行重复"))
        else:
            first[name] = row_no
    return first


def _upsert(
    s: Session,
    actor: Actor,
    m: KpiMonth,
    planned: list[tuple[User, str, dict[str, Any], Result, str]],
    existing: dict[int, KpiScore],
) -> None:
    stamp = clock.now()
    values = []
    for agent, level, stored, r, change in planned:
        if change == "不变":
            continue
        values.append(
            {
                "month_id": m.id,
                "agent_id": agent.id,
                "cs_level": level,
                "inputs": stored,
                "item_points": r.to_dict(),
                "final_score": r.final,
                "passed": r.passed if r.complete else None,
                "bonus": r.bonus,
                "base_pay": r.base_pay,
                "pay": r.pay,
                "updated_at": stamp,
                "updated_by_id": actor.id,
                "version": 1,
            }
        )
        old = existing.get(agent.id)
        audit.record(
            s,
            actor,
            "kpi_score",
            old.id if old else f"{m.month}/{agent.name}",
            "import",
            {"inputs": old.inputs, "total": str(old.final_score)} if old else None,
            {"inputs": stored, "total": str(r.final), "level": level},
        )
    if not values:
        return
    stmt = insert_for(s, KpiScore)
    update = {
        c: stmt.excluded[c] for c in values[0] if c not in ("month_id", "agent_id", "version")
    }
    update["version"] = KpiScore.version + 1
    s.execute(
        stmt.on_conflict_do_update(index_elements=["month_id", "agent_id"], set_=update), values
    )
    # ORM objects loaded above are now stale; drop them so nothing writes old values back.
    s.expire_all()


def card_for_template(db: Database, actor: Actor, card_name: str | None) -> Card:
    """The card a blank template follows (the current version of the named card)."""
    with db.read() as s:
        return service._card_of(service._latest_card(s, card_name or service.AFTER_SALES_NAME))


def template_headers(card: Card) -> list[str]:
    return ["客服", "级别", *[f.label for f in field_specs(card)]]
