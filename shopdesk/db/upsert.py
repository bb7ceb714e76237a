"""INSERT … ON CONFLICT for the database in use (SQLite or PostgreSQL).

Importers upsert thousands of rows with Core statements (the ORM's add_all was 50× slower); both
dialects spell ON CONFLICT the same way in SQLAlchemy, but each needs its own `insert()` construct.
This is the one place that picks it, so no service carries SQLite-only SQL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session


def insert_for(bind: Session | Connection, table: Any) -> Any:
    """An INSERT with `.on_conflict_do_update/_nothing` and `.excluded` for `bind`'s dialect."""
    dialect = bind.get_bind().dialect.name if isinstance(bind, Session) else bind.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table)
    raise NotImplementedError(f"ShopDesk runs on SQLite or PostgreSQL, not {dialect}")
