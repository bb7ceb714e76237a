"""The sales import's write: new, changed and unchanged rows counted and stored exactly (SQLite's
multi-row INSERT / upsert and PostgreSQL's upsert), dry runs and rejected files store nothing."""

from __future__ import annotations

import gc
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.errors import ImportRejected
from shopdesk.inventory.importers import parse_file, run_import
from shopdesk.inventory.models import Sale


def _csv(tmp_path: Path, name: str, lines: list[str]) -> Path:
    f = tmp_path / name
    f.write_text("日期,SKU编码,销量,销售额\n" + "".join(f"{x}\n" for x in lines), encoding="utf-8")
    return f


def _stored(db: Database) -> list[tuple[date, str, int, Decimal | None]]:
    from shopdesk.inventory.models import Product

    with db.read() as s:
        return [
            (d, sku, u, r)
            for d, sku, u, r in s.execute(
                select(Sale.day, Product.sku, Sale.units, Sale.revenue)
                .join(Product, Product.id == Sale.product_id)
                .order_by(Sale.day, Product.sku)
            ).all()
        ]


@pytest.fixture
def shop(db: Database, owner: Actor, tmp_path: Path) -> Database:
    f = tmp_path / "p.csv"
    f.write_text("sku,name\nA1,杯子\nA2,盘子\nB1,碗\n", encoding="utf-8")
    run_import(db, owner, "products", f)
    return db


def test_new_changed_and_unchanged_rows_are_counted_and_stored(
    shop: Database, owner: Actor, tmp_path: Path
) -> None:
    first = _csv(
        tmp_path,
        "1.csv",
        [f"2026-11-0{d},{sku},{d},{d * 10}.50" for d in (1, 2, 3) for sku in ("A1", "A2", "B1")],
    )
    res = run_import(shop, owner, "sales", first)
    assert (res.inserted, res.updated, res.unchanged, res.rows) == (9, 0, 0, 9)
    assert res.sample[0] == {
        "day": date(2026, 11, 1),
        "sku": "A1",
        "units": 1,
        "revenue": Decimal("10.50"),
    }
    # Day 3 again (A1 changed, A2 the same, B1 a refund), and a new day 4 without revenue.
    second = _csv(
        tmp_path,
        "2.csv",
        [
            "2026-11-03,A1,5,99.00",
            "2026-11-03,A2,3,30.50",
            "2026-11-03,B1,-1,-30.50",
            "2026-11-04,A1,2,",
            "2026-11-04,B1,0,0",
        ],
    )
    dry = run_import(shop, owner, "sales", second, dry_run=True)
    assert (dry.inserted, dry.updated, dry.unchanged) == (2, 2, 1)
    assert len(_stored(shop)) == 9  # a dry run stores nothing
    res = run_import(shop, owner, "sales", second)
    assert (res.inserted, res.updated, res.unchanged) == (2, 2, 1)
    stored = _stored(shop)
    assert len(stored) == 11
    assert stored[-5:] == [
        (date(2026, 11, 3), "A1", 5, Decimal("99.00")),
        (date(2026, 11, 3), "A2", 3, Decimal("30.50")),
        (date(2026, 11, 3), "B1", -1, Decimal("-30.50")),
        (date(2026, 11, 4), "A1", 2, None),
        (date(2026, 11, 4), "B1", 0, Decimal("0.00")),
    ]
    assert stored[0] == (date(2026, 11, 1), "A1", 1, Decimal("10.50"))
    assert gc.isenabled()  # the import paused the collector only while it ran


