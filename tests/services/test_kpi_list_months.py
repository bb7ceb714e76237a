"""list_months reads every month in a few queries; it must equal the one-month reader."""

from __future__ import annotations

from sqlalchemy import select

from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.kpi import service
from shopdesk.kpi.models import KpiMonth


def test_list_months_equals_the_per_month_reader_on_the_demo_shop(
    demo_db: Database, demo_owner: Actor
) -> None:
    listed = service.list_months(demo_db, demo_owner)
    with demo_db.read() as s:
        months = s.execute(select(KpiMonth).order_by(KpiMonth.month.desc(), KpiMonth.id)).scalars()
        one_by_one = [service._month_info(s, m) for m in months]
    assert len(listed) >= 2
    assert any(m.teams for m in listed)
    assert listed == one_by_one


def test_list_months_of_an_empty_shop_is_empty(db: Database, owner: Actor) -> None:
    assert service.list_months(db, owner) == []
