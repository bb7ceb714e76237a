"""Opening a shop: resolve where it lives, back up, migrate, install default data.

Both faces (GUI and CLI) open the database through `open_shop`, so they behave the same.
"""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from shopdesk.backup import backup_sqlite, daily_backup, stamped_name
from shopdesk.config import Location
from shopdesk.db import migrate
from shopdesk.db.engine import Database
from shopdesk.errors import ShopDeskError

# Modules with an idempotent `install(session)` that puts a feature's default data into a new
# (or upgraded) database: checklist templates, scorecards, ad channels...
DEFAULT_INSTALLERS: tuple[str, ...] = (
    "shopdesk.metrics.install",
    "shopdesk.checklist.install",
    "shopdesk.kpi.install",
)


def open_shop(
    location: Location, *, migrate_schema: bool = True, backup_daily: bool = True
) -> Database:
    """The shop's database, upgraded; `backup_daily=False` leaves the first-of-the-day copy to the
    caller (the window takes it in a worker: copying a 300 MB shop must not delay today's data).
    """
    path = location.sqlite_path
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ShopDeskError(f"无法创建数据目录 {path.parent}: {exc.strerror}") from exc
    db = Database(location.url)
    try:
        _prepare(db, location, path, migrate_schema, backup_daily)
    except DBAPIError as exc:  # a server that is down or refuses us: words, not a traceback
        if db.is_sqlite:
            raise
        from shopdesk.db.remote import explain

        db.dispose()
        raise explain(exc, location.url) from exc
    return db


def _prepare(
    db: Database, location: Location, path: Path | None, migrate_schema: bool, backup_daily: bool
) -> None:
    if migrate_schema:

        def _backup(reason: str) -> Path | None:
            if path is None or not path.exists():
                return None
            return backup_sqlite(path, location.backup_dir / stamped_name(reason))

        # Defaults go in with a new schema (or a new feature's migration), not at every start.
        existed = bool(migrate.current_revisions(db))
        if migrate.upgrade(db, backup=_backup):
            install_defaults(db)
        if existed and path is not None and backup_daily:
            take_daily_backup(location)
    else:
        migrate.check_not_newer(db)


def take_daily_backup(location: Location) -> Path | None:
    """The first-of-the-day copy (None when today's exists); a failure is said in words."""
    try:
        return daily_backup(location)
    except sqlite3.Error as exc:
        raise ShopDeskError(f"今天的自动备份没有完成 ({exc}); 数据库没有改动。") from exc


def install_defaults(db: Database) -> None:
    with db.write() as session:
        for name in DEFAULT_INSTALLERS:
            importlib.import_module(name).install(session)
