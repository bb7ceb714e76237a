import sqlite3
import threading
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

import shopdesk.db.models as models
from shopdesk.bootstrap import open_shop
from shopdesk.config import resolve
from shopdesk.db import migrate
from shopdesk.db.engine import Database
from shopdesk.errors import SchemaTooNew
from shopdesk.inventory.models import Product


def test_migrating_an_empty_file_gives_exactly_the_models_schema(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), models.Base.metadata
        )
    assert diff == []
    have, heads = migrate.pending(db)
    assert have == heads


def test_sqlite_pragmas(db: Database) -> None:
    with db.read() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_money_is_exact(db: Database) -> None:
    big = Decimal("12345678901234567.89")
    with db.write() as s:
        s.add(Product(sku="A1", name="x", cost_price=big, price=Decimal("0.10")))
    with db.read() as s:
        p = s.execute(select(Product)).scalar_one()
        assert p.cost_price == big
        assert p.price == Decimal("0.10")


def test_newer_schema_is_refused_and_untouched(tmp_path) -> None:  # type: ignore[no-untyped-def]
    loc = resolve(tmp_path)
    open_shop(loc).dispose()
    assert loc.sqlite_path is not None
    con = sqlite3.connect(loc.sqlite_path)
    con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNew):
        open_shop(loc)
    con = sqlite3.connect(loc.sqlite_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [
        ("9999_from_the_future",)
    ]
    con.close()


def test_backup_taken_before_migrating_an_existing_file(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    loc = resolve(tmp_path)
    first = open_shop(loc)
    with first.write() as s:
        s.add(Product(sku="KEEP", name="kept"))
    first.dispose()
    # Pretend this program knows one more revision than the file has.
    real_pending = migrate.pending
    monkeypatch.setattr(
        migrate, "pending", lambda d: (real_pending(d)[0], real_pending(d)[1] | {"zz_next"})
    )
    ran: list[str] = []
    import alembic.command

    monkeypatch.setattr(alembic.command, "upgrade", lambda cfg, target: ran.append(target))
    open_shop(loc).dispose()
    assert ran == ["heads"]
    backups = list(loc.backup_dir.glob("*before-migration.db"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT sku FROM products").fetchall() == [("KEEP",)]
    con.close()


def test_two_writers_lose_no_update(db: Database) -> None:
    """BEGIN IMMEDIATE: concurrent read-modify-write from two engines loses nothing."""
    with db.write() as s:
        s.add(Product(sku="C1", name="counter", on_hand=0))
    other = Database(db.url)
    errors: list[BaseException] = []

    def bump(database: Database) -> None:
        try:
            for _ in range(50):
                with database.write() as s:
                    p = s.execute(select(Product).where(Product.sku == "C1")).scalar_one()
                    p.on_hand = p.on_hand + 1
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=bump, args=(d,)) for d in (db, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.dispose()
    assert errors == []
    with db.read() as s:
        assert s.execute(select(Product.on_hand).where(Product.sku == "C1")).scalar_one() == 100


def test_heads_read_from_files_match_alembic() -> None:
    """The start-up fast path parses revision ids itself; it must agree with Alembic."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config("sqlite://"))
    assert migrate.known_heads() == set(script.get_heads())
    assert set(migrate._graph()) == {r.revision for r in script.walk_revisions()}


def test_current_schema_opens_without_importing_alembic(db: Database) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from shopdesk.bootstrap import open_shop\n"
        "from shopdesk.config import resolve\n"
        f"open_shop(resolve({str(db.url.removeprefix('sqlite:///').rsplit('/', 1)[0])!r}))\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
