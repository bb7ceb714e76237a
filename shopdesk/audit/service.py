"""Writing and reading the audit log.

Every service write calls `record()` inside its unit of work, so the change and its audit row
commit together. Each row's hash covers its content and the previous row's hash: a silent edit of
an old row breaks the chain, which `verify_chain()` reports.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from shopdesk.audit.labels import action_label, entity_label
from shopdesk.audit.models import AuditEntry
from shopdesk.auth.actor import Actor
from shopdesk.auth.permissions import Perm, require
from shopdesk.clock import now
from shopdesk.db.changes import announce
from shopdesk.db.engine import Database
from shopdesk.reports import Column, Report

GENESIS = "0" * 64


def _plain(value: Any) -> Any:
    """JSON-friendly copy: Decimals and dates as strings, so the hash is stable."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal | date | datetime):
        return str(value)
    return value


def _digest(prev: str, entry: AuditEntry) -> str:
    payload = json.dumps(
        [
            prev,
            entry.at.isoformat(),
            entry.user_id,
            entry.user_name,
            entry.entity,
            entry.entity_id,
            entry.action,
            entry.before,
            entry.after,
            entry.flagged,
        ],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def record(
    session: Session,
    actor: Actor,
    entity: str,
    entity_id: object,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    *,
    flagged: bool = False,
) -> None:
    """Add one audit row to the caller's unit of work."""
    if session.get_bind().dialect.name == "postgresql":
        # Serialise writers on the chain's tail; SQLite's BEGIN IMMEDIATE already does.
        session.execute(text("SELECT pg_advisory_xact_lock(7301)"))
    last = session.execute(
        select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).scalar_one_or_none()
    prev = last or GENESIS
    entry = AuditEntry(
        at=now().replace(microsecond=0),
        user_id=actor.id,
        user_name=actor.name,
        entity=entity,
        entity_id=str(entity_id),
        action=action,
        before=_plain(before),
        after=_plain(after),
        flagged=flagged,
        prev_hash=prev,
    )
    entry.hash = _digest(prev, entry)
    session.add(entry)
    session.flush()
    announce(session, entity, entry.id)  # other windows reload (the change feed)


def bulk_threshold(session: Session) -> int:
    """Setting `audit.bulk_threshold`: more price/stock records than this in one action is bulk."""
    from shopdesk.settings import service as settings  # settings records audit rows itself

    return int(settings.get(session, "audit.bulk_threshold"))


def is_bulk(session: Session, count: int) -> bool:
    """Does one action touching `count` prices or stock levels need a confirmation and a flag?

    Callers pass the result as `record(..., flagged=is_bulk(s, n))`; the owner is shown flagged
    rows at their next login, and the GUI asks before such an action (`needs_confirmation`).
    """
    return count > bulk_threshold(session)


def needs_confirmation(db: Database, count: int) -> bool:
    """For the GUI/CLI before an action: would it be a bulk change?"""
    with db.read() as s:
        return is_bulk(s, count)


def changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that differ, as (before, after)."""
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user_name: str
    entity: str
    entity_id: str
    action: str
    before: Any
    after: Any
    flagged: bool


def verify_chain(session: Session) -> list[int]:
    """Ids of rows whose hash does not match their content or predecessor (empty = intact)."""
    broken: list[int] = []
    prev = GENESIS
    rows: Iterable[AuditEntry] = session.execute(
        select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=2000)
    ).scalars()
    for entry in rows:
        # JSON round-trip so values compare as they were hashed.
        if entry.prev_hash != prev or _digest(prev, entry) != entry.hash:
            broken.append(entry.id)
        prev = entry.hash
    return broken


def list_entries(
    db: Database,
    actor: Actor,
    *,
    user: str | None = None,
    entity: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 5000,
) -> list[AuditRow]:
    """Newest first; owner and finance only."""
    require(actor, Perm.VIEW_AUDIT)
    q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if user:
        q = q.where(AuditEntry.user_name == user)
    if entity:
        q = q.where(AuditEntry.entity == entity)
    if since:
        q = q.where(AuditEntry.at >= datetime.combine(since, time.min).astimezone(UTC))
    if until:
        q = q.where(
            AuditEntry.at < datetime.combine(until + timedelta(days=1), time.min).astimezone(UTC)
        )
    with db.read() as s:
        return [
            AuditRow(
                e.id,
                e.at,
                e.user_name,
                e.entity,
                e.entity_id,
                e.action,
                e.before,
                e.after,
                e.flagged,
            )
            for e in s.execute(q).scalars()
        ]


def flagged_after(db: Database, actor: Actor, after_id: int) -> list[AuditRow]:
    """Bulk changes (flagged rows) newer than `after_id`, oldest first; for the owner's review."""
    require(actor, Perm.VIEW_AUDIT)
    q = (
        select(AuditEntry)
        .where(AuditEntry.flagged.is_(True), AuditEntry.id > after_id)
        .order_by(AuditEntry.id)
    )
    with db.read() as s:
        return [
            AuditRow(
                e.id, e.at, e.user_name, e.entity, e.entity_id, e.action, e.before, e.after, True
            )
            for e in s.execute(q).scalars()
        ]


def entities(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(AuditEntry.entity).distinct()))


AUDIT_COLUMNS = [
    ("at", "时间", "text", 18),
    ("user_name", "用户", "text", 10),
    ("entity", "对象", "text", 12),
    ("entity_id", "编号", "text", 10),
    ("action", "操作", "text", 12),
    ("before", "修改前", "text", 40),
    ("after", "修改后", "text", 40),
]


def audit_report(rows: list[AuditRow], shop: str) -> Report:
    columns = [Column(k, t, kind, w) for k, t, kind, w in AUDIT_COLUMNS]
    data = [
        {
            "at": r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            "user_name": r.user_name,
            "entity": entity_label(r.entity),
            "entity_id": r.entity_id,
            "action": action_label(r.action) + (" ⚑" if r.flagged else ""),
            "before": "" if r.before is None else json.dumps(r.before, ensure_ascii=False),
            "after": "" if r.after is None else json.dumps(r.after, ensure_ascii=False),
        }
        for r in rows
    ]
    return Report.simple("操作日志", columns, data, shop=shop, subtitle=f"{len(rows)} 条")
