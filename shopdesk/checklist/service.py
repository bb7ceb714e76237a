"""Daily checklist service: today's items, ticks, skips, the template editor and history.

Every write is one `db.write()` unit (BEGIN IMMEDIATE on SQLite) with an audit row. A tick is an
insert-or-nothing on the (template, day) key followed by an update of that row, so two PCs ticking
the same item at the same moment both succeed and neither tick is lost (the second is audited as
a confirmation of the first).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from shopdesk import audit, clock
from shopdesk.auth.actor import Actor
from shopdesk.auth.models import User
from shopdesk.auth.permissions import Perm, can, require
from shopdesk.checklist.dayview import DayRow, DayView, Record, TemplateSpec, build_day
from shopdesk.checklist.models import ChecklistOccurrence, ChecklistTemplate
from shopdesk.checklist.recurrence import (
    KINDS,
    MISS_POLICIES,
    Progress,
    Rule,
    is_active,
    is_assigned,
    is_due,
    iter_due_days,
    month_bounds,
    occurrence_status,
    progress,
    week_start,
)
from shopdesk.db.conflict import stale_record
from shopdesk.db.engine import Database
from shopdesk.db.upsert import insert_for
from shopdesk.errors import InvalidInput, NotFound, PermissionDenied
from shopdesk.numbers import NumberError, parse_decimal

log = logging.getLogger(__name__)

CARRY_DAYS = 90  # how far back unfinished rolls_over items are carried to today
MAX_NOTE = 500


# -- plain rows handed to the GUI and CLI -------------------------------------------------------


@dataclass(frozen=True)
class TemplateRow:
    id: int
    section: str
    title: str
    sort_order: int
    job: str | None
    assignee_id: int | None
    assignee_name: str | None
    recurrence: str
    weekdays: tuple[int, ...]
    month_day: int | None
    rule_text: str
    miss_policy: str
    needs_note: bool
    needs_number: bool
    number_label: str | None
    link_key: str | None
    active_from: date | None
    retired_at: datetime | None
    version: int

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


@dataclass(frozen=True)
class TemplateInput:
    """What the editor sends; validated by `save_template`."""

    section: str
    title: str
    recurrence: str = "daily"
    weekdays: tuple[int, ...] = ()
    month_day: int | None = None
    job: str | None = None
    assignee_id: int | None = None
    miss_policy: str | None = None  # None: the default for the recurrence
    needs_note: bool = False
    needs_number: bool = False
    number_label: str | None = None
    link_key: str | None = None
    active_from: date | None = None


@dataclass(frozen=True)
class Reminder:
    """A line at the top of today's view (e.g. a campaign sign-up deadline)."""

    text: str
    level: str = "warn"  # ok | warn | bad
    target_tab: str | None = None
    target_filter: str = ""


@dataclass(frozen=True)
class ChecklistDay:
    """Everything today's view shows."""

    day: date
    today: date
    rows: list[DayRow]
    everyone: bool
    for_name: str
    reminders: list[Reminder] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        return progress(r.status for r in self.rows if not r.carried_over)

    @property
    def sections(self) -> dict[str, Progress]:
        return DayView(self.day, self.rows).sections

    @property
    def overdue(self) -> list[DayRow]:
        return [r for r in self.rows if r.carried_over]


@dataclass(frozen=True)
class DayRate:
    day: date
    progress: Progress


@dataclass(frozen=True)
class PersonRate:
    name: str
    job: str | None
    period: date  # Monday of the week or first of the month
    due: int
    resolved: int
    ticked_by_self: int

    @property
    def rate(self) -> float | None:
        return self.resolved / self.due if self.due else None


# -- loading ------------------------------------------------------------------------------------


def _spec(t: ChecklistTemplate, assignee_name: str | None) -> TemplateSpec:
    return TemplateSpec(
        id=t.id,
        section=t.section,
        title=t.title,
        rule=Rule.from_fields(t.recurrence, t.weekdays, t.month_day),
        sort_order=t.sort_order,
        job=t.job,
        assignee_id=t.assignee_id,
        assignee_name=assignee_name,
        miss_policy=t.miss_policy,
        needs_note=t.needs_note,
        needs_number=t.needs_number,
        number_label=t.number_label,
        link_key=t.link_key,
        active_from=t.active_from or (_local_day(t.created_at) if t.created_at else None),
        retired_on=_local_day(t.retired_at) if t.retired_at else None,
    )


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _load_specs(s: Session) -> list[TemplateSpec]:
    assignee = aliased(User)
    rows = s.execute(
        select(ChecklistTemplate, assignee.name).outerjoin(
            assignee, assignee.id == ChecklistTemplate.assignee_id
        )
    ).all()
    return [_spec(t, name) for t, name in rows]


