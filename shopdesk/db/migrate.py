"""Bring a database to the schema this version of ShopDesk knows, safely.

A backup copy is taken before any migration touches an existing SQLite file; a database whose
schema is newer than this program refuses to open instead of being damaged. Alembic costs ~0.3 s
to import, so a start-up whose schema is already current only reads `alembic_version` and
compares it with the revision ids written in the migration files.
"""

from __future__ import annotations

import ast
import logging
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from shopdesk.db.engine import Database
from shopdesk.errors import SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


# `revision = "x"` / `down_revision: ... = ("a", "b")` on one line, as Alembic writes them.
_IDS = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]+)?=\s*(.+?)\s*$", re.MULTILINE)


def _revision_ids(source: str) -> dict[str, object]:
    """The module-level revision ids of a migration file, without importing it.

    A regular expression reads the usual one-line assignments (ast-parsing the initial schema
    cost ~40 ms of every start); anything else falls back to parsing the whole file.
    """
    values: dict[str, object] = {}
    for name, value in _IDS.findall(source):
        try:
            values[name] = ast.literal_eval(value)
        except (ValueError, SyntaxError):  # a tuple over several lines, a constant...
            break
    else:
        if "revision" in values and "down_revision" in values:
            return values
    values = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
            if isinstance(target, ast.Name) and node.value is not None:
                try:
                    values[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    continue
    return values


@cache
def _graph() -> dict[str, tuple[str, ...]]:
    """revision → down revisions, read from the migration files without importing them."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        values = _revision_ids(path.read_text(encoding="utf-8"))
        rev = values.get("revision")
        if isinstance(rev, str):
            down = values.get("down_revision")
            graph[rev] = (
                tuple(down)
                if isinstance(down, list | tuple)
                else (() if down is None else (str(down),))
            )
    return graph


def known_heads() -> set[str]:
    graph = _graph()
    referenced = {d for downs in graph.values() for d in downs}
    return set(graph) - referenced


def current_revisions(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return set()
        return {r for (r,) in conn.execute(text("SELECT version_num FROM alembic_version"))}


def pending(db: Database) -> tuple[set[str], set[str]]:
    """(revisions in the database, head revisions this program knows)."""
    return current_revisions(db), known_heads()


def check_not_newer(db: Database, have: set[str] | None = None) -> None:
    unknown = (current_revisions(db) if have is None else have) - set(_graph())
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
    have, heads = pending(db)
    check_not_newer(db, have)
    if have == heads:
        return False
    if have and backup is not None:
        backup("before-migration")
    from alembic import command

    cfg = alembic_config(db.url)
    with db.engine.connect() as conn:
        if not db.is_sqlite:
            # Several PCs may start a new version at once: one migrates, the others wait here
            # (the lock ends with the transaction) and then find nothing left to do.
            conn.execute(text("SELECT pg_advisory_xact_lock(7302)"))
            if inspect(conn).has_table("alembic_version"):
                now = {r for (r,) in conn.execute(text("SELECT version_num FROM alembic_version"))}
                if now == heads:
                    conn.commit()
                    return False
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
