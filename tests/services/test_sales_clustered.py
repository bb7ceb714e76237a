"""Migration inventory_0004: `sales` keyed and clustered on (day, product_id), every row kept."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from shopdesk.bootstrap import open_shop
from shopdesk.config import Location, resolve
from shopdesk.db import migrate
from shopdesk.db.engine import Database
from shopdesk.inventory.models import Sale

PG_URL = os.environ.get("SHOPDESK_TEST_PG_URL")

ROWS = [
    ("2026-11-01", 1, 3, 5970),
    ("2026-11-01", 2, -1, -1990),  # a refund day
    ("2026-11-02", 1, 0, None),
    ("2026-10-31", 2, 7, 13930),
]


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql", marks=pytest.mark.skipif(not PG_URL, reason="needs SHOPDESK_TEST_PG_URL")
        ),
    ]
)
def old_shop(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Location]:
    """An empty database (SQLite file or a new PostgreSQL database) for a shop."""
    if request.param == "sqlite":
        (tmp_path / "shop").mkdir()
        yield resolve(tmp_path / "shop")
        return
    assert PG_URL
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"shopdesk_sales4_{os.getpid()}"
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    (tmp_path / "shop").mkdir()
    yield Location(
        tmp_path / "shop", make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    )
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _at_kpi_0003_with_sales(loc: Location) -> None:
    """The shop as the previous version left it: schema kpi_0003, two products, four sale rows."""
    from alembic import command

    db = Database(loc.url)
    try:
        cfg = migrate.alembic_config(db.url)
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "kpi_0003")
            conn.commit()
        with db.engine.begin() as conn:
            assert "ix_sales_day_product_units" in {
                i["name"] for i in inspect(conn).get_indexes("sales")
            }
            for pid in (1, 2):
                conn.execute(
                    text(
                        "INSERT INTO products (id, sku, name, tier, hero, case_pack, moq, active,"
                        " on_hand, version) VALUES (:id, :sku, 'x', 'regular', false, 1, 0,"
                        " true, 0, 1)"
                    ),
                    {"id": pid, "sku": f"S{pid}"},
                )
            conn.execute(
                text("INSERT INTO sales (day, product_id, units, revenue) VALUES (:d, :p, :u, :r)"),
                [{"d": date.fromisoformat(d), "p": p, "u": u, "r": r} for d, p, u, r in ROWS],
            )
    finally:
        db.dispose()


def test_a_shop_with_sales_upgrades_with_every_row_kept(old_shop: Location) -> None:
    _at_kpi_0003_with_sales(old_shop)
    db = open_shop(old_shop)  # migrates to the head, as a start of the new version does
    try:
        have, heads = migrate.pending(db)
        assert have == heads and "inventory_0004" in have
        with db.read() as s:
            got = s.execute(
                select(Sale.day, Sale.product_id, Sale.units, Sale.revenue).order_by(
                    Sale.day, Sale.product_id
                )
            ).all()
        assert got == [
            (date.fromisoformat(d), p, u, None if r is None else Decimal(r).scaleb(-2))
            for d, p, u, r in sorted(ROWS)
        ]
        with db.engine.connect() as conn:
            insp = inspect(conn)
            assert [c["name"] for c in insp.get_columns("sales")] == [
                "day",
                "product_id",
                "units",
                "revenue",
            ]
            assert insp.get_pk_constraint("sales")["constrained_columns"] == ["day", "product_id"]
            assert insp.get_indexes("sales") == []
            assert insp.get_unique_constraints("sales") == []
            assert [fk["referred_table"] for fk in insp.get_foreign_keys("sales")] == ["products"]
            if db.is_sqlite:
                sql = conn.execute(
                    text("SELECT sql FROM sqlite_master WHERE name = 'sales'")
                ).scalar_one()
                assert "WITHOUT ROWID" in sql
                assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        # The natural key still refuses a second row for the same day and SKU.
        with pytest.raises(Exception, match=r"(?i)unique|duplicate"), db.write() as s:
            s.add(Sale(day=date(2026, 11, 1), product_id=1, units=1))
    finally:
        db.dispose()


def test_the_migration_goes_back_down_with_the_rows(old_shop: Location) -> None:
    from alembic import command

    _at_kpi_0003_with_sales(old_shop)
    db = open_shop(old_shop)
    cfg = migrate.alembic_config(db.url)
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "kpi_0003")
        conn.commit()
        got = conn.execute(
            text("SELECT day, product_id, units, revenue FROM sales ORDER BY day, product_id")
        ).all()
        assert [(str(d), p, u, r) for d, p, u, r in got] == sorted(ROWS)
        assert "ix_sales_day_product_units" in {
            i["name"] for i in inspect(conn).get_indexes("sales")
        }
        assert inspect(conn).get_pk_constraint("sales")["constrained_columns"] == ["id"]
    db.dispose()


@pytest.mark.skipif(not PG_URL, reason="needs SHOPDESK_TEST_PG_URL")
def test_migrate_to_copies_the_sales(tmp_path: Path) -> None:
    from shopdesk.db.transfer import migrate_to

    assert PG_URL
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"shopdesk_sales4_move_{os.getpid()}"
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    (tmp_path / "shop").mkdir()
    source = resolve(tmp_path / "shop")
    _at_kpi_0003_with_sales(source)
    db = open_shop(source)
    try:
        report = {t.table: t.rows for t in migrate_to(db, url)}
        assert report["sales"] == len(ROWS)
        target = Database(url)
        with target.read() as s:
            moved = s.execute(
                select(Sale.day, Sale.product_id, Sale.units, Sale.revenue).order_by(
                    Sale.day, Sale.product_id
                )
            ).all()
        target.dispose()
        with db.read() as s:
            kept = s.execute(
                select(Sale.day, Sale.product_id, Sale.units, Sale.revenue).order_by(
                    Sale.day, Sale.product_id
                )
            ).all()
        assert moved == kept and len(kept) == len(ROWS)
    finally:
        db.dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
