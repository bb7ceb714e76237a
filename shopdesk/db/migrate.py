"""Bring a database to the schema this version of ShopDesk knows, safely.

A backup copy is taken before any migration touches an existing SQLite file; a database whose
schema is newer than this program refuses to open instead of being damaged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from shopdesk.db.engine import Database
from shopdesk.errors import SchemaTooNew

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def current_revisions(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def pending(db: Database) -> tuple[set[str], set[str]]:
    """(revisions in the database, head revisions this program knows)."""
    script = ScriptDirectory.from_config(alembic_config(db.url))
    return current_revisions(db), set(script.get_heads())


def check_not_newer(db: Database) -> None:
    script = ScriptDirectory.from_config(alembic_config(db.url))
    known = {rev.revision for rev in script.walk_revisions()}
    unknown = current_revisions(db) - known
    if unknown:
        raise SchemaTooNew(
            "这个数据库由更新版本的 ShopDesk 创建 (架构 "
            + ", ".join(sorted(unknown))
            + "), 请升级 ShopDesk 后再打开。数据未被改动。"
        )


def upgrade(db: Database, backup: Callable[[str], Path | None] | None = None) -> bool:
    """Upgrade to all heads; returns True when anything ran.

    `backup(reason)` is called first when an existing database is about to change.
    """
    check_not_newer(db)
    have, heads = pending(db)
    if have == heads:
        return False
    if have and backup is not None:
        backup("before-migration")
    cfg = alembic_config(db.url)
    with db.engine.connect() as conn:
        if db.is_sqlite:
            # Batch migrations rebuild tables; with foreign keys on that cascades deletes.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
        if db.is_sqlite:
            bad = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            if bad:
                raise RuntimeError(f"foreign key check failed after migration: {bad[:5]}")
        conn.commit()
    log.info("database upgraded from %s to %s", sorted(have), sorted(heads))
    return True
