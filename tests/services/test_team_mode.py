"""Team mode: the same services on PostgreSQL, conflicts between two clients, moving a shop."""

import os

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.db.transfer import migrate_to
from shopdesk.errors import InvalidInput, StaleRecord
from shopdesk.inventory.models import Product

PG_URL = os.environ.get("SHOPDESK_TEST_PG_URL")


def test_the_later_of_two_editors_is_told_to_reload(db: Database, owner: Actor) -> None:
    """Two PCs (two Database objects) edit one product they both loaded; the later save is
    refused with a reload message instead of overwriting the first."""
    from shopdesk.inventory import service as inventory

    with db.write() as s:
        s.add(Product(sku="T1", name="原名"))
    other = Database(db.url)
    try:
        row = next(r for r in inventory.list_products(db, owner).rows if r.sku == "T1")
        inventory.update_product(other, owner, row.id, row.version, {"name": "别人改的"})
        with pytest.raises(StaleRecord, match="刷新"):
            inventory.update_product(db, owner, row.id, row.version, {"name": "我改的"})
        with db.read() as s:
            assert (
                s.execute(select(Product.name).where(Product.sku == "T1")).scalar_one()
                == "别人改的"
            )
    finally:
        other.dispose()


def test_an_orm_write_over_a_newer_version_becomes_stale_record(db: Database) -> None:
    """The one place that turns SQLAlchemy's StaleDataError into words: Database.write()."""
    with db.write() as s:
        s.add(Product(sku="T2", name="x"))
    with pytest.raises(StaleRecord), db.write() as s:
        p = s.execute(select(Product).where(Product.sku == "T2")).scalar_one()
        s.execute(text("UPDATE products SET version = version + 1 WHERE sku = 'T2'"))
        p.name = "y"


@pytest.mark.skipif(not PG_URL, reason="needs SHOPDESK_TEST_PG_URL (a PostgreSQL server)")
def test_migrate_to_copies_every_row_and_refuses_a_second_time(demo_db: Database) -> None:
    assert PG_URL
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"shopdesk_move_{os.getpid()}"
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        report = {t.table: t.rows for t in migrate_to(demo_db, url)}
        assert report["products"] == 300 and report["sales"] > 20_000
        target = Database(url)
        with target.write() as s:  # sequences continue after the copied ids
            s.add(Product(sku="NEW", name="新品"))
        target.dispose()
        with pytest.raises(InvalidInput, match="不是空的"):
            migrate_to(demo_db, url)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
