import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from shopdesk.audit.models import AuditEntry
from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.backup import backup_now, daily_backup, list_backups, restore, rotate, stamped_name
from shopdesk.bootstrap import open_shop
from shopdesk.config import Location
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, SchemaTooNew
from shopdesk.inventory.models import Product
from shopdesk.safety.check import run_checks


def _names(db: Database) -> set[str]:
    return {u.name for u in auth.list_users(db, include_inactive=True)}


def test_backup_then_restore_brings_data_back(
    location: Location, db: Database, owner: Actor
) -> None:
    copy = backup_now(location)
    auth.add_user(db, owner, "后来的人", "staff")
    db.dispose()
    safety = restore(location, copy)
    again = open_shop(location)
    assert "后来的人" not in _names(again)
    again.dispose()
    con = sqlite3.connect(safety)  # what was there before the restore is kept
    assert ("后来的人",) in con.execute("SELECT name FROM users").fetchall()
    con.close()


@pytest.mark.parametrize("kind", ["garbage", "truncated", "empty", "foreign"])
def test_a_bad_file_is_refused_and_nothing_changes(
    location: Location, db: Database, owner: Actor, tmp_path: Path, kind: str
) -> None:
    copy = backup_now(location)
    bad = tmp_path / "bad.db"
    if kind == "garbage":
        bad.write_bytes(b"not a database at all" * 100)
    elif kind == "truncated":
        bad.write_bytes(copy.read_bytes()[: copy.stat().st_size // 3])
    elif kind == "empty":
        bad.write_bytes(b"")
    else:
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE x (y)")
        con.commit()
        con.close()
    before = location.sqlite_path.read_bytes() if location.sqlite_path else b""
    with pytest.raises(InvalidInput, match="未恢复任何数据"):
        restore(location, bad)
    assert location.sqlite_path is not None and location.sqlite_path.read_bytes() == before
    assert "店主" in _names(db)


def test_a_newer_backup_is_refused(location: Location, db: Database, owner: Actor) -> None:
    copy = backup_now(location)
    con = sqlite3.connect(copy)
    con.execute("UPDATE alembic_version SET version_num='9999_future'")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNew):
        restore(location, copy)


def test_rotation_keeps_7_daily_4_weekly_12_monthly(location: Location) -> None:
    location.backup_dir.mkdir(parents=True)
    today = date(2026, 11, 22)
    for back in range(0, 500):
        moment = datetime.combine(today - timedelta(days=back), datetime.min.time())
        (location.backup_dir / stamped_name("daily", moment)).write_bytes(b"x")
    rotate(location, today)
    kept = sorted(b.taken.date() for b in list_backups(location))
    assert all(today - d < timedelta(days=7) for d in kept[-7:])
    assert len([d for d in kept if today - d < timedelta(days=7)]) == 7
    assert len(kept) <= 7 + 4 + 12
    assert min(kept) >= date(2025, 12, 1)  # nothing older than 12 months


def test_a_file_named_like_a_backup_with_an_impossible_time_is_skipped(location: Location) -> None:
    location.backup_dir.mkdir(parents=True)
    (location.backup_dir / "shopdesk-20260101-000089-manual.db").write_bytes(b"x")
    (location.backup_dir / "shopdesk-20260101-000059-manual.db").write_bytes(b"x")
    assert [b.path.name for b in list_backups(location)] == ["shopdesk-20260101-000059-manual.db"]


def test_daily_backup_once_a_day(location: Location, db: Database) -> None:
    assert daily_backup(location, date.today()) is not None
    assert daily_backup(location, date.today()) is None


def test_check_is_clean_then_finds_tampering(demo_db: Database) -> None:
    assert all(f.ok for f in run_checks(demo_db))
    with demo_db.write() as s:
        s.execute(select(AuditEntry).limit(1)).scalar_one().user_name = "别人"
        p = s.execute(select(Product).limit(1)).scalar_one()
        p.on_hand += 7
    bad = [f.what for f in run_checks(demo_db) if not f.ok]
    assert any("操作日志" in w for w in bad)
    assert any("库存" in w for w in bad)


def test_rotation_clears_half_written_copies_left_by_a_crash(location: Location) -> None:
    import os

    location.backup_dir.mkdir(parents=True)
    old = location.backup_dir / "shopdesk-20260101-000000-daily.db.part"
    fresh = location.backup_dir / "shopdesk-20260102-000000-daily.db.part"
    for p in (old, fresh):
        p.write_bytes(b"half")
    os.utime(old, (0, 0))
    rotate(location, date(2026, 1, 2))
    assert not old.exists() and fresh.exists()  # a copy being written right now is left alone


def test_fix_stock_makes_the_records_add_up_again_and_is_audited(demo_db: Database) -> None:
    from shopdesk.errors import PermissionDenied
    from shopdesk.safety.repair import reconcile_stock

    with demo_db.write() as s:
        p = s.execute(select(Product).order_by(Product.id).limit(1)).scalar_one()
        p.on_hand += 5
        sku, on_hand = p.sku, p.on_hand
    staff = auth.actor_by_name(demo_db, "陈晨")
    with pytest.raises(PermissionDenied):
        reconcile_stock(demo_db, staff)
    owner = auth.actor_by_name(demo_db, "王芳")
    fixes = reconcile_stock(demo_db, owner)
    assert [(f.sku, f.on_hand, f.recorded) for f in fixes] == [(sku, on_hand, on_hand - 5)]
    assert all(f.ok for f in run_checks(demo_db))
    with demo_db.read() as s:
        last = s.execute(
            select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.action)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).one()
    assert tuple(last) == ("stock", sku, "reconcile")
    assert reconcile_stock(demo_db, owner) == []  # nothing left to fix