def _load_records(
    s: Session, start: date, end: date, template_ids: Sequence[int] | None = None
) -> list[Record]:
    """Ticks and skips in start..end (one query, with who ticked)."""
    q = (
        select(
            ChecklistOccurrence.template_id,
            ChecklistOccurrence.day,
            ChecklistOccurrence.status,
            User.name,
            ChecklistOccurrence.at,
            ChecklistOccurrence.note,
            ChecklistOccurrence.value,
            ChecklistOccurrence.id,
        )
        .outerjoin(User, User.id == ChecklistOccurrence.by_id)
        .where(ChecklistOccurrence.day >= start, ChecklistOccurrence.day <= end)
    )
    if template_ids is not None:
        q = q.where(ChecklistOccurrence.template_id.in_(template_ids))
    return [Record(*row) for row in s.execute(q).all()]


def _load_day_records(
    s: Session, day: date, carry_from: date, carry_ids: list[int]
) -> list[Record]:
    """The day's records plus, for carry-over, earlier records of rolls_over items (one query)."""
    q = (
        select(
            ChecklistOccurrence.template_id,
            ChecklistOccurrence.day,
            ChecklistOccurrence.status,
            User.name,
            ChecklistOccurrence.at,
            ChecklistOccurrence.note,
            ChecklistOccurrence.value,
            ChecklistOccurrence.id,
        )
        .outerjoin(User, User.id == ChecklistOccurrence.by_id)
        .where(
            or_(
                ChecklistOccurrence.day == day,
                (ChecklistOccurrence.day >= carry_from)
                & (ChecklistOccurrence.day < day)
                & ChecklistOccurrence.template_id.in_(carry_ids),
            )
        )
    )
    return [Record(*row) for row in s.execute(q).all()]


def _mine(spec: TemplateSpec, actor: Actor) -> bool:
    return is_assigned(spec.job, spec.assignee_id, actor.id, actor.job, actor.role)


def day_view(
    db: Database,
    actor: Actor,
    day: date | None = None,
    *,
    everyone: bool = False,
    for_user: Actor | None = None,
    extras: bool = True,
) -> ChecklistDay:
    """The items due on `day` (default today) for `for_user` (default the actor) or everyone."""
    require(actor, Perm.TICK_CHECKLIST)
    now_day = clock.today()
    day = day or now_day
    who = for_user or actor
    carry_from = now_day - timedelta(days=CARRY_DAYS)
    with db.read() as s:
        specs = _load_specs(s)
        if not everyone:
            specs = [t for t in specs if _mine(t, who)]
        carry_ids = [t.id for t in specs if t.miss_policy == "rolls_over"] if day == now_day else []
        records = _load_day_records(s, day, carry_from, carry_ids)
    rows = build_day(specs, records, day, now_day, carry_from=carry_from).rows
    view = ChecklistDay(
        day=day,
        today=now_day,
        rows=rows,
        everyone=everyone,
        for_name="全部人员" if everyone else who.name,
    )
    if not extras:
        return view
    tasks, reminders = day_extras(db, who, day)
    return with_extras(view, tasks, reminders)


def day_extras(db: Database, who: Actor, day: date) -> tuple[list[DayRow], list[Reminder]]:
    """Campaign stage tasks and reminders for `day` (the tab loads them after the first paint)."""
    from shopdesk.checklist import campaign_tasks

    now_day = clock.today()
    tasks = _safe(lambda: campaign_tasks.rows(db, who, day, now_day), [])
    reminders = [
        Reminder(text, level, "campaigns", str(cid))
        for text, level, cid in _safe(lambda: campaign_tasks.reminders(db, who, day), [])
    ]
    return tasks, reminders


def with_extras(view: ChecklistDay, tasks: list[DayRow], reminders: list[Reminder]) -> ChecklistDay:
    """Carried-over tasks join the overdue rows at the top; the day's tasks go last."""
    mine = [r for r in view.rows if r.source == "template"]
    rows = [r for r in tasks if r.carried_over] + mine + [r for r in tasks if not r.carried_over]
    return replace(view, rows=rows, reminders=list(reminders))


