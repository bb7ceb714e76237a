"""The demo shop's KPI history: six past months per card, all but the last finalised.

The last month is published with its dispute window open and one dispute waiting, so every part
of the tab has something to show. Written in one unit of work (not cell by cell) to stay fast.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from shopdesk import audit
from shopdesk.auth.models import User
from shopdesk.clock import now
from shopdesk.db.engine import Database
from shopdesk.kpi import carddef
from shopdesk.kpi.cards import AFTER_SALES_NAME, PRE_SALES_NAME
from shopdesk.kpi.install import install
from shopdesk.kpi.models import KpiDispute, KpiMonth, KpiScore, Scorecard
from shopdesk.kpi.scorecard import Card, inputs_to_json, parse_inputs, score

MONTHS = 6
GRADES = ("优", "良", "中", "差")


def _past_months(today: date, n: int) -> list[str]:
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        m -= 1
        if m == 0:
            y, m = y - 1, 12
        out.append(f"{y:04d}-{m:02d}")
    return sorted(out)


def _grade(rng: random.Random, skill: float) -> str:
    roll = rng.random() + skill * 0.5
    return "优" if roll > 0.95 else "良" if roll > 0.55 else "中" if roll > 0.2 else "差"


def _after_sales_inputs(rng: random.Random, skill: float) -> dict[str, Any]:
    refund = max(0.01, rng.gauss(0.09 - skill * 0.06, 0.02))
    return {
        "quality": _grade(rng, skill),
        "refund_rate": f"{refund * 100:.1f}%",
        "disputes": _grade(rng, skill),
        "teamwork": _grade(rng, skill),
        "execution": _grade(rng, skill),
        "late": rng.choices([0, 1, 2], [6 + skill * 6, 3, 1])[0],
        "leave": rng.choices([0, 1], [8, 2])[0],
        "absent": rng.choices([0, 1], [30, 1])[0],
        "low_reviews": rng.choices([0, 1, 2], [6 + skill * 4, 3, 1])[0],
        "complaint_deduction": [rng.choice([5, 10, 15])]
        if rng.random() > 0.7 + skill * 0.2
        else [],
        "praises": rng.randint(0, 2 + int(skill * 4)),
        "outstanding": rng.choice([None, None, None, 3, 5]) if skill > 0.5 else None,
    }


def _pre_sales_inputs(rng: random.Random, skill: float) -> dict[str, Any]:
    return {
        "response_time": f"{max(5.0, rng.gauss(40 - skill * 25, 6)):.0f}",
        "satisfaction": f"{min(0.99, rng.gauss(0.86 + skill * 0.1, 0.02)) * 100:.1f}%",
        "conversion": f"{min(0.8, max(0.1, rng.gauss(0.38 + skill * 0.2, 0.05))) * 100:.1f}%",
        "complaint_deduction": [10] if rng.random() > 0.85 + skill * 0.1 else [],
        "praises": rng.randint(0, 3),
        "outstanding": 3 if skill > 0.7 and rng.random() > 0.6 else None,
    }


def populate(db: Database, demo: Any) -> None:
    """Fill six months of scores for the demo's CS agents (demo: shopdesk.demo.DemoShop)."""
    rng = random.Random(demo.rng.random())
    owner = demo.owner
    with db.write() as s:
        install(s)
        if s.scalar(select(KpiMonth.id).limit(1)) is not None:
            return  # already has KPI data: never overwrite real scores
        agents = list(
            s.execute(select(User).where(User.cs_level.is_not(None)).order_by(User.id)).scalars()
        )
        skills = {a.id: rng.uniform(0.15, 0.95) for a in agents}
        months = _past_months(demo.today, MONTHS)
        for name, make in (
            (AFTER_SALES_NAME, _after_sales_inputs),
            (PRE_SALES_NAME, _pre_sales_inputs),
        ):
            card_row = s.execute(select(Scorecard).where(Scorecard.name == name)).scalars().first()
            if card_row is None:
                continue
            card = carddef.from_dict(card_row.definition)
            team = [a for a in agents if a.cs_level in card.base_pay]
            for i, month in enumerate(months):
                last = i == len(months) - 1
                m = _month(s, card_row.id, month, last)
                for a in team:
                    skill = min(0.98, skills[a.id] + i * 0.02)  # most people improve a little
                    sc = _score(card, m.id, a, make(rng, skill))
                    s.add(sc)
                s.flush()
                audit.record(
                    s, owner, "kpi_month", m.id, "demo", None, {"month": month, "card": name}
                )
                if last and name == AFTER_SALES_NAME and team:
                    _dispute(s, m.id)


def _month(s: Any, card_id: int, month: str, last: bool) -> KpiMonth:
    y, mo = (int(x) for x in month.split("-"))
    end = (date(y, mo, 28) + timedelta(days=4)).replace(day=1)  # first day of the next month
    published = now() - timedelta(days=1) if last else _at(end + timedelta(days=2))
    m = KpiMonth(
        month=month,
        scorecard_id=card_id,
        status="published" if last else "final",
        published_at=published,
        finalised_at=None if last else _at(end + timedelta(days=6)),
    )
    s.add(m)
    s.flush()
    return m


def _at(d: date) -> datetime:
    return datetime.combine(d, time(10, 0)).astimezone()


def _score(card: Card, month_id: int, agent: User, raw: dict[str, Any]) -> KpiScore:
    values, errors = parse_inputs(card, raw)
    assert not errors, errors
    stored = inputs_to_json(card, values)
    r = score(card, stored, agent.cs_level)
    return KpiScore(
        month_id=month_id,
        agent_id=agent.id,
        cs_level=agent.cs_level,
        inputs=stored,
        item_points=r.to_dict(),
        final_score=r.final,
        passed=r.passed,
        bonus=r.bonus,
        base_pay=r.base_pay,
        pay=r.pay,
        updated_at=now(),
        updated_by_id=agent.supervisor_id,
    )


def _dispute(s: Any, month_id: int) -> None:
    """One open dispute, about something the agent's row really shows."""
    rows = list(
        s.execute(
            select(KpiScore).where(KpiScore.month_id == month_id).order_by(KpiScore.id)
        ).scalars()
    )
    late = [sc for sc in rows if int(sc.inputs.get("late") or 0) > 0]
    sc = late[0] if late else rows[0]
    item, comment = (
        ("attendance", "15 号那次迟到是去仓库帮忙清点退货, 主管知道的")
        if late
        else ("quality", "抽查的那几条聊天是系统延迟, 不是我回复慢")
    )
    s.add(KpiDispute(score_id=sc.id, item_key=item, comment=comment, raised_by_id=sc.agent_id))
    s.flush()
