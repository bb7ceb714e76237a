"""Saying who won an edit conflict: "已被 王芳 于 11-22 10:05 修改 — 请刷新".

Two PCs that loaded the same record and both save: the second save is refused (version columns,
optimistic locking). The loser should learn who changed it and when, so they know whom to ask and
that reloading is the fix. The audit log already knows both: every service write records one row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import inspect, select
from sqlalchemy.orm import InstanceState, Session

from shopdesk.errors import StaleRecord

_TABLE = re.compile(r"on table '([^']+)'")


def entity_names(table: str) -> set[str]:
    """Audit entities are singular table names ("products" → "product")."""
    names = {table}
    if table.endswith("s"):
        names.add(table[:-1])
    if table.endswith("es"):
        names.add(table[:-2])
    return names


def last_change(
    session: Session, entities: Iterable[str], entity_ids: Iterable[object]
) -> tuple[str, Any] | None:
    """(who, when) of the newest audit row about one of these records, or None."""
    from shopdesk.audit.models import AuditEntry

    row = session.execute(
        select(AuditEntry.user_name, AuditEntry.at)
        .where(
            AuditEntry.entity.in_(list(entities)),
            AuditEntry.entity_id.in_([str(i) for i in entity_ids]),
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1])


def stale_record(
    session: Session, entity: str | Iterable[str], entity_id: object, what: str = "这条记录"
) -> StaleRecord:
    """The StaleRecord to raise when `what` was saved by someone else since it was read."""
    names = {entity} if isinstance(entity, str) else set(entity)
    ids = entity_id if isinstance(entity_id, list | tuple | set) else [entity_id]
    try:
        found = last_change(session, names, ids)
    except Exception:
        found = None
    return StaleRecord(message(what, found))


def message(what: str, found: tuple[str, Any] | None) -> str:
    if found is None:
        return f"{what}刚被别人修改过 — 请刷新后再改。你的修改没有保存。"
    who, at = found
    when = at.astimezone().strftime("%m-%d %H:%M") if at is not None else "刚才"
    return f"{what}已被 {who} 于 {when} 修改 — 请刷新后再改。你的修改没有保存。"


def _table_name(table: object) -> str:
    return str(getattr(table, "name", ""))


def stale_objects(session: Session, error: BaseException) -> list[tuple[type[Any], Any]]:
    """(model class, identity) of the rows a failed flush (StaleDataError) was saving.

    Read before the rollback: afterwards the session forgets. Nothing here touches the database
    (the transaction has failed), so natural keys are looked up later by `conflict_for`.
    """
    match = _TABLE.search(str(error))
    if match is None:
        return []
    table = match.group(1)
    # After the failed flush `session.dirty` is empty; the identity map still holds the rows.
    loaded = [cast("InstanceState[Any]", inspect(o)) for o in session.identity_map.values()]
    same = [st for st in loaded if _table_name(st.mapper.local_table) == table and st.identity]
    return [(st.mapper.class_, st.identity) for st in [st for st in same if st.modified] or same]


def conflict_for(session: Session, rows: list[tuple[type[Any], Any]]) -> StaleRecord:
    """The StaleRecord for a failed flush, naming the newest writer of one of `rows`."""
    entities: set[str] = set()
    ids: list[object] = []
    for model, identity in rows:
        entities |= entity_names(model.__table__.name)
        ids.extend(identity)
        fresh = session.get(model, identity)
        for natural in ("sku", "day", "code"):  # some features audit by their natural key
            value = getattr(fresh, natural, None)
            if value is not None:
                ids.append(value.isoformat() if hasattr(value, "isoformat") else value)
    return stale_record(session, entities, ids)
