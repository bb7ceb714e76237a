"""KPI months: cards, the monthly grid, cell edits, publish / finalise / reopen (DOMAIN.md §4).

Every function takes the Database and the acting user, checks the permission, does its work in
one write, audits every change and returns plain dataclasses. A month keeps the card version it
was opened with, so editing a card never changes a scored month.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shopdesk import audit, clock
from shopdesk.auth.actor import Actor
from shopdesk.auth.models import User
from shopdesk.auth.permissions import Perm, can, require
from shopdesk.db.conflict import stale_record
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, NotFound, PermissionDenied
from shopdesk.kpi import carddef
from shopdesk.kpi.cards import AFTER_SALES_NAME
from shopdesk.kpi.install import install
from shopdesk.kpi.models import KpiDispute, KpiMonth, KpiScore, Scorecard
from shopdesk.kpi.scorecard import Card, Result, inputs_to_json, parse_field, parse_inputs, score
from shopdesk.settings import service as settings

STATUS_LABELS = {"draft": "草稿", "published": "已发布", "final": "已定稿"}
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


# ---------------------------------------------------------------------------------------------
# Plain rows handed to the GUI and CLI


@dataclass(frozen=True)
class CardRow:
    id: int
    name: str
    kind: str
    version: int
    active: bool
    card: Card


@dataclass(frozen=True)
class MonthInfo:
    id: int
    month: str
    card_id: int
    card_name: str
    card_version: int
    status: str
    published_at: datetime | None
    finalised_at: datetime | None
    dispute_deadline: datetime | None
    reopen_reason: str | None
    version: int
    card: Card

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class ScoreRow:
    id: int
    agent_id: int
    agent: str
    level: str
    supervisor_id: int | None
    inputs: Mapping[str, Any]  # validated values (see scorecard.parse_field)
    result: Result
    version: int
    open_disputes: int
    editable: bool  # the actor may change it now


@dataclass(frozen=True)
class Grid:
    month: MonthInfo
    rows: list[ScoreRow]
    bonus_total: Decimal | None  # owner/finance only
    can_edit: bool


# ---------------------------------------------------------------------------------------------
# Helpers


def check_month(text: str) -> str:
    s = text.strip()
    if not _MONTH.match(s):
        raise InvalidInput(f"月份格式应为 YYYY-MM (例如 2026-11), 不是 “{text}”")
    return s


def _card_of(row: Scorecard) -> Card:
    return carddef.from_dict(row.definition)


def _card_row(row: Scorecard) -> CardRow:
    return CardRow(row.id, row.name, row.kind, row.card_version, row.active, _card_of(row))


def _latest_card(s: Session, name: str) -> Scorecard:
    row = s.execute(
        select(Scorecard)
        .where(Scorecard.name == name, Scorecard.active.is_(True))
        .order_by(Scorecard.card_version.desc())
        .limit(1)
    ).scalar_one_or_none()
    if row is None:
        raise NotFound(f"没有名为 “{name}” 的考核表")
    return row


def _deadline(s: Session, m: KpiMonth) -> datetime | None:
    if m.published_at is None:
        return None
    return m.published_at + timedelta(days=int(settings.get(s, "kpi.dispute_days")))


def _month_info(s: Session, m: KpiMonth) -> MonthInfo:
    card_row = s.get_one(Scorecard, m.scorecard_id)
    return MonthInfo(
        id=m.id,
        month=m.month,
        card_id=card_row.id,
        card_name=card_row.name,
        card_version=card_row.card_version,
        status=m.status,
        published_at=m.published_at,
        finalised_at=m.finalised_at,
        dispute_deadline=_deadline(s, m),
        reopen_reason=m.reopen_reason,
        version=m.version,
        card=_card_of(card_row),
    )


def _find_month(s: Session, month: str, card_name: str | None) -> KpiMonth | None:
    q = (
        select(KpiMonth)
        .join(Scorecard, Scorecard.id == KpiMonth.scorecard_id)
        .where(KpiMonth.month == check_month(month))
    )
    if card_name:
        q = q.where(Scorecard.name == card_name)
    rows = list(s.execute(q.order_by(KpiMonth.id)).scalars())
    if not rows:
        return None
    if len(rows) > 1 and not card_name:
        # Without a card name, the after-sales month comes first (the common case).
        rows.sort(key=lambda m: s.get_one(Scorecard, m.scorecard_id).name != AFTER_SALES_NAME)
    return rows[0]


def _get_month(s: Session, month_id: int) -> KpiMonth:
    m = s.get(KpiMonth, month_id)
    if m is None:
        raise NotFound("找不到这个考核月")
    return m


def _sees_all(actor: Actor) -> bool:
    return can(actor, Perm.VIEW_ALL_SCORES)


def _may_edit_agent(actor: Actor, agent: User) -> bool:
    if not can(actor, Perm.SCORE_TEAM):
        return False
    return actor.role == "owner" or agent.supervisor_id == actor.id


def _visible(actor: Actor, agent: User, status: str) -> bool:
    """Owner/finance: all. Supervisors: their team. Agents: their own, once published."""
    if _sees_all(actor):
        return True
    if can(actor, Perm.SCORE_TEAM) and agent.supervisor_id == actor.id:
        return True
    return agent.id == actor.id and status in ("published", "final")


def _result(card: Card, sc: KpiScore) -> Result:
    return score(card, sc.inputs or {}, sc.cs_level)


def _store_result(sc: KpiScore, r: Result) -> None:
    sc.item_points = r.to_dict()
    sc.final_score = r.final
    sc.passed = r.passed if r.complete else None
    sc.bonus = r.bonus
    sc.base_pay = r.base_pay
    sc.pay = r.pay


def _open_disputes(s: Session, score_ids: Iterable[int]) -> dict[int, int]:
    ids = list(score_ids)
    if not ids:
        return {}
    rows = s.execute(
        select(KpiDispute.score_id, func.count())
        .where(KpiDispute.score_id.in_(ids), KpiDispute.status == "open")
        .group_by(KpiDispute.score_id)
    ).all()
    return {int(a): int(b) for a, b in rows}


def _score_row(
    actor: Actor, m: KpiMonth, card: Card, sc: KpiScore, agent: User, disputes: int
) -> ScoreRow:
    values, _ = parse_inputs(card, sc.inputs or {})
    return ScoreRow(
        id=sc.id,
        agent_id=agent.id,
        agent=agent.name,
        level=sc.cs_level or "",
        supervisor_id=agent.supervisor_id,
        inputs=values,
        result=_result(card, sc),
        version=sc.version,
        open_disputes=disputes,
        editable=m.status != "final" and _may_edit_agent(actor, agent),
    )


def _sync_agents(s: Session, actor: Actor, m: KpiMonth, card: Card) -> int:
    """Add a row for every active agent whose level the card pays and who has none yet."""
    have = set(s.execute(select(KpiScore.agent_id).where(KpiScore.month_id == m.id)).scalars())
    agents = s.execute(
        select(User)
        .where(User.active.is_(True), User.cs_level.in_(list(card.base_pay)))
        .order_by(User.id)
    ).scalars()
    added = 0
    for agent in agents:
        if agent.id in have:
            continue
        sc = KpiScore(month_id=m.id, agent_id=agent.id, cs_level=agent.cs_level, inputs={})
        _store_result(sc, score(card, {}, agent.cs_level))
        s.add(sc)
        added += 1
    if added:
        s.flush()
        audit.record(s, actor, "kpi_month", m.id, "add_agents", None, {"count": added})
    return added


# ---------------------------------------------------------------------------------------------
# Cards


def list_cards(db: Database, actor: Actor, *, include_old: bool = False) -> list[CardRow]:
    """The cards (latest version of each unless include_old); anyone may read the rules."""
    with db.read() as s:
        rows = list(
            s.execute(select(Scorecard).order_by(Scorecard.name, Scorecard.card_version)).scalars()
        )
        if not include_old:
            latest: dict[str, Scorecard] = {}
            for r in rows:
                if r.active:
                    latest[r.name] = r
            rows = list(latest.values())
        out = [_card_row(r) for r in rows]
    out.sort(key=lambda c: c.name != AFTER_SALES_NAME)
    return out


def save_card(db: Database, actor: Actor, card: Card) -> CardRow:
    """Save a card (owner). Same name as an existing card: a new version; otherwise a new card.

    Months already opened keep their version; the next month opened uses the new one.
    """
    require(actor, Perm.EDIT_SCORECARDS)
    carddef.check_card(card)
    with db.write() as s:
        prev = s.execute(
            select(Scorecard)
            .where(Scorecard.name == card.name)
            .order_by(Scorecard.card_version.desc())
            .limit(1)
        ).scalar_one_or_none()
        row = Scorecard(
            name=card.name,
            kind=card.kind,
            card_version=(prev.card_version + 1) if prev else 1,
            parent_id=prev.id if prev else None,
            definition=carddef.to_dict(card),
            created_by_id=actor.id,
        )
        if prev is not None:
            for old in s.execute(select(Scorecard).where(Scorecard.name == card.name)).scalars():
                old.active = False
        s.add(row)
        s.flush()
        audit.record(
            s,
            actor,
            "kpi_card",
            row.id,
            "new_version" if prev else "create",
            carddef.to_dict(_card_of(prev)) if prev else None,
            row.definition,
        )
        return _card_row(row)


# ---------------------------------------------------------------------------------------------
# Months and the grid


def list_months(db: Database, actor: Actor) -> list[MonthInfo]:
    """Months the actor can see something of, newest first."""
    with db.read() as s:
        q = select(KpiMonth).order_by(KpiMonth.month.desc(), KpiMonth.id)
        if not (_sees_all(actor) or can(actor, Perm.SCORE_TEAM)):
            q = q.where(KpiMonth.status.in_(["published", "final"]))
        return [_month_info(s, m) for m in s.execute(q).scalars()]


def open_month(db: Database, actor: Actor, month: str, card_name: str | None = None) -> MonthInfo:
    """Open a month for scoring with the card's current version (or return the open one).

    Agents added since it was opened get their row too, unless the month is final.
    """
    require(actor, Perm.SCORE_TEAM)
    month = check_month(month)
    with db.write() as s:
        return _month_info(s, open_month_in(s, actor, month, card_name))


def open_month_in(s: Session, actor: Actor, month: str, card_name: str | None = None) -> KpiMonth:
    """open_month inside the caller's unit of work (an import opens the month and stores its
    rows in one transaction, so a rejected file leaves no month behind)."""
    install(s)  # a database made before the cards existed
    name = card_name or AFTER_SALES_NAME
    m = _find_month(s, month, name)
    if m is None:
        card_row = _latest_card(s, name)
        m = KpiMonth(month=month, scorecard_id=card_row.id, status="draft")
        s.add(m)
        s.flush()
        audit.record(
            s,
            actor,
            "kpi_month",
            m.id,
            "open",
            None,
            {"month": month, "card": name, "card_version": card_row.card_version},
        )
    if m.status != "final":
        _sync_agents(s, actor, m, _card_of(s.get_one(Scorecard, m.scorecard_id)))
    return m


def card_for_month(db: Database, month: str, card_name: str | None = None) -> tuple[str, Card]:
    """The card a month is (or would be) scored with, without opening the month."""
    name = card_name or AFTER_SALES_NAME
    with db.read() as s:
        m = _find_month(s, check_month(month), name)
        row = s.get_one(Scorecard, m.scorecard_id) if m is not None else _latest_card(s, name)
        return name, _card_of(row)


def find_month(db: Database, actor: Actor, month: str, card_name: str | None = None) -> MonthInfo:
    with db.read() as s:
        m = _find_month(s, month, card_name)
        if m is None:
            raise NotFound(f"{month} 还没有开始考核")
        return _month_info(s, m)


def grid(db: Database, actor: Actor, month_id: int) -> Grid:
    """The rows of a month the actor may see; bonus total for owner/finance only."""
    require(actor, Perm.VIEW_OWN_SCORE)
    with db.read() as s:
        m = _get_month(s, month_id)
        info = _month_info(s, m)
        pairs = s.execute(
            select(KpiScore, User)
            .join(User, User.id == KpiScore.agent_id)
            .where(KpiScore.month_id == m.id)
            .order_by(User.supervisor_id, KpiScore.cs_level, User.name)
        ).all()
        visible = [(sc, u) for sc, u in pairs if _visible(actor, u, m.status)]
        disputes = _open_disputes(s, (sc.id for sc, _ in visible))
        rows = [_score_row(actor, m, info.card, sc, u, disputes.get(sc.id, 0)) for sc, u in visible]
    total = sum((r.result.bonus for r in rows), Decimal("0.00")) if _sees_all(actor) else None
    return Grid(info, rows, total, any(r.editable for r in rows))


def _locked_check(m: KpiMonth) -> None:
    if m.status == "final":
        raise InvalidInput(f"{m.month} 已定稿, 不能再修改 (需要店主重新打开)")


def _load_for_edit(s: Session, actor: Actor, score_id: int) -> tuple[KpiScore, KpiMonth, User]:
    sc = s.get(KpiScore, score_id)
    if sc is None:
        raise NotFound("找不到这条绩效记录")
    m = s.get_one(KpiMonth, sc.month_id)
    agent = s.get_one(User, sc.agent_id)
    _locked_check(m)
    if not _may_edit_agent(actor, agent):
        raise PermissionDenied(f"{actor.name} 不能修改 {agent.name} 的绩效 (不是本组成员)")
    return sc, m, agent


def _apply(
    s: Session, actor: Actor, sc: KpiScore, card: Card, changes: Mapping[str, object], why: str
) -> Result:
    """Validate and store changed inputs, recompute, audit before → after."""
    new_inputs = dict(sc.inputs or {})
    values, _ = parse_inputs(card, new_inputs)
    for key, raw in changes.items():
        values[key] = parse_field(card, key, raw)  # raises ScoreInputError with the reason
    stored = inputs_to_json(card, values)
    before = {k: (sc.inputs or {}).get(k) for k in changes}
    after = {k: stored.get(k) for k in changes}
    r = score(card, stored, sc.cs_level)
    old_final = sc.final_score
    sc.inputs = stored
    _store_result(sc, r)
    sc.updated_at = clock.now()
    sc.updated_by_id = actor.id
    before["total"] = str(old_final) if old_final is not None else None
    after["total"] = str(r.final)
    audit.record(s, actor, "kpi_score", sc.id, why, before, after)
    return r


def update_cell(
    db: Database, actor: Actor, score_id: int, key: str, raw: object, expected_version: int
) -> ScoreRow:
    """Change one input of one agent's month; refused with a reason when the value is invalid.

    `expected_version` is the row version the editor showed: if someone else saved in between,
    StaleRecord asks the user to reload instead of silently overwriting their change.
    """
    require(actor, Perm.SCORE_TEAM)
    with db.write() as s:
        sc, m, agent = _load_for_edit(s, actor, score_id)
        if sc.version != expected_version:
            raise stale_record(s, "kpi_score", sc.id, f"{agent.name} 的绩效")
        card = _card_of(s.get_one(Scorecard, m.scorecard_id))
        _apply(s, actor, sc, card, {key: raw}, "update")
        s.flush()
        disputes = _open_disputes(s, [sc.id]).get(sc.id, 0)
        return _score_row(actor, m, card, sc, agent, disputes)


def _incomplete(s: Session, m: KpiMonth, card: Card) -> list[str]:
    out = []
    for sc, name in s.execute(
        select(KpiScore, User.name)
        .join(User, User.id == KpiScore.agent_id)
        .where(KpiScore.month_id == m.id)
        .order_by(User.name)
    ).all():
        r = _result(card, sc)
        if not r.complete:
            out.append(f"{name} ({'、'.join(r.missing)})")
    return out


def publish(db: Database, actor: Actor, month_id: int) -> MonthInfo:
    """Show the draft to the agents; the dispute window starts now."""
    require(actor, Perm.SCORE_TEAM)
    with db.write() as s:
        m = _get_month(s, month_id)
        _locked_check(m)
        card = _card_of(s.get_one(Scorecard, m.scorecard_id))
        missing = _incomplete(s, m, card)
        if missing:
            raise InvalidInput("还有未填完的绩效, 不能发布: " + "; ".join(missing[:5]))
        before = {"status": m.status}
        m.status = "published"
        m.published_at = clock.now()
        audit.record(s, actor, "kpi_month", m.id, "publish", before, {"status": "published"})
        s.flush()
        return _month_info(s, m)


def finalise(db: Database, actor: Actor, month_id: int) -> MonthInfo:
    """Lock the month: scores and pay are final; only the owner can reopen."""
    require(actor, Perm.SCORE_TEAM)
    with db.write() as s:
        m = _get_month(s, month_id)
        _locked_check(m)
        card = _card_of(s.get_one(Scorecard, m.scorecard_id))
        missing = _incomplete(s, m, card)
        if missing:
            raise InvalidInput("还有未填完的绩效, 不能定稿: " + "; ".join(missing[:5]))
        open_count = s.scalar(
            select(func.count())
            .select_from(KpiDispute)
            .join(KpiScore, KpiScore.id == KpiDispute.score_id)
            .where(KpiScore.month_id == m.id, KpiDispute.status == "open")
        )
        if open_count:
            raise InvalidInput(f"还有 {open_count} 条申诉没有答复, 请先处理再定稿")
        before = {"status": m.status}
        m.status = "final"
        m.finalised_at = clock.now()
        m.finalised_by_id = actor.id
        audit.record(s, actor, "kpi_month", m.id, "finalise", before, {"status": "final"})
        s.flush()
        return _month_info(s, m)


def reopen(db: Database, actor: Actor, month_id: int, reason: str) -> MonthInfo:
    """Owner only, with a reason: the month goes back to published so it can be corrected."""
    require(actor, Perm.REOPEN_SCORES)
    reason = reason.strip()
    if not reason:
        raise InvalidInput("重新打开已定稿的绩效必须填写原因")
    with db.write() as s:
        m = _get_month(s, month_id)
        if m.status != "final":
            raise InvalidInput(f"{m.month} 还没有定稿, 不需要重新打开")
        m.status = "published"
        m.reopen_reason = reason
        audit.record(
            s,
            actor,
            "kpi_month",
            m.id,
            "reopen",
            {"status": "final"},
            {"status": "published", "reason": reason},
        )
        s.flush()
        return _month_info(s, m)
