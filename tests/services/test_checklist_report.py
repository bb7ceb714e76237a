"""The daily report a person reads (print, PDF, .xlsx, CSV) names items by their title, never by
internal keys such as `c14` or `12@2026-11-20`; the CLI's confirmations do the same."""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from shopdesk import clock
from shopdesk.auth.actor import Actor
from shopdesk.campaigns import service as campaigns
from shopdesk.campaigns.rows import CampaignInput
from shopdesk.checklist import service as cl
from shopdesk.checklist.models import ChecklistTemplate
from shopdesk.checklist.report import daily_report
from shopdesk.cli import main
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.reports import export

KEY = re.compile(r"^(c\d+|\d+@\d{4}-\d{2}-\d{2})$")


@pytest.fixture
def busy_day(db: Database, owner: Actor, staff: Actor) -> date:
    """Today: a campaign task due, a weekly item overdue from earlier, one item skipped."""
    today = clock.today()
    with db.write() as s:
        s.execute(update(ChecklistTemplate).values(active_from=today - timedelta(days=21)))
    campaigns.create_campaign(
        db,
        owner,
        CampaignInput(
            name="双12",
            start=today + timedelta(days=10),
            end=today + timedelta(days=15),
            signup_deadline=today,
        ),
    )
    first = next(
        r for r in cl.day_view(db, staff).rows if r.source == "template" and not r.carried_over
    )
    cl.skip(db, staff, first.template_id, first.day, "后台维护")
    return today


def test_report_rows_show_titles_not_keys(db: Database, staff: Actor, busy_day: date) -> None:
    view = cl.day_view(db, staff)
    assert {r.source for r in view.rows} == {"template", "campaign"} and view.overdue
    report = daily_report(view, "小店")
    assert next(c.key for c in report.columns) == "title"
    assert "id" not in [c.key for c in report.columns]
    shown = (
        [str(row[c.key]) for s in report.sections for row in s.rows for c in report.columns]
        + [s.title or "" for s in report.sections]
        + report.notes
    )
    assert not [v for v in shown if KEY.match(v.strip())]
    titles = [row["title"] for s in report.sections for row in s.rows]
    assert "双12: 活动报名并记录" in titles
    assert any(re.match(r"^\[\d\d-\d\d\] 周.+已上线$", t) for t in titles)  # overdue, dated
    assert any("后台维护" in n for n in report.notes)


def test_exported_csv_has_no_internal_keys(
    db: Database, staff: Actor, busy_day: date, tmp_path: Path
) -> None:
    view = cl.day_view(db, staff)
    out = export(daily_report(view), tmp_path / "日报.csv")
    cells = [c for row in csv.reader(out.read_text("utf-8-sig").splitlines()) for c in row]
    assert "编号" not in cells and not [c for c in cells if KEY.match(c.strip())]
    assert "双12: 活动报名并记录" in cells


def test_cli_confirms_by_title(
    db: Database,
    staff: Actor,
    busy_day: date,
    location: Location,
    capsys: pytest.CaptureFixture[str],
) -> None:
    view = cl.day_view(db, staff)
    task = next(r for r in view.rows if r.source == "campaign")
    item = next(
        r
        for r in view.rows
        if r.source == "template" and not r.resolved and not r.needs_number and not r.carried_over
    )
    shop = ["--data-dir", str(location.data_dir), "--db", location.url]  # SQLite or PostgreSQL
    capsys.readouterr()
    assert main([*shop, "checklist", "tick", task.key, "--as", "员工"]) == 0
    assert capsys.readouterr().out.strip() == "双12: 活动报名并记录: 已完成"
    assert main([*shop, "checklist", "untick", task.key, "--as", "员工"]) == 0
    assert capsys.readouterr().out.strip() == "双12: 活动报名并记录: 已撤销"
    assert main([*shop, "checklist", "tick", str(item.template_id), "--as", "员工"]) == 0
    said = capsys.readouterr().out.strip()
    assert said == f"{item.title} ({item.day:%m-%d}): 已完成 (员工)" and "@" not in said
