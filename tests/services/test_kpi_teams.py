"""Several supervisors: each publishes and finalises their own team; the owner can do all."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from shopdesk import clock
from shopdesk.audit.models import AuditEntry
from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, PermissionDenied
from shopdesk.kpi import disputes, history, service

FULL = {
    "quality": "优",
    "refund_rate": "4.2%",
    "disputes": "良",
    "teamwork": "优",
    "execution": "中",
}


@pytest.fixture
def two_teams(db: Database, owner: Actor, supervisor: Actor) -> dict[str, Actor]:
    """主管 leads 小唐 and 小邓; 李组长 leads 小林."""
    auth.add_user(db, owner, "李组长", "supervisor", job="客服主管")
    for name, sup in [("小唐", "主管"), ("小邓", "主管"), ("小林", "李组长")]:
        auth.add_user(db, owner, name, "staff", job="客服", cs_level="普通售后客服", supervisor=sup)
    return {n: auth.actor_by_name(db, n) for n in ("李组长", "小唐", "小邓", "小林")}


def _fill(db: Database, actor: Actor, month_id: int) -> None:
    for row in service.grid(db, actor, month_id).rows:
        v = row.version
        for key, raw in FULL.items():
            v = service.update_cell(db, actor, row.id, key, raw, v).version


def _status(info: service.MonthInfo, team: Actor) -> str:
    t = info.team(team.id)
    assert t is not None
    return t.status


def test_each_supervisor_publishes_and_finalises_only_their_team(
    db: Database, owner: Actor, supervisor: Actor, two_teams: dict[str, Actor]
) -> None:
    li = two_teams["李组长"]
    info = service.open_month(db, supervisor, "2026-10")
    assert {t.supervisor for t in info.teams} == {"主管", "李组长"}
    _fill(db, supervisor, info.id)
    # 李组长's team is not filled in: 主管 can still publish theirs.
    mine = service.publish(db, supervisor, info.id)
    assert _status(mine, supervisor) == "published" and _status(mine, li) == "draft"
    assert mine.status == "draft"  # the month is as far as its slowest team
    assert [r.agent for r in service.grid(db, two_teams["小唐"], info.id).rows] == ["小唐"]
    assert service.grid(db, two_teams["小林"], info.id).rows == []  # still a draft for 小林
    with pytest.raises(PermissionDenied, match="自己组"):
        service.publish(db, supervisor, info.id, team=li.id)
    with pytest.raises(InvalidInput, match="未填完"):
        service.publish(db, li, info.id)  # only 小林's row counts, and it is empty

    done = service.finalise(db, supervisor, info.id)
    assert _status(done, supervisor) == "final" and _status(done, li) == "draft"
    tang = next(r for r in service.grid(db, owner, info.id).rows if r.agent == "小唐")
    assert not tang.editable and tang.status == "final"
    with pytest.raises(InvalidInput, match="已定稿"):
        service.update_cell(db, owner, tang.id, "late", "1", tang.version)
    # 李组长 keeps scoring their own team.
    _fill(db, li, info.id)
    service.publish(db, li, info.id)
    final = service.finalise(db, li, info.id)
    assert final.status == "final" and final.finalised_at is not None

    # The owner reopens one team, with a reason; the other stays locked.
    again = service.reopen(db, owner, info.id, "小林考勤录错", team=li.id)
    assert _status(again, li) == "published" and _status(again, supervisor) == "final"
    assert again.status == "published"
    with db.read() as s:
        entries = list(
            s.execute(
                select(AuditEntry.action, AuditEntry.user_name, AuditEntry.after)
                .where(AuditEntry.entity == "kpi_month", AuditEntry.action != "add_agents")
                .order_by(AuditEntry.id)
            ).all()
        )
    teams = [(a, who, str(after)) for a, who, after in entries if a != "open"]
    assert [(a, who) for a, who, _ in teams] == [
        ("publish", "主管"),
        ("finalise", "主管"),
        ("publish", "李组长"),
        ("finalise", "李组长"),
        ("reopen", "店主"),
    ]
    assert "李组长组" in teams[-1][2] and "小林考勤录错" in teams[-1][2]


def test_the_owner_publishes_and_finalises_every_team_at_once_or_one(
    db: Database, owner: Actor, supervisor: Actor, two_teams: dict[str, Actor]
) -> None:
    li = two_teams["李组长"]
    info = service.open_month(db, owner, "2026-10")
    _fill(db, owner, info.id)
    one = service.publish(db, owner, info.id, team=li.id)
    assert _status(one, li) == "published" and _status(one, supervisor) == "draft"
    every = service.publish(db, owner, info.id)
    assert every.status == "published"
    assert {t.status for t in every.teams} == {"published"}
    assert service.finalise(db, owner, info.id).status == "final"
    with pytest.raises(InvalidInput, match="已定稿"):
        service.finalise(db, owner, info.id)


def test_a_teams_dispute_window_starts_when_that_team_is_published(
    db: Database,
    owner: Actor,
    supervisor: Actor,
    two_teams: dict[str, Actor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    li, tang, lin = two_teams["李组长"], two_teams["小唐"], two_teams["小林"]
    info = service.open_month(db, owner, "2026-10")
    _fill(db, owner, info.id)
    service.publish(db, supervisor, info.id)
    start = clock.now()
    monkeypatch.setattr(clock, "now", lambda: start + timedelta(days=3, hours=1))
    service.publish(db, li, info.id)  # three days later
    tang_card = history.agent_card(db, tang, info.id)
    lin_card = history.agent_card(db, lin, info.id)
    assert not tang_card.can_dispute  # 主管's team's window is over
    assert lin_card.can_dispute and lin_card.month.status == "published"
    with pytest.raises(InvalidInput, match="申诉期已过"):
        disputes.raise_dispute(db, tang, tang_card.row.id, "quality", "聊天记录没问题")
    d = disputes.raise_dispute(db, lin, lin_card.row.id, "quality", "聊天记录没问题")
    assert d.status == "open"
    # An open dispute in 李组长's team does not hold up 主管's finalise.
    assert _status(service.finalise(db, supervisor, info.id), supervisor) == "final"
    with pytest.raises(InvalidInput, match="申诉"):
        service.finalise(db, li, info.id)


def test_an_import_cannot_change_a_finalised_team(
    db: Database, owner: Actor, supervisor: Actor, two_teams: dict[str, Actor], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from shopdesk.errors import ImportRejected
    from shopdesk.kpi.importers import import_file

    info = service.open_month(db, owner, "2026-10")
    _fill(db, owner, info.id)
    service.publish(db, supervisor, info.id)
    service.finalise(db, supervisor, info.id)
    sheet = tmp_path / "kpi.csv"
    sheet.write_text("客服,迟到\n小林,1\n小唐,2\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as err:
        import_file(db, owner, sheet, "2026-10")
    assert [(e.row, e.value, e.reason) for e in err.value.errors] == [
        (3, "小唐", "本组本月已定稿, 不能修改")
    ]
    sheet.write_text("客服,迟到\n小林,1\n", encoding="utf-8")
    assert import_file(db, owner, sheet, "2026-10").stored


def test_history_shows_a_team_once_its_supervisor_finalised_it(
    db: Database, owner: Actor, supervisor: Actor, two_teams: dict[str, Actor]
) -> None:
    info = service.open_month(db, supervisor, "2026-10")
    _fill(db, supervisor, info.id)
    service.publish(db, supervisor, info.id)
    service.finalise(db, supervisor, info.id)  # 李组长's team is still a draft
    h = history.history(db, owner)
    assert h.months == ["2026-10"]
    assert set(h.series) == {"小唐", "小邓"}  # 小林's score is not a result yet
    mine = history.history(db, two_teams["小唐"])
    assert list(mine.series) == ["小唐"] and mine.team_average[0] is not None
    assert history.history(db, two_teams["小林"]).series == {}
    li = two_teams["李组长"]
    _fill(db, li, info.id)
    service.publish(db, li, info.id)
    service.finalise(db, li, info.id)
    assert set(history.history(db, owner).series) == {"小唐", "小邓", "小林"}