def _safe(fn: Callable[[], Any], fallback: Any) -> Any:
    """Another feature's failure must not take the checklist down; it is logged instead."""
    try:
        return fn()
    except PermissionDenied:
        return fallback
    except Exception:
        log.exception("checklist extra source failed")
        return fallback


# -- ticking ------------------------------------------------------------------------------------


def _clean_note(note: str | None) -> str | None:
    if note is None:
        return None
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"备注太长 (最多 {MAX_NOTE} 字)")
    return note or None


def _clean_value(value: object) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_decimal(value, places=4)
    except NumberError as exc:
        raise InvalidInput(f"数值 “{value}” 无效: {exc}") from exc


def _template_for(s: Session, actor: Actor, template_id: int, day: date) -> ChecklistTemplate:
    t = s.get(ChecklistTemplate, template_id)
    if t is None:
        raise NotFound(f"没有编号为 {template_id} 的检查项目")
    spec = _spec(t, None)
    if day > clock.today():
        raise InvalidInput(f"{day:%Y-%m-%d} 还没到, 不能提前勾选")
    if spec.active_from is not None and day < spec.active_from:
        raise InvalidInput(f"“{t.title}” 从 {spec.active_from:%Y-%m-%d} 起才需要检查")
    if spec.retired_on is not None and day >= spec.retired_on:
        raise InvalidInput(f"“{t.title}” 已停用 ({spec.retired_on:%Y-%m-%d} 起)")
    if not is_due(spec.rule, day):
        raise InvalidInput(f"“{t.title}” 在 {day:%Y-%m-%d} 不需要检查 ({spec.rule.describe()})")
    if not _mine(spec, actor) and not can(actor, Perm.EDIT_CHECKLIST):
        owner = t.job or "指定人员"
        raise PermissionDenied(f"“{t.title}” 分配给 {owner}, 不是 {actor.name} 的项目")
    return t


def _occurrence(s: Session, template_id: int, day: date) -> ChecklistOccurrence | None:
    return s.execute(
        select(ChecklistOccurrence).where(
            ChecklistOccurrence.template_id == template_id, ChecklistOccurrence.day == day
        )
    ).scalar_one_or_none()


def _insert_if_absent(s: Session, values: dict[str, Any]) -> bool:
    """Insert the occurrence unless another PC already did; True if this call created it."""
    stmt = (
        insert_for(s, ChecklistOccurrence)
        .values(version=1, **values)
        .on_conflict_do_nothing(index_elements=["template_id", "day"])
    )
    return bool(s.execute(stmt).rowcount)  # type: ignore[attr-defined]


def _state(o: ChecklistOccurrence) -> dict[str, Any]:
    return {"status": o.status, "by_id": o.by_id, "note": o.note, "value": o.value}


def _result_row(s: Session, t: ChecklistTemplate, day: date) -> DayRow:
    spec = _spec(t, None)
    records = _load_records(s, day, day, [t.id])
    view = build_day([spec], records, day, clock.today())
    return next(r for r in view.rows if r.template_id == t.id and r.day == day)


def tick(
    db: Database,
    actor: Actor,
    template_id: int,
    day: date | None = None,
    *,
    note: str | None = None,
    value: object = None,
) -> DayRow:
    """Mark an item done for `day` (default today); a past day keeps both the day and the time."""
    require(actor, Perm.TICK_CHECKLIST)
    day = day or clock.today()
    note = _clean_note(note)
    number = _clean_value(value)
    with db.write() as s:
        t = _template_for(s, actor, template_id, day)
        existing = _occurrence(s, template_id, day)
        if t.needs_note and not note and not (existing and existing.note):
            raise InvalidInput(f"“{t.title}” 需要填写备注")
        if t.needs_number and number is None and not (existing and existing.value is not None):
            raise InvalidInput(f"“{t.title}” 需要填写{t.number_label or '数值'}")
        key = f"{template_id}@{day.isoformat()}"
        values = {
            "template_id": template_id,
            "day": day,
            "status": "done",
            "by_id": actor.id,
            "at": clock.now(),
            "note": note,
            "value": number,
        }
        if existing is None and _insert_if_absent(s, values):
            audit.record(s, actor, "checklist_occurrence", key, "tick", None, _plain(values))
            return _result_row(s, t, day)
        occ = existing or _occurrence(s, template_id, day)
        assert occ is not None
        before = _state(occ)
        if occ.status == "done":
            # Ticked already (maybe by another PC a moment ago): keep who/when, add what is new.
            if note is not None:
                occ.note = note
            if number is not None:
                occ.value = number
            action = "tick_again"
        else:
            occ.status, occ.by_id, occ.at = "done", actor.id, clock.now()
            occ.note = note if note is not None else occ.note
            occ.value = number if number is not None else occ.value
            action = "tick"
        s.flush()
        audit.record(s, actor, "checklist_occurrence", key, action, before, _state(occ))
        return _result_row(s, t, day)


