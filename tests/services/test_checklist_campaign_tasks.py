"""Campaign stage tasks show up in the checklist on their due day and tick through campaigns."""

from __future__ import annotations

from datetime import timedelta

from shopdesk import clock
from shopdesk.auth.actor import Actor
from shopdesk.campaigns import service as campaigns
from shopdesk.campaigns.rows import CampaignInput
from shopdesk.campaigns.tasks import TaskTemplate
from shopdesk.checklist import service as cl
from shopdesk.db.engine import Database


def test_task_due_today_is_a_row_and_ticks_through_campaigns(
    db: Database, owner: Actor, staff: Actor
) -> None:
    today = clock.today()
    cid = campaigns.create_campaign(
        db,
        owner,
        CampaignInput(
            "店庆", "own", start=today + timedelta(days=3), end=today + timedelta(days=5)
        ),
        tasks=[TaskTemplate("registered", "准备店庆海报", "start", -3, "运营")],
    )
    assert cid
    view = cl.day_view(db, staff)
    tasks = [r for r in view.rows if r.source == "campaign"]
    assert [(r.title, r.status, r.section) for r in tasks] == [
        ("店庆: 准备店庆海报", "open", "活动任务")
    ]
    total = view.progress.total
    cl.toggle(db, staff, tasks[0])
    view = cl.day_view(db, staff)
    task = next(r for r in view.rows if r.source == "campaign")
    assert (task.status, task.by_name) == ("done", staff.name)
    assert view.progress.total == total and view.progress.done == 1
    cl.toggle(db, staff, task)  # undo
    assert next(r for r in cl.day_view(db, staff).rows if r.source == "campaign").status == "open"
    # the sign-up/start reminder shows at the top of the day
    assert any("店庆" in r.text for r in cl.day_view(db, staff).reminders)
