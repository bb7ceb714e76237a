"""Disputes: an agent questions an item of their published draft; the supervisor answers.

Within the dispute window (setting kpi.dispute_days after publishing) an agent may dispute an
item with a comment. The supervisor accepts — and changes the score in the same step — or denies
with a reason. Nothing is deleted; every step is audited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from shopdesk import audit, clock
from shopdesk.auth.actor import Actor
from shopdesk.auth.models import User
from shopdesk.auth.permissions import Perm, require
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, NotFound, PermissionDenied
from shopdesk.kpi import service
from shopdesk.kpi.models import KpiDispute, KpiMonth, KpiScore, Scorecard
from shopdesk.kpi.scorecard import Card, field_specs

STATUS_LABELS = {"open": "待处理", "accepted": "已接受", "denied": "已驳回"}


@dataclass(frozen=True)
class DisputeRow:
    id: int
    score_id: int
    agent: str
    item_key: str
    item_label: str
    comment: str
    raised_at: datetime
    status: str
    answer: str | None
    answered_by: str | None
    answered_at: datetime | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def dispute_items(card: Card) -> list[tuple[str, str]]:
    """(key, label) of what can be disputed: each item and each deduction/addition."""
    out = [(i.key, i.label) for i in card.items]
    out += [(a.key, a.label) for a in card.adjustments]
    return out


def _label(card: Card, key: str) -> str:
    return dict(dispute_items(card)).get(key, key)


def _row(d: KpiDispute, agent: str, answered_by: str | None, card: Card) -> DisputeRow:
    return DisputeRow(
        d.id,
        d.score_id,
        agent,
        d.item_key,
        _label(card, d.item_key),
        d.comment,
        d.raised_at,
        d.status,
        d.answer,
        answered_by,
        d.answered_at,
    )


def _card(s: Session, m: KpiMonth) -> Card:
    return service._card_of(s.get_one(Scorecard, m.scorecard_id))


def raise_dispute(
    db: Database, actor: Actor, score_id: int, item_key: str, comment: str
) -> DisputeRow:
    require(actor, Perm.VIEW_OWN_SCORE)
    comment = comment.strip()
    if not comment:
        raise InvalidInput("申诉必须写明理由")
    with db.write() as s:
        sc = s.get(KpiScore, score_id)
        if sc is None or sc.agent_id != actor.id:
            raise PermissionDenied("只能对自己的绩效提出申诉")
        m = s.get_one(KpiMonth, sc.month_id)
        status = service.team_status(s, m, s.get_one(User, sc.agent_id))
        if status != "published":
            state = "已定稿" if status == "final" else "还没有发布"
            raise InvalidInput(f"{m.month} 的绩效{state}, 不能申诉")
        deadline = service.team_deadline(s, m, s.get_one(User, sc.agent_id))
        if deadline is not None and clock.now() > deadline:
            raise InvalidInput(f"申诉期已过 (截止 {deadline.astimezone():%Y-%m-%d %H:%M})")
        card = _card(s, m)
        if item_key not in dict(dispute_items(card)):
            raise InvalidInput(f"考核表中没有 “{item_key}” 这一项")
        d = KpiDispute(score_id=sc.id, item_key=item_key, comment=comment, raised_by_id=actor.id)
        s.add(d)
        s.flush()
        audit.record(
            s, actor, "kpi_dispute", d.id, "raise", None, {"item": item_key, "comment": comment}
        )
        return _row(d, actor.name, None, card)


def answer_dispute(
    db: Database,
    actor: Actor,
    dispute_id: int,
    *,
    accept: bool,
    answer: str,
    changes: Mapping[str, object] | None = None,
) -> DisputeRow:
    """Accept (applying `changes` to the agent's inputs) or deny (a reason is required)."""
    require(actor, Perm.SCORE_TEAM)
    answer = answer.strip()
    if not accept and not answer:
        raise InvalidInput("驳回申诉必须写明原因")
    if accept and not changes and not answer:
        raise InvalidInput("接受申诉时请修改分数或写明处理结果")
    with db.write() as s:
        d = s.get(KpiDispute, dispute_id)
        if d is None:
            raise NotFound("找不到这条申诉")
        if d.status != "open":
            raise InvalidInput("这条申诉已经处理过了")
        sc, m, agent = service._load_for_edit(s, actor, d.score_id)
        card = _card(s, m)
        if changes:
            known = {f.key for f in field_specs(card)}
            unknown = [k for k in changes if k not in known]
            if unknown:
                raise InvalidInput(f"考核表中没有这些字段: {', '.join(unknown)}")
            service._apply(s, actor, sc, card, changes, "dispute_accept")
        d.status = "accepted" if accept else "denied"
        d.answer = answer or None
        d.answered_by_id = actor.id
        d.answered_at = clock.now()
        audit.record(
            s,
            actor,
            "kpi_dispute",
            d.id,
            d.status,
            {"status": "open"},
            {"status": d.status, "answer": answer, "changes": dict(changes or {})},
        )
        s.flush()
        return _row(d, agent.name, actor.name, card)


def list_disputes(db: Database, actor: Actor, month_id: int) -> list[DisputeRow]:
    """Agents see their own; supervisors their team's; owner/finance all."""
    require(actor, Perm.VIEW_OWN_SCORE)
    answerer = aliased(User)
    with db.read() as s:
        m = service._get_month(s, month_id)
        card = _card(s, m)
        rows = s.execute(
            select(KpiDispute, User, answerer.name)
            .join(KpiScore, KpiScore.id == KpiDispute.score_id)
            .join(User, User.id == KpiScore.agent_id)
            .outerjoin(answerer, answerer.id == KpiDispute.answered_by_id)
            .where(KpiScore.month_id == m.id)
            .order_by(KpiDispute.status != "open", KpiDispute.raised_at)
        ).all()
        return [
            _row(d, agent.name, ans, card)
            for d, agent, ans in rows
            if service._visible(actor, agent, service.team_status(s, m, agent))
        ]
