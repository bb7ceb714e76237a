"""Purchase orders made by hand and from the saved restock sheet (生成采购单), end to end."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from shopdesk.audit.models import AuditEntry
from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, NotFound, PermissionDenied
from shopdesk.inventory import service
from shopdesk.inventory.importers import run_import
from shopdesk.inventory.service import NewLine, Override

D = date(2026, 11, 19)  # a Thursday; the suite's today is Sunday 2026-11-22
TODAY = date(2026, 11, 22)


@pytest.fixture
def shop(db: Database, owner: Actor, tmp_path: Path) -> Database:
    products = tmp_path / "p.csv"
    products.write_text(
        "SKU编码,商品名称,层级,主推,供应商,采购周期,箱规,起订量,预警量\n"
        "A1,保温杯,热销,是,义乌杯厂,5,12,0,\n"
        "A2,杯盖,常销,否,义乌杯厂,5,1,0,\n"
        "B1,帆布包,滞销,否,杭州包厂,10,1,50,3\n",
        encoding="utf-8",
    )
    run_import(db, owner, "products", products)
    sales = tmp_path / "s.csv"
    sales.write_text(
        "日期,SKU编码,销量\n"
        + "".join(
            f"{D - timedelta(days=i)},A1,4\n{D - timedelta(days=i)},B1,1\n" for i in range(1, 29)
        ),
        encoding="utf-8",
    )
    run_import(db, owner, "sales", sales)
    stock = tmp_path / "k.csv"
    stock.write_text("SKU编码,库存\nA1,10\nA2,30\nB1,2\n", encoding="utf-8")
    run_import(db, owner, "stock", stock)
    return db


def _lines(sheet: service.Sheet) -> dict[str, service.SheetLine]:
    return {ln.row.sku: ln for ln in sheet.lines}


def test_order_from_sheet_makes_one_po_per_supplier(shop: Database, owner: Actor) -> None:
    sheet = service.save_sheet(shop, owner, D, {"A1": Override(84, "多备一箱")})
    assert {k: ln.final_qty for k, ln in _lines(sheet).items()} == {"A1": 84, "B1": 50}
    made = service.order_from_sheet(shop, owner, sheet.id or 0)
    # Suppliers in name order; numbers of the day; ETA = today + each line's lead time.
    assert sorted((m.supplier, m.lines, m.units) for m in made) == [
        ("义乌杯厂", 1, 84),
        ("杭州包厂", 1, 50),
    ]
    assert [m.po_number for m in made] == ["PO20261122-01", "PO20261122-02"]
    by_sku = {ln.sku: ln for ln in service.list_po_lines(shop, owner)}
    assert by_sku["A1"].qty == 84 and by_sku["A1"].eta == TODAY + timedelta(days=5)
    assert by_sku["B1"].qty == 50 and by_sku["B1"].eta == TODAY + timedelta(days=10)
    assert by_sku["A1"].supplier == "义乌杯厂" and by_sku["B1"].supplier == "杭州包厂"
    # The saved sheet shows what was ordered, and orders nothing twice.
    again = service.get_sheet(shop, owner, sheet.id or 0)
    assert {k: ln.po_number for k, ln in _lines(again).items()} == {
        "A1": by_sku["A1"].po_number,
        "B1": by_sku["B1"].po_number,
    }
    with pytest.raises(InvalidInput, match="已生成过采购单"):
        service.order_from_sheet(shop, owner, sheet.id or 0)
    with pytest.raises(InvalidInput, match="已生成采购单"):
        service.set_override(shop, owner, sheet.id or 0, "A1", 12)
    with shop.read() as s:
        audited = s.execute(
            select(AuditEntry.entity, AuditEntry.action).where(
                AuditEntry.action.in_(["create", "order"]),
                AuditEntry.entity.in_(["purchase_order", "restock_sheet"]),
            )
        ).all()
    assert sorted(audited) == [
        ("purchase_order", "create"),
        ("purchase_order", "create"),
        ("restock_sheet", "order"),
    ]


def test_open_orders_count_as_on_order_in_the_next_sheet(shop: Database, owner: Actor) -> None:
    """The whole loop: save → 生成采购单 → next week's sheet sees the units on order."""
    next_week = D + timedelta(days=7)
    before = _lines(service.compute_sheet(shop, owner, next_week))
    sheet = service.save_sheet(shop, owner, D)
    service.order_from_sheet(shop, owner, sheet.id or 0)
    after = _lines(service.compute_sheet(shop, owner, next_week))
    assert before["A1"].row.on_order == 0 and after["A1"].row.on_order == 72
    assert after["A1"].row.need == before["A1"].row.need - 72
    assert after["B1"].row.on_order == 50
    # Received, the units move from on order to on hand; the sheet still counts them once.
    ids = [ln.id for ln in service.list_po_lines(shop, owner, open_only=True) if ln.sku == "A1"]
    service.receive_lines(shop, owner, ids)
    assert after["A1"].row.need < 0  # so, received, A1 leaves the sheet
    assert "A1" not in _lines(service.compute_sheet(shop, owner, next_week))
    a1 = next(r for r in service.list_products(shop, owner, next_week).rows if r.sku == "A1")
    assert (a1.on_hand, a1.on_order) == (82, 0)