def test_a_file_with_a_bad_row_stores_nothing_and_names_each_problem(
    shop: Database, owner: Actor, tmp_path: Path
) -> None:
    bad = _csv(
        tmp_path,
        "bad.csv",
        [
            "2026-11-01,A1,1,1.00",
            "2026-11-01,ZZ9,1,1.00",
            "2026-11-02,A1,x,1.00",
            "2026-11-01,A1,2,2.00",
        ],
    )
    with pytest.raises(ImportRejected) as err:
        run_import(shop, owner, "sales", bad)
    got = [(e.row, e.column, e.value) for e in err.value.errors]
    # Every problem at once, in row order: unknown SKU, not a number, the duplicate of row 2.
    assert got == [(3, "SKU编码", "ZZ9"), (4, "销量", "x"), (5, "SKU编码", "A1")]
    assert "重复" in err.value.errors[2].reason
    # Without the bad rows, the unknown SKU is the error (checked against the database).
    unknown = _csv(tmp_path, "u.csv", ["2026-11-01,A1,1,1.00", "2026-11-01,ZZ9,1,1.00"])
    with pytest.raises(ImportRejected) as err:
        run_import(shop, owner, "sales", unknown)
    assert [(e.row, e.value, e.reason) for e in err.value.errors] == [
        (3, "ZZ9", "没有这个 SKU: 请先导入商品")
    ]
    assert _stored(shop) == []
    assert gc.isenabled()


@pytest.mark.parametrize("stored_first", [False, True])
def test_a_repeated_day_and_sku_is_named_whichever_way_it_is_found(
    shop: Database, owner: Actor, tmp_path: Path, stored_first: bool
) -> None:
    """New period: the table's key finds the repeat during the INSERT (SQLite); stored rows or
    PostgreSQL: compared before writing. The same errors either way, and nothing stored."""
    if stored_first:
        run_import(shop, owner, "sales", _csv(tmp_path, "0.csv", ["2026-11-05,B1,1,1.00"]))
    before = _stored(shop)
    lines = [f"2026-11-0{d},{sku},1,1.00" for d in (5, 6) for sku in ("A1", "A2", "B1")]
    repeat = _csv(tmp_path, "r.csv", [*lines, "2026-11-06,A2,9,9.00"])
    with pytest.raises(ImportRejected) as err:
        run_import(shop, owner, "sales", repeat)
    assert [(e.row, e.column, e.value, e.reason) for e in err.value.errors] == [
        (8, "SKU编码", "A2", "与第 6 行重复")
    ]
    # With an unknown SKU as well: both named, the repeat not counted as a second problem.
    both = _csv(tmp_path, "b.csv", [*lines, "2026-11-06,A2,9,9.00", "2026-11-06,ZZ9,1,1.00"])
    with pytest.raises(ImportRejected) as err:
        run_import(shop, owner, "sales", both)
    assert [(e.row, e.value, e.reason) for e in err.value.errors] == [
        (8, "A2", "与第 6 行重复"),
        (9, "ZZ9", "没有这个 SKU: 请先导入商品"),
    ]
    with pytest.raises(ImportRejected):
        run_import(shop, owner, "sales", repeat, dry_run=True)
    assert _stored(shop) == before
    assert run_import(shop, owner, "sales", _csv(tmp_path, "ok.csv", lines)).rows == 6


def test_clean_files_parse_to_columns_and_rows_on_demand(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text("日期,SKU编码,销量\n2026-11-01,A1,1\n2026-11-02,B1,2\n", encoding="utf-8")
    parsed = parse_file("sales", f)
    assert parsed.data is not None  # every row clean: no row dicts built yet
    assert list(parsed.column("sku")) == ["A1", "B1"]
    assert parsed.head(1) == [{"day": date(2026, 11, 1), "sku": "A1", "units": 1, "revenue": None}]
    assert parsed.rows[1] == {"day": date(2026, 11, 2), "sku": "B1", "units": 2, "revenue": None}
    assert parsed.row_numbers == [2, 3]
    # A blank cell takes the row-by-row path: the same values, as row dicts.
    f.write_text("日期,SKU编码,销量,销售额\n2026-11-01,A1,1,\n", encoding="utf-8")
    parsed = parse_file("sales", f)
    assert parsed.data is None and list(parsed.column("revenue")) == [None]