def skip(db: Database, actor: Actor, template_id: int, day: date | None, reason: str) -> DayRow:
    """Mark an item as not done on purpose; the reason is required and kept."""
    require(actor, Perm.TICK_CHECKLIST)
    day = day or clock.today()
    reason_text = _clean_note(reason)
    if not reason_text:
        raise InvalidInput("跳过需要填写原因")
    with db.write() as s:
        t = _template_for(s, actor, template_id, day)
        key = f"{template_id}@{day.isoformat()}"
        values = {
            "template_id": template_id,
            "day": day,
            "status": "skipped",
            "by_id": actor.id,
            "at": clock.now(),
            "note": reason_text,
            "value": None,
        }
        existing = _occurrence(s, template_id, day)
        if existing is None and _insert_if_absent(s, values):
            audit.record(s, actor, "checklist_occurrence", key, "skip", None, _plain(values))
            return _result_row(s, t, day)
        occ = existing or _occurrence(s, template_id, day)
        assert occ is not None
        if occ.status == "done":
            raise InvalidInput(f"“{t.title}” 已经完成, 如需跳过请先取消勾选")
        before = _state(occ)
        occ.note, occ.by_id, occ.at = reason_text, actor.id, clock.now()
        s.flush()
        audit.record(s, actor, "checklist_occurrence", key, "skip", before, _state(occ))
        return _result_row(s, t, day)


def untick(db: Database, actor: Actor, template_id: int, day: date | None = None) -> DayRow:
    """Undo a tick or skip made by mistake; the audit log keeps what it was."""
    require(actor, Perm.TICK_CHECKLIST)
    day = day or clock.today()
    with db.write() as s:
        t = _template_for(s, actor, template_id, day)
        occ = _occurrence(s, template_id, day)
        if occ is not None:
            if occ.by_id != actor.id and not can(actor, Perm.EDIT_CHECKLIST):
                raise PermissionDenied("只能取消自己勾选的项目 (主管和店主可以取消任何人的)")
            key = f"{template_id}@{day.isoformat()}"
            audit.record(s, actor, "checklist_occurrence", key, "untick", _state(occ), None)
            s.delete(occ)
            s.flush()
        return _result_row(s, t, day)


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in ("template_id", "day", "at")}


# -- templates ----------------------------------------------------------------------------------


def _template_row(t: ChecklistTemplate, assignee_name: str | None) -> TemplateRow:
    rule = Rule.from_fields(t.recurrence, t.weekdays, t.month_day)
    return TemplateRow(
        id=t.id,
        section=t.section,
        title=t.title,
        sort_order=t.sort_order,
        job=t.job,
        assignee_id=t.assignee_id,
        assignee_name=assignee_name,
        recurrence=t.recurrence,
        weekdays=tuple(sorted(rule.weekdays)),
        month_day=t.month_day,
        rule_text=rule.describe(),
        miss_policy=t.miss_policy,
        needs_note=t.needs_note,
        needs_number=t.needs_number,
        number_label=t.number_label,
        link_key=t.link_key,
        active_from=t.active_from,
        retired_at=t.retired_at,
        version=t.version,
    )


def list_templates(
    db: Database, actor: Actor, *, include_retired: bool = True
) -> list[TemplateRow]:
    require(actor, Perm.TICK_CHECKLIST)
    assignee = aliased(User)
    with db.read() as s:
        q = (
            select(ChecklistTemplate, assignee.name)
            .outerjoin(assignee, assignee.id == ChecklistTemplate.assignee_id)
            .order_by(ChecklistTemplate.retired_at.is_not(None), ChecklistTemplate.sort_order)
        )
        if not include_retired:
            q = q.where(ChecklistTemplate.retired_at.is_(None))
        return [_template_row(t, name) for t, name in s.execute(q).all()]


