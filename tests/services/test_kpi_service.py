"""KPI service on a real SQLite database: grid, cell edits, workflow, visibility, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from shopdesk import clock
from shopdesk.audit.models import AuditEntry
from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, PermissionDenied, StaleRecord
from shopdesk.kpi import disputes, exports, history, service
from shopdesk.kpi.cards import PRE_SALES_NAME
from shopdesk.kpi.scorecard import ScoreInputError

WORKED = {
    "quality": "优",
    "refund_rate": "4.2%",
    "disputes": "良",
    "teamwork": "优",
    "execution": "中",
    "late": "1",
    "low_reviews": "2",
    "praises": "3",
    "outstanding": "3",
}


@pytest.fixture
def team(db: Database, owner: Actor, supervisor: Actor) -> dict[str, Actor]:
    """Three after-sales agents under 主管, one under nobody, one pre-sales agent."""
    people = [
        ("小唐", "高级售后客服", "主管"),
        ("小邓", "普通售后客服", "主管"),
        ("小蔡", "售后组长", "主管"),
        ("小外", "普通售后客服", None),
        ("小彭", "售前客服", "主管"),
    ]
    for name, level, sup in people:
        auth.add_user(db, owner, name, "staff", job="客服", cs_level=level, supervisor=sup)
    return {name: auth.actor_by_name(db, name) for name, _, _ in people}


def _fill(db: Database, actor: Actor, month_id: int, values: dict[str, str]) -> None:
    g = service.grid(db, actor, month_id)
    for row in g.rows:
        version = row.version
        for key, raw in values.items():
            version = service.update_cell(db, actor, row.id, key, raw, version).version


def test_open_month_creates_a_row_per_agent_of_the_card(
    db: Database, owner: Actor, team: dict[str, Actor]
) -> None:
    info = service.open_month(db, owner, "2026-10")
    assert info.status == "draft" and info.card_version == 1
    g = service.grid(db, owner, info.id)
    assert sorted(r.agent for r in g.rows) == sorted(["小外", "小唐", "小蔡", "小邓"])
    assert g.bonus_total == Decimal("0.00")
    # Opening again returns the same month.
    assert service.open_month(db, owner, "2026-10").id == info.id
    pre = service.open_month(db, owner, "2026-10", PRE_SALES_NAME)
    assert [r.agent for r in service.grid(db, owner, pre.id).rows] == ["小彭"]


def test_bad_month_text_is_refused(db: Database, owner: Actor) -> None:
    with pytest.raises(InvalidInput, match="YYYY-MM"):
        service.open_month(db, owner, "2026-13")


def test_worked_example_through_the_grid_is_exact_and_audited(
    db: Database, supervisor: Actor, team: dict[str, Actor]
) -> None:
    info = service.open_month(db, supervisor, "2026-10")
    row = next(r for r in service.grid(db, supervisor, info.id).rows if r.agent == "小唐")
    version = row.version
    for key, raw in WORKED.items():
        row = service.update_cell(db, supervisor, row.id, key, raw, version)
        version = row.version
    assert row.result.final == 109
    assert row.result.bonus == Decimal("838.46")
    assert row.result.pay == Decimal("3338.46")
    with db.read() as s:
        entries = list(
            s.execute(select(AuditEntry).where(AuditEntry.entity == "kpi_score")).scalars()
        )
        assert len(entries) == len(WORKED)
        assert entries[-1].after["outstanding"] == "3"
        assert entries[-1].after["total"] == "109"
    # Stored columns are exact (integer fen behind the scenes).
    from shopdesk.kpi.models import KpiScore

    with db.read() as s:
        stored = s.get_one(KpiScore, row.id)
        assert stored.pay == Decimal("3338.46")
        assert stored.final_score == Decimal("109.00")


def test_invalid_cell_is_refused_and_nothing_changes(
    db: Database, supervisor: Actor, team: dict[str, Actor]
) -> None:
    info = service.open_month(db, supervisor, "2026-10")
    row = service.grid(db, supervisor, info.id).rows[0]
    with pytest.raises(ScoreInputError, match="5–20") as exc:
        service.update_cell(db, supervisor, row.id, "complaint_deduction", "30", row.version)
    assert exc.value.key == "complaint_deduction"
    again = service.grid(db, supervisor, info.id).rows[0]
    assert again.version == row.version
    assert again.inputs["complaint_deduction"] == ()


def test_stale_version_is_refused(db: Database, supervisor: Actor, team: dict[str, Actor]) -> None:
    info = service.open_month(db, supervisor, "2026-10")
    row = service.grid(db, supervisor, info.id).rows[0]
    service.update_cell(db, supervisor, row.id, "quality", "优", row.version)
    with pytest.raises(StaleRecord):
        service.update_cell(db, supervisor, row.id, "quality", "差", row.version)


def test_supervisor_cannot_edit_other_teams_and_staff_cannot_edit(
    db: Database, supervisor: Actor, team: dict[str, Actor]
) -> None:
    info = service.open_month(db, supervisor, "2026-10")
    g = service.grid(db, supervisor, info.id)
    assert "小外" not in [r.agent for r in g.rows]  # not their team: not even visible
    with db.read() as s:
        from shopdesk.kpi.models import KpiScore

        other_id, other_version = s.execute(
            select(KpiScore.id, KpiScore.version).where(KpiScore.agent_id == team["小外"].id)
        ).one()
    with pytest.raises(PermissionDenied):
        service.update_cell(db, supervisor, other_id, "quality", "优", other_version)
    with pytest.raises(PermissionDenied):
        service.update_cell(db, team["小唐"], g.rows[0].id, "quality", "优", g.rows[0].version)


def _complete_month(db: Database, owner: Actor, month: str = "2026-10") -> service.MonthInfo:
    info = service.open_month(db, owner, month)
    _fill(db, owner, info.id, WORKED)
    return info


def test_publish_needs_complete_rows(db: Database, owner: Actor, team: dict[str, Actor]) -> None:
    info = service.open_month(db, owner, "2026-10")
    with pytest.raises(InvalidInput, match="未填完"):
        service.publish(db, owner, info.id)
    _fill(db, owner, info.id, WORKED)
    assert service.publish(db, owner, info.id).status == "published"


def test_agents_see_only_their_own_published_or_final_scores(
    db: Database, owner: Actor, supervisor: Actor, finance: Actor, team: dict[str, Actor]
) -> None:
    info = _complete_month(db, owner)
    agent = team["小唐"]
    assert service.grid(db, agent, info.id).rows == []  # draft: nothing yet
    service.publish(db, owner, info.id)
    rows = service.grid(db, agent, info.id).rows
    assert [r.agent for r in rows] == ["小唐"]
    assert service.grid(db, agent, info.id).bonus_total is None
    sup = service.grid(db, supervisor, info.id)
    assert sorted(r.agent for r in sup.rows) == sorted(["小唐", "小蔡", "小邓"])
    assert sup.bonus_total is None
    fin = service.grid(db, finance, info.id)
    assert len(fin.rows) == 4
    assert fin.bonus_total == Decimal("838.46") * 4
    assert not fin.can_edit


def test_finalise_locks_and_only_owner_reopens_with_reason(
    db: Database, owner: Actor, supervisor: Actor, team: dict[str, Actor]
) -> None:
    info = _complete_month(db, owner)
    service.publish(db, owner, info.id)
    mine = service.finalise(db, supervisor, info.id)  # the supervisor's own team
    team_of = mine.team(supervisor.id)
    assert team_of is not None and team_of.status == "final"
    assert mine.status == "published"  # 小外 (no supervisor) is the owner's to finalise
    final = service.finalise(db, owner, info.id)
    assert final.status == "final"
    row = service.grid(db, supervisor, info.id).rows[0]
    assert not row.editable
    with pytest.raises(InvalidInput, match="已定稿"):
        service.update_cell(db, supervisor, row.id, "quality", "差", row.version)
    with pytest.raises(PermissionDenied):
        service.reopen(db, supervisor, info.id, "算错了")
    with pytest.raises(InvalidInput, match="原因"):
        service.reopen(db, owner, info.id, "  ")
    again = service.reopen(db, owner, info.id, "小唐的退款率算错了")
    assert again.status == "published" and again.reopen_reason == "小唐的退款率算错了"
    with db.read() as s:
        actions = list(
            s.execute(select(AuditEntry.action).where(AuditEntry.entity == "kpi_month")).scalars()
        )
    assert actions[-5:] == ["publish", "finalise", "finalise", "reopen", "reopen"]


def test_dispute_within_window_accept_changes_score(
    db: Database, owner: Actor, supervisor: Actor, team: dict[str, Actor]
) -> None:
    info = _complete_month(db, owner)
    service.publish(db, owner, info.id)
    agent = team["小唐"]
    my = history.agent_card(db, agent, info.id)
    assert my.can_dispute
    d = disputes.raise_dispute(db, agent, my.row.id, "execution", "上月的任务都完成了")
    assert d.status == "open" and d.item_label == "执行力"
    with pytest.raises(InvalidInput, match="申诉"):
        service.finalise(db, owner, info.id)
    done = disputes.answer_dispute(
        db, supervisor, d.id, accept=True, answer="核实无误", changes={"execution": "良"}
    )
    assert done.status == "accepted" and done.answered_by == "主管"
    card = history.agent_card(db, agent, info.id)
    assert card.row.result.final == 114
    assert [x.status for x in card.disputes] == ["accepted"]
    # Denial needs a reason.
    d2 = disputes.raise_dispute(db, agent, my.row.id, "quality", "不同意")
    with pytest.raises(InvalidInput, match="原因"):
        disputes.answer_dispute(db, supervisor, d2.id, accept=False, answer="")
    disputes.answer_dispute(db, supervisor, d2.id, accept=False, answer="聊天记录有 3 次超时")
    assert [x.status for x in disputes.list_disputes(db, agent, info.id)] == ["accepted", "denied"]
    assert service.finalise(db, owner, info.id).status == "final"


def test_dispute_rules(
    db: Database, owner: Actor, team: dict[str, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    info = _complete_month(db, owner)
    agent, other = team["小唐"], team["小邓"]
    mine = next(r for r in service.grid(db, owner, info.id).rows if r.agent == "小唐")
    with pytest.raises(InvalidInput, match="还没有发布"):
        disputes.raise_dispute(db, agent, mine.id, "quality", "x")
    service.publish(db, owner, info.id)
    with pytest.raises(PermissionDenied):
        disputes.raise_dispute(db, other, mine.id, "quality", "x")
    with pytest.raises(InvalidInput, match="理由"):
        disputes.raise_dispute(db, agent, mine.id, "quality", " ")
    with pytest.raises(InvalidInput, match="没有"):
        disputes.raise_dispute(db, agent, mine.id, "nonsense", "x")
    later = clock.now() + timedelta(days=3, minutes=1)
    monkeypatch.setattr(clock, "now", lambda: later)
    with pytest.raises(InvalidInput, match="申诉期已过"):
        disputes.raise_dispute(db, agent, mine.id, "quality", "x")
    assert not history.agent_card(db, agent, info.id).can_dispute


def test_month_keeps_its_card_version_after_owner_edits_card(
    db: Database, owner: Actor, team: dict[str, Actor]
) -> None:
    info = _complete_month(db, owner, "2026-09")
    card = service.list_cards(db, owner)[0].card
    assert card.name == "售后客服考核"
    richer = replace(card, pool=Decimal("2000"))
    saved = service.save_card(db, owner, richer)
    assert saved.version == 2
    old = service.grid(db, owner, info.id).rows[0]
    assert old.result.bonus == Decimal("838.46")  # still the pool of version 1
    new_month = service.open_month(db, owner, "2026-10")
    assert new_month.card_version == 2
    _fill(db, owner, new_month.id, WORKED)
    assert service.grid(db, owner, new_month.id).rows[0].result.bonus == Decimal("1676.92")
    with pytest.raises(PermissionDenied):
        service.save_card(db, team["小唐"], richer)


def test_payroll_report_and_history(
    db: Database, owner: Actor, finance: Actor, supervisor: Actor, team: dict[str, Actor]
) -> None:
    for month in ("2026-08", "2026-09"):
        info = _complete_month(db, owner, month)
        service.publish(db, owner, info.id)
        service.finalise(db, owner, info.id)
    report = exports.payroll_report(db, finance, info.id)
    assert [r["pay"] for r in report.rows if r["agent"] == "小唐"] == [Decimal("3338.46")]
    assert any("838.46" not in n and "绩效奖金合计: 3,353.84" in n for n in report.notes)
    with pytest.raises(PermissionDenied):
        exports.payroll_report(db, supervisor, info.id)
    h = history.history(db, team["小唐"])
    assert h.months == ["2026-08", "2026-09"]
    assert list(h.series) == ["小唐"]
    assert h.series["小唐"] == [Decimal("109.00"), Decimal("109.00")]
    assert h.team_average == [Decimal("109.0"), Decimal("109.0")]
    assert h.pass_line == 91
    assert len(history.history(db, supervisor).series) == 3
    assert len(history.history(db, owner).series) == 4
