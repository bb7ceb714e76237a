"""Reading and changing settings; changes are permission-checked and audited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shopdesk import audit
from shopdesk.auth.actor import Actor
from shopdesk.auth.permissions import Perm, require
from shopdesk.clock import now
from shopdesk.db.engine import Database
from shopdesk.settings.models import Setting
from shopdesk.settings.registry import SETTINGS, validate


def get(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    if row is not None:
        return row.value
    return SETTINGS[key].default


def get_all(session: Session) -> dict[str, Any]:
    stored = {s.key: s.value for s in session.execute(select(Setting)).scalars()}
    return {k: stored.get(k, d.default) for k, d in SETTINGS.items()}


def read(db: Database, key: str) -> Any:
    with db.read() as s:
        return get(s, key)


def set_value(db: Database, actor: Actor, key: str, value: Any) -> None:
    """Set one setting (owner only), audited."""
    require(actor, Perm.EDIT_SETTINGS)
    validate(key, value)
    with db.write() as s:
        _store(s, actor, key, value)


def set_many(db: Database, actor: Actor, values: dict[str, Any]) -> list[str]:
    """Save several settings in one unit of work; returns the keys that actually changed."""
    require(actor, Perm.EDIT_SETTINGS)
    for key, value in values.items():
        validate(key, value)
    changed = []
    with db.write() as s:
        current = get_all(s)
        for key, value in values.items():
            if current[key] != value:
                _store(s, actor, key, value)
                changed.append(key)
    return changed


def _store(s: Session, actor: Actor, key: str, value: Any) -> None:
    row = s.get(Setting, key)
    before = row.value if row is not None else SETTINGS[key].default
    if row is None:
        row = Setting(key=key)
        s.add(row)
    row.value = value
    row.updated_at = now()
    row.updated_by_id = actor.id
    audit.record(s, actor, "setting", key, "update", {"value": before}, {"value": value})
