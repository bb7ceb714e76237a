"""Inventory service on a real SQLite file: catalogue, edits, POs, the sheet and its history."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from shopdesk.audit.models import AuditEntry
from shopdesk.auth.actor import Actor
from shopdesk.campaigns.models import Campaign, CampaignSku
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, PermissionDenied, StaleRecord
from shopdesk.inventory import service
from shopdesk.inventory.importers import run_import
from shopdesk.inventory.models import Product, Sale, StockMovement
from shopdesk.inventory.service import NewLine, Override
from shopdesk.settings import service as settings

D = date(2026, 11, 19)


def _csv(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture
def shop(db: Database, owner: Actor, tmp_path: Path) -> Database:
    """Three SKUs from two suppliers, 28 days of sales, stock counted."""
    run_import(
        db,
        owner,
        "products",
        _csv(
            tmp_path,
            "p.csv",
            "SKU编码,商品名称,层级,主推,供应商,采购周期,箱规,起订量,预警量,成本价,售价\n"
            "A1,保温杯,热销,是,义乌杯厂,5,12,0,,12.50,39.90\n"
            "A2,杯盖,常销,否,义乌杯厂,5,1,0,,1.00,5.00\n"
            "B1,帆布包,滞销,否,杭州包厂,10,1,50,3,20.00,59.00\n",
        ),
    )
    sales = "日期,SKU编码,销量\n" + "".join(
        f"{D - timedelta(days=i)},A1,4\n{D - timedelta(days=i)},B1,1\n" for i in range(1, 29)
    )
    run_import(db, owner, "sales", _csv(tmp_path, "s.csv", sales))
    run_import(db, owner, "stock", _csv(tmp_path, "k.csv", "SKU编码,库存\nA1,10\nA2,30\nB1,2\n"))
    return db


def test_catalogue_rows_have_effective_values(shop: Database, owner: Actor) -> None:
    cat = service.list_products(shop, owner, D)
    rows = {r.sku: r for r in cat.rows}
    assert set(rows) == {"A1", "A2", "B1"}
    a1 = rows["A1"]
    assert a1.velocity == pytest.approx(4.0)
    assert a1.warning_level == 50 and not a1.own_warning  # hot tier default
    assert a1.below_warning
    assert a1.days_of_cover == pytest.approx(2.5)
    assert a1.stockout_risk
    assert a1.cost_price == Decimal("12.50")
    assert a1.supplier == "义乌杯厂"
    assert cat.show_cost and cat.can_edit


def test_cost_hidden_from_staff(shop: Database, staff: Actor, finance: Actor) -> None:
    cat = service.list_products(shop, staff, D)
    assert not cat.show_cost
    assert all(r.cost_price is None for r in cat.rows)
    assert not cat.can_edit
    assert all(r.cost_price is not None for r in service.list_products(shop, finance, D).rows)
    assert all(s.terms is None for s in service.list_suppliers(shop, staff))


def test_inline_edit_is_audited_and_versioned(shop: Database, supervisor: Actor) -> None:
    row = next(r for r in service.list_products(shop, supervisor, D).rows if r.sku == "A2")
    new = service.update_product(shop, supervisor, row.id, row.version, {"on_hand": "45"})
    assert new.on_hand == 45
    assert new.version == row.version + 1
    with shop.read() as s:
        entry = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc())).scalars().first()
        assert entry is not None
        assert (entry.entity, entry.entity_id, entry.user_name) == ("product", "A2", "主管")
        assert entry.before == {"on_hand": 30} and entry.after == {"on_hand": 45}
        moves = s.execute(select(StockMovement.delta).where(StockMovement.reason == "edit"))
        assert list(moves.scalars()) == [15]
    with pytest.raises(StaleRecord):
        service.update_product(shop, supervisor, row.id, row.version, {"moq": 5})


def test_edit_refusals(shop: Database, staff: Actor, supervisor: Actor) -> None:
    row = service.list_products(shop, supervisor, D).rows[0]
    with pytest.raises(PermissionDenied):
        service.update_product(shop, staff, row.id, row.version, {"moq": 5})
    with pytest.raises(PermissionDenied):  # supervisor may edit stock, not cost
        service.update_product(shop, supervisor, row.id, row.version, {"cost_price": "1"})
    with pytest.raises(InvalidInput, match="箱规"):
        service.update_product(shop, supervisor, row.id, row.version, {"case_pack": "0"})
    with pytest.raises(InvalidInput):
        service.update_product(shop, supervisor, row.id, row.version, {"tier": "爆款"})


def test_purchase_order_receive_adds_stock(shop: Database, owner: Actor) -> None:
    service.create_purchase_order(
        shop, owner, "PO-1", [NewLine("A1", 24, D + timedelta(days=3))], supplier="义乌杯厂"
    )
    lines = service.list_po_lines(shop, owner, open_only=True)
    assert [(ln.po_number, ln.sku, ln.qty) for ln in lines] == [("PO-1", "A1", 24)]
    assert (
        next(r for r in service.list_products(shop, owner, D).rows if r.sku == "A1").on_order == 24
    )
    assert service.receive_lines(shop, owner, [lines[0].id]) == 24
    a1 = next(r for r in service.list_products(shop, owner, D).rows if r.sku == "A1")
    assert (a1.on_hand, a1.on_order) == (34, 0)
    assert service.list_po_lines(shop, owner, open_only=True) == []
    with pytest.raises(InvalidInput):
        service.receive_lines(shop, owner, [lines[0].id])
    with shop.read() as s:
        n = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "receive")
        )
        assert n == 1


def test_sheet_lists_and_explains(shop: Database, owner: Actor) -> None:
    sheet = service.compute_sheet(shop, owner, D)
    by = {ln.row.sku: ln.row for ln in sheet.lines}
    assert set(by) == {"A1", "B1"}  # A2: no sales, 30 ≥ 20 warning
    a1 = by["A1"]
    # v 4, C = 5 + 7 + 7 = 19 → 76 − 10 = 66 → 6 cases of 12 = 72
    assert (a1.need, a1.suggested_qty) == (66, 72)
    b1 = by["B1"]
    # v 1, C = 10 + 7 + 0 = 17 → 17 − 2 = 15 → MOQ 50
    assert (b1.need, b1.suggested_qty) == (15, 50)
    assert [ln.row.supplier for ln in sheet.lines] == ["义乌杯厂", "杭州包厂"]  # by name


def test_on_order_and_campaign_feed_the_sheet(shop: Database, owner: Actor) -> None:
    service.create_purchase_order(shop, owner, "PO-2", [NewLine("A1", 12, D + timedelta(days=5))])
    with shop.write() as s:
        pid = s.scalar(select(Product.id).where(Product.sku == "A1"))
        c = Campaign(
            name="双12",
            kind="official",
            start=D + timedelta(days=10),
            end=D + timedelta(days=12),
            stage="approved",
        )
        s.add(c)
        s.flush()
        s.add(CampaignSku(campaign_id=c.id, product_id=pid, uplift=Decimal("3")))
    a1 = next(ln.row for ln in service.compute_sheet(shop, owner, D).lines if ln.row.sku == "A1")
    assert a1.on_order == 12
    assert a1.campaign_extra == pytest.approx(4 * 2 * 3)
    assert a1.need == 76 + 24 - 10 - 12


def test_settings_change_the_sheet(shop: Database, owner: Actor) -> None:
    settings.set_value(shop, owner, "restock.review_days", 14)
    a1 = next(ln.row for ln in service.compute_sheet(shop, owner, D).lines if ln.row.sku == "A1")
    assert a1.cover_days == 5 + 14 + 7


def test_saved_sheet_keeps_its_numbers_and_overrides(shop: Database, owner: Actor) -> None:
    saved = service.save_sheet(shop, owner, D, {"A1": Override(60, "库房满了")})
    assert saved.saved and saved.saved_by == "店主"
    a1 = next(ln for ln in saved.lines if ln.row.sku == "A1")
    assert (a1.row.suggested_qty, a1.override_qty, a1.final_qty) == (72, 60, 60)
    assert a1.override_by == "店主" and a1.override_note == "库房满了"
    # Data changes later: the saved sheet does not move, a fresh computation does.
    with shop.write() as s:
        s.execute(Sale.__table__.update().values(units=100))
    assert service.get_sheet(shop, owner, saved.id).lines == saved.lines
    assert service.sheet_for_date(shop, owner, D).lines == saved.lines
    fresh = service.compute_sheet(shop, owner, D)
    assert next(ln for ln in fresh.lines if ln.row.sku == "A1").row.suggested_qty > 72
    with pytest.raises(InvalidInput, match="已保存"):
        service.save_sheet(shop, owner, D)
    after = service.set_override(shop, owner, saved.id, "B1", 100, "凑整箱")
    b1 = next(ln for ln in after.lines if ln.row.sku == "B1")
    assert b1.final_qty == 100
    history = service.list_sheets(shop, owner)
    assert [(h.sheet_date, h.lines, h.units, h.overrides) for h in history] == [(D, 2, 160, 2)]


def test_staff_may_view_but_not_save(shop: Database, staff: Actor) -> None:
    assert service.compute_sheet(shop, staff, D).lines
    with pytest.raises(PermissionDenied):
        service.save_sheet(shop, staff, D)


def test_override_must_be_on_the_sheet(shop: Database, owner: Actor) -> None:
    with pytest.raises(InvalidInput, match="A2"):
        service.save_sheet(shop, owner, D, {"A2": Override(5)})
    with pytest.raises(InvalidInput):
        service.save_sheet(shop, owner, D, {"A1": Override(-5)})


def test_default_sheet_date_follows_setting(db: Database, owner: Actor) -> None:
    assert service.default_sheet_date(db, date(2026, 11, 16)) == date(2026, 11, 19)
    settings.set_value(db, owner, "restock.weekday", 0)
    assert service.default_sheet_date(db, date(2026, 11, 18)) == date(2026, 11, 16)


def test_suppliers(db: Database, owner: Actor) -> None:
    sid = service.save_supplier(db, owner, "义乌杯厂", 6, terms="月结30天")
    rows = service.list_suppliers(db, owner)
    assert [(r.name, r.lead_time_days, r.terms) for r in rows] == [("义乌杯厂", 6, "月结30天")]
    service.save_supplier(db, owner, "义乌杯厂", 8, supplier_id=sid, version=rows[0].version)
    with pytest.raises(StaleRecord):
        service.save_supplier(db, owner, "义乌杯厂", 9, supplier_id=sid, version=rows[0].version)
    with pytest.raises(InvalidInput):
        service.save_supplier(db, owner, "", 8)


def test_window_totals_shortcut_matches_day_by_day(shop: Database, owner: Actor) -> None:
    """SKUs without a past campaign get their window total as one row: same sheet."""
    import pandas as pd

    from shopdesk.inventory import restock

    with shop.write() as s:
        pid = s.scalar(select(Product.id).where(Product.sku == "A1"))
        c = Campaign(
            name="双11",
            kind="official",
            start=D - timedelta(days=10),
            end=D - timedelta(days=5),
            stage="reviewed",
        )
        s.add(c)
        s.flush()
        s.add(CampaignSku(campaign_id=c.id, product_id=pid, uplift=Decimal("3")))
    with shop.read() as s:
        st = service.restock_settings(s)
        first, last = D - timedelta(days=28), D - timedelta(days=1)
        products = service._formula_products_frame(s)
        camps = service._campaign_frame(s, first, D + timedelta(days=60))
        orders = service._on_order_frame(s)
        full = service._sales_frame(s, first, last, None)
        short = service._sales_frame(s, first, last, [pid])
    assert len(short) < len(full)
    a = restock.compute(products, full, orders, camps, st, D, only_listed=False)
    b = restock.compute(products, short, orders, camps, st, D, only_listed=False)
    pd.testing.assert_frame_equal(a, b)
    assert a.loc[a["sku"] == "A1", "velocity_days"].item() == 22
    rows = {ln.row.sku: ln.row for ln in service.compute_sheet(shop, owner, D).lines}
    assert rows["A1"].velocity_days == 22


def test_catalogue_flags_inactive_and_prices(shop: Database, supervisor: Actor) -> None:
    row = next(r for r in service.list_products(shop, supervisor, D).rows if r.sku == "B1")
    assert row.active and row.price == Decimal("59.00") and row.cost_price is None
    service.update_product(shop, supervisor, row.id, row.version, {"active": False})
    row = next(r for r in service.list_products(shop, supervisor, D).rows if r.sku == "B1")
    assert not row.active
    assert "B1" not in {ln.row.sku for ln in service.compute_sheet(shop, supervisor, D).lines}


def test_demo_shop_has_saved_sheet_history(demo_db: Database, demo_owner: Actor) -> None:
    history = service.list_sheets(demo_db, demo_owner)
    assert len(history) == 2 and all(h.overrides == 1 for h in history)
    this_week = service.default_sheet_date(demo_db)
    assert [h.sheet_date for h in history] == [
        this_week - timedelta(weeks=1),
        this_week - timedelta(weeks=2),
    ]
    saved = service.get_sheet(demo_db, demo_owner, history[0].id)
    changed = [ln for ln in saved.lines if ln.override_qty is not None]
    assert changed[0].override_by == "李娜" and changed[0].override_note


def test_single_product_row_matches_the_full_catalogue(shop: Database, owner: Actor) -> None:
    with shop.write() as s:
        pid = s.scalar(select(Product.id).where(Product.sku == "A1"))
        c = Campaign(
            name="双11",
            kind="official",
            start=D - timedelta(days=10),
            end=D - timedelta(days=5),
            stage="live",
        )
        s.add(c)
        s.flush()
        s.add(CampaignSku(campaign_id=c.id, product_id=pid, uplift=Decimal("3")))
    full = {r.id: r for r in service.list_products(shop, owner, D).rows}
    for product_id, row in full.items():
        one = service.list_products(shop, owner, D, product_id=product_id).rows
        assert one == [row]


def test_saved_line_keeps_every_input(shop: Database, owner: Actor) -> None:
    fresh = {ln.row.sku: ln.row for ln in service.compute_sheet(shop, owner, D).lines}
    saved = service.save_sheet(shop, owner, D)
    again = {ln.row.sku: ln.row for ln in service.get_sheet(shop, owner, saved.id).lines}
    assert again == fresh
    assert "lines" not in saved.parameters  # the settings used, not the per-line detail


@pytest.mark.parametrize("name", ["杯, 盖", "杯\x1f盖"])  # a comma; the packed separator itself
def test_sheet_names_survive_the_packed_read(
    shop: Database, owner: Actor, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The sheet reads codes and names joined by U+001F; a name holding it falls back to rows,
    and both reads give the same sheet."""
    with shop.write() as s:
        s.execute(update(Product).where(Product.sku == "B1").values(name=name))
    packed = [tuple(ln.row) for ln in service.compute_sheet(shop, owner, D).lines]
    assert {row[1]: row[2] for row in packed}["B1"] == name  # (product_id, sku, name, ...)
    monkeypatch.setattr(service, "_packed_columns", lambda *a, **k: None)
    assert [tuple(ln.row) for ln in service.compute_sheet(shop, owner, D).lines] == packed


def test_window_totals_match_sqlites_group_by_even_for_sparse_ids(shop: Database) -> None:
    """numpy adds the window up by product id (by position when ids are dense, else sorted)."""
    with shop.write() as s:
        a1 = s.execute(select(Product).where(Product.sku == "A1")).scalar_one()
        far = Product(
            id=50_000_000, sku="Z9", name="远方", tier=a1.tier, hero=False, case_pack=1, moq=0
        )
        s.add(far)
        s.flush()
        s.add(Sale(day=D - timedelta(days=3), product_id=far.id, units=7))
    first, last = D - timedelta(days=28), D - timedelta(days=1)
    with shop.read() as s:
        got = service._window_totals(s, first, last)
        want = service._fetch(s, service._WINDOW_TOTALS_SQL, {"a": first, "b": last})
    pairs = (
        list(zip(got["product_id"].tolist(), got["u"].tolist(), strict=True))
        if isinstance(got, dict)  # SQLite; other databases answer with the GROUP BY's rows
        else [(int(p), int(u)) for p, u in got]
    )
    assert sorted(pairs) == sorted((int(p), int(u)) for p, u in want)
    assert (50_000_000, 7) in pairs
