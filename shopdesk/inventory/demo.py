"""The inventory part of the demo shop: the last two weeks' saved restock sheets.

The catalogue, sales, stock and purchase orders come from shopdesk/demo.py; this adds history
so the 已保存 list is not empty and shows overrides with who made them.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import update

from shopdesk.inventory import service
from shopdesk.inventory.models import RestockLine, RestockSheet
from shopdesk.inventory.service import Override


def populate(db: Any, shop: Any) -> None:
    buyer = shop.users.get("李娜", shop.owner)
    this_week = service.default_sheet_date(db, shop.today)
    for weeks_ago, note in ((2, "供应商缺货, 先订一半"), (1, "双12 前多备一箱")):
        day = this_week - timedelta(weeks=weeks_ago)
        lines = service.compute_sheet(db, buyer, day).lines
        ordered = [ln for ln in lines if ln.row.suggested_qty > 0]
        overrides: dict[str, Override] = {}
        if ordered:
            first = ordered[0].row
            qty = (
                first.suggested_qty // 2
                if weeks_ago == 2
                else first.suggested_qty + max(first.case_pack, 1)
            )
            overrides[first.sku] = Override(qty, note)
        sheet = service.save_sheet(db, buyer, day, overrides)
        # Demo history reads as if saved on its own Thursday morning (10:00 in China).
        when = datetime.combine(day, time(2, 0), tzinfo=UTC)
        with db.write() as s:
            s.execute(update(RestockSheet).where(RestockSheet.id == sheet.id).values(saved_at=when))
            s.execute(
                update(RestockLine)
                .where(RestockLine.sheet_id == sheet.id, RestockLine.override_qty.is_not(None))
                .values(override_at=when)
            )
