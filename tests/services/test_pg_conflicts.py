"""Two PCs, one record: the later save is refused and told who saved it and when.

Every test here runs on SQLite and, when SHOPDESK_TEST_PG_URL is set, on PostgreSQL.
"""

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.errors import StaleRecord
from shopdesk.inventory import service as inventory
from shopdesk.inventory.models import Product


@pytest.fixture
def other_pc(db: Database) -> Iterator[Database]:
    """A second client of the same database (its own engine and connections)."""
    other = Database(db.url)
    yield other
    other.dispose()


def _product(db: Database, owner: Actor, sku: str) -> inventory.ProductRow:
    inventory.create_product(db, owner, sku, "原名")
    return next(r for r in inventory.list_products(db, owner).rows if r.sku == sku)


def test_the_loser_is_told_who_saved_and_when(
    db: Database, other_pc: Database, owner: Actor, supervisor: Actor
) -> None:
    row = _product(db, owner, "C1")
    inventory.update_product(other_pc, supervisor, row.id, row.version, {"name": "主管改的"})
    with pytest.raises(StaleRecord) as caught:
        inventory.update_product(db, owner, row.id, row.version, {"name": "店主改的"})
    text = str(caught.value)
    assert "已被 主管 于 " in text and "请刷新" in text and "C1" in text
    with db.read() as s:
        assert s.scalar(select(Product.name).where(Product.sku == "C1")) == "主管改的"


def test_after_reloading_the_save_goes_through(
    db: Database, other_pc: Database, owner: Actor, supervisor: Actor
) -> None:
    row = _product(db, owner, "C2")
    inventory.update_product(other_pc, supervisor, row.id, row.version, {"name": "主管改的"})
    fresh = inventory.list_products(db, owner, product_id=row.id).rows[0]
    saved = inventory.update_product(db, owner, fresh.id, fresh.version, {"name": "店主改的"})
    assert saved.name == "店主改的" and saved.version == fresh.version + 1


def test_an_orm_flush_over_a_newer_version_names_the_winner(
    db: Database, other_pc: Database, owner: Actor, supervisor: Actor
) -> None:
    """The one central place (Database.write) turns StaleDataError into words.

    On PostgreSQL two transactions really interleave: A reads, B saves and commits, A flushes.
    SQLite's BEGIN IMMEDIATE makes B wait for A, so there the newer version is made inside A.
    """
    row = _product(db, owner, "C3")
    with pytest.raises(StaleRecord) as caught, db.write() as s:
        p = s.get_one(Product, row.id)
        if db.is_sqlite:
            s.execute(Product.__table__.update().values(version=Product.version + 1))
        else:
            inventory.update_product(other_pc, supervisor, row.id, row.version, {"name": "B"})
        p.name = "A"
    text = str(caught.value)
    assert "请刷新" in text and "没有保存" in text
    if not db.is_sqlite:
        assert "已被 主管 于 " in text
    with db.read() as s:
        assert s.scalar(select(Product.name).where(Product.sku == "C3")) != "A"
