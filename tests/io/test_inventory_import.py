"""Importing products, stock, sales and POs from real files: encodings, headers, bad rows."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.errors import ImportRejected, InvalidInput, PermissionDenied
from shopdesk.inventory.importers import run_import
from shopdesk.inventory.models import Product, PurchaseOrderLine, Sale, StockMovement, Supplier

SAMPLES = Path(__file__).parent / "samples" / "inventory"


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize("name", ["products_gbk.csv", "products_bom.csv"])
def test_products_in_gbk_or_utf8_bom(db: Database, owner: Actor, name: str) -> None:
    res = run_import(db, owner, "products", SAMPLES / name)
    assert (res.rows, res.inserted, res.updated) == (3, 3, 0)
    assert sorted(res.created_suppliers) == ["义乌杯厂", "杭州包厂"]
    with db.read() as s:
        p = s.execute(select(Product).where(Product.sku == "A1")).scalar_one()
        assert (p.name, p.tier, p.hero, p.case_pack) == ("保温杯 500ml", "hot", True, 12)
        assert p.cost_price == Decimal("12.50")
        assert p.warning_level is None  # empty → tier default
        b1 = s.execute(select(Product).where(Product.sku == "B1")).scalar_one()
        assert (b1.tier, b1.moq, b1.warning_level, b1.lead_time_days) == ("slow", 50, 3, 10)
    again = run_import(db, owner, "products", SAMPLES / name)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    assert _count(db, Product) == 3 and _count(db, Supplier) == 2


def test_products_update_keeps_columns_not_in_file(
    db: Database, owner: Actor, tmp_path: Path
) -> None:
    run_import(db, owner, "products", SAMPLES / "products_gbk.csv")
    f = tmp_path / "price.csv"
    f.write_text("sku,price\nA1,45.00\n", encoding="utf-8")
    res = run_import(db, owner, "products", f)
    assert res.updated == 1
    with db.read() as s:
        p = s.execute(select(Product).where(Product.sku == "A1")).scalar_one()
        assert p.price == Decimal("45.00") and p.cost_price == Decimal("12.50")
        assert p.name == "保温杯 500ml" and p.version == 2


def test_supervisor_may_not_import_cost(db: Database, supervisor: Actor) -> None:
    with pytest.raises(PermissionDenied, match="成本价"):
        run_import(db, supervisor, "products", SAMPLES / "products_gbk.csv")


def test_staff_may_not_import(db: Database, staff: Actor) -> None:
    with pytest.raises(PermissionDenied):
        run_import(db, staff, "products", SAMPLES / "products_gbk.csv")


def test_bad_sales_file_stores_nothing_and_says_where(db: Database, owner: Actor) -> None:
    run_import(db, owner, "products", SAMPLES / "products_gbk.csv")
    with pytest.raises(ImportRejected) as info:
        run_import(db, owner, "sales", SAMPLES / "sales_bad.csv")
    errs = [(e.row, e.column, e.value) for e in info.value.errors]
    assert (3, "支付件数", "三") in errs
    assert (4, "统计日期", "2026-13-01") in errs
    assert (5, "SKU编码", "ZZ9") in errs
    assert (6, "SKU编码", "A1") in errs  # same day and SKU as row 2
    assert "不能" in str(info.value.errors[0]) or info.value.errors[0].reason
    assert _count(db, Sale) == 0


def test_stock_english_headers_fullwidth_digits(db: Database, owner: Actor) -> None:
    run_import(db, owner, "products", SAMPLES / "products_gbk.csv")
    res = run_import(db, owner, "stock", SAMPLES / "stock_en.csv")
    assert res.updated == 3
    with db.read() as s:
        stock = dict(s.execute(select(Product.sku, Product.on_hand)).tuples().all())
        assert stock == {"A1": 12, "A2": 30, "B1": 2}
        assert s.scalar(select(func.sum(StockMovement.delta))) == 44
    assert run_import(db, owner, "stock", SAMPLES / "stock_en.csv").unchanged == 3


def test_po_import_and_reimport(db: Database, owner: Actor) -> None:
    run_import(db, owner, "products", SAMPLES / "products_gbk.csv")
    res = run_import(db, owner, "po", SAMPLES / "po.csv")
    assert res.inserted == 3
    with db.read() as s:
        etas = sorted(s.execute(select(PurchaseOrderLine.eta)).scalars())
    assert etas == [date(2026, 11, 22), date(2026, 11, 22), date(2026, 11, 30)]
    assert run_import(db, owner, "po", SAMPLES / "po.csv").unchanged == 3
    assert _count(db, PurchaseOrderLine) == 3


def test_dry_run_stores_nothing(db: Database, owner: Actor) -> None:
    res = run_import(db, owner, "products", SAMPLES / "products_gbk.csv", dry_run=True)
    assert res.dry_run and res.inserted == 3 and len(res.sample) == 3
    assert "将导入" in res.summary()
    assert _count(db, Product) == 0 and _count(db, Supplier) == 0


def test_missing_column_and_unknown_type(db: Database, owner: Actor, tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("SKU编码,名字\nA1,x\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="缺少必需的列: 库存"):
        run_import(db, owner, "stock", f)
    with pytest.raises(ImportRejected) as info:  # a new SKU needs a name
        run_import(db, owner, "products", f)
    assert info.value.errors[0].reason == "新商品需要商品名称"
    g = tmp_path / "x.json"
    g.write_text("{}", encoding="utf-8")
    with pytest.raises(InvalidInput, match="不支持"):
        run_import(db, owner, "products", g)


def _sales_xlsx(path: Path, n_skus: int, days: int, start: date) -> int:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["日期", "商家编码", "支付件数", "支付金额"])
    r = 1
    for d in range(days):
        day = (start + timedelta(days=d)).isoformat()
        for i in range(n_skus):
            ws.write_row(r, 0, [day, f"S{i:05d}", (i + d) % 7, ((i + d) % 7) * 9.9])
            r += 1
    wb.close()
    return r - 1


def _products(db: Database, owner: Actor, tmp_path: Path, n: int) -> None:
    f = tmp_path / "p.csv"
    f.write_text("sku,name\n" + "".join(f"S{i:05d},商品{i}\n" for i in range(n)), encoding="utf-8")
    run_import(db, owner, "products", f)


def test_sales_xlsx_reimport_replaces_never_doubles(
    db: Database, owner: Actor, tmp_path: Path
) -> None:
    _products(db, owner, tmp_path, 50)
    f = tmp_path / "sales.xlsx"
    rows = _sales_xlsx(f, 50, 10, date(2026, 11, 1))
    assert run_import(db, owner, "sales", f).inserted == rows
    again = run_import(db, owner, "sales", f)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, rows)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Sale)) == rows
        assert s.scalar(select(func.sum(Sale.units))) == sum(
            (i + d) % 7 for d in range(10) for i in range(50)
        )


@pytest.mark.slow
def test_100k_sales_rows_import_in_seconds(db: Database, owner: Actor, tmp_path: Path) -> None:
    _products(db, owner, tmp_path, 2000)
    f = tmp_path / "big.xlsx"
    rows = _sales_xlsx(f, 2000, 50, date(2026, 9, 1))
    assert rows == 100_000
    res = run_import(db, owner, "sales", f)  # how fast: benchmarks/import_sales.py
    assert res.inserted == 100_000
    assert _count(db, Sale) == 100_000
