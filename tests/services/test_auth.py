import pytest
from sqlalchemy import select

from shopdesk.audit.models import AuditEntry
from shopdesk.audit.service import verify_chain
from shopdesk.auth import service as auth
from shopdesk.auth.actor import Actor
from shopdesk.auth.models import User
from shopdesk.auth.permissions import ROLE_PERMS, Perm, can, require
from shopdesk.db.engine import Database
from shopdesk.errors import InvalidInput, PermissionDenied


def test_first_owner_then_no_second_first_run(db: Database) -> None:
    assert not auth.has_users(db)
    owner = auth.create_owner(db, "王芳", "1234")
    assert owner.role == "owner"
    with pytest.raises(InvalidInput):
        auth.create_owner(db, "冒充者", None)


def test_pin_is_hashed_salted_and_checked(db: Database) -> None:
    auth.create_owner(db, "王芳", "1234")
    with db.read() as s:
        stored = s.execute(select(User.pin_hash)).scalar_one()
    assert "1234" not in stored and stored.startswith("scrypt$")
    assert auth.login(db, "王芳", "1234").name == "王芳"
    with pytest.raises(PermissionDenied, match="PIN 不正确"):
        auth.login(db, "王芳", "0000")


def test_five_wrong_pins_lock_then_owner_reset_unlocks(db: Database, owner: Actor) -> None:
    auth.add_user(db, owner, "小李", "staff", "4321", job="仓库")
    for _ in range(4):
        with pytest.raises(PermissionDenied, match="还可尝试"):
            auth.login(db, "小李", "0000")
    with pytest.raises(PermissionDenied, match="锁定"):
        auth.login(db, "小李", "0000")
    with pytest.raises(PermissionDenied, match="锁定"):
        auth.login(db, "小李", "4321")  # even the right PIN waits
    auth.reset_pin(db, owner, "小李", "5555")
    assert auth.login(db, "小李", "5555").name == "小李"


def test_deactivated_user_cannot_log_in_but_history_stays(db: Database, owner: Actor) -> None:
    auth.add_user(db, owner, "离职员工", "staff", job="客服")
    auth.deactivate(db, owner, "离职员工")
    with pytest.raises(PermissionDenied, match="停用"):
        auth.login(db, "离职员工", None)
    assert "离职员工" not in [u.name for u in auth.list_users(db)]
    assert "离职员工" in [u.name for u in auth.list_users(db, include_inactive=True)]


def test_bad_user_input_is_refused_clearly(db: Database, owner: Actor) -> None:
    with pytest.raises(InvalidInput, match="PIN"):
        auth.add_user(db, owner, "甲", "staff", "12")
    with pytest.raises(InvalidInput, match="角色"):
        auth.add_user(db, owner, "乙", "boss")
    auth.add_user(db, owner, "丙", "staff")
    with pytest.raises(InvalidInput, match="已经有"):
        auth.add_user(db, owner, "丙", "staff")
    with pytest.raises(InvalidInput, match="自己"):
        auth.deactivate(db, owner, "店主")


def test_staff_cannot_manage_users(db: Database, staff: Actor) -> None:
    with pytest.raises(PermissionDenied):
        auth.add_user(db, staff, "新人", "owner")
    with pytest.raises(PermissionDenied):
        auth.deactivate(db, staff, "主管")


@pytest.mark.parametrize(
    ("role", "perm", "allowed"),
    [
        ("staff", Perm.TICK_CHECKLIST, True),
        ("staff", Perm.VIEW_COST, False),
        ("staff", Perm.EDIT_CHECKLIST, False),
        ("staff", Perm.VIEW_ALL_SCORES, False),
        ("supervisor", Perm.SCORE_TEAM, True),
        ("supervisor", Perm.VIEW_COST, False),
        ("supervisor", Perm.REOPEN_SCORES, False),
        ("finance", Perm.VIEW_COST, True),
        ("finance", Perm.VIEW_ALL_SCORES, True),
        ("finance", Perm.EDIT_STOCK, False),
        ("owner", Perm.RESTORE, True),
    ],
)
def test_role_matrix(role: str, perm: Perm, allowed: bool) -> None:
    actor = Actor(id=1, name="x", role=role)
    assert can(actor, perm) is allowed
    if not allowed:
        with pytest.raises(PermissionDenied):
            require(actor, perm)


def test_owner_has_every_permission() -> None:
    assert ROLE_PERMS["owner"] == frozenset(Perm)


def test_every_write_is_audited_in_an_intact_chain(db: Database, owner: Actor) -> None:
    auth.add_user(db, owner, "小李", "staff")
    auth.deactivate(db, owner, "小李")
    with db.read() as s:
        rows = list(s.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars())
        assert [(r.user_name, r.action) for r in rows][-2:] == [
            ("店主", "create"),
            ("店主", "deactivate"),
        ]
        assert rows[-1].before == {"active": True} and rows[-1].after == {"active": False}
        assert verify_chain(s) == []


def test_a_silent_edit_breaks_the_chain(db: Database, owner: Actor) -> None:
    auth.add_user(db, owner, "小李", "staff")
    auth.add_user(db, owner, "小王", "staff")
    with db.write() as s:
        entry = s.execute(select(AuditEntry).order_by(AuditEntry.id).limit(1)).scalar_one()
        entry.user_name = "别人"
        bad_id = entry.id
    with db.read() as s:
        assert verify_chain(s) == [bad_id]