def _validate(data: TemplateInput) -> dict[str, Any]:
    section = data.section.strip()
    title = data.title.strip()
    if not section:
        raise InvalidInput("请填写分组")
    if len(section) > 32:
        raise InvalidInput("分组名称最多 32 个字")
    if not title:
        raise InvalidInput("请填写检查内容")
    if data.recurrence not in KINDS:
        raise InvalidInput(f"未知的重复方式: {data.recurrence}")
    rule = Rule(data.recurrence, frozenset(data.weekdays), data.month_day)
    policy = data.miss_policy or (
        "rolls_over" if data.recurrence in ("weekly", "monthly") else "expires"
    )
    if policy not in MISS_POLICIES:
        raise InvalidInput(f"未知的漏检处理方式: {policy}")
    job = (data.job or "").strip() or None
    if job and len(job) > 32:
        raise InvalidInput("岗位最多 32 个字")
    label = (data.number_label or "").strip() or None
    return {
        "section": section,
        "title": title,
        "recurrence": rule.kind,
        "weekdays": rule.weekdays_text,
        "month_day": rule.month_day,
        "job": job,
        "assignee_id": data.assignee_id,
        "miss_policy": policy,
        "needs_note": data.needs_note,
        "needs_number": data.needs_number,
        "number_label": label if data.needs_number else None,
        "link_key": (data.link_key or "").strip() or None,
        "active_from": data.active_from,
    }


def save_template(
    db: Database,
    actor: Actor,
    data: TemplateInput,
    template_id: int | None = None,
    version: int | None = None,
) -> TemplateRow:
    """Add (no id) or edit a template; an edit made on a stale copy is refused, not overwritten."""
    require(actor, Perm.EDIT_CHECKLIST)
    values = _validate(data)
    with db.write() as s:
        if values["assignee_id"] is not None and s.get(User, values["assignee_id"]) is None:
            raise NotFound("指定的人员不存在")
        if template_id is None:
            top = s.scalar(select(func.max(ChecklistTemplate.sort_order))) or 0
            t = ChecklistTemplate(sort_order=top + 10, **values)
            if t.active_from is None:
                t.active_from = clock.today()
            s.add(t)
            s.flush()
            audit.record(s, actor, "checklist_template", t.id, "create", None, values)
        else:
            t = _get_template(s, template_id, version)
            old = {k: getattr(t, k) for k in values}
            for k, v in values.items():
                if k == "active_from" and v is None:
                    continue
                setattr(t, k, v)
            s.flush()
            before, after = audit.changes(old, {k: getattr(t, k) for k in values})
            if after:
                audit.record(s, actor, "checklist_template", t.id, "edit", before, after)
        name = s.get(User, t.assignee_id).name if t.assignee_id else None  # type: ignore[union-attr]
        return _template_row(t, name)


def _get_template(s: Session, template_id: int, version: int | None) -> ChecklistTemplate:
    t = s.get(ChecklistTemplate, template_id)
    if t is None:
        raise NotFound(f"没有编号为 {template_id} 的检查项目")
    if version is not None and t.version != version:
        raise stale_record(s, "checklist_template", t.id, f"检查项目“{t.title}”")
    return t


def retire(db: Database, actor: Actor, template_id: int, *, restore: bool = False) -> TemplateRow:
    """Stop an item from today on (or bring it back); its history stays."""
    require(actor, Perm.EDIT_CHECKLIST)
    with db.write() as s:
        t = _get_template(s, template_id, None)
        before = {"retired_at": t.retired_at}
        t.retired_at = None if restore else (t.retired_at or clock.now())
        s.flush()
        action = "restore" if restore else "retire"
        audit.record(
            s, actor, "checklist_template", t.id, action, before, {"retired_at": t.retired_at}
        )
        return _template_row(t, None)


def reorder(db: Database, actor: Actor, template_ids: Sequence[int]) -> None:
    """Set the display order to the given id order (ids not listed keep their place after)."""
    require(actor, Perm.EDIT_CHECKLIST)
    with db.write() as s:
        templates = {t.id: t for t in s.execute(select(ChecklistTemplate)).scalars()}
        missing = [i for i in template_ids if i not in templates]
        if missing:
            raise NotFound(f"没有编号为 {missing[0]} 的检查项目")
        rest = sorted(
            (t for i, t in templates.items() if i not in set(template_ids)),
            key=lambda t: (t.sort_order, t.id),
        )
        order = [templates[i] for i in template_ids] + rest
        before = {t.id: t.sort_order for t in order}
        changed = {}
        for n, t in enumerate(order, start=1):
            if t.sort_order != n * 10:
                t.sort_order = n * 10
                changed[t.id] = n * 10
        if changed:
            s.flush()
            audit.record(
                s,
                actor,
                "checklist_template",
                "*",
                "reorder",
                {str(k): before[k] for k in changed},
                {str(k): v for k, v in changed.items()},
            )


