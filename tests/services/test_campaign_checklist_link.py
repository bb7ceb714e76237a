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
