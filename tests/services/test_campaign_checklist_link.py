"""Stage tasks show in the checklist on their day; ticking them there moves the campaign."""

from __future__ import annotations

from datetime import date

import pytest

from shopdesk.auth.actor import Actor
from shopdesk.campaigns import service as svc
from shopdesk.campaigns.rows import CampaignInput
from shopdesk.checklist import service as checklist
from shopdesk.db.engine import Database

DUE = date(2026, 10, 10)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    import shopdesk.clock

    monkeypatch.setattr(shopdesk.clock, "today", lambda: DUE)


def test_signup_task_in_checklist_and_tick_registers(
    db: Database, owner: Actor, staff: Actor
) -> None:
    data = CampaignInput(
        name="双11", start=date(2026, 11, 1), end=date(2026, 11, 11), signup_deadline=DUE
    )
    cid = svc.create_campaign(db, owner, data)
    day = checklist.day_view(db, staff, DUE)
    rows = [r for r in day.rows if r.source == "campaign"]
    assert [r.title for r in rows] == ["双11: 活动报名并记录"]
    assert not [
        r for r in checklist.day_view(db, staff, date(2026, 10, 9)).rows if r.source == "campaign"
    ]
    checklist.toggle(db, staff, rows[0], note="已提交报名")
    c = svc.get_campaign(db, owner, cid)
    assert c.campaign.stage == "registered"
    assert c.history[-1].user_name == "员工"
    (done,) = [r for r in checklist.day_view(db, staff, DUE).rows if r.source == "campaign"]
    assert done.status == "done" and done.by_name == "员工"


def test_changing_the_stage_ticks_that_stages_tasks(
    db: Database, owner: Actor, staff: Actor
) -> None:
    """Moving the campaign to 已报名 in the dialog/CLI ticks 活动报名并记录 (audited, by whom)."""
    from shopdesk.audit.service import list_entries

    data = CampaignInput(
        name="双11", start=date(2026, 11, 1), end=date(2026, 11, 11), signup_deadline=DUE
    )
    cid = svc.create_campaign(db, owner, data)
    svc.change_stage(db, owner, cid, "registered")
    tasks = {t.stage: t for t in svc.get_campaign(db, owner, cid).tasks}
    signup = tasks["registered"]
    assert signup.done_at is not None and signup.done_by_name == "店主"
    assert tasks["stock_prepared"].done_at is None  # the next stages stay open
    (row,) = [r for r in checklist.day_view(db, staff, DUE).rows if r.source == "campaign"]
    assert row.status == "done" and row.by_name == "店主"
    entries = list_entries(db, owner, entity="campaign_task")
    assert any(e.action == "complete" and e.entity_id == str(signup.id) for e in entries)
    # one step back (a mistake) reopens what the stage change ticked, not what people ticked
    svc.change_stage(db, owner, cid, "planned")
    tasks = {t.stage: t for t in svc.get_campaign(db, owner, cid).tasks}
    assert tasks["registered"].done_at is None


def test_a_task_ticked_by_a_person_stays_ticked_when_the_stage_goes_back(
    db: Database, owner: Actor, staff: Actor
) -> None:
    data = CampaignInput(
        name="双11", start=date(2026, 11, 1), end=date(2026, 11, 11), signup_deadline=DUE
    )
    cid = svc.create_campaign(db, owner, data)
    (row,) = [r for r in checklist.day_view(db, staff, DUE).rows if r.source == "campaign"]
    checklist.toggle(db, staff, row, note="已提交报名")
    svc.change_stage(db, owner, cid, "planned")
    tasks = {t.stage: t for t in svc.get_campaign(db, owner, cid).tasks}
    assert tasks["registered"].done_by_name == "员工"
