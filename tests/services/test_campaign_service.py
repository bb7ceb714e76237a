"""Campaign service on a real SQLite shop: CRUD, stages, tasks, reminders, review, restock feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal as D
from typing import Any

import pytest
from sqlalchemy import select

from shopdesk.audit.models import AuditEntry
from shopdesk.auth.actor import Actor
from shopdesk.campaigns import recurrence as rec
from shopdesk.campaigns import service as svc
from shopdesk.campaigns.models import CampaignStageChange
from shopdesk.campaigns.rows import CampaignInput, SkuInput
from shopdesk.campaigns.tasks import TaskTemplate
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, NotFound, PermissionDenied, StaleRecord
from shopdesk.inventory.models import Product, Sale, Supplier

D11 = CampaignInput(
    name="双11",
    kind="official",
    platform="天猫",
    start=date(2026, 11, 1),
    end=date(2026, 11, 11),
    signup_deadline=date(2026, 10, 10),
    discount_text="8折",
    budget=D("5000"),
    commission_rate=D("0.05"),
    promotion_cost=D("2"),
)


@pytest.fixture
def products(db: Database) -> list[int]:
    with db.write() as s:
        sup = Supplier(name="义乌工厂", lead_time_days=10)
        s.add(sup)
        s.flush()
        a = Product(sku="A1", name="保温杯", supplier_id=sup.id, price=D("100"), cost_price=D("50"))
        b = Product(sku="B2", name="水壶", lead_time_days=15, price=D("60"), cost_price=D("45"))
        s.add_all([a, b])
        s.flush()
        for i in range(28):  # 2 units a day of A1 before the campaign
            s.add(Sale(day=date(2026, 10, 4) + timedelta(i), product_id=a.id, units=2))
        return [a.id, b.id]


@dataclass
class _Audit:
    action: str
    user_name: str
    before: Any
    after: Any


def _audit(db: Database, entity: str) -> list[_Audit]:
    with db.read() as s:
        q = select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
        return [_Audit(e.action, e.user_name, e.before, e.after) for e in s.execute(q).scalars()]


def test_create_with_skus_tasks_and_audit(db: Database, owner: Actor, products: list[int]) -> None:
    cid = svc.create_campaign(
        db, owner, D11, skus=[SkuInput(products[0], D("3")), SkuInput(products[1], D("2"), D("55"))]
    )
    d = svc.get_campaign(db, owner, cid)
    assert d.campaign.stage == "planned" and d.campaign.sku_count == 2
    tasks = {t.stage: t for t in d.tasks}
    assert tasks["stock_prepared"].due == date(2026, 10, 17)  # start − 15 days (B2, slowest)
    assert tasks["page_designed"].due == date(2026, 10, 29)  # start − 3
    assert tasks["registered"].due == date(2026, 10, 10)  # the sign-up deadline
    assert [(h.from_stage, h.to_stage, h.user_name) for h in d.history] == [
        (None, "planned", "店主")
    ]
    (entry,) = _audit(db, "campaign")
    assert entry.action == "create" and entry.user_name == "店主" and entry.after["name"] == "双11"


def test_staff_can_view_but_not_edit_and_sees_no_profit(
    db: Database, owner: Actor, staff: Actor, products: list[int]
) -> None:
    cid = svc.create_campaign(db, owner, D11, skus=[SkuInput(products[0])])
    with pytest.raises(PermissionDenied):
        svc.create_campaign(db, staff, D11)
    with pytest.raises(PermissionDenied):
        svc.change_stage(db, staff, cid, "registered")
    d = svc.get_campaign(db, staff, cid)
    assert d.profit is None and d.campaign.commission_rate is None
    assert d.skus[0].cost_price is None


def test_profit_check_for_owner_and_finance(
    db: Database, owner: Actor, finance: Actor, products: list[int]
) -> None:
    cid = svc.create_campaign(
        db, owner, D11, skus=[SkuInput(products[0]), SkuInput(products[1], campaign_price=D("49"))]
    )
    for who in (owner, finance):
        p = svc.get_campaign(db, who, cid).profit
        assert p is not None
        by_sku = {k.sku: c for k, c in p.checks}
        assert by_sku["A1"].price_after_discount == D("80.00")  # 8折
        assert by_sku["A1"].margin == D("24.00")  # 80 − 50 − 4 − 2
        assert by_sku["B2"].margin == D("-0.45")  # 49 − 45 − 2.45 − 2
        assert p.verdict == "no_go"


def test_stage_pipeline_dated_and_attributed(db: Database, owner: Actor, supervisor: Actor) -> None:
    cid = svc.create_campaign(db, owner, D11)
    svc.change_stage(db, supervisor, cid, "registered")
    with pytest.raises(InvalidInput, match="原因"):
        svc.change_stage(db, supervisor, cid, "rejected")
    row = svc.change_stage(db, supervisor, cid, "rejected", reason="类目销量不达标")
    assert row.stage == "rejected" and row.reject_reason == "类目销量不达标"
    d = svc.get_campaign(db, owner, cid)
    last = d.history[-1]
    assert (last.from_stage, last.to_stage, last.user_name, last.note) == (
        "registered",
        "rejected",
        "主管",
        "类目销量不达标",
    )
    assert d.allowed_stages == ["planned"]
    stage_audits = [e for e in _audit(db, "campaign") if e.action == "stage"]
    assert stage_audits[-1].after == {"stage": "rejected", "reject_reason": "类目销量不达标"}


def test_reviewed_needs_actuals_then_roi_and_forecast(
    db: Database, owner: Actor, products: list[int]
) -> None:
    cid = svc.create_campaign(db, owner, D11, skus=[SkuInput(products[0], D("3"))])
    svc.change_stage(db, owner, cid, "approved")
    svc.change_stage(db, owner, cid, "live")
    with pytest.raises(InvalidInput, match="实际销售额"):
        svc.change_stage(db, owner, cid, "reviewed")
    svc.record_review(
        db, owner, cid, actual_sales=D("6000"), actual_cost=D("1500"), summary="备货略少, 第3天断货"
    )
    svc.change_stage(db, owner, cid, "reviewed")
    r = svc.get_campaign(db, owner, cid).review
    assert (r.roi_text, r.roi_tier) == ("1:4.00", "良好")
    # forecast: 2 units/day × 3 × 11 days = 66 units at 100 × 8折
    assert r.forecast_units == 66 and r.forecast_sales == D("5280.00")
    assert r.vs_forecast == D("0.1364")


def test_stale_version_refused(db: Database, owner: Actor) -> None:
    cid = svc.create_campaign(db, owner, D11)
    v = svc.get_campaign(db, owner, cid).campaign.version
    svc.update_campaign(db, owner, cid, D11, expected_version=v)
    with pytest.raises(StaleRecord):
        svc.update_campaign(db, owner, cid, D11, expected_version=v)


def test_update_and_move_redate_open_tasks(db: Database, owner: Actor, products: list[int]) -> None:
    cid = svc.create_campaign(db, owner, D11, skus=[SkuInput(products[0])])
    row = svc.move_campaign(db, owner, cid, date(2026, 11, 4))
    assert (row.start, row.end) == (date(2026, 11, 4), date(2026, 11, 14))
    tasks = {t.stage: t.due for t in svc.get_campaign(db, owner, cid).tasks}
    assert tasks["stock_prepared"] == date(2026, 10, 25)  # supplier lead time 10
    svc.update_campaign(db, owner, cid, D11, skus=[SkuInput(products[0]), SkuInput(products[1])])
    tasks = {t.stage: t.due for t in svc.get_campaign(db, owner, cid).tasks}
    assert tasks["stock_prepared"] == date(2026, 10, 17)  # now B2's 15 days from 1 Nov
    with pytest.raises(InvalidInput, match="报名截止"):
        svc.move_campaign(db, owner, cid, date(2026, 10, 1))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": " "}, "名称"),
        ({"end": date(2026, 10, 1)}, "结束日期"),
        ({"kind": "party"}, "类型"),
        ({"signup_deadline": date(2026, 11, 5)}, "报名截止"),
        ({"end": date(2028, 1, 1)}, "一年"),
        ({"budget": D("-1")}, "预算"),
    ],
)
def test_bad_input_refused(db: Database, owner: Actor, change: dict, message: str) -> None:  # type: ignore[type-arg]
    from dataclasses import replace

    with pytest.raises(InvalidInput, match=message):
        svc.create_campaign(db, owner, replace(D11, **change))
    assert svc.list_campaigns(db, owner) == []


def test_tasks_due_for_user_and_job_and_complete_advances(
    db: Database, owner: Actor, staff: Actor
) -> None:
    tasks = [
        TaskTemplate("registered", "报名", "signup", 0, "运营"),
        TaskTemplate("page_designed", "做页面", "start", -3, "美工"),
    ]
    cid = svc.create_campaign(db, owner, D11, tasks=tasks)
    assert [t.title for t in svc.tasks_due(db, staff, date(2026, 10, 10))] == ["报名"]
    assert svc.tasks_due(db, staff, date(2026, 10, 9)) == []
    # overdue and not done: still shown the next days
    (late,) = svc.tasks_due(db, staff, date(2026, 10, 12))
    assert late.overdue_on(date(2026, 10, 12))
    # the 美工 task is not the 运营's
    assert all(t.job == "运营" for t in svc.tasks_due(db, staff, date(2026, 10, 29)))
    done = svc.complete_task(db, staff, late.id, note="已提交")
    assert done.done and done.done_by_name == "员工" and done.note == "已提交"
    d = svc.get_campaign(db, owner, cid)
    assert d.campaign.stage == "registered"  # the task's stage was the next one
    assert d.history[-1].user_name == "员工" and "报名" in (d.history[-1].note or "")
    # done today: still listed on its day (ticked), gone from later days
    assert [t.done for t in svc.tasks_due(db, staff, date(2026, 10, 10))] == [True]
    assert svc.tasks_due(db, staff, date(2026, 10, 13)) == []
    with pytest.raises(InvalidInput, match="已经完成"):
        svc.complete_task(db, staff, late.id)


def test_complete_someone_elses_task_refused(db: Database, owner: Actor, staff: Actor) -> None:
    svc.create_campaign(
        db, owner, D11, tasks=[TaskTemplate("page_designed", "做页面", "start", -3, "美工")]
    )
    (task,) = svc.tasks_due(
        db, owner.__class__(id=None, name="x", role="staff", job="美工"), date(2026, 10, 29)
    )
    with pytest.raises(PermissionDenied):
        svc.complete_task(db, staff, task.id)
    with pytest.raises(NotFound):
        svc.complete_task(db, staff, 9999)


def test_assigned_task_shows_for_that_person_only(
    db: Database, owner: Actor, staff: Actor, supervisor: Actor
) -> None:
    cid = svc.create_campaign(db, owner, D11, tasks=[])
    svc.add_task(
        db,
        owner,
        cid,
        TaskTemplate("notified", "通知仓库", "start", -2, "仓库"),
        assignee_id=staff.id,
    )
    assert [t.title for t in svc.tasks_due(db, staff, date(2026, 10, 30))] == ["通知仓库"]
    assert svc.tasks_due(db, supervisor, date(2026, 10, 30)) == []


def test_rejected_campaign_tasks_disappear(db: Database, owner: Actor, staff: Actor) -> None:
    cid = svc.create_campaign(db, owner, D11)
    svc.change_stage(db, owner, cid, "registered")
    svc.change_stage(db, owner, cid, "rejected", reason="名额满")
    assert svc.tasks_due(db, staff, date(2026, 11, 1)) == []
    assert [r for r in svc.reminders(db, staff, date(2026, 10, 28)) if r.campaign_id == cid] == []


def test_passed_stage_tasks_not_shown(db: Database, owner: Actor, staff: Actor) -> None:
    cid = svc.create_campaign(db, owner, D11)
    svc.change_stage(db, owner, cid, "approved")
    titles = [t.title for t in svc.tasks_due(db, staff, date(2026, 10, 12))]
    assert "活动报名并记录" not in titles  # already approved: the sign-up task is moot


def test_reminders_signup_start_and_tasks(db: Database, owner: Actor, staff: Actor) -> None:
    cid = svc.create_campaign(db, owner, D11)
    rows = svc.reminders(db, owner, date(2026, 10, 5), within_days=7)
    assert [(r.kind, r.day, r.days_left) for r in rows][:1] == [("signup", date(2026, 10, 10), 5)]
    assert any(r.kind == "task" for r in rows)
    rows = svc.reminders(db, staff, date(2026, 10, 28), within_days=7)
    kinds = {(r.kind, r.day) for r in rows}
    assert ("start", date(2026, 11, 1)) in kinds
    assert all(r.campaign_id == cid for r in rows)
    # a registered campaign no longer reminds about its sign-up
    svc.change_stage(db, owner, cid, "registered")
    assert not [r for r in svc.reminders(db, owner, date(2026, 10, 5)) if r.kind == "signup"]
    assert svc.reminder_days(db) == 7


def test_recurring_activity_occurrences_not_rows(
    db: Database, owner: Actor, products: list[int]
) -> None:
    cid = svc.create_from_preset(db, owner, "mon_group", date(2026, 11, 1))
    c = svc.get_campaign(db, owner, cid).campaign
    assert c.recurrence == rec.weekly(0) and c.kind == "own" and c.start == date(2026, 11, 2)
    items = [
        i
        for i in svc.calendar_items(db, owner, date(2026, 11, 1), date(2026, 11, 30))
        if i.campaign_id == cid
    ]
    assert [i.start for i in items] == [date(2026, 11, d) for d in (2, 9, 16, 23, 30)]
    assert all(i.recurring and i.start == i.end for i in items)


def test_presets_in_one_step(db: Database, owner: Actor) -> None:
    cid = svc.create_from_preset(db, owner, "double11", date(2026, 9, 1))
    d = svc.get_campaign(db, owner, cid)
    assert d.campaign.name == "2026 双11" and d.campaign.owner_name == "店主"
    assert len(d.tasks) >= 6


def test_restock_feed_expands_recurring(db: Database, owner: Actor, products: list[int]) -> None:
    svc.create_campaign(db, owner, D11, skus=[SkuInput(products[0], D("2.5"))])
    weekly = CampaignInput(
        name="周四免邮",
        kind="own",
        start=date(2026, 11, 5),
        end=date(2027, 11, 5),
        recurrence=rec.weekly(3),
    )
    svc.create_campaign(db, owner, weekly, skus=[SkuInput(products[1], D("1.5"))])
    rows = svc.restock_campaigns(db, date(2026, 11, 1), date(2026, 11, 14))
    d11 = [r for r in rows if r["product_id"] == products[0]]
    assert d11 == [
        {
            "product_id": products[0],
            "uplift": D("2.500"),
            "stage": "planned",
            "campaign_id": d11[0]["campaign_id"],
            "start": date(2026, 11, 1),
            "end": date(2026, 11, 11),
        }
    ]
    thursdays = sorted(r["start"] for r in rows if r["product_id"] == products[1])
    assert thursdays == [date(2026, 11, 5), date(2026, 11, 12)]


def test_restock_formula_sees_campaign_extra(
    db: Database, owner: Actor, products: list[int]
) -> None:
    """The restock link end to end: campaign uplift adds demand in the cover window."""
    from shopdesk.inventory import restock

    svc.create_campaign(db, owner, D11, skus=[SkuInput(products[0], D("3"))])
    with db.read() as s:
        prods = [
            {
                "product_id": p.id,
                "sku": p.sku,
                "name": p.name,
                "supplier": None,
                "tier": "regular",
                "hero": False,
                "lead_time_days": 10,
                "case_pack": 1,
                "moq": 0,
                "warning_level": 0,
                "on_hand": 0,
                "active": True,
            }
            for p in s.execute(select(Product)).scalars()
        ]
        sales = [
            {"product_id": x.product_id, "day": x.day, "units": x.units}
            for x in s.execute(select(Sale)).scalars()
        ]
    sheet_day = date(2026, 11, 1)
    feed = svc.restock_campaigns(db, sheet_day - timedelta(28), sheet_day + timedelta(60))
    settings = restock.RestockSettings()
    with_c = restock.compute(prods, sales, [], feed, settings, sheet_day, only_listed=False)
    without = restock.compute(prods, sales, [], [], settings, sheet_day, only_listed=False)
    extra = dict(zip(with_c["sku"], with_c["campaign_extra"], strict=True))
    base = dict(zip(without["sku"], without["campaign_extra"], strict=True))
    # A1: 2/day × (3 − 1) × 11 campaign days inside the 10 + 7 + 4 = 21 cover days
    assert base["A1"] == 0 and extra["A1"] == pytest.approx(44)


def test_ics_export_parses(db: Database, owner: Actor) -> None:
    from icalendar import Calendar

    svc.create_campaign(db, owner, D11)
    svc.create_from_preset(db, owner, "thu_freeship", date(2026, 11, 1))
    data = svc.export_ics(db, owner, date(2026, 10, 1), date(2026, 11, 30))
    events = list(Calendar.from_ical(data).walk("VEVENT"))
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == ["双11", "周四免邮", "报名截止: 双11"]


def test_delete_only_planned(db: Database, owner: Actor) -> None:
    cid = svc.create_campaign(db, owner, D11)
    svc.change_stage(db, owner, cid, "registered")
    with pytest.raises(InvalidInput):
        svc.delete_campaign(db, owner, cid)
    svc.change_stage(db, owner, cid, "cancelled")
    svc.delete_campaign(db, owner, cid)
    with pytest.raises(NotFound):
        svc.get_campaign(db, owner, cid)
    with db.read() as s:
        assert s.execute(select(CampaignStageChange)).first() is None
    assert _audit(db, "campaign")[-1].action == "delete"


def test_list_filters(db: Database, owner: Actor) -> None:
    svc.create_campaign(db, owner, D11)
    svc.create_from_preset(db, owner, "double12", date(2026, 11, 1))
    assert [c.name for c in svc.list_campaigns(db, owner, text="双12")] == ["2026 双12"]
    assert [
        c.name for c in svc.list_campaigns(db, owner, date(2026, 12, 1), date(2026, 12, 31))
    ] == ["2026 双12"]
    assert len(svc.list_campaigns(db, owner, kind="official", stage="planned")) == 2
    assert svc.list_campaigns(db, owner, kind="own") == []


def test_old_open_tasks_stop_being_overdue(db: Database, owner: Actor, staff: Actor) -> None:
    svc.create_campaign(db, owner, D11)  # ends 11 Nov; its 运营 tasks are never ticked
    assert svc.tasks_due(db, staff, date(2026, 12, 11))  # 30 days after the end: still shown
    assert svc.tasks_due(db, staff, date(2026, 12, 12)) == []


def test_stage_moves_only_when_all_its_tasks_are_done(
    db: Database, owner: Actor, staff: Actor
) -> None:
    tasks = [
        TaskTemplate("registered", "报名主会场", "signup", 0, "运营"),
        TaskTemplate("registered", "报名分会场", "signup", 0, "运营"),
    ]
    cid = svc.create_campaign(db, owner, D11, tasks=tasks)
    first, second = svc.tasks_due(db, staff, date(2026, 10, 10))
    svc.complete_task(db, staff, first.id)
    assert svc.get_campaign(db, owner, cid).campaign.stage == "planned"
    reopened = svc.reopen_task(db, staff, first.id)
    assert not reopened.done
    svc.complete_task(db, staff, first.id)
    svc.complete_task(db, staff, second.id)
    assert svc.get_campaign(db, owner, cid).campaign.stage == "registered"


def test_reopen_someone_elses_tick_refused(
    db: Database, owner: Actor, staff: Actor, finance: Actor
) -> None:
    svc.create_campaign(
        db, owner, D11, tasks=[TaskTemplate("registered", "报名", "signup", 0, None)]
    )
    (task,) = svc.tasks_due(db, staff, date(2026, 10, 10))
    svc.complete_task(db, staff, task.id)
    with pytest.raises(PermissionDenied):
        svc.reopen_task(db, finance, task.id)
    assert svc.reopen_task(db, owner, task.id).done is False


def test_turning_into_own_activity_drops_open_signup_tasks(db: Database, owner: Actor) -> None:
    from dataclasses import replace

    cid = svc.create_campaign(db, owner, D11)
    svc.update_campaign(db, owner, cid, replace(D11, kind="own"))
    stages_left = {t.stage for t in svc.get_campaign(db, owner, cid).tasks}
    assert "registered" not in stages_left and "page_designed" in stages_left


def test_plan_report_groups_by_month(db: Database, owner: Actor) -> None:
    svc.create_campaign(db, owner, D11)
    svc.create_from_preset(db, owner, "double12", date(2026, 11, 1))
    svc.create_from_preset(db, owner, "thu_freeship", date(2026, 11, 1))
    rep = svc.plan_report(db, owner, date(2026, 11, 1), date(2026, 12, 31))
    assert [s.title for s in rep.sections] == ["每周/每月固定活动", "2026年11月", "2026年12月"]
    assert rep.shop and rep.title == "活动计划"
