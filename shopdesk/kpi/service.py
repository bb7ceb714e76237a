"""KPI months: cards, the monthly grid, cell edits, publish / finalise / reopen (DOMAIN.md §4).

Every function takes the Database and the acting user, checks the permission, does its work in
one write, audits every change and returns plain dataclasses. A month keeps the card version it
was opened with, so editing a card never changes a scored month.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
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
from shopdesk.kpi.models import KpiDispute, KpiMonth, KpiScore, KpiTeamMonth, Scorecard
from shopdesk.kpi.scorecard import Card, Result, inputs_to_json, parse_field, parse_inputs, score
from shopdesk.settings import service as settings

STATUS_LABELS = {"draft": "草稿", "published": "已发布", "final": "已定稿"}
STATUS_ORDER = {"draft": 0, "published": 1, "final": 2}
NO_TEAM = 0  # team_id of agents without a supervisor (the owner publishes them)
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
    teams: tuple[TeamInfo, ...] = ()  # one per supervisor with agents in the month

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    def team(self, team_id: int | None) -> TeamInfo | None:
        return next((t for t in self.teams if t.team_id == (team_id or NO_TEAM)), None)

    def for_team(self, team_id: int | None) -> MonthInfo:
        """The month as one team sees it: that team's status, publish time and deadline."""
        t = self.team(team_id)
        if t is None:
            return self
        return replace(
            self,
            status=t.status,
            published_at=t.published_at,
            finalised_at=t.finalised_at,
            dispute_deadline=t.dispute_deadline,
            reopen_reason=t.reopen_reason,
        )


@dataclass(frozen=True)
class TeamInfo:
    """One supervisor's team in a month; each supervisor publishes and finalises their own."""

    team_id: int  # the supervisor's user id; NO_TEAM for agents without one
    supervisor: str
    status: str
    published_at: datetime | None
    finalised_at: datetime | None
    dispute_deadline: datetime | None
    reopen_reason: str | None

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
    status: str = "draft"  # the agent's team's status this month


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


def _deadline(s: Session, m: KpiMonth | KpiTeamMonth) -> datetime | None:
    if m.published_at is None:
        return None
    return m.published_at + timedelta(days=int(settings.get(s, "kpi.dispute_days")))


def _team_ids(s: Session, m: KpiMonth) -> set[int]:
    """The teams with an agent in the month (by the agents' current supervisor)."""
    return {
        int(t or NO_TEAM)
        for t in s.execute(
            select(User.supervisor_id)
            .join(KpiScore, KpiScore.agent_id == User.id)
            .where(KpiScore.month_id == m.id)
            .distinct()
        ).scalars()
    }


def _team_rows(s: Session, m: KpiMonth) -> dict[int, KpiTeamMonth]:
    return {
        t.team_id: t
        for t in s.execute(select(KpiTeamMonth).where(KpiTeamMonth.month_id == m.id)).scalars()
    }


def _teams_from(
    m: KpiMonth,
    rows: Mapping[int, KpiTeamMonth],
    ids: Iterable[int],
    names: Mapping[int, str],
    days: timedelta,
) -> dict[int, TeamInfo]:
    """Every team's state; a team without its own row (a month scored before teams were
    published separately, or a team that has not moved yet) has the month's."""
    out: dict[int, TeamInfo] = {}
    for team_id in sorted(ids):
        src: KpiTeamMonth | KpiMonth = rows.get(team_id, m)
        out[team_id] = TeamInfo(
            team_id=team_id,
            supervisor=names.get(team_id, "店主") if team_id != NO_TEAM else "店主",
            status=src.status,
            published_at=src.published_at,
            finalised_at=src.finalised_at,
            dispute_deadline=src.published_at + days if src.published_at else None,
            reopen_reason=src.reopen_reason,
        )
    return out


def team_status(s: Session, m: KpiMonth, agent: User) -> str:
    row = s.execute(
        select(KpiTeamMonth.status).where(
            KpiTeamMonth.month_id == m.id,
            KpiTeamMonth.team_id == (agent.supervisor_id or NO_TEAM),
        )
    ).scalar_one_or_none()
    return row if row is not None else m.status


def team_deadline(s: Session, m: KpiMonth, agent: User) -> datetime | None:
    row = s.execute(
        select(KpiTeamMonth).where(
            KpiTeamMonth.month_id == m.id,
            KpiTeamMonth.team_id == (agent.supervisor_id or NO_TEAM),
        )
    ).scalar_one_or_none()
    return _deadline(s, row if row is not None else m)


def _month_info(s: Session, m: KpiMonth) -> MonthInfo:
    return _month_infos(s, [m])[0]


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
    actor: Actor, status: str, card: Card, sc: KpiScore, agent: User, disputes: int
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
        editable=status != "final" and _may_edit_agent(actor, agent),
        status=status,
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
        months = list(s.execute(q).scalars())
        return _month_infos(s, months)