def test_zero_lines_and_unsupplied_lines(shop: Database, owner: Actor) -> None:
    sheet = service.save_sheet(shop, owner, D, {"A1": Override(0), "B1": Override(0)})
    with pytest.raises(InvalidInput, match="没有要下单的行"):
        service.order_from_sheet(shop, owner, sheet.id or 0)
    assert service.list_po_lines(shop, owner) == []


def test_manual_po_numbers_default_eta_and_refusals(
    shop: Database, owner: Actor, staff: Actor
) -> None:
    first = service.create_po(shop, owner, [NewLine("A1", 24), NewLine("A2", 5, TODAY)])
    assert first.po_number == "PO20261122-01"
    assert (first.lines, first.units, first.first_eta, first.last_eta) == (
        2,
        29,
        TODAY,
        TODAY + timedelta(days=5),  # A1: today + its lead time
    )
    second = service.create_po(shop, owner, [NewLine("B1", 50)], supplier="杭州包厂")
    assert second.po_number == "PO20261122-02" and second.supplier == "杭州包厂"
    own = service.create_purchase_order(shop, owner, "厂家单-7", [NewLine("A2", 1)])
    assert own > 0
    assert service.create_po(shop, owner, [NewLine("A2", 1)]).po_number == "PO20261122-03"
    with pytest.raises(InvalidInput, match="已存在"):
        service.create_purchase_order(shop, owner, "厂家单-7", [NewLine("A2", 1)])
    with pytest.raises(InvalidInput, match="与第 1 行重复"):
        service.create_po(shop, owner, [NewLine("A2", 1), NewLine("A2", 2)])
    with pytest.raises(InvalidInput, match="数量"):
        service.create_po(shop, owner, [NewLine("A2", 0)])
    with pytest.raises(InvalidInput, match="至少要有一行"):
        service.create_po(shop, owner, [])
    with pytest.raises(NotFound, match="没有这个 SKU"):
        service.create_po(shop, owner, [NewLine("ZZ", 1)])
    with pytest.raises(NotFound, match="供应商不存在"):
        service.create_po(shop, owner, [NewLine("A2", 1)], supplier="不存在的厂")
    with pytest.raises(PermissionDenied):
        service.create_po(shop, staff, [NewLine("A2", 1)])
    # The rules the new-order dialog shows at the cell hold here too (the CLI has no dialog).
    with pytest.raises(InvalidInput, match="A1 的供应商是 义乌杯厂, 不是 杭州包厂"):
        service.create_po(shop, owner, [NewLine("A1", 1)], supplier="杭州包厂")
    with pytest.raises(InvalidInput, match="不能早于今天"):
        service.create_po(shop, owner, [NewLine("A2", 1, TODAY - timedelta(days=1))])
    sheet = service.save_sheet(shop, owner, D)
    with pytest.raises(PermissionDenied):
        service.order_from_sheet(shop, staff, sheet.id or 0)
    # Refused attempts stored nothing: 4 orders, 5 lines.
    assert len(service.list_po_lines(shop, owner)) == 5


