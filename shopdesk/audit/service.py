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
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from shopdesk.audit.models import AuditEntry
from shopdesk.auth.actor import Actor
from shopdesk.clock import now

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