def _month_infos(s: Session, months: list[KpiMonth]) -> list[MonthInfo]:
    """_month_info for many months in a handful of queries (the KPI tab lists every month
    when it opens: one query per month and table took ~0.3 s on the large shop)."""
    if not months:
        return []
    ids = [m.id for m in months]
    days = timedelta(days=int(settings.get(s, "kpi.dispute_days")))
    cards = {
        c.id: c
        for c in s.execute(
            select(Scorecard).where(Scorecard.id.in_({m.scorecard_id for m in months}))
        ).scalars()
    }
    parsed = {cid: _card_of(c) for cid, c in cards.items()}
    rows: dict[int, dict[int, KpiTeamMonth]] = {i: {} for i in ids}
    for t in s.execute(select(KpiTeamMonth).where(KpiTeamMonth.month_id.in_(ids))).scalars():
        rows[t.month_id][t.team_id] = t
    team_ids: dict[int, set[int]] = {i: set(rows[i]) for i in ids}
    for month_id, sup in s.execute(
        select(KpiScore.month_id, User.supervisor_id)
        .join(User, KpiScore.agent_id == User.id)
        .where(KpiScore.month_id.in_(ids))
        .distinct()
    ).all():
        team_ids[int(month_id)].add(int(sup or NO_TEAM))
    everyone = set().union(*team_ids.values())
    names: dict[int, str] = {
        int(uid): str(name)
        for uid, name in s.execute(select(User.id, User.name).where(User.id.in_(everyone))).all()
    }
    out = []
    for m in months:
        card_row = cards[m.scorecard_id]
        out.append(
            MonthInfo(
                id=m.id,
                month=m.month,
                card_id=card_row.id,
                card_name=card_row.name,
                card_version=card_row.card_version,
                status=m.status,
                published_at=m.published_at,
                finalised_at=m.finalised_at,
                dispute_deadline=m.published_at + days if m.published_at else None,
                reopen_reason=m.reopen_reason,
                version=m.version,
                card=parsed[m.scorecard_id],
                teams=tuple(_teams_from(m, rows[m.id], team_ids[m.id], names, days).values()),
            )
        )
    return out


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
        status = {t.team_id: t.status for t in info.teams}

        def team(u: User) -> str:
            return status.get(u.supervisor_id or NO_TEAM, m.status)

        visible = [(sc, u) for sc, u in pairs if _visible(actor, u, team(u))]
        disputes = _open_disputes(s, (sc.id for sc, _ in visible))
        rows = [
            _score_row(actor, team(u), info.card, sc, u, disputes.get(sc.id, 0))
            for sc, u in visible
        ]
    total = sum((r.result.bonus for r in rows), Decimal("0.00")) if _sees_all(actor) else None
    return Grid(info, rows, total, any(r.editable for r in rows))


def _locked_check(m: KpiMonth, agent: User | None = None) -> None:
    """Refuse a change to a final month, or (given an agent) to that agent's final team."""
    s = Session.object_session(m)
    status = team_status(s, m, agent) if agent is not None and s is not None else m.status
    if status == "final":
        raise InvalidInput(f"{m.month} 已定稿, 不能再修改 (需要店主重新打开)")


def _load_for_edit(s: Session, actor: Actor, score_id: int) -> tuple[KpiScore, KpiMonth, User]:
    sc = s.get(KpiScore, score_id)
    if sc is None:
        raise NotFound("找不到这条绩效记录")
    m = s.get_one(KpiMonth, sc.month_id)
    agent = s.get_one(User, sc.agent_id)
    _locked_check(m, agent)
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
        return _score_row(actor, team_status(s, m, agent), card, sc, agent, disputes)


def _incomplete(s: Session, m: KpiMonth, card: Card, teams: set[int]) -> list[str]:
    out = []
    for sc, agent in s.execute(
        select(KpiScore, User)
        .join(User, User.id == KpiScore.agent_id)
        .where(KpiScore.month_id == m.id)
        .order_by(User.name)
    ).all():
        if (agent.supervisor_id or NO_TEAM) not in teams:
            continue
        r = _result(card, sc)
        if not r.complete:
            out.append(f"{agent.name} ({'、'.join(r.missing)})")
    return out


def _targets(
    s: Session, actor: Actor, m: KpiMonth, team: int | None, doing: str
) -> list[KpiTeamMonth]:
    """The team rows an action applies to: a supervisor's own team; the owner's choice or all.

    Every team of the month gets its own row first (copied from the month), so moving one team
    never moves another.
    """
    present = _team_ids(s, m)
    rows = _team_rows(s, m)
    for team_id in present - set(rows):
        rows[team_id] = KpiTeamMonth(
            month_id=m.id,
            team_id=team_id,
            status=m.status,
            published_at=m.published_at,
            finalised_at=m.finalised_at,
            finalised_by_id=m.finalised_by_id,
            reopen_reason=m.reopen_reason,
        )
        s.add(rows[team_id])
    if actor.role != "owner":
        if team is not None and team != actor.id:
            raise PermissionDenied(f"{actor.name} 只能{doing}自己组的绩效")
        team = actor.id
    if team is None:
        return [rows[t] for t in sorted(present)]
    if team not in present:
        raise InvalidInput(f"{m.month} 没有{_team_name(s, team)}的客服")
    return [rows[team]]