def _on_hand(db: Database, owner: Actor, sku: str) -> int:
    return next(r.on_hand for r in service.list_products(db, owner).rows if r.sku == sku)


def test_cancel_a_po_typed_by_mistake(shop: Database, owner: Actor, staff: Actor) -> None:
    sheet = service.save_sheet(shop, owner, D)
    made = {m.supplier: m for m in service.order_from_sheet(shop, owner, sheet.id or 0)}
    cups = made["义乌杯厂"]
    with pytest.raises(PermissionDenied):
        service.cancel_po(shop, staff, cups.id)
    assert service.cancel_po(shop, owner, cups.id) == cups.po_number
    assert {ln.po_number for ln in service.list_po_lines(shop, owner)} == {
        made["杭州包厂"].po_number
    }
    # The sheet line it came from can be ordered again; the other one stays ordered.
    again = service.order_from_sheet(shop, owner, sheet.id or 0)
    assert [(m.supplier, m.units) for m in again] == [("义乌杯厂", cups.units)]
    with shop.read() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "cancel")).scalar_one()
        who, before = entry.user_name, entry.before
    assert who == "店主"
    assert before["po_number"] == cups.po_number
    assert before["lines"][0][:2] == ["A1", cups.units]
    with pytest.raises(NotFound):
        service.cancel_po(shop, owner, cups.id)


def test_a_po_with_arrivals_cannot_be_cancelled_until_undone(shop: Database, owner: Actor) -> None:
    po = service.create_po(shop, owner, [NewLine("A1", 24), NewLine("A2", 5)])
    lines = {ln.sku: ln for ln in service.list_po_lines(shop, owner)}
    assert service.receive_lines(shop, owner, [lines["A1"].id]) == 24
    assert _on_hand(shop, owner, "A1") == 34
    with pytest.raises(InvalidInput, match="已有到货的行, 不能作废"):
        service.cancel_po(shop, owner, po.id)
    with pytest.raises(InvalidInput, match="还没有到货"):
        service.unreceive_lines(shop, owner, [lines["A2"].id])
    assert service.unreceive_lines(shop, owner, [lines["A1"].id]) == 24
    assert _on_hand(shop, owner, "A1") == 10
    assert all(ln.open for ln in service.list_po_lines(shop, owner))
    with shop.read() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "unreceive")).scalar_one()
        seen = (entry.entity_id, entry.before, entry.after["on_hand"])
    assert seen == ("A1", {"on_hand": 34}, 10)
    assert service.cancel_po(shop, owner, po.id) == po.po_number


def test_undoing_an_arrival_never_takes_stock_below_zero(
    shop: Database, owner: Actor, tmp_path: Path
) -> None:
    service.create_po(shop, owner, [NewLine("B1", 50)])
    (line,) = service.list_po_lines(shop, owner)
    service.receive_lines(shop, owner, [line.id])
    counted = tmp_path / "count.csv"  # 30 of the 52 sold or counted away since
    counted.write_text("SKU编码,库存\nB1,22\n", encoding="utf-8")
    run_import(shop, owner, "stock", counted)
    with pytest.raises(InvalidInput, match="现在库存 22 件, 少于这次到货的 50 件"):
        service.unreceive_lines(shop, owner, [line.id])
    assert _on_hand(shop, owner, "B1") == 22
    assert not service.list_po_lines(shop, owner)[0].open
