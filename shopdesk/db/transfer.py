"""Moving a shop from its SQLite file to a PostgreSQL server (`shopdesk migrate-to URL`).

All rows are copied in one transaction into an empty, freshly migrated database; afterwards each
table's row count and a checksum of its rows are compared with the source, so a silent loss or
change cannot pass unnoticed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, Table, func, select, text, update

import shopdesk.db.models as models
from shopdesk.db import migrate
from shopdesk.db.engine import Database
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
        migrate.upgrade(target)
        tables = list(models.Base.metadata.sorted_tables)
        with target.engine.connect() as tc:
            busy = [
                t.name for t in tables if tc.execute(select(func.count()).select_from(t)).scalar()
            ]
        if busy:
            raise InvalidInput(
                f"目标数据库不是空的 (已有数据: {', '.join(busy[:5])}), 未复制任何数据"
            )
        with source.engine.connect() as sc, target.engine.begin() as tc:
            for table in tables:
                refs = _self_refs(table)
                rows = [dict(r._mapping) for r in sc.execute(select(table))]
                later = [
                    (r["id"], {c: r[c] for c in refs}) for r in rows if any(r[c] for c in refs)
                ]
                for r in rows:
                    for c in refs:
                        r[c] = None
                for i in range(0, len(rows), BATCH):
                    tc.execute(table.insert(), rows[i : i + BATCH])
                for row_id, values in later:  # self-references once every row exists
                    tc.execute(update(table).where(table.c.id == row_id).values(**values))
                if target.engine.dialect.name == "postgresql" and "id" in table.c and rows:
                    tc.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"(SELECT MAX(id) FROM {table.name}))"
                        )
                    )
        report = []
        with source.engine.connect() as sc, target.engine.connect() as tc:
            for table in tables:
                want, got = _checksum(sc, table), _checksum(tc, table)
                if want != got:
                    raise ShopDeskError(
                        f"复制后校验不一致: {table.name} 源 {want[0]} 行, 目标 {got[0]} 行。"
                        "请清空目标数据库后重试; 原数据库没有改动。"
                    )
                report.append(TableCopy(table.name, got[0], got[1][:12]))
        return report
    finally:
        target.dispose()
