"""What an agent sees of their own month, and score history over months.

History uses finalised scores only: a draft is not a result yet. Each supervisor finalises their
own team, so a month shows the teams already final, before the slowest team is. The average is of
those scores (never of pay), so an agent may compare themselves with it without seeing anyone's
bonus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select

from shopdesk import clock
from shopdesk.auth.actor import Actor
from shopdesk.auth.models import User
from shopdesk.auth.permissions import Perm, require
from shopdesk.db.engine import Database
from shopdesk.errors import NotFound, PermissionDenied
from shopdesk.kpi import disputes as disputes_mod
from shopdesk.kpi import service
from shopdesk.kpi.advice import Advice, advise
from shopdesk.kpi.cards import AFTER_SALES_NAME
from shopdesk.kpi.models import KpiMonth, KpiScore, KpiTeamMonth, Scorecard


@dataclass(frozen=True)
class AgentCard:
    month: service.MonthInfo
    row: service.ScoreRow
    advice: Advice
    disputes: list[disputes_mod.DisputeRow]
    can_dispute: bool


@dataclass
class History:
    months: list[str] = field(default_factory=list)
    series: dict[str, list[Decimal | None]] = field(default_factory=dict)  # agent → score/month
    team_average: list[Decimal | None] = field(default_factory=list)
    pass_line: Decimal | None = None
    max_total: Decimal | None = None


def agent_card(db: Database, actor: Actor, month_id: int, agent_id: int | None = None) -> AgentCard:
    """One agent's card (the actor's own by default) with the breakdown and advice."""
    require(actor, Perm.VIEW_OWN_SCORE)
    wanted = actor.id if agent_id is None else agent_id
    g = service.grid(db, actor, month_id)
    row = next((r for r in g.rows if r.agent_id == wanted), None)
    if row is None:
        if wanted == actor.id:
            raise NotFound(f"{g.month.month} 没有你的已发布绩效")
        raise PermissionDenied("不能查看这位客服的绩效")
    advice = advise(g.month.card, row.inputs, row.result)
    mine = [d for d in disputes_mod.list_disputes(db, actor, month_id) if d.score_id == row.id]
    month = g.month.for_team(row.supervisor_id)  # the agent's team's status and deadline
    can_dispute = False
    if row.agent_id == actor.id and month.status == "published":
        deadline = month.dispute_deadline
        can_dispute = deadline is None or clock.now() <= deadline
    return AgentCard(month, row, advice, mine, can_dispute)


def history(db: Database, actor: Actor, card_name: str = AFTER_SALES_NAME) -> History:
    """Finalised scores per visible agent per month (a team counts once its supervisor finalised
    it), and the month's average of those scores."""
    require(actor, Perm.VIEW_OWN_SCORE)
    with db.read() as s:
        rows = s.execute(
            select(KpiMonth.month, KpiScore.final_score, User, Scorecard.definition)
            .join(KpiMonth, KpiMonth.id == KpiScore.month_id)
            .join(Scorecard, Scorecard.id == KpiMonth.scorecard_id)
            .join(User, User.id == KpiScore.agent_id)
            # The agent's team in that month; an agent moved to a team the month does not have
            # goes by the month's own status, as the grid does.
            .outerjoin(
                KpiTeamMonth,
                (KpiTeamMonth.month_id == KpiMonth.id)
                & (KpiTeamMonth.team_id == func.coalesce(User.supervisor_id, service.NO_TEAM)),
            )
            .where(
                Scorecard.name == card_name,
                func.coalesce(KpiTeamMonth.status, KpiMonth.status) == "final",
            )
            .order_by(KpiMonth.month, User.name)
        ).all()
        h = History()
        months = sorted({m for m, *_ in rows})
        index = {m: i for i, m in enumerate(months)}
        h.months = months
        sums: list[Decimal] = [Decimal(0)] * len(months)
        counts: list[int] = [0] * len(months)
        for month, final, agent, definition in rows:
            if final is None:
                continue
            i = index[month]
            sums[i] += final
            counts[i] += 1
            if service._visible(actor, agent, "final"):
                h.series.setdefault(agent.name, [None] * len(months))[i] = final
            if h.pass_line is None:
                card = service.carddef.from_dict(definition)
                h.pass_line, h.max_total = card.pass_line, card.max_total
    h.team_average = [
        (sums[i] / counts[i]).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if counts[i]
        else None
        for i in range(len(months))
    ]
    return h