def _team_name(s: Session, team_id: int) -> str:
    if team_id == NO_TEAM:
        return "未分组"
    u = s.get(User, team_id)
    return f"{u.name}组" if u is not None else f"#{team_id}组"


def _sync_month(s: Session, m: KpiMonth) -> None:
    """The month's status is its lowest team's; times are the first publish / last finalise."""
    rows = [t for t in _team_rows(s, m).values() if t.team_id in _team_ids(s, m)]
    if not rows:
        return
    m.status = min((t.status for t in rows), key=STATUS_ORDER.__getitem__)
    published = [t.published_at for t in rows if t.published_at is not None]
    m.published_at = min(published) if published else None
    finals = [t.finalised_at for t in rows if t.finalised_at is not None]
    m.finalised_at = max(finals) if m.status == "final" and finals else None
    s.flush()


def _team_audit(
    s: Session, actor: Actor, m: KpiMonth, t: KpiTeamMonth, what: str, before: str, **after: Any
) -> None:
    team = _team_name(s, t.team_id)
    audit.record(
        s,
        actor,
        "kpi_month",
        m.id,
        what,
        {"status": before, "team": team},
        {"status": t.status, "team": team, **after},
    )


def publish(db: Database, actor: Actor, month_id: int, team: int | None = None) -> MonthInfo:
    """Show the draft to the agents; their dispute window starts now.

    A supervisor publishes their own team; the owner one team (`team` = supervisor's id) or all.
    """
    require(actor, Perm.SCORE_TEAM)
    with db.write() as s:
        m = _get_month(s, month_id)
        targets = [t for t in _targets(s, actor, m, team, "发布") if t.status != "final"]
        if not targets:
            _locked_check(m)
            raise InvalidInput(f"{m.month} 已定稿, 不能再修改 (需要店主重新打开)")
        card = _card_of(s.get_one(Scorecard, m.scorecard_id))
        missing = _incomplete(s, m, card, {t.team_id for t in targets})
        if missing:
            raise InvalidInput("还有未填完的绩效, 不能发布: " + "; ".join(missing[:5]))
        now = clock.now()
        for t in targets:
            before = t.status
            t.status = "published"
            t.published_at = now
            _team_audit(s, actor, m, t, "publish", before)
        s.flush()
        _sync_month(s, m)
        return _month_info(s, m)


def finalise(db: Database, actor: Actor, month_id: int, team: int | None = None) -> MonthInfo:
    """Lock a team's month (a supervisor's own; the owner's choice or all); only the owner can
    reopen."""
    require(actor, Perm.SCORE_TEAM)
    with db.write() as s:
        m = _get_month(s, month_id)
        targets = [t for t in _targets(s, actor, m, team, "定稿") if t.status != "final"]
        if not targets:
            raise InvalidInput(f"{m.month} 已定稿, 不能再修改 (需要店主重新打开)")
        ids = {t.team_id for t in targets}
        card = _card_of(s.get_one(Scorecard, m.scorecard_id))
        missing = _incomplete(s, m, card, ids)
        if missing:
            raise InvalidInput("还有未填完的绩效, 不能定稿: " + "; ".join(missing[:5]))
        open_teams = s.execute(
            select(User.supervisor_id)
            .select_from(KpiDispute)
            .join(KpiScore, KpiScore.id == KpiDispute.score_id)
            .join(User, User.id == KpiScore.agent_id)
            .where(KpiScore.month_id == m.id, KpiDispute.status == "open")
        ).scalars()
        open_count = sum(1 for t in open_teams if (t or NO_TEAM) in ids)
        if open_count:
            raise InvalidInput(f"还有 {open_count} 条申诉没有答复, 请先处理再定稿")
        now = clock.now()
        for t in targets:
            before = t.status
            t.status = "final"
            t.finalised_at = now
            t.finalised_by_id = actor.id
            _team_audit(s, actor, m, t, "finalise", before)
        s.flush()
        _sync_month(s, m)
        if m.status == "final":
            m.finalised_by_id = actor.id
        return _month_info(s, m)


def reopen(
    db: Database, actor: Actor, month_id: int, reason: str, team: int | None = None
) -> MonthInfo:
    """Owner only, with a reason: final teams (one, or all) go back to published."""
    require(actor, Perm.REOPEN_SCORES)
    reason = reason.strip()
    if not reason:
        raise InvalidInput("重新打开已定稿的绩效必须填写原因")
    with db.write() as s:
        m = _get_month(s, month_id)
        targets = [t for t in _targets(s, actor, m, team, "重新打开") if t.status == "final"]
        if not targets:
            raise InvalidInput(f"{m.month} 还没有定稿, 不需要重新打开")
        for t in targets:
            t.status = "published"
            t.reopen_reason = reason
            _team_audit(s, actor, m, t, "reopen", "final", reason=reason)
        s.flush()
        _sync_month(s, m)
        m.reopen_reason = reason
        return _month_info(s, m)
