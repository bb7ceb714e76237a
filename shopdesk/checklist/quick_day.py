"""Today's checklist read with the standard library's sqlite3, before SQLAlchemy has loaded.

Importing SQLAlchemy and the models costs ~0.7 s of a start-up; the day view is two small queries.
`day_rows` returns the same rows as `service.day_view(..., extras=False)` (both hand their specs
and records to `dayview.build_day`), read-only, for a SQLite shop: a window can show them while
the ORM loads, then the service takes over for ticks and everything else. No permission check
here: callers show these rows only to the user the service has already let in.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from shopdesk import clock
from shopdesk.auth.actor import Actor
from shopdesk.checklist.dayview import DayRow, Record, TemplateSpec, build_day
from shopdesk.checklist.recurrence import Rule, is_assigned

CARRY_DAYS = 90  # as shopdesk.checklist.service.CARRY_DAYS
VALUE_PLACES = 4  # ChecklistOccurrence.value is Scaled(4)

_SPECS = """
SELECT t.id, t.section, t.title, t.recurrence, t.weekdays, t.month_day, t.sort_order, t.job,
       t.assignee_id, u.name, t.miss_policy, t.needs_note, t.needs_number, t.number_label,
       t.link_key, t.active_from, t.retired_at, t.created_at
FROM checklist_templates t LEFT JOIN users u ON u.id = t.assignee_id
"""
_RECORDS = """
SELECT o.template_id, o.day, o.status, u.name, o.at, o.note, o.value, o.id
FROM checklist_occurrences o LEFT JOIN users u ON u.id = o.by_id
WHERE o.day = ? OR (o.day >= ? AND o.day < ? AND o.template_id IN ({ids}))
"""


def _moment(text: str | None) -> datetime | None:
    """A UTCDateTime column as SQLAlchemy stores it on SQLite ("2026-11-22 02:00:00.000000")."""
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _spec(row: tuple[object, ...]) -> TemplateSpec:
    (id_, section, title, recurrence, weekdays, month_day, sort_order, job, assignee_id, name,
     miss_policy, needs_note, needs_number, number_label, link_key, active_from, retired_at,
     created_at) = row  # fmt: skip
    created = _moment(created_at)  # type: ignore[arg-type]
    retired = _moment(retired_at)  # type: ignore[arg-type]
    return TemplateSpec(
        id=int(id_),  # type: ignore[call-overload]
        section=str(section),
        title=str(title),
        rule=Rule.from_fields(recurrence, weekdays, month_day),  # type: ignore[arg-type]
        sort_order=int(sort_order),  # type: ignore[call-overload]
        job=job,  # type: ignore[arg-type]
        assignee_id=assignee_id,  # type: ignore[arg-type]
        assignee_name=name,  # type: ignore[arg-type]
        miss_policy=str(miss_policy),
        needs_note=bool(needs_note),
        needs_number=bool(needs_number),
        number_label=number_label,  # type: ignore[arg-type]
        link_key=link_key,  # type: ignore[arg-type]
        active_from=_day(active_from) or (_local_day(created) if created else None),  # type: ignore[arg-type]
        retired_on=_local_day(retired) if retired else None,
    )


def _record(row: tuple[object, ...]) -> Record:
    template_id, day, status, name, at, note, value, occ_id = row
    return Record(
        template_id=int(template_id),  # type: ignore[call-overload]
        day=date.fromisoformat(str(day)),
        status=str(status),
        by_name=name,  # type: ignore[arg-type]
        at=_moment(at),  # type: ignore[arg-type]
        note=note,  # type: ignore[arg-type]
        value=None
        if value is None
        else Decimal(int(value)).scaleb(-VALUE_PLACES).quantize(Decimal(1).scaleb(-VALUE_PLACES)),  # type: ignore[call-overload]
        occurrence_id=int(occ_id),  # type: ignore[call-overload]
    )


def user_without_pin(path: Path, name: str) -> Actor | None:
    """The active user `name` when they have no PIN (so nothing is left to check), else None."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT id, name, role, job, cs_level, supervisor_id FROM users"
            " WHERE name = ? AND active AND pin_hash IS NULL",
            (name,),
        ).fetchone()
    finally:
        conn.close()
    return None if row is None else Actor(*row)


def day_rows(path: Path, who: Actor, *, everyone: bool = False) -> list[DayRow]:
    """Today's rows for `who` (or everyone) from the SQLite file at `path`, opened read-only."""
    today = clock.today()
    carry_from = today - timedelta(days=CARRY_DAYS)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        specs = [_spec(r) for r in conn.execute(_SPECS)]
        if not everyone:
            specs = [
                t for t in specs if is_assigned(t.job, t.assignee_id, who.id, who.job, who.role)
            ]
        carry_ids = [t.id for t in specs if t.miss_policy == "rolls_over"]
        sql = _RECORDS.format(ids=",".join("?" * len(carry_ids)) or "NULL")
        params = [today.isoformat(), carry_from.isoformat(), today.isoformat(), *carry_ids]
        records = [_record(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()
    return build_day(specs, records, today, today, carry_from=carry_from).rows
