"""Moving a shop from its SQLite file to a PostgreSQL server (`shopdesk migrate-to URL`).

All rows are copied in one transaction into an empty, freshly migrated database; afterwards each
table's row count and a checksum of its rows are compared with the source, so a silent loss or
change cannot pass unnoticed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, Table, func, select, text, update
from sqlalchemy.exc import OperationalError

import shopdesk.db.models as models
from shopdesk.db import migrate
from shopdesk.db.engine import Database
from shopdesk.db.remote import explain
from shopdesk.errors import InvalidInput, ShopDeskError

BATCH = 5000


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows: int
    checksum: str


def _checksum(conn: Connection, table: Table) -> tuple[int, str]:
    digest = hashlib.sha256()
    n = 0
    pk = list(table.primary_key.columns)
    for row in conn.execute(select(table).order_by(*pk)).yield_per(BATCH):
        digest.update(repr(tuple(row)).encode())
        n += 1
    return n, digest.hexdigest()


def _self_refs(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def migrate_to(source: Database, target_url: str) -> list[TableCopy]:
    """Copy everything; refuses a target that already holds data. Returns per-table checks."""
    target = Database(target_url)
    try:
        report = _copy(source, target)
        if target.engine.dialect.name == "postgresql":  # fresh statistics for the planner
            with target.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                c.execute(text("ANALYZE"))
        return report
    except OperationalError as exc:  # the server refused or went away: nothing was committed
        raise explain(exc, target_url) from exc
    finally:
        target.dispose()


def _copy_table(sc: Connection, tc: Connection, table: Table, *, is_pg: bool) -> None:
    """Stream one table across in batches (a large shop has millions of sale rows)."""
    refs = _self_refs(table)
    later: list[tuple[object, dict[str, object]]] = []
    result = sc.execution_options(yield_per=BATCH).execute(select(table))
    for part in result.partitions():
        rows = [dict(r._mapping) for r in part]
        for r in rows:
            if any(r[c] for c in refs):
                later.append((r["id"], {c: r[c] for c in refs}))
                for c in refs:
                    r[c] = None
        tc.execute(table.insert(), rows)
    for row_id, values in later:  # self-references once every row exists
        tc.execute(update(table).where(table.c.id == row_id).values(**values))
    if is_pg and "id" in table.c:
        tc.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            )
        )


def _copy(source: Database, target: Database) -> list[TableCopy]:
    migrate.upgrade(target)
    tables = list(models.Base.metadata.sorted_tables)
    with target.engine.connect() as tc:
        busy = [t.name for t in tables if tc.execute(select(func.count()).select_from(t)).scalar()]
    if busy:
        raise InvalidInput(f"目标数据库不是空的 (已有数据: {', '.join(busy[:5])}), 未复制任何数据")
    report = []
    # One transaction on the target: the copy and its verification commit together or not at all.
    with source.engine.connect() as sc, target.engine.begin() as tc:
        for table in tables:
            _copy_table(sc, tc, table, is_pg=target.engine.dialect.name == "postgresql")
        for table in tables:
            want, got = _checksum(sc, table), _checksum(tc, table)
            if want != got:
                raise ShopDeskError(
                    f"复制后校验不一致: {table.name} 源 {want[0]} 行, 目标 {got[0]} 行。"
                    "目标数据库没有写入任何数据, 原数据库也没有改动。"
                )
            report.append(TableCopy(table.name, got[0], got[1][:12]))
    return report