def move(db: Database, actor: Actor, template_id: int, delta: int) -> None:
    """Move one item up (-1) or down (+1) among the active items."""
    ids = [t.id for t in list_templates(db, actor, include_retired=False)]
    if template_id not in ids:
        raise NotFound(f"没有编号为 {template_id} 的在用检查项目")
    i = ids.index(template_id)
    j = max(0, min(len(ids) - 1, i + delta))
    ids.insert(j, ids.pop(i))
    reorder(db, actor, ids)


# -- history ------------------------------------------------------------------------------------


def month_rates(db: Database, actor: Actor, year: int, month: int) -> list[DayRate]:
    """Completion of everyone's items for each day of a month up to today (the calendar)."""
    require(actor, Perm.TICK_CHECKLIST)
    first, last = month_bounds(year, month)
    end = min(last, clock.today())
    if end < first:
        return []
    with db.read() as s:
        specs = _load_specs(s)
        records = _load_records(s, first, end)
    return [DayRate(d, p) for d, p in _daily_progress(specs, records, first, end).items()]


def _daily_progress(
    specs: Sequence[TemplateSpec], records: Sequence[Record], start: date, end: date
) -> dict[date, Progress]:
    status = {(r.template_id, r.day): r.status for r in records}
    now_day = clock.today()
    out: dict[date, list[str]] = {
        start + timedelta(days=i): [] for i in range((end - start).days + 1)
    }
    for t in specs:
        for d in iter_due_days(t.rule, start, end):
            if is_active(d, t.active_from, t.retired_on):
                out[d].append(occurrence_status(d, now_day, t.miss_policy, status.get((t.id, d))))
    return {d: progress(v) for d, v in out.items()}


def person_rates(
    db: Database, actor: Actor, start: date, end: date, period: str = "week"
) -> list[PersonRate]:
    """Per active user and week (or month): items due to them, resolved, and ticked by them."""
    require(actor, Perm.TICK_CHECKLIST)
    if period not in ("week", "month"):
        raise InvalidInput(f"未知的统计周期: {period}")
    end = min(end, clock.today())
    if end < start:
        return []
    with db.read() as s:
        specs = _load_specs(s)
        records = _load_records(s, start, end)
        users = s.execute(
            select(User.id, User.name, User.job, User.role).where(User.active.is_(True))
        ).all()
    rec = {(r.template_id, r.day): r for r in records}
    out: list[PersonRate] = []
    for uid, name, job, role in users:
        person = Actor(uid, name, role, job)
        mine = [t for t in specs if _mine(t, person) and (t.job or t.assignee_id)]
        counts: dict[date, list[int]] = {}
        for t in mine:
            for d in iter_due_days(t.rule, start, end):
                if not is_active(d, t.active_from, t.retired_on):
                    continue
                key = week_start(d) if period == "week" else d.replace(day=1)
                c = counts.setdefault(key, [0, 0, 0])
                c[0] += 1
                r = rec.get((t.id, d))
                if r is not None:
                    c[1] += 1
                    c[2] += r.by_name == name
        for key in sorted(counts):
            due, resolved, by_self = counts[key]
            out.append(PersonRate(name, job, key, due, resolved, by_self))
    return out


def toggle(
    db: Database, actor: Actor, row: DayRow, *, note: str | None = None, value: object = None
) -> None:
    """What Space does in the tab: tick an open row, undo a resolved one (items and tasks)."""
    if row.source == "campaign":
        from shopdesk.checklist import campaign_tasks

        assert row.task_id is not None
        if row.status == "done":
            campaign_tasks.reopen(db, actor, row.task_id)
        else:
            campaign_tasks.complete(db, actor, row.task_id, note)
        return
    if row.resolved:
        untick(db, actor, row.template_id, row.day)
    else:
        tick(db, actor, row.template_id, row.day, note=note, value=value)
