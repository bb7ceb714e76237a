"""Checklist service on a real SQLite file: ticks, skips, carry-over, editor, history."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shopdesk import clock
from shopdesk.audit.models import AuditEntry
from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.checklist import service as cl
from shopdesk.checklist.defaults import DEFAULT_TEMPLATES
from shopdesk.checklist.install import install
from shopdesk.checklist.models import ChecklistOccurrence, ChecklistTemplate
from shopdesk.db import migrate
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, NotFound, PermissionDenied, StaleRecord

TODAY = date(2026, 11, 26)  # a Thursday


@dataclass
class Shop:
    db: Database
    owner: Actor
    yunying: Actor  # 运营 staff
    kefu: Actor  # 客服 staff
    boss: Actor  # supervisor (主管)


def set_today(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    monkeypatch.setattr(clock, "today", lambda: day)
    monkeypatch.setattr(clock, "now", lambda: datetime(day.year, day.month, day.day, 3, tzinfo=UTC))


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Shop]:
    # Installed a month ago, so weekly items have a history.
    set_today(monkeypatch, TODAY - timedelta(days=30))
    db = Database(f"sqlite:///{tmp_path / 'shop.db'}")
    migrate.upgrade(db)
    with db.write() as s:
        install(s)
    owner = auth.create_owner(db, "老板")
    auth.add_user(db, owner, "小王", "staff", job="运营")
    auth.add_user(db, owner, "小李", "staff", job="客服")
    auth.add_user(db, owner, "阿强", "supervisor", job="主管")
    set_today(monkeypatch, TODAY)
    yield Shop(
        db,
        owner,
        auth.actor_by_name(db, "小王"),
        auth.actor_by_name(db, "小李"),
        auth.actor_by_name(db, "阿强"),
    )
    db.dispose()


def tid(shop: Shop, title_start: str) -> int:
    with shop.db.read() as s:
        return s.execute(
            select(ChecklistTemplate.id).where(ChecklistTemplate.title.startswith(title_start))
        ).scalar_one()


def test_install_is_idempotent(shop: Shop) -> None:
    with shop.db.write() as s:
        assert install(s) == 0
        assert s.scalar(select(func.count()).select_from(ChecklistTemplate)) == len(
            DEFAULT_TEMPLATES
        )


def test_today_for_a_staff_member_shows_their_jobs_items(shop: Shop) -> None:
    view = cl.day_view(shop.db, shop.yunying)
    assert view.day == TODAY
    titles = [r.title for r in view.rows if not r.carried_over]
    assert "周四免邮已上线" in titles
    assert "当天订单已处理,24小时内发货" not in titles  # 仓库's
    assert all(r.job and "运营" in r.job for r in view.rows)
    everyone = cl.day_view(shop.db, shop.yunying, everyone=True)
    assert len([r for r in everyone.rows if not r.carried_over]) == 12 + 2  # daily + Thu items
    assert everyone.progress.text == "0/14"
    assert list(everyone.sections)[:2] == ["店铺检查", "订单"]


def test_tick_records_who_when_note_and_number(shop: Shop) -> None:
    dsr = tid(shop, "记录 DSR")
    with pytest.raises(InvalidInput, match="DSR"):
        cl.tick(shop.db, shop.yunying, dsr)
    with pytest.raises(InvalidInput, match="数值"):
        cl.tick(shop.db, shop.yunying, dsr, value="abc")
    row = cl.tick(shop.db, shop.yunying, dsr, value="４.８５", note=" 比昨天高 ")
    assert (row.status, row.by_name, row.note) == ("done", "小王", "比昨天高")
    assert row.value == Decimal("4.85")
    assert row.at == clock.now()
    view = cl.day_view(shop.db, shop.yunying)
    assert next(r for r in view.rows if r.template_id == dsr).status == "done"
    assert view.progress.done == 1


def test_staff_cannot_tick_another_jobs_item_but_supervisor_can(shop: Shop) -> None:
    ship = tid(shop, "当天订单已处理")
    with pytest.raises(PermissionDenied, match="仓库"):
        cl.tick(shop.db, shop.kefu, ship)
    assert cl.tick(shop.db, shop.boss, ship).by_name == "阿强"


def test_cannot_tick_future_or_not_due_days(shop: Shop) -> None:
    with pytest.raises(InvalidInput, match="还没到"):
        cl.tick(shop.db, shop.yunying, tid(shop, "折扣"), TODAY + timedelta(1))
    with pytest.raises(InvalidInput, match="不需要检查"):
        cl.tick(shop.db, shop.yunying, tid(shop, "周一团购"), TODAY)
    with pytest.raises(NotFound):
        cl.tick(shop.db, shop.yunying, 9999)


def test_ticking_a_past_day_keeps_day_and_actual_time(shop: Shop) -> None:
    item = tid(shop, "折扣")
    past = TODAY - timedelta(days=2)
    assert cl.day_view(shop.db, shop.yunying, past).rows[0].status == "missed"
    row = cl.tick(shop.db, shop.yunying, item, past)
    assert row.day == past and row.at == clock.now() and row.late
    with shop.db.read() as s:
        occ = s.execute(select(ChecklistOccurrence)).scalar_one()
        assert occ.day == past and occ.at.date() == TODAY


def test_weekly_rolls_over_until_ticked_or_skipped(shop: Shop) -> None:
    mon = tid(shop, "周一团购")
    view = cl.day_view(shop.db, shop.yunying)
    overdue = [r for r in view.overdue if r.template_id == mon]
    # installed 30 days ago on a Monday-less stretch: every Monday since is overdue
    assert [r.day for r in overdue] == [
        date(2026, 10, 26) + timedelta(weeks=w) for w in range(1, 5)
    ]
    assert view.rows[0].carried_over  # overdue at the top
    for r in overdue[:-1]:
        cl.tick(shop.db, shop.yunying, mon, r.day)
    with pytest.raises(InvalidInput, match="原因"):
        cl.skip(shop.db, shop.yunying, mon, overdue[-1].day, "  ")
    cl.skip(shop.db, shop.yunying, mon, overdue[-1].day, "双11 暂停团购")
    view = cl.day_view(shop.db, shop.yunying)
    assert not [r for r in view.overdue if r.template_id == mon]


def test_daily_items_expire_instead_of_piling_up(shop: Shop) -> None:
    view = cl.day_view(shop.db, shop.yunying)
    assert all(r.rule_text != "每天" for r in view.overdue)
    yesterday = cl.day_view(shop.db, shop.yunying, TODAY - timedelta(1))
    assert {r.status for r in yesterday.rows if r.rule_text == "每天"} == {"missed"}


def test_tick_again_keeps_first_tick_and_untick(shop: Shop) -> None:
    item = tid(shop, "折扣")
    cl.tick(shop.db, shop.yunying, item)
    again = cl.tick(shop.db, shop.boss, item, note="复核过")
    assert (again.by_name, again.note) == ("小王", "复核过")
    with pytest.raises(InvalidInput, match="已经完成"):
        cl.skip(shop.db, shop.yunying, item, None, "忘了")
    missed = tid(shop, "漏发")
    cl.tick(shop.db, shop.boss, missed)
    with pytest.raises(PermissionDenied, match="自己"):
        cl.untick(shop.db, shop.kefu, missed)
    assert cl.untick(shop.db, shop.boss, missed).status == "open"
    cl.tick(shop.db, shop.kefu, missed)
    assert cl.untick(shop.db, shop.kefu, missed).status == "open"
    with shop.db.read() as s:
        actions = s.execute(
            select(AuditEntry.action).where(AuditEntry.entity == "checklist_occurrence")
        ).scalars()
        assert list(actions) == ["tick", "tick_again", "tick", "untick", "tick", "untick"]


def test_skip_then_tick_replaces_skip(shop: Shop) -> None:
    item = tid(shop, "折扣")
    assert cl.skip(shop.db, shop.yunying, item, None, "系统维护").status == "skipped"
    assert cl.tick(shop.db, shop.yunying, item).status == "done"


def test_needs_note_item(shop: Shop) -> None:
    meeting = tid(shop, "周例会")
    fri = TODAY + timedelta(1)
    with pytest.raises(InvalidInput, match="还没到"):
        cl.tick(shop.db, shop.boss, meeting, fri)
    last_fri = TODAY - timedelta(6)
    with pytest.raises(InvalidInput, match="备注"):
        cl.tick(shop.db, shop.boss, meeting, last_fri)
    assert cl.tick(shop.db, shop.boss, meeting, last_fri, note="讨论双12").note == "讨论双12"


# -- editor -------------------------------------------------------------------------------------


def test_staff_cannot_edit_templates(shop: Shop) -> None:
    data = cl.TemplateInput("店铺检查", "新项目")
    with pytest.raises(PermissionDenied):
        cl.save_template(shop.db, shop.yunying, data)
    with pytest.raises(PermissionDenied):
        cl.retire(shop.db, shop.kefu, tid(shop, "折扣"))
    with pytest.raises(PermissionDenied):
        cl.reorder(shop.db, shop.kefu, [1])


def test_add_edit_reorder_retire(shop: Shop) -> None:
    row = cl.save_template(
        shop.db,
        shop.boss,
        cl.TemplateInput("客服", "月底盘点退款", "monthly", month_day=31, job="客服"),
    )
    assert row.rule_text == "每月最后一天" and row.miss_policy == "rolls_over"
    assert row.active_from == TODAY
    assert row.sort_order > max(t.sort_order for t in cl.list_templates(shop.db, shop.boss)[:-1])
    edited = cl.save_template(
        shop.db,
        shop.boss,
        cl.TemplateInput("客服", "月底盘点退款单", "weekly", weekdays=(3,), job="客服"),
        row.id,
        row.version,
    )
    assert edited.rule_text == "每周四" and edited.version == row.version + 1
    with pytest.raises(StaleRecord):
        cl.save_template(shop.db, shop.boss, cl.TemplateInput("客服", "x"), row.id, row.version)
    with pytest.raises(InvalidInput):
        cl.save_template(shop.db, shop.boss, cl.TemplateInput("客服", "x", "weekly"))
    with pytest.raises(InvalidInput):
        cl.save_template(shop.db, shop.boss, cl.TemplateInput(" ", "x"))
    assert "月底盘点退款单" in [r.title for r in cl.day_view(shop.db, shop.kefu).rows]

    cl.move(shop.db, shop.boss, row.id, -100)
    assert cl.list_templates(shop.db, shop.boss)[0].id == row.id

    cl.tick(shop.db, shop.kefu, row.id)
    cl.retire(shop.db, shop.boss, row.id)
    assert row.id not in [r.template_id for r in cl.day_view(shop.db, shop.kefu).rows]
    assert cl.list_templates(shop.db, shop.boss)[-1].retired
    with shop.db.read() as s:  # history kept
        assert s.scalar(select(func.count()).select_from(ChecklistOccurrence)) == 1
    restored = cl.retire(shop.db, shop.boss, row.id, restore=True)
    assert not restored.retired


# -- history ------------------------------------------------------------------------------------


def test_month_rates_and_person_rates(shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    for r in cl.day_view(shop.db, shop.owner, everyone=True).rows:
        if not r.carried_over and not r.needs_number:
            cl.tick(shop.db, shop.owner, r.template_id)
    rates = {d.day: d.progress for d in cl.month_rates(shop.db, shop.owner, 2026, 11)}
    assert max(rates) == TODAY  # no future days
    assert min(rates) == date(2026, 11, 1)
    assert rates[TODAY].text == "13/14"
    assert rates[TODAY - timedelta(1)].resolved == 0
    assert rates[date(2026, 11, 1)].total == 12 + 1  # a Sunday: dailies + 月度团队活动
    people = cl.person_rates(shop.db, shop.owner, TODAY - timedelta(3), TODAY, "week")
    wang = [p for p in people if p.name == "小王" and p.period == date(2026, 11, 23)]
    assert wang and wang[0].due > wang[0].resolved > 0
    assert wang[0].ticked_by_self == 0  # the owner ticked them
    assert cl.month_rates(shop.db, shop.owner, 2027, 1) == []


# -- two PCs at once ----------------------------------------------------------------------------


def test_two_pcs_ticking_the_same_items_at_once_lose_nothing(shop: Shop) -> None:
    import threading

    second = Database(shop.db.url)  # another app instance on the same file
    items = [
        r.template_id
        for r in cl.day_view(shop.db, shop.owner, everyone=True).rows
        if not r.carried_over and not r.needs_number
    ]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def work(db: Database, who: Actor) -> None:
        try:
            for item in items:
                barrier.wait(timeout=10)
                cl.tick(db, who, item, note=who.name)
        except BaseException as exc:  # reported below
            errors.append(exc)
            barrier.abort()

    threads = [
        threading.Thread(target=work, args=(shop.db, shop.owner)),
        threading.Thread(target=work, args=(second, shop.boss)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    second.dispose()
    assert errors == []
    with shop.db.read() as s:
        statuses = list(s.execute(select(ChecklistOccurrence.status)).scalars())
        actions = list(
            s.execute(
                select(AuditEntry.action).where(AuditEntry.entity == "checklist_occurrence")
            ).scalars()
        )
    assert statuses == ["done"] * len(items)  # one record per item and day
    # both ticks are kept: the first as the tick, the second audited as a confirmation
    assert actions.count("tick") == len(items)
    assert actions.count("tick_again") == len(items)
