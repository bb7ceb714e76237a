"""Importing a supervisor's KPI sheet: headers in Chinese or English, per-row errors, upserts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shopdesk.audit.models import AuditEntry
from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.errors import ImportRejected, NotFound
from shopdesk.io.tabular import read_table
from shopdesk.kpi import exports, service
from shopdesk.kpi.importers import import_file

CN_HEADER = (
    "客服,级别,素质,退款率,纠纷处理,配合度,执行力,迟到,请假,旷工,低质评价,投诉扣分,表扬,突出表现"
)
EN_HEADER = (
    "agent,level,quality,refund_rate,disputes,teamwork,execution,late,leave,absent,"
    "low_reviews,complaint_deduction,praises,outstanding"
)


@pytest.fixture
def agents(db: Database, owner: Actor, supervisor: Actor) -> None:
    for name, level in [("小唐", "高级售后客服"), ("小邓", "普通售后客服"), ("小蔡", "售后组长")]:
        auth.add_user(db, owner, name, "staff", job="客服", cs_level=level, supervisor="主管")


def _write(tmp_path: Path, name: str, lines: list[str], encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding=encoding)
    return p


def test_import_chinese_headers_gbk_and_reimport_is_idempotent(
    db: Database, supervisor: Actor, agents: None, tmp_path: Path
) -> None:
    p = _write(
        tmp_path,
        "kpi.csv",
        [
            CN_HEADER,
            "小唐,高级售后客服,优,4.2%,良,优,中,1,0,0,2,,3,3",
            '小邓,普通售后客服,良,0.09,良,良,良,0,0,0,0,"10,15",1,',
            "小蔡,售后组长,优,5%,优,优,优,,,,,,,5",
        ],
        encoding="gb18030",
    )
    preview = import_file(db, supervisor, p, "2026-10")
    assert preview.stored
    assert [r.change for r in preview.rows] == ["修改", "修改", "修改"]  # rows existed (opened)
    info = service.find_month(db, supervisor, "2026-10")
    rows = {r.agent: r for r in service.grid(db, supervisor, info.id).rows}
    assert rows["小唐"].result.pay == Decimal("3338.46")
    assert rows["小邓"].result.final == 15 + 10 + 15 + 15 + 15 + 20 - 25 + 2 == 67
    assert not rows["小邓"].result.passed
    assert rows["小蔡"].result.final == 130
    with db.read() as s:
        audits = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "import")
        )
    again = import_file(db, supervisor, p, "2026-10")
    assert [r.change for r in again.rows] == ["不变"] * 3
    with db.read() as s:
        assert audits == s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "import")
        )
    assert service.grid(db, supervisor, info.id).rows[0].version == rows["小唐"].version


def test_import_english_headers_xlsx(
    db: Database, owner: Actor, agents: None, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(EN_HEADER.split(","))
    ws.append(["小唐", None, "Excellent", 0.042, "良", "优", "中", 1, 0, 0, 2, None, 3, 3])
    p = tmp_path / "kpi.xlsx"
    wb.save(p)
    import_file(db, owner, p, "2026-11")
    info = service.find_month(db, owner, "2026-11")
    row = next(r for r in service.grid(db, owner, info.id).rows if r.agent == "小唐")
    assert row.result.final == 109 and row.level == "高级售后客服"


def test_bad_rows_are_all_reported_and_nothing_is_stored(
    db: Database, supervisor: Actor, agents: None, tmp_path: Path
) -> None:
    p = _write(
        tmp_path,
        "bad.csv",
        [
            CN_HEADER,
            "小唐,高级售后客服,好,4.2%,良,优,中,1,0,0,2,,3,3",
            "小邓,普通售后客服,良,120%,良,良,良,0,0,0,0,25,1,",
            "无名氏,普通售后客服,良,1%,良,良,良,0,0,0,0,,1,",
            "小蔡,售前客服,优,5%,优,优,优,,,,,,,9",
            "小唐,高级售后客服,优,4.2%,良,优,中,1,0,0,2,,3,3",
        ],
    )
    with pytest.raises(ImportRejected) as exc:
        import_file(db, supervisor, p, "2026-10")
    errs = [(e.row, e.column, e.value) for e in exc.value.errors]
    assert (2, "素质", "好") in errs
    assert (3, "退款率", "120%") in errs
    assert (3, "投诉扣分", "25") in errs
    assert (4, "客服", "无名氏") in errs
    assert (5, "突出表现", "9") in errs
    assert (6, "客服", "小唐") in errs
    reasons = " ".join(e.reason for e in exc.value.errors)
    assert "优/良/中/差" in reasons and "5–20" in reasons and "重复" in reasons
    with pytest.raises(NotFound):  # nothing stored: not even the month was opened
        service.find_month(db, supervisor, "2026-10")


def test_supervisor_cannot_import_other_teams(
    db: Database, owner: Actor, supervisor: Actor, agents: None, tmp_path: Path
) -> None:
    auth.add_user(db, owner, "小外", "staff", job="客服", cs_level="普通售后客服")
    p = _write(tmp_path, "x.csv", [CN_HEADER, "小外,普通售后客服,优,1%,优,优,优,,,,,,,"])
    with pytest.raises(ImportRejected) as exc:
        import_file(db, supervisor, p, "2026-10")
    assert "不是你组的成员" in exc.value.errors[0].reason


def test_dry_run_stores_nothing(
    db: Database, supervisor: Actor, agents: None, tmp_path: Path
) -> None:
    p = _write(tmp_path, "x.csv", [CN_HEADER, "小唐,高级售后客服,优,4.2%,良,优,中,1,0,0,2,,3,3"])
    preview = import_file(db, supervisor, p, "2026-10", dry_run=True)
    assert not preview.stored and preview.rows[0].result.final == 109
    with pytest.raises(NotFound):  # a dry run opens no month either
        service.find_month(db, supervisor, "2026-10")


def test_blank_template_round_trips_through_the_importer(
    db: Database, supervisor: Actor, agents: None, tmp_path: Path
) -> None:
    p = exports.write_template(db, supervisor, tmp_path / "template.xlsx")
    t = read_table(p)
    assert t.headers[:4] == ["客服", "级别", "售后客服素质", "退款率"]
    assert sorted(r[0] for r in t.rows) == sorted(["小唐", "小邓", "小蔡"])
    # Filled only with names, the template imports (all inputs blank, nothing invalid).
    preview = import_file(db, supervisor, p, "2026-10")
    assert len(preview.rows) == 3


def test_a_rejected_file_opens_no_month(
    db: Database, supervisor: Actor, agents: None, tmp_path: Path
) -> None:
    """All-or-nothing includes the month itself: a bad sheet for a new month leaves no trace."""
    from shopdesk.kpi.models import KpiMonth

    p = _write(
        tmp_path, "bad.csv", [CN_HEADER, "小唐,高级售后客服,优秀,4.2%,良,优,中,1,0,0,2,,3,3"]
    )
    with pytest.raises(ImportRejected):
        import_file(db, supervisor, p, "2026-09")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(KpiMonth)) == 0
        assert not s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "kpi_month")
        )
